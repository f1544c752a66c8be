package dev.aigateway.contract.run;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Real JVMs on a real jar: the archive is recorded once, used afterwards, and made afresh when the jar changes. */
class ClassDataSharingTest {

    @TempDir
    Path work;

    @Test
    void theFirstRunRecordsTheArchiveTheNextOnesUseIt() throws Exception {
        Path jar = helloJar();
        Path archive = work.resolve("class-data/hello.jsa");

        ClassDataSharing first = ClassDataSharing.of(archive, List.of(jar));
        assertThat(first.options(), hasItem(startsWith("-XX:ArchiveClassesAtExit=")));
        first.exited(run(first, jar));
        assertThat("recorded at exit", Files.isRegularFile(archive), equalTo(true));

        ClassDataSharing second = ClassDataSharing.of(archive, List.of(jar));
        assertThat(second.options(), hasItem("-XX:SharedArchiveFile=" + archive));
        assertThat("the archive is mapped (-Xshare:on fails the JVM otherwise)", run(second, jar, "-Xshare:on"), equalTo(0));

        Files.setLastModifiedTime(jar, FileTime.fromMillis(Files.getLastModifiedTime(jar).toMillis() - 60_000));
        assertThat("a changed jar is recorded afresh", ClassDataSharing.of(archive, List.of(jar)).options(),
                hasItem(startsWith("-XX:ArchiveClassesAtExit=")));
    }

    @Test
    void aFailedRunLeavesNoArchive() throws Exception {
        Path jar = helloJar();
        Path archive = work.resolve("class-data/hello.jsa");
        ClassDataSharing failed = ClassDataSharing.of(archive, List.of(jar));
        failed.exited(1);
        try (var left = Files.list(archive.getParent())) {
            assertThat(left.toList(), equalTo(List.of()));
        }
        assertThat(ClassDataSharing.of(archive, List.of(jar)).options(), hasItem(startsWith("-XX:ArchiveClassesAtExit=")));
    }

    private int run(ClassDataSharing sharing, Path jar, String... more) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(sharing.options());
        command.addAll(List.of(more));
        command.addAll(List.of("-cp", jar.toString(), "Hello"));
        Process java = new ProcessBuilder(command).redirectErrorStream(true).start();
        String printed = new String(java.getInputStream().readAllBytes());
        assertThat("nothing of class data sharing reaches the console", printed.strip(), equalTo("hello"));
        return java.waitFor();
    }

    private Path helloJar() throws Exception {
        Path source = Files.writeString(work.resolve("Hello.java"),
                "public class Hello { public static void main(String[] a) { System.out.println(\"hello\"); } }");
        assertThat(ToolProvider.getSystemJavaCompiler().run(null, null, null, "-d", work.toString(), source.toString()), equalTo(0));
        Path jar = work.resolve("hello.jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            out.putNextEntry(new JarEntry("Hello.class"));
            out.write(Files.readAllBytes(work.resolve("Hello.class")));
            out.closeEntry();
        }
        return jar;
    }
}
