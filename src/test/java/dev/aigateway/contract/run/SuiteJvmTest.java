package dev.aigateway.contract.run;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.jar.JarFile;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The suite's JVM: its class path of jars, the project folder last, and what it is told. */
class SuiteJvmTest {

    @TempDir
    Path work;

    @Test
    void aClassesFolderIsPackedWithItsFoldersAndRewrittenOnlyWhenItChanges() throws Exception {
        Path classes = work.resolve("classes");
        Files.createDirectories(classes.resolve("dev/steps"));
        Files.writeString(classes.resolve("dev/steps/Steps.class"), "one");
        Path jar = SuiteJvm.packed(classes, work.resolve("classes.jar"));
        try (JarFile packed = new JarFile(jar.toFile())) {
            assertThat("the glue's package is found by its folder", packed.getEntry("dev/steps/") != null, equalTo(true));
            assertThat(new String(packed.getInputStream(packed.getEntry("dev/steps/Steps.class")).readAllBytes()), equalTo("one"));
        }
        FileTime before = FileTime.fromMillis(Files.getLastModifiedTime(jar).toMillis() - 60_000);
        Files.setLastModifiedTime(jar, before);
        Files.setLastModifiedTime(classes.resolve("dev/steps/Steps.class"), FileTime.fromMillis(System.currentTimeMillis()));

        SuiteJvm.packed(classes, jar);
        assertThat("recompiled, same content: the jar and its class data archive stay", Files.getLastModifiedTime(jar), equalTo(before));

        Files.writeString(classes.resolve("dev/steps/Steps.class"), "two");
        SuiteJvm.packed(classes, jar);
        assertThat(Files.getLastModifiedTime(jar), not(equalTo(before)));
        try (JarFile packed = new JarFile(jar.toFile())) {
            assertThat(new String(packed.getInputStream(packed.getEntry("dev/steps/Steps.class")).readAllBytes()), equalTo("two"));
        }
    }

    @Test
    void theSuiteIsToldItsRunAndTheBuildsOwnSettingsForIt() {
        Properties build = new Properties();
        build.setProperty("cucumber.filter.tags", "@smoke");
        build.setProperty("simulator.latencyMs", "300");
        build.setProperty("history.series", "team-a");
        build.setProperty("https.proxyHost", "proxy.example");
        build.setProperty("javax.net.ssl.trustStore", "/etc/proxy-ca.p12");
        build.setProperty("contract.wire.log", "true");
        build.setProperty("user.home", "/home/someone");
        build.setProperty("maven.repo.local", "/m2");
        build.setProperty("request", "requests/app.har#2");
        build.setProperty("requestTimeout", "5");
        Path root = work.toAbsolutePath();
        List<String> command = SuiteJvm.command(root, "myteam", List.of(Path.of("/m2/a.jar"), Path.of("/p/classes.jar")),
                List.of("java", "-XX:SharedArchiveFile=/p/suite.jsa"), build);
        assertThat(command, hasItems("-Denv=myteam", "-Dcontract.root=" + root, "-XX:SharedArchiveFile=/p/suite.jsa",
                "-Dcucumber.filter.tags=@smoke", "-Dsimulator.latencyMs=300", "-Dhistory.series=team-a",
                "-Dhttps.proxyHost=proxy.example", "-Djavax.net.ssl.trustStore=/etc/proxy-ca.p12", "-Dcontract.wire.log=true",
                "-Drequest=requests/app.har#2"));
        assertThat("only -Drequest itself, not any option that starts like it", command, not(hasItem(startsWith("-DrequestTimeout"))));
        assertThat(command, not(hasItem(startsWith("-Duser.home"))));
        assertThat(command, not(hasItem(startsWith("-Dmaven."))));
        String classPath = command.get(command.indexOf("-cp") + 1);
        assertThat("jars alone: features/ is read in place, not from the class path", classPath,
                equalTo(String.join(File.pathSeparator, "/m2/a.jar", "/p/classes.jar")));
    }

    /**
     * The reason for the jars: Java records no archive with a non-empty folder on the class path in
     * front of a class it loaded; with jars alone (the suite's class path) it records one, then maps it.
     */
    @Test
    void anArchiveIsRecordedAndMappedWithJarsAloneOnTheClassPath() throws Exception {
        Path classes = work.resolve("classes");
        Path source = Files.writeString(work.resolve("Hello.java"), """
                public class Hello {
                    public static void main(String[] a) {
                        System.out.println("Hello from the jar");
                    }
                }
                """);
        assertThat(ToolProvider.getSystemJavaCompiler().run(null, null, null, "-d", classes.toString(), source.toString()), equalTo(0));
        Path jar = SuiteJvm.packed(classes, work.resolve("classes.jar"));
        Path archive = work.resolve("suite.jsa");

        ClassDataSharing first = ClassDataSharing.of(archive, List.of(jar));
        first.exited(run(first.options(), jar));
        assertThat("recorded", Files.isRegularFile(archive), equalTo(true));
        ClassDataSharing second = ClassDataSharing.of(archive, List.of(jar));
        assertThat("mapped (-Xshare:on fails the JVM otherwise)", run(second.options(), jar, "-Xshare:on"), equalTo(0));
    }

    private static int run(List<String> classData, Path jar, String... more) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(classData);
        command.addAll(List.of(more));
        command.addAll(List.of("-cp", jar.toString(), "Hello"));
        Process java = new ProcessBuilder(command).redirectErrorStream(true).start();
        assertThat(new String(java.getInputStream().readAllBytes()).strip(), equalTo("Hello from the jar"));
        return java.waitFor();
    }
}
