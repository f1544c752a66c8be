package dev.aigateway.contract.evidence;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import dev.aigateway.contract.environment.Environment.Secret;
import dev.aigateway.contract.evidence.SecretScan.Finding;
import dev.aigateway.contract.http.SecretForms;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecretScanTest {

    private static final String CANARY = "vck_canary_0123456789abcdefXYZ";
    private static final String BYOK_CANARY = "sk-byok-canary-987654321";
    private static final List<Secret> SECRETS =
            List.of(new Secret("AI_GATEWAY_API_KEY", CANARY), new Secret("OPENAI_API_KEY", BYOK_CANARY));

    @TempDir
    Path reports;

    @Test
    void aCleanFolderHasNoFindings() throws IOException {
        write("evidence/summary.md", "Authorization: Bearer $AI_GATEWAY_API_KEY\n");
        zip("bundle.zip", "summary.md", "nothing to see");

        assertThat(SecretScan.scan(List.of(reports), SECRETS), empty());
    }

    @Test
    void findsTheRawKeyAndNamesItsVariable() throws IOException {
        write("allure-report/index.html", "<pre>curl -H 'Authorization: Bearer " + CANARY + "'</pre>");
        write("evidence/clean.md", "clean");

        assertThat(SecretScan.scan(List.of(reports), SECRETS), equalTo(List.of(
                new Finding(reports.resolve("allure-report/index.html").toString(), "AI_GATEWAY_API_KEY"))));
    }

    @Test
    void findsTheBase64OfTheBearerHeader() throws IOException {
        String basic = Base64.getEncoder().encodeToString(("Bearer " + CANARY).getBytes(StandardCharsets.UTF_8));
        Path har = write("evidence/exchanges.har", "{\"text\":\"" + basic + "\"}");

        assertThat(SecretScan.scan(List.of(har), SECRETS), equalTo(List.of(
                new Finding(har.toString(), "AI_GATEWAY_API_KEY"))));
    }

    @Test
    void findsAKeyInsideAZipEntry() throws IOException {
        Path bundle = zip("ai-gateway-evidence-local-20250301T101530Z.zip", "evidence/verdict.json",
                "{\"byok\":\"" + BYOK_CANARY + "\"}");

        // hasItem: were zlib to store the entry uncompressed, the zip itself would be a finding too.
        assertThat(SecretScan.scan(List.of(reports), SECRETS),
                hasItem(new Finding(bundle + "!evidence/verdict.json", "OPENAI_API_KEY")));
    }

    @Test
    void aKeyInAnEntrysNameNamesTheZip() throws IOException {
        Path bundle = zip("bundle.zip", "evidence/" + CANARY + ".json", "{}");

        assertThat(SecretScan.scan(List.of(reports), SECRETS), equalTo(List.of(new Finding(bundle.toString(), "AI_GATEWAY_API_KEY"))));
    }

    @Test
    void theSameContentOnDiskAndInTheZipIsNamedInBoth() throws IOException {
        String report = "<pre>" + CANARY + "</pre>";
        Path onDisk = write("allure-report/index.html", report);
        Path bundle = zip("bundle.zip", "allure-report/index.html", report);
        write("allure-report/other.html", "<pre>" + CANARY.substring(0, 10) + "</pre>");

        assertThat(SecretScan.scan(List.of(reports), SECRETS), equalTo(List.of(
                new Finding(onDisk.toString(), "AI_GATEWAY_API_KEY"),
                new Finding(bundle + "!allure-report/index.html", "AI_GATEWAY_API_KEY"))));
    }

    @Test
    void theMessageNamesVariablesAndFilesButNeverTheValue() throws IOException {
        write("a.html", CANARY);
        write("b.json", CANARY.substring(8) + " " + BYOK_CANARY);

        List<Finding> findings = SecretScan.scan(List.of(reports), SECRETS);
        String message = SecretScan.describe(findings);

        assertThat(message, containsString("secret AI_GATEWAY_API_KEY found in " + reports.resolve("a.html") + ", "
                + reports.resolve("b.json") + "; secret OPENAI_API_KEY found in " + reports.resolve("b.json")));
        for (Secret secret : SECRETS) {
            for (String form : SecretForms.of(secret.value())) {
                assertThat(message, not(containsString(form)));
            }
        }
    }

    @Test
    void aMissingRootHoldsNothing() throws IOException {
        assertThat(SecretScan.scan(List.of(reports.resolve("allure-report")), SECRETS), empty());
    }

    private Path write(String name, String content) throws IOException {
        Path file = reports.resolve(name);
        Files.createDirectories(file.getParent());
        return Files.writeString(file, content);
    }

    private Path zip(String name, String entry, String content) throws IOException {
        Path file = reports.resolve(name);
        try (OutputStream out = Files.newOutputStream(file); ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry(entry));
            zip.write(content.getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        return file;
    }
}
