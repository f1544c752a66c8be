package dev.aigateway.contract.run;

import dev.aigateway.contract.gateway.GatewayProfile;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.aigateway.contract.evidence.SingleFileReport;
import dev.aigateway.contract.simulator.SimulatedGateway;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code -Drequest=<absolute path>} as a user runs it, with a prompt that looks like shell: no file of the
 * public zip (the report's data files included) holds an absolute path of this machine, summary.md names the
 * file by its name and tells the reader to export the key alone, and its curl line of the application's
 * request, run by bash, sends the gateway the body the run sent, byte for byte.
 */
class RequestFilePathTest {

    private static final String TEAM_KEY = "vck_sim_healthy_path_test";
    /** The variable the environment reads the key from ({@link RequestFileRun#writeEnvironment}). */
    private static final String KEY_VARIABLE = "SECRETS_TEST_KEY";
    private static final String PROMPT = "echo $HOME and $DONE, $(id) `id` it\\'s done!";
    private static final Pattern EXPORT = Pattern.compile("^ {4}export ([A-Z_][A-Z0-9_]*)=\\.\\.\\.$", Pattern.MULTILINE);

    @TempDir
    Path root;

    @TempDir
    Path elsewhere;

    @Test
    void theBundleShowsNoAbsolutePathAndTheApplicationsCurlLineReplaysItsBody() throws Exception {
        assumeTrue(new ProcessBuilder("sh", "-c", "command -v curl && command -v bash").start().waitFor() == 0,
                "curl or bash is not installed");
        Path file = elsewhere.resolve("app.curl").toAbsolutePath();
        Files.writeString(file, """
                curl 'https://ai-gateway.vercel.sh/v1/chat/completions' \\
                  -H 'content-type: application/json' \\
                  --data-raw $'{"model":"openai/gpt-4o-mini","max_tokens":16,"messages":[{"role":"user","content":"%s"}]}'
                """.formatted(PROMPT));
        try (SimulatedGateway gateway = SimulatedGateway.start(0, 0, GatewayProfile.named("vercel"))) {
            RequestFileRun.writeEnvironment(root, "The application's request named by its absolute path", gateway.baseUrl(),
                    "team_sim_healthy0000000000", TEAM_KEY, "0.01");
            String printed = RequestFileRun.run(root, List.of("-Drequest=" + file));
            assertThat(printed, containsString("passed   Your application's request 1"));

            List<Path> publicZips = RequestFileRun.zips(root.resolve("reports")).stream()
                    .filter(zip -> zip.toString().endsWith("-public.zip")).toList();
            assertThat(printed, publicZips, hasSize(1));
            List<String> absolute = new ArrayList<>(List.of(file.getParent().toString(), root.toAbsolutePath().toString(),
                    System.getProperty("user.dir"), System.getProperty("user.home")));
            List<String> found = new ArrayList<>();
            texts(publicZips.get(0)).forEach((name, text) -> absolute.stream().filter(text::contains)
                    .forEach(path -> found.add(name + " holds " + path)));
            // What the report is made of (this harness builds no report): no absolute path either.
            Map<String, String> results = new LinkedHashMap<>();
            try (var files = Files.list(root.resolve("reports/allure-results"))) {
                for (Path result : files.toList()) {
                    results.put(result.getFileName().toString(), Files.readString(result, StandardCharsets.ISO_8859_1));
                }
            }
            results.forEach((name, text) -> absolute.stream().filter(text::contains)
                    .forEach(path -> found.add("allure-results/" + name + " holds " + path)));
            assertThat(found, empty());
            // The report's request attachments carry the evidence's own curl lines, not the ones Allure writes.
            List<String> attachments = results.entrySet().stream().filter(result -> result.getKey().contains("attachment"))
                    .map(Map.Entry::getValue).toList();
            assertThat(attachments.stream().anyMatch(text -> text.contains("curl -sS -i -X POST")), equalTo(true));
            assertThat(attachments.stream().filter(text -> text.contains("curl -v")).toList(), empty());

            String summary = Files.readString(root.resolve("reports/evidence/summary.md"));
            assertThat(summary, containsString("- **Your application's request 1**: `app.curl`, `POST /v1/chat/completions`."));
            List<String> exports = new ArrayList<>();
            for (Matcher export = EXPORT.matcher(summary); export.find(); ) {
                exports.add(export.group(1));
            }
            assertThat("summary.md exports the key, not $HOME or $DONE", exports, equalTo(List.of(KEY_VARIABLE)));

            byte[] sent = applicationBody(gateway.requests());
            String line = summary.lines().filter(curl -> curl.startsWith("curl ") && curl.contains("$(id)")).findFirst()
                    .orElseThrow(() -> new AssertionError("no curl line of the application's request in " + summary));
            ProcessBuilder bash = new ProcessBuilder("bash", "-c", line + " >/dev/null").redirectErrorStream(true);
            bash.environment().put(KEY_VARIABLE, TEAM_KEY);
            bash.environment().put("HOME", "/home/someone-else");
            bash.environment().put("DONE", "done-was-expanded");
            Process process = bash.start();
            process.getOutputStream().close();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(output, process.waitFor(60, TimeUnit.SECONDS) && process.exitValue() == 0, equalTo(true));
            List<LoggedRequest> received = gateway.requests();
            LoggedRequest replayed = received.get(received.size() - 1);
            assertThat("the replayed body, byte for byte", new String(replayed.getBody(), StandardCharsets.UTF_8),
                    equalTo(new String(sent, StandardCharsets.UTF_8)));
            assertThat(replayed.getHeader("Authorization"), equalTo("Bearer " + TEAM_KEY));
        }
    }

    /** The body of the application's request as the gateway received it from the run. */
    private static byte[] applicationBody(List<LoggedRequest> received) {
        return received.stream().filter(request -> request.getBodyAsString().contains("$(id)")).findFirst()
                .orElseThrow(() -> new AssertionError("the application's request did not reach the gateway")).getBody();
    }

    /** Every file of {@code zip} as text; the one-file report as its page and each of its data files. */
    private static Map<String, String> texts(Path zip) throws Exception {
        Map<String, String> texts = new LinkedHashMap<>();
        try (InputStream in = Files.newInputStream(zip); ZipInputStream entries = new ZipInputStream(in)) {
            for (ZipEntry entry = entries.getNextEntry(); entry != null; entry = entries.getNextEntry()) {
                String name = entry.getName();
                String text = new String(entries.readAllBytes(), StandardCharsets.ISO_8859_1);
                if (name.endsWith(".html")) {
                    SingleFileReport.dataFiles(text).forEach((data, bytes) ->
                            texts.put(name + "!" + data, new String(bytes, StandardCharsets.UTF_8)));
                    text = text.replaceAll("d\\('[^']+','[A-Za-z0-9+/=]*'\\)", "");
                }
                texts.put(name, text);
            }
        }
        return texts;
    }
}
