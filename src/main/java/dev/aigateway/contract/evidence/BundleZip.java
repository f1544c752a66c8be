package dev.aigateway.contract.evidence;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** The one file a user attaches to a support ticket. */
public final class BundleZip {

    private BundleZip() {}

    /**
     * Writes {@code files} to {@code zipFile}, each entry named by its path relative to {@code baseDir},
     * and returns {@code zipFile}. A file outside {@code baseDir} is refused before anything is written;
     * the zip itself is left out when listed.
     */
    public static Path write(Path zipFile, Path baseDir, List<Path> files) throws IOException {
        return write(zipFile, entries(zipFile, baseDir, files));
    }

    /**
     * The zip's entries: each of {@code files} by its path relative to {@code baseDir}, in order, the
     * zip itself left out. A file outside {@code baseDir} is refused.
     */
    public static Map<String, Path> entries(Path zipFile, Path baseDir, List<Path> files) {
        Path base = baseDir.toAbsolutePath().normalize();
        Path target = zipFile.toAbsolutePath().normalize();
        Map<String, Path> fileByEntry = new LinkedHashMap<>();
        for (Path file : files) {
            Path absolute = file.toAbsolutePath().normalize();
            if (absolute.equals(target)) {
                continue;
            }
            if (!absolute.startsWith(base)) {
                // An entry named ../x would be unpacked outside the folder the user unpacks into.
                throw new IllegalArgumentException(file + " is not inside " + baseDir + ", so it has no name in the zip");
            }
            fileByEntry.put(base.relativize(absolute).toString().replace(File.separatorChar, '/'), absolute);
        }
        return fileByEntry;
    }

    /** Writes each file of {@code fileByEntry} to {@code zipFile} under its entry name, and returns {@code zipFile}. */
    public static Path write(Path zipFile, Map<String, Path> fileByEntry) throws IOException {
        Path target = zipFile.toAbsolutePath().normalize();
        Files.createDirectories(target.getParent());
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(target))) {
            for (Map.Entry<String, Path> file : fileByEntry.entrySet()) {
                ZipEntry entry = new ZipEntry(file.getKey());
                entry.setLastModifiedTime(Files.getLastModifiedTime(file.getValue()));
                zip.putNextEntry(entry);
                Files.copy(file.getValue(), zip);
                zip.closeEntry();
            }
        }
        return zipFile;
    }
}
