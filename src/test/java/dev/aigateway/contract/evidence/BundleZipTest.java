package dev.aigateway.contract.evidence;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BundleZipTest {

    @TempDir
    Path reports;

    @Test
    void everyFileComesBackUnderItsPathRelativeToTheBase() throws IOException {
        byte[] binary = new byte[256];
        for (int i = 0; i < binary.length; i++) {
            binary[i] = (byte) i;
        }
        Files.createDirectories(reports.resolve("evidence"));
        Files.createDirectories(reports.resolve("allure-report"));
        Path zipFile = reports.resolve("ai-gateway-evidence-local-20250301T101530Z.zip");
        List<Path> files = List.of(
                Files.writeString(reports.resolve("evidence/summary.md"), "# Verdict: team blocked\n"),
                Files.write(reports.resolve("allure-report/index.html"), binary),
                Files.writeString(reports.resolve("evidence/empty.txt"), ""),
                zipFile);

        assertThat(BundleZip.write(zipFile, reports, files), equalTo(zipFile));

        Map<String, byte[]> expected = new LinkedHashMap<>();
        expected.put("evidence/summary.md", "# Verdict: team blocked\n".getBytes(StandardCharsets.UTF_8));
        expected.put("allure-report/index.html", binary);
        expected.put("evidence/empty.txt", new byte[0]);
        try (ZipFile zip = new ZipFile(zipFile.toFile())) {
            assertThat(zip.stream().map(ZipEntry::getName).toList(), equalTo(List.copyOf(expected.keySet())));
            for (Map.Entry<String, byte[]> entry : expected.entrySet()) {
                assertThat(entry.getKey(), zip.getInputStream(zip.getEntry(entry.getKey())).readAllBytes(),
                        equalTo(entry.getValue()));
            }
        }
    }

    @Test
    void aFileOutsideTheBaseIsRefusedAndNoZipIsWritten() throws IOException {
        Path evidence = Files.createDirectories(reports.resolve("evidence"));
        Path outside = Files.writeString(reports.resolve("run.json"), "{}");
        Path zipFile = reports.resolve("bundle.zip");

        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> BundleZip.write(zipFile, evidence, List.of(outside)));
        assertThat(refused.getMessage(), equalTo(outside + " is not inside " + evidence + ", so it has no name in the zip"));
        assertThat(Files.exists(zipFile), is(false));
    }
}
