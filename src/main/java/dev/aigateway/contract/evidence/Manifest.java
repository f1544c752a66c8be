package dev.aigateway.contract.evidence;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** SHA-256 of every file of the bundle, so whoever receives it can tell nothing was changed on the way. */
public final class Manifest {

    private Manifest() {}

    /**
     * Writes {@code <sha256>  <path>} per file, sorted by path, paths relative to {@code relativeTo}
     * with {@code /}: {@code sha256sum -c} run from {@code relativeTo} checks every file. The manifest
     * itself is left out when listed, since its own hash cannot be written into it.
     */
    public static void write(Path manifestFile, List<Path> files, Path relativeTo) throws IOException {
        Path base = relativeTo.toAbsolutePath().normalize();
        Path manifest = manifestFile.toAbsolutePath().normalize();
        Map<String, String> hashByPath = new TreeMap<>();
        for (Path file : files) {
            Path absolute = file.toAbsolutePath().normalize();
            if (!absolute.equals(manifest)) {
                hashByPath.put(base.relativize(absolute).toString().replace(File.separatorChar, '/'), sha256(absolute));
            }
        }
        Files.createDirectories(manifest.getParent());
        Files.writeString(manifest, lines(hashByPath));
    }

    /** The manifest of files given as their content by path (a bundle rewritten in memory), in the same form. */
    public static String text(Map<String, byte[]> contentByPath) {
        Map<String, String> hashByPath = new TreeMap<>();
        contentByPath.forEach((path, content) -> hashByPath.put(path, HexFormat.of().formatHex(digest().digest(content))));
        return lines(hashByPath);
    }

    private static String lines(Map<String, String> hashByPath) {
        StringBuilder lines = new StringBuilder();
        hashByPath.forEach((path, hash) -> lines.append(hash).append("  ").append(path).append('\n'));
        return lines.toString();
    }

    private static MessageDigest digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException everyJavaHasIt) {
            throw new IllegalStateException(everyJavaHasIt);
        }
    }

    private static String sha256(Path file) throws IOException {
        MessageDigest digest = digest();
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), digest)) {
            in.transferTo(OutputStream.nullOutputStream());
        }
        return HexFormat.of().formatHex(digest.digest());
    }
}
