package dev.aigateway.contract.hostile;

import dev.aigateway.contract.gateway.GatewayProfile;
import static dev.aigateway.contract.hostile.MisbehavingServer.gatewayAnswer;
import static dev.aigateway.contract.hostile.MisbehavingServer.write;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.containsStringIgnoringCase;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.lessThanOrEqualTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import dev.aigateway.contract.environment.Environment.Secret;
import dev.aigateway.contract.evidence.SecretScan;
import dev.aigateway.contract.http.Spending;
import dev.aigateway.contract.record.Exchange;
import dev.aigateway.contract.record.RunRecord.ScenarioResult;
import dev.aigateway.contract.record.RunRecord;
import dev.aigateway.contract.record.Spend;
import dev.aigateway.contract.run.ContractSuite;
import dev.aigateway.contract.run.RunFinish;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The contract run over a URL against small real HTTP servers on 127.0.0.1 that misbehave on
 * purpose (issue 8): the key never leaves for another host, never reaches what the run writes or
 * prints, a silent or trickling server costs one timeout, an answer that breaks off is still
 * recorded and counted, and verdicts claim only what the run saw.
 */
class HostileGatewayTest {

    /** A key with characters that encode differently: '/' (JSON \/, URL %2F), '+' (base64, URL). */
    static final String KEY = "vck_hostile_S3CRET/KEY+0123456789abcdef";

    @TempDir
    Path root;

    @TempDir
    Path output;

    private RunRecord run(String baseUrl, Map<String, String> timeouts) throws Exception {
        return run(baseUrl, timeouts, "");
    }

    private RunRecord run(String baseUrl, Map<String, String> timeouts, String extra) throws Exception {
        HostileEnvironment.write(root, baseUrl, KEY, "2000", timeouts.getOrDefault("readMs", "2000"),
                timeouts.getOrDefault("runSeconds", "30"), extra);
        return ContractSuite.run(root, "hostile", output, Map.of());
    }

    private RunRecord run(String baseUrl) throws Exception {
        return run(baseUrl, Map.of());
    }

    /** Everything the run wrote (record, Cucumber's console, what JUnit reports): none holds the key. */
    private void assertNoFormOfTheKeyIn(Path folder) throws Exception {
        if (System.getProperty("hostile.debug") != null) { for (Path f : List.of(folder.resolve("run.json"), folder.resolve("console.txt"), folder.resolve("failures.txt"))) { Files.createDirectories(Path.of("/tmp/hostile-debug")); Files.copy(f, Path.of("/tmp/hostile-debug").resolve(f.getFileName()), java.nio.file.StandardCopyOption.REPLACE_EXISTING); } }
        List<SecretScan.Finding> findings = SecretScan.scan(List.of(folder), List.of(new Secret("HOSTILE_TEST_KEY", KEY)));
        assertThat(SecretScan.describe(findings), findings, empty());
        for (Path file : List.of(folder.resolve("run.json"), folder.resolve("console.txt"), folder.resolve("failures.txt"))) {
            assertThat(file + " is written", Files.exists(file), is(true));
            assertThat(file.toString(), Files.readString(file), not(containsString("S3CRET")));
        }
    }

    @Test
    void aRedirectToAnotherHostIsNotFollowedSoTheKeyStaysAndTheVerdictNamesWhereItPointed() throws Exception {
        try (MisbehavingServer elsewhere = new MisbehavingServer((request, out, socket) ->
                     write(out, gatewayAnswer(200, "{\"balance\":\"1\",\"total_used\":\"0\"}")));
             MisbehavingServer gateway = new MisbehavingServer((request, out, socket) -> write(out,
                     "HTTP/1.1 " + (request.method().equals("GET") ? 302 : 307) + " Found\r\nlocation: " + elsewhere.url()
                             + request.target() + "\r\ncontent-length: 0\r\n\r\n"))) {
            RunRecord run = run(gateway.url());
            assertThat("requests that reached the other host", elsewhere.received(), empty());
            assertThat(run.exchanges().stream().map(Exchange::status).toList(), hasItem(302));
            assertThat(run.exchanges().stream().map(e -> e.responseHeaders().get("location")).toList(),
                    hasItem(startsWith(elsewhere.url())));
            assertThat(run.verdict().id(), equalTo("not-the-gateway"));
            assertThat(run.verdict().title(), containsString("127.0.0.1:" + elsewhere.port()));
        }
    }

    @Test
    void aGatewayThatEchoesTheKeyInEveryEncodingLeavesNoFormOfItInWhatTheRunWritesOrPrints() throws Exception {
        try (MisbehavingServer gateway = new MisbehavingServer((request, out, socket) -> {
            String authorization = request.headers().getOrDefault("authorization", "");
            String dump = Base64.getEncoder().encodeToString(request.raw().getBytes(StandardCharsets.UTF_8));
            String escaped = authorization.replace("/", "\\/").replace("+", "\\u002b");
            // The key as the error type, in the message (base64 of the whole request) and in headers.
            write(out, gatewayAnswer(403, "{\"error\":{\"message\":\"You sent " + dump + " with " + escaped
                            + "\",\"type\":\"" + escaped + "\"}}",
                    "x-request-dump: " + dump, "x-echo: " + authorization));
        })) {
            RunRecord run = run(gateway.url());
            assertThat(gateway.received().stream().map(r -> r.headers().get("authorization")).toList(),
                    hasItem("Bearer " + KEY));
            assertThat(run.failed(), greaterThanOrEqualTo(1));
            assertNoFormOfTheKeyIn(output);
        }
    }

    @Test
    void aGatewayThatNeverAnswersCostsOneTimeoutAndTheRestIsNotSent() throws Exception {
        try (MisbehavingServer gateway = new MisbehavingServer((request, out, socket) -> Thread.sleep(60_000))) {
            RunRecord run = run(gateway.url(), Map.of("readMs", "1000"));
            assertThat("exchanges sent", run.exchanges().size(), equalTo(1));
            assertThat("the first contact is the public catalog: the silent host never got the key",
                    run.exchanges().get(0).path() + " " + run.exchanges().get(0).requestHeaderMap().keySet(),
                    allOf(startsWith("/v1/models "), not(containsStringIgnoringCase("authorization"))));
            assertThat("the scenario that tried fails the run", run.failed(), greaterThanOrEqualTo(1));
            assertThat(run.exchanges().get(0).failure(),
                    matchesPattern("no (complete )?answer from 127\\.0\\.0\\.1:" + gateway.port() + " .*"));
            assertThat(run.verdict().id(), equalTo("unreachable"));
            assertThat(run.scenarios().stream().filter(s -> s.status().equals("SKIPPED")).map(ScenarioResult::message).toList(),
                    hasItem(startsWith("skipped: not sent: 127.0.0.1:" + gateway.port() + " did not answer earlier in this run")));
        }
    }

    @Test
    void aGatewayThatTricklesItsAnswerIsCutOffAtTheReadTimeoutAndWhatArrivedIsRecorded() throws Exception {
        try (MisbehavingServer gateway = new MisbehavingServer((request, out, socket) -> {
            write(out, "HTTP/1.1 200 OK\r\ncontent-type: application/json\r\nx-vercel-id: hst1::trickle\r\n"
                    + "content-length: 100000\r\n\r\n{\"balance\":");
            for (int i = 0; i < 600; i++) {
                Thread.sleep(250);
                write(out, " ");
            }
        })) {
            RunRecord run = run(gateway.url(), Map.of("readMs", "1500"));
            assertThat(run.verdict().id(), equalTo("unreachable"));
            assertThat(run.verdict().title(), equalTo("Unreachable (an answer that did not finish in time)"));
            assertThat("exchanges sent", run.exchanges().size(), equalTo(1));
            Exchange cut = run.exchanges().get(0);
            assertThat(cut.status(), equalTo(200));
            assertThat(cut.responseBody(), startsWith("{\"balance\":"));
            assertThat(cut.failure(), allOf(containsString("broke off"),
                    containsString("no complete answer from 127.0.0.1:" + gateway.port() + " within 1500 ms")));
        }
    }

    @Test
    void aResetInTheMiddleOfABillableAnswerIsRecordedAndCountedTowardTheSpendCap() throws Exception {
        try (MisbehavingServer gateway = new MisbehavingServer(new HalfAGateway(KEY))) {
            RunRecord run = run(gateway.url());
            List<Exchange> cut = run.exchanges().stream().filter(e -> e.failure() != null).toList();
            assertThat("exchanges that broke off", cut.size(), equalTo(1));
            assertThat(cut.get(0).path(), equalTo("/v1/chat/completions"));
            assertThat(cut.get(0).status(), equalTo(200));
            assertThat(cut.get(0).responseBody(), startsWith("data: {\"id\":\"gen_"));
            Spend spend = Spending.of(run.exchanges(), GatewayProfile.named("vercel"));
            assertThat(spend.billableRequests(), greaterThanOrEqualTo(1));
            assertThat(spend.unknownCost(), equalTo(1));
            assertThat(run.scenarios().stream().filter(s -> s.status().equals("SKIPPED")).map(ScenarioResult::message).toList(),
                    hasItem(containsString("so what the run has spent is not known")));
            // The stream broke off without data: [DONE]: said as such, and the build fails on the scenario it broke.
            assertThat(run.verdict().id(), equalTo("stream-error"));
            assertThat(run.verdict().meaning(), containsString("cut off without data: [DONE]"));
        }
    }

    @Test
    void aGatewaySlowerThanTheRunsDeadlineLeavesTheRunIncompleteNotFailedNorHealthy() throws Exception {
        try (MisbehavingServer gateway = new MisbehavingServer((request, out, socket) -> {
            Thread.sleep(8000);
            write(out, gatewayAnswer(200, "{\"object\":\"list\",\"data\":[]}"));
        })) {
            Finished finished = finished("slower than the run's deadline", gateway, Map.of("readMs", "20000", "runSeconds", "5"));
            RunRecord run = finished.run();
            // The catalog goes first and alone; the deadline cuts it short (or, on a machine slow to start
            // the run, comes before it is sent), and nothing else is sent.
            assertThat("requests the slow host got", gateway.received().size(), lessThanOrEqualTo(1));
            // What did not run is named in the closing block and in summary.md, each with its reason.
            assertThat(finished.closingBlock(), allOf(containsString("Verdict      incomplete"),
                    containsString("  not run    A team reads its balance: ")));
            assertThat(Files.readString(root.resolve("reports/evidence/summary.md")), allOf(containsString("## Scenarios not run"),
                    containsString("- **A team reads its balance**: not run, ")));
            assertThat(run.failed(), equalTo(0));
            assertThat(run.skipped(), greaterThanOrEqualTo(8));
            assertThat(run.scenarios().stream().filter(s -> s.status().equals("SKIPPED")).map(ScenarioResult::message).toList(),
                    everyItem(containsString("the run reached its deadline (timeouts.runSeconds: 5)")));
            assertThat(run.verdict().id(), equalTo("incomplete"));
            assertThat(run.verdict().meaning(), containsString("timeouts.runSeconds: 5"));
        }
    }

    @Test
    void aProxyThatRefusesConnectIsUnreachableThroughTheProxyNeverAGatewayOutage() throws Exception {
        try (MisbehavingServer proxy = new MisbehavingServer((request, out, socket) ->
                write(out, "HTTP/1.1 502 Bad Gateway\r\ncontent-type: text/plain\r\ncontent-length: 11\r\n\r\nbad gateway"))) {
            System.setProperty("https.proxyHost", "127.0.0.1");
            System.setProperty("https.proxyPort", String.valueOf(proxy.port()));
            RunRecord run;
            try {
                run = run("https://gateway.invalid");
            } finally {
                System.clearProperty("https.proxyHost");
                System.clearProperty("https.proxyPort");
            }
            assertThat(proxy.received().stream().map(MisbehavingServer.Request::method).toList(), hasItem("CONNECT"));
            assertThat(run.verdict().id(), equalTo("unreachable"));
            assertThat(run.verdict().meaning(), containsString("127.0.0.1:" + proxy.port()));
            assertThat(run.verdict().ruledOut().stream().map(point -> point.says()).toList(),
                    everyItem(not(containsString("recognised"))));
        }
    }

    @Test
    void aGatewayThatRefusesEvenAKeyItNeverIssuedWith403IsNotCalledATeamBlock() throws Exception {
        try (MisbehavingServer gateway = new MisbehavingServer((request, out, socket) -> write(out,
                gatewayAnswer(403, "{\"error\":{\"message\":\"Forbidden.\",\"type\":\"access_denied\"}}")))) {
            RunRecord run = run(gateway.url());
            // A gateway that refuses even a key it never issued with 403, where its profile says 401: the comparison that
            // tells a team block from a bad key disagrees with the gateway's own contract, so the run does not place it.
            assertThat(run.verdict().id(), equalTo("unclassified"));
            assertThat(run.verdict().title(), containsString("the run's comparisons disagree"));
            assertThat(run.verdict().meaning(), containsString("a key never issued got 403 access_denied on /v1/credits as your key did, where"));
            assertThat(run.verdict().ruledOut().stream().map(point -> point.says()).toList(),
                    everyItem(not(containsString("never issued got 401"))));
        }
    }

    @Test
    void aBlockedTeamWhoseFinishedBundleIsScannedLeavesNoKeyInReports() throws Exception {
        try (MisbehavingServer gateway = new MisbehavingServer((request, out, socket) -> {
            String authorization = request.headers().getOrDefault("authorization", "");
            write(out, gatewayAnswer(403, "{\"error\":{\"message\":\"Forbidden for " + authorization.replace("/", "\\/")
                    + "\",\"type\":\"access_denied\"}}", "x-echo: " + Base64.getEncoder()
                    .encodeToString(("Authorization: " + authorization).getBytes(StandardCharsets.UTF_8))));
        })) {
            run(gateway.url());
            Path record = root.resolve(RunRecord.FILE);
            Files.createDirectories(record.getParent());
            Files.copy(output.resolve("run.json"), record);
            Files.createDirectories(root.resolve("reports/allure-report"));
            Files.writeString(root.resolve("reports/allure-report/index.html"), "<html>report</html>");
            RunFinish.main(new String[] {root.toString()});
            assertThat(SecretScan.scan(List.of(root.resolve("reports"), root.resolve("target")),
                    List.of(new Secret("HOSTILE_TEST_KEY", KEY))), empty());
            assertThat(Files.readString(root.resolve("reports/evidence/summary.md")), containsString("$HOSTILE_TEST_KEY"));
        }
    }

    @Test
    void aRouteTheGatewayDoesNotServeIsReportedAsSuchNotAsAFailureOfTheKey() throws Exception {
        try (MisbehavingServer gateway = new MisbehavingServer((request, out, socket) -> {
            if (request.target().startsWith("/v1/responses")) {
                write(out, gatewayAnswer(404, "{\"error\":{\"message\":\"Not found\",\"type\":\"not_found_error\"}}"));
            } else {
                new HalfAGateway(KEY).answer(request, out, socket);
            }
        })) {
            RunRecord run = run(gateway.url(), Map.of(), "routes: [responses]");
            assertThat(run.verdict().id(), equalTo("route-not-served"));
            assertThat(run.verdict().title(), equalTo("Route not served (/v1/responses answered 404)"));
        }
    }

    /** A run and what follows it in ./mvnw verify (bundle, scan, closing block), as measured. */
    record Finished(RunRecord run, String closingBlock, long wallMs, long reportsBytes) {}

    /**
     * The run against {@code gateway}, then {@link RunFinish} over it as ./mvnw verify runs it after the
     * suite; its closing block is captured. Checks what every hostile case must leave: a bundle, a
     * reports/ under 64 MiB, no form of the key; and prints the figures (wall time, size, verdict).
     */
    private Finished finished(String name, MisbehavingServer gateway, Map<String, String> timeouts) throws Exception {
        long start = System.nanoTime();
        RunRecord run = run(gateway.url(), timeouts);
        Path record = root.resolve(RunRecord.FILE);
        Files.createDirectories(record.getParent());
        Files.copy(output.resolve("run.json"), record);
        Files.createDirectories(root.resolve("reports/allure-report"));
        Files.writeString(root.resolve("reports/allure-report/index.html"), "<html>report</html>");
        java.io.PrintStream console = System.out;
        java.io.ByteArrayOutputStream printed = new java.io.ByteArrayOutputStream();
        System.setOut(new java.io.PrintStream(printed, true, StandardCharsets.UTF_8));
        try {
            RunFinish.main(new String[] {root.toString()});
        } finally {
            System.setOut(console);
        }
        long wallMs = (System.nanoTime() - start) / 1_000_000;
        long reportsBytes = sizeOf(root.resolve("reports")) + sizeOf(output);
        System.out.printf("[hostile figures] %s: %d ms, reports %d bytes, verdict %s; exchanges %s%n", name, wallMs, reportsBytes,
                run.verdict().id(), run.exchanges().stream().map(e -> e.method() + " " + e.path() + " " + e.durationMs() + "ms").toList());
        try (java.util.stream.Stream<Path> files = Files.list(root.resolve("reports"))) {
            assertThat("the bundle", files.map(file -> file.getFileName().toString()).toList(),
                    hasItem(matchesPattern("ai-gateway-evidence-hostile-.*\\.zip")));
        }
        assertThat("bytes under reports/ and the run's own output", reportsBytes, lessThan(64L * 1024 * 1024));
        assertNoFormOfTheKeyIn(output);
        assertThat(SecretScan.scan(List.of(root.resolve("reports"), root.resolve("target")),
                List.of(new Secret("HOSTILE_TEST_KEY", KEY))), empty());
        return new Finished(run, printed.toString(StandardCharsets.UTF_8), wallMs, reportsBytes);
    }

    private static long sizeOf(Path folder) throws java.io.IOException {
        try (java.util.stream.Stream<Path> files = Files.walk(folder)) {
            return files.filter(Files::isRegularFile).mapToLong(file -> file.toFile().length()).sum();
        }
    }

    private static List<String> messagesOf(RunRecord run, String status) {
        return run.scenarios().stream().filter(s -> s.status().equals(status)).map(ScenarioResult::message).toList();
    }

    @Test
    void aGzipBombIsCutAtTheCapRecordedAsSuchAndItsHostIsNotAskedAgain() throws Exception {
        try (MisbehavingServer gateway = new MisbehavingServer(OversizedAnswers.gzipBomb())) {
            Finished finished = finished("gzip bomb", gateway, Map.of("readMs", "10000"));
            RunRecord run = finished.run();
            assertThat("requests that reached the host", gateway.received().size(), equalTo(1));
            assertThat(run.exchanges().size(), equalTo(1));
            Exchange bomb = run.exchanges().get(0);
            assertThat(bomb.status(), equalTo(200));
            assertThat(bomb.failure(), matchesPattern("the answer \\(200\\) from 127\\.0\\.0\\.1:" + gateway.port()
                    + " is a decompression bomb: \\d+ bytes of gzip inflate past 4194304 bytes \\(limits\\.answerBytes\\).*"));
            assertThat(messagesOf(run, "SKIPPED"), hasItem(containsString(
                    "not sent: 127.0.0.1:" + gateway.port() + " sent a decompression bomb earlier in this run")));
            assertThat(run.verdict().id(), equalTo("not-the-gateway"));
            assertThat(run.verdict().title(), equalTo("Not the gateway (/v1/models answered a decompression bomb)"));
            assertThat(finished.closingBlock(), containsString("Verdict      not-the-gateway"));
        }
    }

    @Test
    void aCatalogOf400MibIsCutAtTheCapAndCostsSecondsNotMinutes() throws Exception {
        try (MisbehavingServer gateway = new MisbehavingServer(OversizedAnswers.hugeCatalog())) {
            Finished finished = finished("400 MiB catalog", gateway, Map.of("readMs", "10000"));
            RunRecord run = finished.run();
            Exchange catalog = run.exchanges().stream().filter(e -> e.path().equals("/v1/models")).findFirst().orElseThrow();
            assertThat(catalog.failure(), equalTo("the answer (200) from 127.0.0.1:" + gateway.port()
                    + " is larger than limits.answerBytes (4194304 bytes): 419430400 bytes arrived in all; the first 4194304 were kept"));
            assertThat("the catalog as recorded", catalog.responseBody().length(), lessThan(100_000));
            assertThat(run.verdict().id(), equalTo("not-the-gateway"));
            assertThat(run.verdict().title(), equalTo("Not the gateway (/v1/models answered more than the run reads)"));
            assertThat("wall time of the run and its bundle, ms", finished.wallMs(), lessThan(30_000L));
        }
    }

    @Test
    void anEndlessStreamIsCutAtTheCapAndTheRunGoesOn() throws Exception {
        try (MisbehavingServer gateway = new MisbehavingServer(OversizedAnswers.endlessStream(KEY))) {
            Finished finished = finished("endless stream", gateway, Map.of("readMs", "10000"));
            RunRecord run = finished.run();
            List<Exchange> streams = run.exchanges().stream().filter(e -> e.method().equals("POST")).toList();
            assertThat("inference sent", streams.size(), greaterThanOrEqualTo(1));
            assertThat(streams.get(0).status(), equalTo(200));
            assertThat(streams.get(0).failure(), matchesPattern("the answer \\(200\\) from 127\\.0\\.0\\.1:" + gateway.port()
                    + " is larger than limits\\.answerBytes \\(4194304 bytes\\), with no length declared: the first 4194304 were kept and the connection closed"));
            assertThat(run.verdict().id(), equalTo("stream-error"));
            assertThat(run.verdict().meaning(), containsString("then was cut off without data: [DONE] (the answer (200) from 127.0.0.1:"
                    + gateway.port() + " is larger than limits.answerBytes"));
        }
    }

    @Test
    void jsonNested200000DeepIsReportedAsJsonTooDeepNotAsTextThatIsNotJson() throws Exception {
        try (MisbehavingServer gateway = new MisbehavingServer(OversizedAnswers.deepJson())) {
            Finished finished = finished("JSON nested 200,000 deep", gateway, Map.of("readMs", "10000"));
            RunRecord run = finished.run();
            assertThat(run.exchanges().get(0).failure(), equalTo("the answer (200) from 127.0.0.1:" + gateway.port()
                    + " is JSON nested deeper than 1000 levels, which the run does not read"));
            assertThat(messagesOf(run, "FAILED"), everyItem(not(containsString("not JSON"))));
            assertThat(messagesOf(run, "FAILED"), hasItem(containsString("JSON nested deeper than 1000 levels")));
            assertThat(run.verdict().id(), equalTo("not-the-gateway"));
            assertThat(run.verdict().title(), equalTo("Not the gateway (/v1/models answered more than the run reads)"));
        }
    }

    @Test
    void terminalEscapesANulAndBytesThatAreNotUtf8InAMessageNeverReachTheConsoleRaw() throws Exception {
        try (MisbehavingServer gateway = new MisbehavingServer(OversizedAnswers.escapesInTheMessage(KEY))) {
            Finished finished = finished("escapes in the message", gateway, Map.of("readMs", "10000"));
            assertThat(finished.run().verdict().id(), equalTo("team-access-denied"));
            String block = finished.closingBlock();
            assertThat("the gateway's message is in the closing block", block, containsString("Forbidden.\\x1b[31m RED"));
            for (char raw : new char[] {'\u001b', '\u0000', '\u0007', '\u009b'}) {
                assertThat("U+%04X printed raw".formatted((int) raw), block.indexOf(raw), equalTo(-1));
            }
            assertThat(block, allOf(containsString("nul:\\x00"), containsString("\\u009b2J"),
                    containsString("bad:\uFFFD")));
        }
    }
}
