package dev.aigateway.contract;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** The tests' one way to run a program: no input, its output and errors as one text, a deadline. */
public final class Processes {

    /** Exit code when the program could not be started (not installed), as a shell says it. */
    public static final int NOT_STARTED = 127;
    /** Exit code when the program outlasted its deadline and was killed, as {@code timeout(1)} says it. */
    public static final int TIMED_OUT = 124;

    /** How a program ended and what it printed (standard output and error, interleaved). */
    public record Result(int exitCode, String output) {}

    private Processes() {}

    /** Runs {@code command} in {@code directory} (null: this one), killed once {@code deadline} has passed. */
    public static Result run(Path directory, Duration deadline, List<String> command) throws InterruptedException {
        Process process;
        try {
            process = new ProcessBuilder(command).directory(directory == null ? null : directory.toFile())
                    .redirectErrorStream(true)
                    .redirectInput(ProcessBuilder.Redirect.from(new File(File.separatorChar == '\\' ? "NUL" : "/dev/null")))
                    .start();
        } catch (IOException notInstalled) {
            return new Result(NOT_STARTED, notInstalled.getMessage());
        }
        // Read while it runs, so that a program printing more than the pipe holds does not wait on us.
        CompletableFuture<String> output = CompletableFuture.supplyAsync(() -> {
            try {
                return new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        if (!process.waitFor(deadline.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            return new Result(TIMED_OUT, output.getNow("") + "\n(timed out after " + deadline.toSeconds() + " s)");
        }
        return new Result(process.exitValue(), output.join());
    }

    /** Runs {@code command} in {@code directory} (null: this one), killed once {@code deadline} has passed. */
    public static Result run(Path directory, Duration deadline, String... command) throws InterruptedException {
        return run(directory, deadline, List.of(command));
    }

    /** The {@code java} launcher of the JVM running the tests. */
    public static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
