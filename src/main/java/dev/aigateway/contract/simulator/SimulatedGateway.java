package dev.aigateway.contract.simulator;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.util.List;

/**
 * The simulated gateway: WireMock on 127.0.0.1 serving the stub mappings of
 * {@code simulator/mappings} and every team of {@code simulator/teams.yaml}.
 */
public final class SimulatedGateway implements AutoCloseable {

    private final WireMockServer server;
    private final Teams teams;

    private SimulatedGateway(WireMockServer server, Teams teams) {
        this.server = server;
        this.teams = teams;
    }

    /** Starts on {@code port}, or on a free port when it is 0. */
    public static SimulatedGateway start(int port) {
        Teams teams = Teams.load();
        WireMockConfiguration options = options()
                .bindAddress("127.0.0.1")
                .usingFilesUnderClasspath("simulator")
                .notifier(new QuietNotifier())
                .extensions(new GatewayResponses(teams), new VercelEdgeHeaders());
        options = port == 0 ? options.dynamicPort() : options.port(port);
        WireMockServer server = new WireMockServer(options);
        server.start();
        return new SimulatedGateway(server, teams);
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.port();
    }

    public int port() {
        return server.port();
    }

    public Teams teams() {
        return teams;
    }

    /** Requests no stub mapping matched: each one is simulator drift. */
    public List<LoggedRequest> unmatchedRequests() {
        return server.findAllUnmatchedRequests();
    }

    /** Every request served, oldest first. */
    public List<LoggedRequest> requests() {
        return server.getAllServeEvents().stream().map(event -> event.getRequest()).map(LoggedRequest.class::cast)
                .sorted(java.util.Comparator.comparing(LoggedRequest::getLoggedDate)).toList();
    }

    @Override
    public void close() {
        server.stop();
    }
}
