package dev.aigateway.contract.run;

import dev.aigateway.contract.Stop;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * One contract run per checkout at a time: the run takes an operating-system lock on
 * {@value #FILE} before it empties {@code reports/} and releases it when it ends (the finishing
 * step, or the step that stopped it), so a second run at the same time stops with one sentence
 * instead of mixing two runs' reports, verdicts and bundle. The held lock is kept in the JVM's own
 * properties, one per checkout, since each step of the build loads this class afresh; a JVM that
 * outlives the build (the Maven daemon, an IDE's embedded Maven) gets it back once the run ends.
 */
public final class RunLock {

    public static final String FILE = "target/contract-run.lock";
    /** Where a held lock is kept: the JVM's own properties, under this prefix and the checkout's real path. */
    private static final String HELD = "ai-gateway-contract.run-lock:";

    private RunLock() {}

    /**
     * Takes the lock of the checkout at {@code root}, or throws naming the run that holds it. A lock this
     * JVM already holds for the same checkout is kept: it is this run's.
     */
    public static synchronized void take(Path root) throws IOException {
        Path file = root.resolve(FILE);
        Files.createDirectories(file.getParent());
        String key = key(root);
        if (System.getProperties().get(key) != null) {
            return;
        }
        FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                StandardOpenOption.WRITE);
        FileLock lock;
        String holder;
        try {
            lock = channel.tryLock();
            // Read only when another process holds it: on Linux, closing any other channel on the file would
            // drop this JVM's own lock.
            holder = lock == null ? Files.readString(file).strip() : "";
        } catch (OverlappingFileLockException heldHereUnderAnotherPath) {
            lock = null;
            holder = "this JVM";
        }
        if (lock == null) {
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
        System.getProperties().put(key, lock);
    }

    /** Releases the lock of the checkout at {@code root} if this JVM holds it: the run is over. */
    public static synchronized void release(Path root) throws IOException {
        if (System.getProperties().remove(key(root)) instanceof FileLock lock) {
            // Closing the channel releases the lock.
            lock.channel().close();
        }
    }

    private static String key(Path root) throws IOException {
        Path checkout = Files.exists(root) ? root.toRealPath() : root.toAbsolutePath().normalize();
        return HELD + checkout;
    }

    /** The lock is held by another process. */
    public static final class RunInProgress extends Stop {
        RunInProgress(String message) {
            super(message);
        }
    }
}
