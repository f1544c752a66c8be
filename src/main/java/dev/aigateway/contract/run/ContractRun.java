package dev.aigateway.contract.run;

import dev.aigateway.contract.environment.Environment;
import dev.aigateway.contract.environment.EnvironmentLoader;
import dev.aigateway.contract.http.Credential;
import dev.aigateway.contract.http.ExchangeLog;
import dev.aigateway.contract.http.GatewayClient;
import dev.aigateway.contract.http.Redactor;
import dev.aigateway.contract.simulator.SimulatedGateway;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What one contract run shares across its scenarios: the environment, the simulated gateway when
 * the environment asks for one, the redactor and the log of every exchange.
 */
public final class ContractRun implements AutoCloseable {

    private final Environment environment;
    private final SimulatedGateway simulator;
    private final Redactor redactor;
    private final ExchangeLog exchanges = new ExchangeLog();
    private final Instant startedAt = Instant.now();

    private ContractRun(Environment environment, SimulatedGateway simulator) {
        this.environment = environment;
        this.simulator = simulator;
        this.redactor = new Redactor(environment.secrets(), Set.of(Credential.NOT_ISSUED_KEY));
    }

    /** Loads {@code environments/<name>.yaml} under {@code root}; starts the simulator if it has a {@code simulator:} block. */
    public static ContractRun open(Path root, String name, Map<String, String> variables) {
        Environment environment = new EnvironmentLoader(root, variables).load(name);
        if (!environment.usesSimulator()) {
            return new ContractRun(environment, null);
        }
        SimulatedGateway simulator = SimulatedGateway.start(0);
        return new ContractRun(environment.targeting(simulator.baseUrl()), simulator);
    }

    public Environment environment() {
        return environment;
    }

    public Redactor redactor() {
        return redactor;
    }

    public ExchangeLog exchanges() {
        return exchanges;
    }

    public Instant startedAt() {
        return startedAt;
    }

    /** The simulated gateway of this run, or null when the run targets a real one. */
    public SimulatedGateway simulator() {
        return simulator;
    }

    /**
     * Where a provider's own API answers for the direct check: the environment's {@code byok.directBaseUrl}
     * when set (a proxy, a test), else the simulated gateway's stand-in for it, else the real one.
     */
    public String providerBaseUrl(String provider) {
        if (environment.byok().directBaseUrl() != null) {
            return environment.byok().directBaseUrl();
        }
        if (simulator != null) {
            return simulator.baseUrl() + "/" + provider;
        }
        return switch (provider) {
            case "anthropic" -> "https://api.anthropic.com";
            case "openai" -> "https://api.openai.com";
            default -> throw new IllegalArgumentException("no direct check for provider " + provider);
        };
    }

    /** What the run has spent so far, as the gateway reported it. */
    public Spend spend() {
        return Spend.of(exchanges.all());
    }

    /** A client whose exchanges are recorded under {@code scenario}. */
    public GatewayClient client(String scenario) {
        return new GatewayClient(environment, redactor, exchanges, scenario);
    }

    /** What the simulated gateway served, oldest first ("POST /v1/chat/completions"); empty against a real gateway. */
    public List<String> simulatorLog() {
        return simulator == null ? List.of() : simulator.requests().stream()
                .map(request -> request.getMethod() + " " + request.getUrl().replaceFirst("\\?.*", "")).toList();
    }

    @Override
    public void close() {
        if (simulator != null) {
            simulator.close();
        }
    }
}
