package dev.aigateway.contract.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

/**
 * Java's class data sharing for a JVM this tool starts with a class path of jars: the first run
 * records the classes it loads in an archive ({@code -XX:ArchiveClassesAtExit}, Java 13 and later),
 * later runs map them from it instead of reading, verifying and parsing each jar again, which
 * shortens the start-up of Allure's generator (measured by src/bench/verify-speed.sh). The archive is made afresh
 * when the JDK or a jar changed, and a JVM that cannot use it runs without it: Java's own logging
 * about the archive is turned off, so nothing of this reaches the console.
 */
final class ClassDataSharing {

    private static final List<String> QUIET = List.of("-Xlog:cds*=off");

    private final Path archive;
    private final Path fingerprintFile;
    private final String fingerprint;
    private final Path recording;

    private ClassDataSharing(Path archive, String fingerprint, Path recording) {
        this.archive = archive;
        this.fingerprintFile = archive.resolveSibling(archive.getFileName() + ".fingerprint");
        this.fingerprint = fingerprint;
        this.recording = recording;
    }

    /** The archive at {@code archive} for a JVM of this JDK whose class path is {@code jars}. */
    static ClassDataSharing of(Path archive, List<Path> jars) throws IOException {
        Files.createDirectories(archive.getParent());
        StringBuilder fingerprint = new StringBuilder()
                .append(System.getProperty("java.home")).append('\n')
                .append(System.getProperty("java.vm.version")).append('\n');
        for (Path jar : jars) {
            fingerprint.append(jar.toAbsolutePath()).append(' ').append(Files.size(jar)).append(' ')
                    .append(Files.getLastModifiedTime(jar).toMillis()).append('\n');
        }
        ClassDataSharing sharing = new ClassDataSharing(archive, fingerprint.toString(), null);
        if (sharing.fits()) {
            return sharing;
        }
        // Recorded under a name of its own, then moved into place: two JVMs never write one file.
        Path recording = archive.resolveSibling(archive.getFileName() + "." + ProcessHandle.current().pid() + "-" + System.nanoTime() + ".recording");
        return new ClassDataSharing(archive, fingerprint.toString(), recording);
    }

    /**
     * The start of the command for a short-lived JVM of this tool: {@code java}, the quick compiler
     * alone (it halves the CPU time of a short run, src/bench/verify-speed.sh), and {@link #options}.
     */
    List<String> javaCommand() {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1"));
        command.addAll(options());
        return command;
    }

    /** The JVM options: use the archive, or record one at exit when there is none that fits. */
    List<String> options() {
        List<String> options = new ArrayList<>(QUIET);
        options.add(recording == null ? "-XX:SharedArchiveFile=" + archive : "-XX:ArchiveClassesAtExit=" + recording);
        return options;
    }

    /** After the JVM exited: keeps what it recorded when it succeeded; a failed run leaves nothing behind. */
    void exited(int exitCode) throws IOException {
        if (recording == null) {
            return;
        }
        if (exitCode == 0 && Files.isRegularFile(recording)) {
            Files.move(recording, archive, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            Files.writeString(fingerprintFile, fingerprint);
        } else {
            Files.deleteIfExists(recording);
        }
    }

    private boolean fits() throws IOException {
        return Files.isRegularFile(archive) && Files.isRegularFile(fingerprintFile)
                && Files.readString(fingerprintFile).equals(fingerprint);
    }
}
