package dev.aigateway.contract.run;

import dev.aigateway.contract.Stop;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * One contract run per checkout at a time: the run takes an operating-system lock on
 * {@value #FILE} before it empties {@code reports/} and holds it until the Maven process that runs
 * it ends, so a second run at the same time stops with one sentence instead of mixing two runs'
 * reports, verdicts and bundle.
 */
public final class RunLock {

    public static final String FILE = "target/contract-run.lock";
    /** Where the held lock is kept: the JVM's own properties, so it lives as long as the Maven process. */
    private static final String HELD = "ai-gateway-contract.run-lock";

    private RunLock() {}

    /** Takes the lock of the checkout at {@code root}, or throws naming the run that holds it. */
    public static synchronized void take(Path root) throws IOException {
        if (System.getProperties().get(HELD) != null) {
            return;
        }
        Path file = root.resolve(FILE);
        Files.createDirectories(file.getParent());
        FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                StandardOpenOption.WRITE);
        FileLock lock = channel.tryLock();
        if (lock == null) {
            String holder = Files.readString(file).strip();
            channel.close();
            throw new RunInProgress("Another contract run is in progress in this checkout"
                    + (holder.isEmpty() ? "" : " (" + holder + ")") + ": wait for it to finish, or run from another"
                    + " clone; two runs at once would mix their reports and verdicts.");
        }
        channel.truncate(0);
        channel.write(ByteBuffer.wrap(("process " + ProcessHandle.current().pid() + ", started "
                + Instant.now().truncatedTo(ChronoUnit.SECONDS) + ", env " + System.getProperty("env", "local"))
                .getBytes(StandardCharsets.UTF_8)));
        channel.force(false);
        System.getProperties().put(HELD, lock);
    }

    /** The lock is held by another process. */
    public static final class RunInProgress extends Stop {
        RunInProgress(String message) {
            super(message);
        }
    }
}
