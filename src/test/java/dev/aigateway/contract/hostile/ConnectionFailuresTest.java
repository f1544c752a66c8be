package dev.aigateway.contract.hostile;

import static dev.aigateway.contract.hostile.MisbehavingServer.gatewayAnswer;
import static dev.aigateway.contract.hostile.MisbehavingServer.write;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.aigateway.contract.Skipped;
import dev.aigateway.contract.diagnosis.Diagnosis;
import dev.aigateway.contract.environment.Environment;
import dev.aigateway.contract.environment.EnvironmentLoader;
import dev.aigateway.contract.http.Credential;
import dev.aigateway.contract.http.ExchangeLog;
import dev.aigateway.contract.http.GatewayClient;
import dev.aigateway.contract.http.GatewayUnreachableException;
import dev.aigateway.contract.http.Redactor;
import dev.aigateway.contract.http.RunLimits;
import dev.aigateway.contract.http.SharedAnswer;
import dev.aigateway.contract.http.SpendGuard;
import dev.aigateway.contract.http.Spending;
import dev.aigateway.contract.record.Exchange;
import dev.aigateway.contract.record.Spend;
import dev.aigateway.contract.record.Verdict;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A connection that fails before the request goes out, over real sockets on 127.0.0.1: each says
 * what is wrong and the fix in words, never in Java's, the request is recorded as never sent and
 * costs nothing, and no later request goes to that host.
 */
class ConnectionFailuresTest {

    /** What Java says of itself: an exception's class name, a JDK package, a stack frame. */
    static final Pattern JAVA_WORDS = Pattern.compile("Exception|sun\\.security|javax?\\.net\\.ssl\\.SSL|PKIX|\\bat [a-z]+\\.");

    @TempDir
    Path root;

    private final ExchangeLog exchanges = new ExchangeLog();
    private final RunLimits limits = new RunLimits(60);
    private final SharedAnswer catalog = new SharedAnswer();
    private Environment environment;

    @Test
    void aSelfSignedCertificateIsNotTrustedAndTheSentenceNamesTheTrustStoreAndNothingElseIsSent() throws Exception {
        try (MisbehavingServer gateway = MisbehavingServer.tls(MisbehavingServer.keystore(root, "ip:127.0.0.1"),
                (request, out, socket) -> write(out, gatewayAnswer(200, "{\"data\":[]}")))) {
            GatewayClient client = client(gateway.url(), "Anyone can read the catalog");
            GatewayUnreachableException refused = assertThrows(GatewayUnreachableException.class, client::modelCatalog);
            String host = "127.0.0.1:" + gateway.port();
            assertThat(refused.getMessage(), equalTo("the certificate of " + host + " is not trusted by this Java"
                    + " (self-signed, or signed by a CA it does not know, as a proxy that opens TLS does):"
                    + " pass that CA with -Djavax.net.ssl.trustStore=FILE"));

            Skipped later = assertThrows(Skipped.class, () -> client(gateway.url(), "A team reads its balance")
                    .creditBalance(Credential.teamKey("vck_tls_test_key")));
            assertThat(later.getMessage(), equalTo("skipped: not sent: " + host
                    + " failed the TLS handshake earlier in this run (its certificate is not trusted by this Java)"));
            assertThat("handshakes the server saw", gateway.connections(), equalTo(1));
            List<Exchange> recorded = exchanges.all();
            assertThat(recorded.size(), equalTo(1));
            assertThat(recorded.get(0).neverSent(), equalTo(true));
            assertThat(Spending.of(recorded).requests(), equalTo(0));
        }
    }

    @Test
    void theTrustStoreTheSentenceNamesIsTheFix() throws Exception {
        Path keystore = MisbehavingServer.keystore(root, "ip:127.0.0.1");
        try (MisbehavingServer gateway = MisbehavingServer.tls(keystore,
                (request, out, socket) -> write(out, gatewayAnswer(200, "{\"data\":[]}")))) {
            withTrustStore(keystore, () -> assertThat(client(gateway.url(), "Anyone can read the catalog")
                    .modelCatalog().statusCode(), equalTo(200)));
            assertThat(exchanges.all().get(0).neverSent(), equalTo(false));
        }
    }

    @Test
    void aCertificateForAnotherHostSaysSo() throws Exception {
        Path keystore = MisbehavingServer.keystore(root, "dns:gateway.example");
        try (MisbehavingServer gateway = MisbehavingServer.tls(keystore,
                (request, out, socket) -> write(out, gatewayAnswer(200, "{\"data\":[]}")))) {
            withTrustStore(keystore, () -> assertThat(failureOf(gateway.url()), equalTo("the certificate of 127.0.0.1:"
                    + gateway.port() + " is for another host name: check the host in baseUrl, or whether a proxy answers for it")));
            assertThat(gateway.received().size(), equalTo(0));
        }
    }

    @Test
    void aServerThatIsNotTlsBehindAnHttpsUrlSaysSo() throws Exception {
        try (RawServer plain = new RawServer(socket -> socket.getOutputStream().write(
                "HTTP/1.1 400 Bad Request\r\ncontent-length: 0\r\n\r\n".getBytes(StandardCharsets.US_ASCII)))) {
            assertThat(failureOf(plain.url()), equalTo("127.0.0.1:" + plain.port() + " does not speak TLS though baseUrl"
                    + " says https: check the scheme and the port in baseUrl"));
        }
    }

    @Test
    void aHandshakeResetSaysSoAndTheHostIsNotAskedAgain() throws Exception {
        try (RawServer reset = new RawServer(socket -> {
            socket.getInputStream().read(new byte[64]);
            socket.setSoLinger(true, 0);
        })) {
            String failure = failureOf(reset.url());
            assertThat(failure, startsWith("127.0.0.1:" + reset.port() + " closed the connection during the TLS handshake"));
            assertThat(failure, not(org.hamcrest.Matchers.matchesPattern("(?s).*(" + JAVA_WORDS.pattern() + ").*")));
            assertThrows(Skipped.class, () -> client(reset.url(), "A team reads its balance")
                    .creditBalance(Credential.teamKey("vck_tls_test_key")));
            assertThat("connections", reset.connections.get(), equalTo(1));
            assertThat(Spending.of(exchanges.all()).billableRequests(), equalTo(0));
        }
    }

    @Test
    void aHandshakeClosedBeforeAnyCertificateIsNotAdvisedToTrustOne() throws Exception {
        try (RawServer reset = new RawServer(socket -> {
            socket.getInputStream().read(new byte[64]);
            socket.setSoLinger(true, 0);
        })) {
            failureOf(reset.url());
            Verdict verdict = Diagnosis.load().diagnose(exchanges.all(), 1, environment);
            assertThat(verdict.id(), equalTo("unreachable"));
            assertThat(verdict.title(), equalTo("Unreachable (the TLS handshake did not complete)"));
            String advice = verdict.meaning() + String.join(" ", verdict.nextSteps());
            assertThat(advice, not(containsString("trustStore")));
            assertThat(advice, not(containsString("keytool")));
            assertThat(advice, containsString("Check the host and port in baseUrl"));
        }
    }

    @Test
    void anUntrustedCertificateIsAdvisedToTrustItsCa() throws Exception {
        try (MisbehavingServer gateway = MisbehavingServer.tls(MisbehavingServer.keystore(root, "ip:127.0.0.1"),
                (request, out, socket) -> write(out, gatewayAnswer(200, "{\"data\":[]}")))) {
            failureOf(gateway.url());
            Verdict verdict = Diagnosis.load().diagnose(exchanges.all(), 1, environment);
            assertThat(verdict.title(), equalTo("Unreachable (the TLS handshake failed)"));
            assertThat(String.join(" ", verdict.nextSteps()), containsString("-Djavax.net.ssl.trustStore="));
        }
    }

    private String failureOf(String url) throws Exception {
        GatewayUnreachableException refused = assertThrows(GatewayUnreachableException.class,
                () -> client(url, "Anyone can read the catalog").modelCatalog());
        assertThat(exchanges.all().get(0).failure(), equalTo(refused.getMessage()));
        assertThat(exchanges.all().get(0).neverSent(), equalTo(true));
        return refused.getMessage();
    }

    private GatewayClient client(String baseUrl, String scenario) throws Exception {
        Files.createDirectories(root.resolve("environments"));
        Files.writeString(root.resolve("environments/tls.yaml"), """
                description: A gateway behind TLS
                baseUrl: %s
                teamId: team_tls00000000000000000
                apiKey: vck_tls_test_key
                funded: true
                expectedModels: [openai/gpt-4o-mini]
                probe: { model: openai/gpt-4o-mini, maxTokens: 1 }
                timeouts: { connectMs: 5000, readMs: 15000, runSeconds: 60 }
                """.formatted(baseUrl.replace("http://", "https://")));
        environment = new EnvironmentLoader(root, Map.of()).load("tls");
        return new GatewayClient(environment, new Redactor(environment.secrets(), environment.profile()),
                exchanges.forScenario(), scenario, limits, SpendGuard.NONE, catalog);
    }

    /** Runs {@code check} with {@code -Djavax.net.ssl.trustStore} set to {@code keystore}, as the sentence says. */
    private static void withTrustStore(Path keystore, ThrowingRunnable check) throws Exception {
        System.setProperty("javax.net.ssl.trustStore", keystore.toString());
        System.setProperty("javax.net.ssl.trustStorePassword", MisbehavingServer.PASSWORD);
        try {
            check.run();
        } finally {
            System.clearProperty("javax.net.ssl.trustStore");
            System.clearProperty("javax.net.ssl.trustStorePassword");
        }
    }

    interface ThrowingRunnable {
        void run() throws Exception;
    }

    /** A bare socket server: what it does with each connection, before any TLS or HTTP. */
    private static final class RawServer implements AutoCloseable {

        interface OnConnection {
            void accept(Socket socket) throws Exception;
        }

        private final ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        final AtomicInteger connections = new AtomicInteger();

        RawServer(OnConnection onConnection) throws Exception {
            Thread accepting = new Thread(() -> {
                while (!server.isClosed()) {
                    try (Socket socket = server.accept()) {
                        connections.incrementAndGet();
                        onConnection.accept(socket);
                    } catch (Exception closed) {
                        // The server closed, or the client went away.
                    }
                }
            }, "raw-server");
            accepting.setDaemon(true);
            accepting.start();
        }

        String url() {
            return "https://127.0.0.1:" + port();
        }

        int port() {
            return server.getLocalPort();
        }

        @Override
        public void close() throws Exception {
            server.close();
        }
    }
}
