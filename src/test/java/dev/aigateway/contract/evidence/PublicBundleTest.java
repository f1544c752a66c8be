package dev.aigateway.contract.evidence;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The public zip: the private bundle with the team id masked, in the files and inside the one-file report. */
class PublicBundleTest {

    private static final String TEAM = "team_a1B2c3D4e5F6g7H8i9J0wxyz";

    @TempDir
    Path reports;

    private static String base64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    private Path privateZip(String report) throws Exception {
        Files.createDirectories(reports.resolve("evidence"));
        Files.createDirectories(reports.resolve("allure-report"));
        List<Path> files = List.of(
                Files.writeString(reports.resolve("evidence/summary.md"), "| Team id | `" + TEAM + "` |\n"),
                Files.writeString(reports.resolve("evidence/verdict.json"), "{\"teamId\": \"" + TEAM + "\"}"),
                Files.writeString(reports.resolve("allure-report/index.html"), report));
        Manifest.write(reports.resolve("evidence/manifest.sha256"), files, reports);
        List<Path> all = new java.util.ArrayList<>(files);
        all.add(reports.resolve("evidence/manifest.sha256"));
        return BundleZip.write(reports.resolve("ai-gateway-evidence-myteam-20261126T100000Z.zip"), reports, all);
    }

    private static Map<String, String> entries(Path zip) throws Exception {
        Map<String, String> entries = new LinkedHashMap<>();
        try (ZipFile file = new ZipFile(zip.toFile())) {
            file.stream().forEach(entry -> {
                try {
                    entries.put(entry.getName(), new String(file.getInputStream(entry).readAllBytes(), StandardCharsets.UTF_8));
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
        }
        return entries;
    }

    @Test
    void writtenFromTheFilesTheCopyHoldsWhatTheCopyOfThePrivateZipHolds() throws Exception {
        String report = "<script>d('widgets/environment.json','" + base64("[\"" + TEAM + "\"]") + "')</script>";
        Path privateZip = privateZip(report);
        Map<String, String> fromZip = entries(PublicBundle.write(privateZip, TEAM));
        Map<String, Path> files = BundleZip.entries(privateZip, reports, List.of(reports.resolve("evidence/summary.md"),
                reports.resolve("evidence/verdict.json"), reports.resolve("allure-report/index.html"),
                reports.resolve("evidence/manifest.sha256")));

        Map<String, String> fromFiles = entries(PublicBundle.write(privateZip, files, TEAM));

        assertThat(fromFiles, equalTo(fromZip));
        assertThat(fromFiles.get("evidence/summary.md"), allOf(containsString("`team_…wxyz`"), not(containsString(TEAM))));
    }

    @Test
    void theTeamIdIsMaskedEverywhereAndTheManifestStillChecks() throws Exception {
        String report = "<script>d('widgets/environment.json','" + base64("[{\"name\":\"Team id\",\"values\":[\"" + TEAM + "\"]}]")
                + "')\nd('data/attachments/1.png','" + Base64.getEncoder().encodeToString(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, -1})
                + "')</script>";
        Path publicZip = PublicBundle.write(privateZip(report), TEAM);

        assertThat(publicZip.getFileName().toString(), equalTo("ai-gateway-evidence-myteam-20261126T100000Z-public.zip"));
        Map<String, String> entries = entries(publicZip);
        assertThat(entries.get("evidence/summary.md"), allOf(containsString("`team_…wxyz`"), not(containsString(TEAM))));
        assertThat(entries.get("evidence/verdict.json"), containsString("\"team_…wxyz\""));
        Map<String, byte[]> data = SingleFileReport.dataFiles(entries.get("allure-report/index.html"));
        assertThat(new String(data.get("widgets/environment.json"), StandardCharsets.UTF_8), containsString("\"team_…wxyz\""));
        assertThat(data.get("data/attachments/1.png"), equalTo(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, -1}));
        assertThat(PublicBundle.teamIdIn(publicZip, TEAM), empty());

        Map<String, byte[]> listed = new LinkedHashMap<>();
        try (ZipFile file = new ZipFile(publicZip.toFile())) {
            for (String name : List.of("allure-report/index.html", "evidence/summary.md", "evidence/verdict.json")) {
                listed.put(name, file.getInputStream(file.getEntry(name)).readAllBytes());
            }
        }
        assertThat(entries.get("evidence/manifest.sha256"), equalTo(Manifest.text(listed)));
    }

    @Test
    void theCheckFindsATeamIdLeftInTheReportsDataFiles() throws Exception {
        Path zip = privateZip("<script>d('widgets/environment.json','" + base64("Team id " + TEAM) + "')</script>");
        assertThat(PublicBundle.teamIdIn(zip, TEAM), hasItem(zip + "!allure-report/index.html!widgets/environment.json"));
        assertThat(PublicBundle.teamIdIn(zip, TEAM), hasItem(zip + "!evidence/summary.md"));
    }

    @Test
    void aTeamIdInAFormItDoesNotMaskLeavesNoPublicZip() throws Exception {
        // base64 of the id alone, outside the report's data files: found by the scan, not masked.
        Path zip = privateZip("<html>" + base64(TEAM) + "</html>");
        IllegalStateException failure = assertThrows(IllegalStateException.class, () -> PublicBundle.write(zip, TEAM));
        assertThat(failure.getMessage(), allOf(containsString("allure-report/index.html"), not(containsString(TEAM))));
        assertThat(Files.exists(PublicBundle.pathOf(zip)), equalTo(false));
    }

    @Test
    void aShortIdIsMaskedWhole() {
        assertThat(PublicBundle.masked("team_1"), equalTo("team_…"));
        assertThat(PublicBundle.masked(TEAM), equalTo("team_…wxyz"));
    }
}
