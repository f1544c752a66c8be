package dev.aigateway.contract.run;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Allure's own report generator, the commandline the build unpacks into {@code .allure/}:
 * {@code allure generate --single-file --name NAME}, the one-file report and nothing else. It runs
 * in a JVM of its own, so its libraries never meet ours and the run's other finishing work goes on
 * beside it, with its classes shared from an archive its first run made ({@link ClassDataSharing}).
 */
public final class AllureReport {

    private static final String MAIN = "io.qameta.allure.CommandLine";

    private final Process process;
    private final ClassDataSharing sharing;
    private final Thread reader;
    private final ByteArrayOutputStream output = new ByteArrayOutputStream();

    private AllureReport(Process process, ClassDataSharing sharing) {
        this.process = process;
        this.sharing = sharing;
        this.reader = new Thread(this::readOutput, "allure-output");
        reader.setDaemon(true);
        reader.start();
    }

    /** Writes {@code report}/index.html from {@code results}, titled {@code name}, and returns when it is written. */
    public static void generate(Path allureHome, Path results, Path report, String name) throws IOException, InterruptedException {
        start(allureHome, results, report, name).await();
    }

    /** Starts writing {@code report}/index.html from {@code results}, titled {@code name}; {@link #await} waits for it. */
    public static AllureReport start(Path allureHome, Path results, Path report, String name) throws IOException {
        Path lib = allureHome.resolve("lib");
        if (!Files.isDirectory(lib)) {
            throw new IllegalStateException("Allure's commandline is not unpacked at " + allureHome
                    + ": run ./mvnw verify, which unpacks it there");
        }
        List<Path> jars;
        try (Stream<Path> files = Files.list(lib)) {
            jars = files.filter(file -> file.toString().endsWith(".jar")).sorted().toList();
        } catch (IOException e) {
            throw unreadable(allureHome, e);
        }
        ClassDataSharing sharing = ClassDataSharing.of(
                allureHome.resolveSibling("class-data").resolve(allureHome.getFileName() + ".jsa"), jars);
        List<String> command = sharing.javaCommand();
        // lib/config holds only the logging setup; named here, so that the class path is jars alone,
        // which class data sharing needs.
        command.add("-Dlogback.configurationFile=" + lib.resolve("config").resolve("logback.xml"));
        command.add("-cp");
        command.add(String.join(java.io.File.pathSeparator, jars.stream().map(Path::toString).toList()));
        command.add(MAIN);
        command.addAll(List.of("generate", "--single-file", "--clean", "--name", name,
                "--output", report.toString(), results.toString()));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        // Where the commandline finds its plugins and config/allure.yml, as its own bin/allure sets it.
        builder.environment().put("APP_HOME", allureHome.toAbsolutePath().toString());
        return new AllureReport(builder.start(), sharing);
    }

    /** Waits until the report is written; prints what Allure printed, and says why when it could not write it. */
    public void await() throws IOException, InterruptedException {
        int exitCode = process.waitFor();
        reader.join();
        sharing.exited(exitCode);
        String printed = output.toString(Charset.defaultCharset()).strip();
        if (!printed.isEmpty()) {
            System.out.println(printed);
        }
        if (exitCode != 0) {
            throw new IllegalStateException("Allure could not generate the report (exit code " + exitCode + "): see its output above");
        }
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
