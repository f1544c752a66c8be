package dev.aigateway.contract.run;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Allure's own report generator, the commandline the build unpacks into {@code .allure/}:
 * {@code allure generate --single-file --name NAME}, the one-file report and nothing else. It runs
 * in a JVM of its own, so its libraries never meet ours and the run's other finishing work goes on
 * beside it, with its classes shared from an archive its first run made ({@link ClassDataSharing}).
 */
public final class AllureReport {

    private static final String MAIN = "io.qameta.allure.CommandLine";
    /** Beside the run record: the generator the test JVM started, and what it printed. */
    static final String STARTED = "target/contract-run/allure.pid";
    static final String PRINTED = "target/contract-run/allure-output.txt";
    /** What Allure's commandline prints once the report is written. */
    private static final String GENERATED = "Report successfully generated";
    /** A generator that has not finished by then is given up on (it takes seconds). */
    private static final java.time.Duration GENERATION_LIMIT = java.time.Duration.ofMinutes(2);

    private final Process process;
    private final ClassDataSharing sharing;
    private final Thread reader;
    private final ByteArrayOutputStream output = new ByteArrayOutputStream();
    private final ProcessHandle adopted;
    private final Path printed;
    private final Path report;

    private AllureReport(Process process, ClassDataSharing sharing) {
        this.process = process;
        this.sharing = sharing;
        this.reader = new Thread(this::readOutput, "allure-output");
        reader.setDaemon(true);
        reader.start();
        this.adopted = null;
        this.printed = null;
        this.report = null;
    }

    private AllureReport(ProcessHandle adopted, Path printed, Path report) {
        this.process = null;
        this.sharing = null;
        this.reader = null;
        this.adopted = adopted;
        this.printed = printed;
        this.report = report;
    }

    /**
     * From the contract run's JVM, the moment its results are written: starts the generator, which
     * goes on while that JVM exits and Maven moves on, for {@link #adopt} to wait for. Only with an
     * archive of its classes made by an earlier run (the first run records one in the finishing
     * step); false when it was not started, and the finishing step starts it.
     */
    public static boolean startEarly(Path root, Path allureHome, Path results, Path report, String name) {
        try {
            ClassDataSharing sharing = ClassDataSharing.of(archive(allureHome), jars(allureHome));
            if (!sharing.fits()) {
                return false;
            }
            Path started = root.resolve(STARTED);
            Files.createDirectories(started.getParent());
            ProcessBuilder builder = command(allureHome, results, report, name, sharing).redirectOutput(root.resolve(PRINTED).toFile());
            Files.writeString(started, Long.toString(builder.start().pid()));
            return true;
        } catch (IOException | RuntimeException notStarted) {
            return false;
        }
    }

    /** The generator the test JVM started for this run ({@link #startEarly}), when there is one. */
    public static Optional<AllureReport> adopt(Path root, Path report) throws IOException {
        Path started = root.resolve(STARTED);
        if (!Files.isRegularFile(started)) {
            return Optional.empty();
        }
        long pid = Long.parseLong(Files.readString(started).strip());
        Optional<ProcessHandle> running = ProcessHandle.of(pid)
                .filter(handle -> handle.info().commandLine().map(line -> line.contains(MAIN)).orElse(false));
        if (running.isEmpty() && !Files.isRegularFile(report.resolve("index.html"))
                && !(Files.isRegularFile(root.resolve(PRINTED)) && Files.readString(root.resolve(PRINTED)).contains(GENERATED))) {
            // Gone without a report: the finishing step generates it.
            return Optional.empty();
        }
        return Optional.of(new AllureReport(running.orElse(null), root.resolve(PRINTED), report));
    }

    /** Writes {@code report}/index.html from {@code results}, titled {@code name}, and returns when it is written. */
    public static void generate(Path allureHome, Path results, Path report, String name) throws IOException, InterruptedException {
        start(allureHome, results, report, name).await();
    }

    /** Starts writing {@code report}/index.html from {@code results}, titled {@code name}; {@link #await} waits for it. */
    public static AllureReport start(Path allureHome, Path results, Path report, String name) throws IOException {
        ClassDataSharing sharing = ClassDataSharing.of(archive(allureHome), jars(allureHome));
        return new AllureReport(command(allureHome, results, report, name, sharing).redirectErrorStream(true).start(), sharing);
    }

    private static ProcessBuilder command(Path allureHome, Path results, Path report, String name, ClassDataSharing sharing) {
        Path lib = allureHome.resolve("lib");
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        // A short run: the quick compiler alone is faster, as in the test JVM.
        command.add("-XX:TieredStopAtLevel=1");
        command.addAll(sharing.options());
        // lib/config holds only the logging setup; named here, so that the class path is jars alone,
        // which class data sharing needs.
        command.add("-Dlogback.configurationFile=" + lib.resolve("config").resolve("logback.xml"));
        command.add("-cp");
        command.add(String.join(java.io.File.pathSeparator, jars(allureHome).stream().map(Path::toString).toList()));
        command.add(MAIN);
        command.addAll(List.of("generate", "--single-file", "--clean", "--name", name,
                "--output", report.toString(), results.toString()));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        // Where the commandline finds its plugins and config/allure.yml, as its own bin/allure sets it.
        builder.environment().put("APP_HOME", allureHome.toAbsolutePath().toString());
        return builder;
    }

    private static Path archive(Path allureHome) {
        return allureHome.resolveSibling("class-data").resolve(allureHome.getFileName() + ".jsa");
    }

    private static List<Path> jars(Path allureHome) {
        Path lib = allureHome.resolve("lib");
        if (!Files.isDirectory(lib)) {
            throw new IllegalStateException("Allure's commandline is not unpacked at " + allureHome
                    + ": run ./mvnw verify, which unpacks it there");
        }
        try (Stream<Path> files = Files.list(lib)) {
            return files.filter(file -> file.toString().endsWith(".jar")).sorted().toList();
        } catch (IOException e) {
            throw unreadable(allureHome, e);
        }
    }

    /** Waits until the report is written; prints what Allure printed, and says why when it could not write it. */
    public void await() throws IOException, InterruptedException {
        int exitCode;
        String printed;
        if (process != null) {
            exitCode = process.waitFor();
            reader.join();
            sharing.exited(exitCode);
            printed = output.toString(Charset.defaultCharset()).strip();
        } else {
            // Not this JVM's child, so neither its exit code nor a prompt word of its end (Java polls
            // other processes every 300 ms or more): Allure writes index.html, then says so, then exits.
            long deadline = System.nanoTime() + GENERATION_LIMIT.toNanos();
            while (!said(GENERATED) && adopted != null && adopted.isAlive()
                    && adopted.info().commandLine().isPresent() && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            exitCode = said(GENERATED) && Files.isRegularFile(report.resolve("index.html")) ? 0 : 1;
            printed = Files.isRegularFile(this.printed) ? Files.readString(this.printed, Charset.defaultCharset()).strip() : "";
        }
        if (!printed.isEmpty()) {
            System.out.println(printed);
        }
        if (exitCode != 0) {
            throw new IllegalStateException("Allure could not generate the report" + (process == null ? "" : " (exit code " + exitCode + ")")
                    + ": see its output above");
        }
    }

    private boolean said(String line) throws IOException {
        return Files.isRegularFile(printed) && Files.readString(printed, Charset.defaultCharset()).contains(line);
    }

    private void readOutput() {
        try (InputStream in = process.getInputStream()) {
            in.transferTo(output);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static IllegalStateException unreadable(Path allureHome, IOException e) {
        return new IllegalStateException("Allure's commandline at " + allureHome + " cannot be read (" + e.getMessage()
                + "): delete .allure/ and run ./mvnw verify again, which unpacks it afresh", e);
    }
}
