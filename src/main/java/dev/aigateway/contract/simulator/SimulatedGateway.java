package dev.aigateway.contract.simulator;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.global.GlobalSettings;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.aigateway.contract.WireLog;
import dev.aigateway.contract.gateway.GatewayProfile;
import java.util.List;

/**
 * The simulated gateway: WireMock on 127.0.0.1 serving the stub mappings of
 * {@code simulator/mappings} and every team of {@code simulator/teams.yaml}, passing for the gateway of
 * the default profile ({@code gateways/<name>.yaml}: its {@code simulator:} section, request-id header,
 * generation ids and stream terminator).
 */
public final class SimulatedGateway implements AutoCloseable {

    /** The system property that delays every answer of the simulated gateway, in milliseconds. */
    public static final String LATENCY_PROPERTY = "simulator.latencyMs";

    private final WireMockServer server;
    private final Teams teams;

    private SimulatedGateway(WireMockServer server, Teams teams) {
        this.server = server;
        this.teams = teams;
    }

    /**
     * Starts on {@code port} (a free one when 0), answering every request after {@code latencyMs}, as a
     * distant gateway would (a team's own {@code delayMs} replaces it for that team's answers), passing for the
     * gateway of {@code profile}, with the teams and stubs of its simulator.
     */
    public static SimulatedGateway start(int port, int latencyMs, GatewayProfile profile) {
        Teams teams = Teams.load(profile);
        WireMockConfiguration options = options(profile, teams);
        options = port == 0 ? options.dynamicPort() : options.port(port);
        WireMockServer server = new WireMockServer(options);
        server.start();
        if (latencyMs > 0) {
            server.updateGlobalSettings(GlobalSettings.builder().fixedDelay(latencyMs).build());
        }
        return new SimulatedGateway(server, teams);
    }

    /** WireMock as {@link #start(int, int, GatewayProfile)} configures it, but for the port: passing for {@code profile}, hosting {@code teams}. */
    static WireMockConfiguration options(GatewayProfile profile, Teams teams) {
        if (profile.simulator() == null) {
            throw new IllegalStateException(profile.title() + " is not simulated: gateways/" + profile.name()
                    + ".yaml has no simulator: section");
        }
        return WireMockConfiguration.options()
                .bindAddress("127.0.0.1")
                .usingFilesUnderClasspath(profile.simulator().folder())
                .notifier(WireLog.on() ? new LoggedNotifier() : new QuietNotifier())
                .extensions(new GatewayResponses(profile, teams), new EdgeHeaders(profile.simulator().edgeHeaders()));
    }

    /**
     * The latency asked for with {@code -D}{@value #LATENCY_PROPERTY}{@code =N}, else {@code fallback}
     * (the environment's {@code simulator.latencyMs}).
     */
    public static int latencyMs(int fallback) {
        String value = System.getProperty(LATENCY_PROPERTY);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            int latencyMs = Integer.parseInt(value.strip());
            if (latencyMs >= 0) {
                return latencyMs;
            }
        } catch (NumberFormatException notANumber) {
            // the sentence below says what to write
        }
        throw new IllegalArgumentException("-D" + LATENCY_PROPERTY + "=" + value
                + " is not a delay in milliseconds; use a whole number, 0 or more, e.g. -D" + LATENCY_PROPERTY + "=300");
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
