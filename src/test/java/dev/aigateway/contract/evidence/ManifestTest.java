package dev.aigateway.contract.evidence;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ManifestTest {

    private static final String SHA256_OF_ABC = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";
    private static final String SHA256_OF_NOTHING = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

    @TempDir
    Path reports;
    private Path manifest;
    private List<Path> bundle;

    @BeforeEach
    void writeABundle() throws IOException {
        Files.createDirectories(reports.resolve("evidence"));
        Files.createDirectories(reports.resolve("allure-report"));
        manifest = reports.resolve("evidence/manifest.sha256");
        bundle = List.of(
                Files.writeString(reports.resolve("evidence/verdict.json"), "abc"),
                Files.writeString(reports.resolve("allure-report/index.html"), ""),
                Files.writeString(reports.resolve("evidence/summary.md"), "abc"),
                manifest);
        Manifest.write(manifest, bundle, reports);
    }

    @Test
    void listsEveryFileButItselfSortedByPathAsSha256sumPrints() throws IOException {
        assertThat(Files.readString(manifest), equalTo(
                SHA256_OF_NOTHING + "  allure-report/index.html\n"
                        + SHA256_OF_ABC + "  evidence/summary.md\n"
                        + SHA256_OF_ABC + "  evidence/verdict.json\n"));
    }

    @Test
    void sha256sumChecksTheBundleAndNoticesAChange() throws Exception {
        assumeTrue(Arrays.stream(System.getenv("PATH").split(File.pathSeparator))
                .anyMatch(folder -> Files.isExecutable(Path.of(folder, "sha256sum"))), "sha256sum is not installed");

        assertThat(sha256sumCheck(), equalTo(0));
        Files.writeString(reports.resolve("evidence/summary.md"), "abd");
        assertThat(sha256sumCheck(), not(equalTo(0)));
    }

    private int sha256sumCheck() throws Exception {
        return new ProcessBuilder("sha256sum", "-c", "evidence/manifest.sha256")
                .directory(reports.toFile())
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start().waitFor();
    }
}
