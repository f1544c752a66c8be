package dev.aigateway.contract.portkey;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import dev.aigateway.contract.environment.EnvironmentFolders;
import dev.aigateway.contract.gateway.GatewayProfile;
import dev.aigateway.contract.record.Exchange;
import dev.aigateway.contract.record.RunRecord;
import dev.aigateway.contract.run.ContractSuite;
import dev.aigateway.contract.simulator.SimulatedGateway;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.stream.Collectors;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The real Portkey gateway ({@link PortkeyGateway}) in front of a simulated gateway, both on 127.0.0.1, for the tests
 * that compare a contract's run direct and through Portkey. Held in a test class's static {@code @RegisterExtension}
 * field, it starts both before the class's tests (and warms the simulator up) and stops them after; after each test,
 * Portkey printed no refusal of a host other than 127.0.0.1. Portkey serves its routes under /v1: a gateway whose own
 * are elsewhere (OpenRouter's /api/v1) is reached through {@link PathRewrite}, what an OpenAI SDK given Portkey's base
 * URL does.
 */
final class ThroughPortkey implements BeforeAllCallback, AfterAllCallback, AfterEachCallback {

    private static final String PORTKEYS_ROUTES = "/v1";

    private final String gateway;
    private final String routes;
    private PortkeyGateway portkey;
    private SimulatedGateway simulator;
    private PathRewrite sdk;

    private ThroughPortkey(String gateway, String routes) {
        this.gateway = gateway;
        this.routes = routes;
    }

    /** Portkey in front of the simulated {@code gateway}, whose routes are under {@code routes} ("/v1", "/api/v1"). */
    static ThroughPortkey inFrontOf(String gateway, String routes) {
        return new ThroughPortkey(gateway, routes);
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        portkey = PortkeyGateway.start();
        simulator = SimulatedGateway.start(0, 0, GatewayProfile.named(gateway));
        if (!routes.equals(PORTKEYS_ROUTES)) {
            sdk = PathRewrite.start(routes, portkey.baseUrl(), PORTKEYS_ROUTES);
        }
        // A simulator's first answer (cold) can outlast readMs on a busy machine.
        HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(simulator.baseUrl() + routes + "/models"))
                .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.discarding());
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        for (AutoCloseable server : new AutoCloseable[] {sdk, portkey, simulator}) {
            if (server != null) {
                server.close();
            }
        }
    }

    @Override
    public void afterEach(ExtensionContext context) {
        // start.mjs refuses any other host; a refusal would be in what Portkey printed.
        assertThat(portkey.output(), not(containsString("is not 127.0.0.1")));
    }

    PortkeyGateway portkey() {
        return portkey;
    }

    SimulatedGateway simulator() {
        return simulator;
    }

    /** Where a client calling the gateway's own paths reaches Portkey: Portkey itself, or the path rewrite before it. */
    String baseUrl() {
        return sdk == null ? portkey.baseUrl() : sdk.baseUrl();
    }

    /**
     * environments/local/&lt;name&gt;.yaml as a run over a URL writes it, without the URL: its simulator: block left out,
     * readMs raised from 5000 (the slow team's, shorter, kept: two servers on a busy machine), the request files it lists
     * read from this checkout (the copy lives in another root).
     */
    static String overUrl(String name) throws Exception {
        Path checkout = Path.of(System.getProperty("contract.root", "."));
        String requests = checkout.toAbsolutePath().normalize() + "/src/";
        return Files.readString(EnvironmentFolders.file(checkout, name)).replaceAll("(?m)^simulator:\\n(  .*\\n)*", "")
                .replace("  readMs: 5000\n", "  readMs: 20000\n")
                .replaceAll("(?m)^  - src/", Matcher.quoteReplacement("  - " + requests));
    }

    /** The two runs, and the bodies of the requests the simulated gateway received during the run through Portkey. */
    record Runs(RunRecord direct, RunRecord through, List<String> reachedTheSimulatorThroughPortkey) {}

    /**
     * Runs {@code overUrl} under {@code root} once at the simulator ({@code direct}) and once through Portkey
     * ({@code through}) with the routing headers ({@code x-portkey-provider: openai}, {@code x-portkey-custom-host}: the
     * simulator's routes) and {@code moreHeaders} (YAML lines under headers:).
     */
    Runs run(Path root, String overUrl, String moreHeaders) throws Exception {
        Files.createDirectories(root.resolve("environments"));
        Files.writeString(root.resolve("environments/direct.yaml"), overUrl + "baseUrl: " + simulator.baseUrl() + "\n");
        Files.writeString(root.resolve("environments/through.yaml"), overUrl + "baseUrl: " + baseUrl() + "\n"
                + "headers:\n  x-portkey-provider: openai\n  x-portkey-custom-host: " + simulator.baseUrl() + routes + "\n"
                + moreHeaders);
        RunRecord direct = ContractSuite.run(root, "direct", Files.createDirectories(root.resolve("direct")), Map.of());
        int before = simulator.requests().size();
        RunRecord through = ContractSuite.run(root, "through", Files.createDirectories(root.resolve("through")), Map.of());
        List<String> reached = simulator.requests().subList(before, simulator.requests().size()).stream()
                .map(request -> request.getBodyAsString()).toList();
        return new Runs(direct, through, reached);
    }

    /** The bodies of the run's refused chat completions. */
    List<String> refusals(RunRecord run) {
        List<String> bodies = run.exchanges().stream()
                .filter(exchange -> exchange.path().equals(routes + "/chat/completions") && exchange.status() != null
                        && exchange.status() >= 400)
                .map(Exchange::responseBody).toList();
        assertThat("the run has refused chat completions", bodies.isEmpty(), equalTo(false));
        return bodies;
    }

    /** The names of the run's failed scenarios, sorted. */
    static List<String> failed(RunRecord run) {
        return run.scenarios().stream().filter(scenario -> scenario.status().equals("FAILED"))
                .map(RunRecord.ScenarioResult::name).sorted().toList();
    }

    /** What the run was answered, for a failure's message. */
    static String answers(RunRecord run) {
        return run.exchanges().stream().map(exchange -> exchange.method() + " " + exchange.path() + " " + exchange.status() + " "
                + (exchange.responseBody() == null ? exchange.failure() : exchange.responseBody().substring(0,
                        Math.min(200, exchange.responseBody().length())))).collect(Collectors.joining("\n"));
    }
}
