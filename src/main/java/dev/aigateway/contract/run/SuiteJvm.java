package dev.aigateway.contract.run;

import dev.aigateway.contract.BuildStep;
import dev.aigateway.contract.WireLog;
import dev.aigateway.contract.request.ApplicationRequests;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Runs the contract suite in a JVM of its own ({@code integration-test}) and waits for it; the
 * finishing step comes next, whatever the outcome, and fails the build once the report is written.
 * The JVM's class path is jars alone, so that its classes are mapped from an archive that its first
 * run recorded ({@link ClassDataSharing}), which shortens its start-up (measured by
 * src/bench/verify-speed.sh): the project's own classes are packed into {@code .contract-suite/},
 * a jar rewritten only when its content changes. The suite reads {@code features/} in place, from the
 * project folder, its working directory, which is not on the class path. The jars and the
 * archive live outside {@code target/}, as Allure's commandline does in {@code .allure/}: after a
 * {@code clean} the classes compile to the same bytes, so the archive still fits.
 */
public final class SuiteJvm {

    static final String LAUNCHER = SuiteLauncher.class.getName();
    static final String FOLDER = ".contract-suite";
    /**
     * The build's -D options that concern the suite: Cucumber's, the simulator's, the history's, a proxy's and its TLS trust, Allure's,
     * the wire log's, the application's request ({@code -Drequest=FILE}, and nothing else that starts with its name).
     */
    private static final List<String> PASSED_ON = List.of("cucumber.", "simulator.", "history", "http.", "https.", "javax.net.ssl.", "allure.",
            WireLog.PROPERTY);
    private static final List<String> PASSED_ON_EXACTLY = List.of(ApplicationRequests.PROPERTY);

    private SuiteJvm() {}

    /** Arguments: the project root, the environment's name. The class path is this class's own, the project's runtime class path. */
    public static void main(String[] args) {
        BuildStep.run("The contract suite's start", () -> {
            try {
                run(args);
            } catch (Throwable stopped) {
                // The build stops here, before the finishing step that would release the run lock.
                RunLock.release(Path.of(args[0]));
                throw stopped;
            }
        });
    }

    private static void run(String[] args) throws Exception {
        Path root = Path.of(args[0]).toAbsolutePath();
        Path folder = Files.createDirectories(root.resolve(FOLDER));
        List<Path> jars = new ArrayList<>();
        for (Path entry : projectClassPath()) {
            if (Files.isDirectory(entry)) {
                jars.add(packed(entry, folder.resolve(entry.getFileName() + ".jar")));
            } else if (entry.toString().endsWith(".jar")) {
                jars.add(entry);
            }
        }
        ClassDataSharing sharing = ClassDataSharing.of(folder.resolve("suite.jsa"), jars);
        List<String> command = command(root, args[1], jars, sharing.javaCommand(), System.getProperties());
        Process suite = new ProcessBuilder(command).directory(root.toFile()).inheritIO().start();
        // Ctrl-C on the build stops the suite too.
        Thread stop = new Thread(suite::destroy, "stop-contract-suite");
        Runtime.getRuntime().addShutdownHook(stop);
        int exitCode = suite.waitFor();
        Runtime.getRuntime().removeShutdownHook(stop);
        sharing.exited(exitCode);
        if (exitCode != 0) {
            SuiteOutcome.stopped(exitCode).write(root);
        }
    }

    /**
     * The suite's JVM: {@code java} (from {@link ClassDataSharing#javaCommand}), the run's settings and the build's
     * own {@code -D} options that concern the suite, and a class path of {@code jars}.
     */
    static List<String> command(Path root, String env, List<Path> jars, List<String> java, Properties build) {
        List<String> command = new ArrayList<>(java);
        command.add("-Denv=" + env);
        command.add("-Dcontract.root=" + root);
        command.add("-Dcontract.console=" + root.resolve(RunFinish.CONSOLE));
        command.add("-Dallure.results.directory=" + root.resolve("reports/allure-results"));
        build.stringPropertyNames().stream().sorted()
                .filter(name -> (PASSED_ON.stream().anyMatch(name::startsWith) || PASSED_ON_EXACTLY.contains(name))
                        && !name.equals("allure.results.directory"))
                .forEach(name -> command.add("-D" + name + "=" + build.getProperty(name)));
        command.add("-cp");
        command.add(String.join(File.pathSeparator, jars.stream().map(Path::toString).toList()));
        command.add(LAUNCHER);
        command.add(root.toString());
        return command;
    }

    /** The project's runtime class path, as the build handed it to this class: its classes folders, then its dependencies. */
    private static List<Path> projectClassPath() {
        if (!(SuiteJvm.class.getClassLoader() instanceof URLClassLoader loader)) {
            throw new IllegalStateException("SuiteJvm must run from the build (exec:java), "
                    + "which hands it the project's class path");
        }
        List<Path> entries = new ArrayList<>();
        for (URL url : loader.getURLs()) {
            try {
                entries.add(Path.of(url.toURI()));
            } catch (URISyntaxException e) {
                throw new IllegalStateException("not a file on the class path: " + url, e);
            }
        }
        return entries;
    }

    /**
     * {@code folder} as the jar {@code jar}, rewritten only when its content differs: the archive is
     * recorded again only when a class or resource really changed, not at every compile.
     */
    static Path packed(Path folder, Path jar) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes); Stream<Path> tree = Files.walk(folder)) {
            zip.setLevel(Deflater.BEST_SPEED);
            // Folders get entries too: Cucumber finds the glue's package by asking for its folder.
            for (Path file : tree.filter(file -> !file.equals(folder)).sorted().toList()) {
                boolean isFolder = Files.isDirectory(file);
                ZipEntry entry = new ZipEntry(folder.relativize(file).toString().replace(File.separatorChar, '/') + (isFolder ? "/" : ""));
                entry.setTime(0);
                zip.putNextEntry(entry);
                if (!isFolder) {
                    Files.copy(file, zip);
                }
                zip.closeEntry();
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        byte[] content = bytes.toByteArray();
        if (Files.isRegularFile(jar) && Arrays.equals(Files.readAllBytes(jar), content)) {
            return jar;
        }
        Path written = Files.write(jar.resolveSibling(jar.getFileName() + "." + ProcessHandle.current().pid()), content);
        return Files.move(written, jar, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
