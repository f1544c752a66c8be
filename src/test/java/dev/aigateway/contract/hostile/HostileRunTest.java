package dev.aigateway.contract.hostile;

import dev.aigateway.contract.gateway.GatewayProfile;
import static dev.aigateway.contract.hostile.MisbehavingServer.gatewayAnswer;
import static dev.aigateway.contract.hostile.MisbehavingServer.write;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import dev.aigateway.contract.Processes;
import dev.aigateway.contract.environment.Environment.Secret;
import dev.aigateway.contract.evidence.SecretScan;
import dev.aigateway.contract.http.Spending;
import dev.aigateway.contract.record.Exchange;
import dev.aigateway.contract.record.RunRecord;
import dev.aigateway.contract.record.Spend;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hostile gateways over a URL, run as the build runs the contract: the suite in a JVM of its own
 * (SuiteLauncher, whose console is what a user sees), then the finishing step (RunFinish: closing
 * block, evidence, zips). Each test prints its wall time, the size of {@code reports/} and the verdict.
 */
class HostileRunTest {

    private static final String KEY = HostileGatewayTest.KEY;

    @TempDir
    Path root;

    /** What a whole run printed and wrote. */
    private record Outcome(String console, String closing, RunRecord record, long wallMs, long reportsBytes) {}

    @Test
    void aSelfSignedCertificateEndsUnreachableInOneSentenceAfterOneHandshakeWithNothingBilled() throws Exception {
        try (MisbehavingServer gateway = MisbehavingServer.tls(MisbehavingServer.keystore(root, "ip:127.0.0.1"),
                (request, out, socket) -> write(out, gatewayAnswer(200, "{\"data\":[]}")))) {
            Outcome run = run(gateway.url(), "self-signed TLS");
            String host = "127.0.0.1:" + gateway.port();

            assertThat(run.record().verdict().id(), equalTo("unreachable"));
            assertThat(run.record().verdict().meaning(), startsWith("The TLS handshake failed, so no request was sent:"
                    + " the certificate of " + host + " is not trusted by this Java (self-signed, or signed by a CA it does"
                    + " not know, as a proxy that opens TLS does): pass that CA with -Djavax.net.ssl.trustStore=FILE. "));
            assertThat("TLS handshakes the server saw", gateway.connections(), equalTo(1));
            assertThat(gateway.received(), empty());
            List<Exchange> exchanges = run.record().exchanges();
            assertThat(exchanges.size(), equalTo(1));
            assertThat(Spending.of(exchanges, GatewayProfile.named("vercel")).billableRequests(), equalTo(0));
            assertThat(run.closing(), containsString("0 sent, 0 billable"));
            assertThat(run.closing(), not(containsString("unknown cost")));

            assertThat("the sentence is printed once", count(run.console(), "is not trusted by this Java (self-signed"), equalTo(1));
            assertThat(run.console(), containsString("skipped: not sent: " + host
                    + " failed the TLS handshake earlier in this run (its certificate is not trusted by this Java)"));
            for (String java : List.of("Exception", "sun.security", "PKIX", "at dev.aigateway", "failed outside a check")) {
                assertThat(run.console(), not(containsString(java)));
            }
        }
    }

    @Test
    void aGatewayThatEchoesTheKeyInARedirectAndACookieIsNotFollowedAndLeavesNoFormOfTheKey() throws Exception {
        try (MisbehavingServer elsewhere = new MisbehavingServer((request, out, socket) ->
                     write(out, gatewayAnswer(200, "{\"balance\":\"1\",\"total_used\":\"0\"}")));
             MisbehavingServer gateway = new MisbehavingServer((request, out, socket) -> {
                 String key = request.headers().getOrDefault("authorization", "none").replaceFirst("^Bearer ", "");
                 String encoded = URLEncoder.encode(key, StandardCharsets.UTF_8);
                 String base64 = Base64.getEncoder().encodeToString(key.getBytes(StandardCharsets.UTF_8));
                 write(out, "HTTP/1.1 302 Found\r\nlocation: " + elsewhere.url() + request.target() + "?key=" + encoded
                         + "&raw=" + key + "\r\nset-cookie: gateway_session=" + key + "; Path=/; HttpOnly\r\n"
                         + "set-cookie: gateway_token=" + base64 + "; Path=/\r\ncontent-length: 0\r\n\r\n");
             })) {
            Outcome run = run(gateway.url(), "key echoed in Location and Set-Cookie");

            assertThat(gateway.received().stream().map(r -> r.headers().get("authorization")).toList(), hasItem("Bearer " + KEY));
            assertThat("requests that followed the redirect", elsewhere.received(), empty());
            assertThat(run.record().verdict().id(), equalTo("not-the-gateway"));
            assertThat(run.record().exchanges().stream().map(Exchange::status).toList(), everyItem(equalTo(302)));

            // The JUnit XML quotes each failure in full: it is among what the scan reads.
            assertThat("JUnit XML written", Files.isRegularFile(root.resolve("reports/junit/contract.xml")), equalTo(true));
            List<Path> written = List.of(root.resolve("reports"), root.resolve("target/contract-run"), root.resolve("console.txt"));
            assertThat(SecretScan.describe(SecretScan.scan(written, List.of(new Secret("HOSTILE_TEST_KEY", KEY)))),
                    SecretScan.scan(written, List.of(new Secret("HOSTILE_TEST_KEY", KEY))), empty());
            for (String form : List.of("S3CRET", URLEncoder.encode("S3CRET/KEY+", StandardCharsets.UTF_8),
                    Base64.getEncoder().encodeToString(KEY.getBytes(StandardCharsets.UTF_8)).substring(0, 16))) {
                assertThat(form, run.console() + run.closing(), not(containsString(form)));
            }
            assertThat("reports/ holds the bundle", run.reportsBytes(), allOf(greaterThan(0L), lessThan(64L << 20)));
        }
    }

    /**
     * The environment at {@code baseUrl}, run by the suite's own JVM and finished by RunFinish's, as {@code ./mvnw verify} does.
     * Its first exchange starts REST Assured in a cold JVM, which on a busy machine takes seconds: the
     * read timeout leaves room for that, so only what the server does decides the outcome.
     */
    private Outcome run(String baseUrl, String what) throws Exception {
        HostileEnvironment.write(root, baseUrl, KEY, "5000", "15000", "60", "");
        if (!Files.isDirectory(root.resolve("features"))) {
            dev.aigateway.contract.run.ContractSuite.copyFeaturesTo(root);
        }
        long start = System.nanoTime();
        String console = java("dev.aigateway.contract.run.SuiteLauncher", "-Denv=hostile", "-Dcontract.root=" + root,
                "-Dcontract.console=" + root.resolve("target/contract-run/console.txt"),
                "-Dallure.results.directory=" + root.resolve("reports/allure-results"));
        String closing = java("dev.aigateway.contract.run.RunFinish");
        long wallMs = (System.nanoTime() - start) / 1_000_000;
        Files.writeString(root.resolve("console.txt"), console + closing);
        long reportsBytes;
        try (Stream<Path> files = Files.walk(root.resolve("reports"))) {
            reportsBytes = files.filter(Files::isRegularFile).mapToLong(file -> file.toFile().length()).sum();
        }
        RunRecord record = RunRecord.read(root);
        System.out.printf("[hostile] %s: %.1f s wall (suite and finishing JVMs), reports/ %d KiB, verdict %s%n",
                what, wallMs / 1000.0, reportsBytes / 1024, record.verdict().id());
        return new Outcome(console, closing, record, wallMs, reportsBytes);
    }

    /** Runs {@code main} of {@code mainClass} in a JVM of its own, on this test's class path, in {@link #root}: what it printed. */
    private String java(String mainClass, String... options) throws Exception {
        List<String> command = new ArrayList<>(List.of(Processes.java()));
        command.addAll(List.of(options));
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), mainClass, root.toString()));
        return Processes.run(root, Duration.ofMinutes(10), command).output();
    }

    private static int count(String text, String part) {
        Matcher matcher = java.util.regex.Pattern.compile(java.util.regex.Pattern.quote(part)).matcher(text);
        int found = 0;
        while (matcher.find()) {
            found++;
        }
        return found;
    }
}
