package dev.aigateway.contract.run;

import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Allure's own report generator, the commandline the build unpacks into {@code .allure/},
 * run in this JVM: {@code allure generate --single-file --name NAME}, the one-file report and
 * nothing else. It loads in a class loader of its own, so its libraries never meet ours.
 */
public final class AllureReport {

    private AllureReport() {}

    /** Writes {@code report}/index.html from {@code results}, titled {@code name}. */
    public static void generate(Path allureHome, Path results, Path report, String name) throws Exception {
        Path lib = allureHome.resolve("lib");
        if (!Files.isDirectory(lib)) {
            throw new IllegalStateException("Allure's commandline is not unpacked at " + allureHome
                    + ": run ./mvnw verify, which unpacks it there");
        }
        List<URL> classpath = new ArrayList<>();
        classpath.add(lib.resolve("config").toUri().toURL());
        try (Stream<Path> jars = Files.list(lib)) {
            for (Path jar : jars.filter(file -> file.toString().endsWith(".jar")).sorted().toList()) {
                classpath.add(jar.toUri().toURL());
            }
        }
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        try (URLClassLoader allure = new URLClassLoader(classpath.toArray(URL[]::new), ClassLoader.getPlatformClassLoader())) {
            thread.setContextClassLoader(allure);
            Class<?> commandLineClass = allure.loadClass("io.qameta.allure.CommandLine");
            Object commandLine = commandLineClass.getConstructor(Path.class).newInstance(allureHome);
            String[] arguments = {"generate", "--single-file", "--clean", "--name", name,
                    "--output", report.toString(), results.toString()};
            Optional<?> refused = (Optional<?>) commandLineClass.getMethod("parse", String[].class)
                    .invoke(commandLine, (Object) arguments);
            if (refused.isPresent()) {
                throw new IllegalStateException("Allure's commandline refused its arguments (" + refused.get() + ")");
            }
            Object exitCode = commandLineClass.getMethod("run").invoke(commandLine);
            if (!"NO_ERROR".equals(String.valueOf(exitCode))) {
                throw new IllegalStateException("Allure could not generate the report (" + exitCode + "): see its output above");
            }
        } catch (InvocationTargetException e) {
            throw new IllegalStateException("Allure could not generate the report: " + e.getCause(), e.getCause());
        } catch (IOException e) {
            throw new IllegalStateException("Allure's commandline at " + allureHome + " cannot be read (" + e.getMessage()
                    + "): delete .allure/ and run ./mvnw verify again, which unpacks it afresh", e);
        } finally {
            thread.setContextClassLoader(previous);
        }
    }
}
