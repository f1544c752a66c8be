package dev.aigateway.contract.run;

import dev.aigateway.contract.WireLog;
import dev.aigateway.contract.environment.Environment;
import dev.aigateway.contract.environment.EnvironmentLoader;
import dev.aigateway.contract.http.Credential;
import dev.aigateway.contract.http.ExchangeLog;
import dev.aigateway.contract.http.GatewayClient;
import dev.aigateway.contract.http.Redactor;
import dev.aigateway.contract.http.RunLimits;
import dev.aigateway.contract.http.SharedAnswer;
import dev.aigateway.contract.http.Spending;
import dev.aigateway.contract.record.Spend;
import dev.aigateway.contract.http.RefusalReduction;
import io.restassured.response.Response;
import java.util.Optional;
import dev.aigateway.contract.request.ApplicationRequest;
import dev.aigateway.contract.request.ApplicationRequests;
import dev.aigateway.contract.simulator.SimulatedGateway;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

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
    private final RunLimits limits;
    private final SpendCap spendCap;
    private final SharedAnswer catalog = new SharedAnswer();
    private final ApplicationRequestRun applicationRequests;

    private ContractRun(Environment environment, SimulatedGateway simulator, List<ApplicationRequest> requests) {
        this.environment = environment;
        this.simulator = simulator;
        this.limits = new RunLimits(environment.timeouts().runSeconds());
        this.spendCap = new SpendCap(environment.maxSpendUsd(), environment.name(), this::spend);
        // A key pasted into a request file is never sent, and redacted like the environment's own.
        List<Environment.Secret> secrets = new java.util.ArrayList<>(environment.secrets());
        secrets.addAll(ApplicationRequests.secrets(requests));
        this.redactor = new Redactor(secrets, environment.profile());
        this.applicationRequests = new ApplicationRequestRun(environment, redactor, requests, this::client, this::providerBaseUrl);
    }

    /** Loads {@code environments/<name>.yaml} under {@code root}; starts the simulator if it has a {@code simulator:} block. */
    public static ContractRun open(Path root, String name, Map<String, String> variables) {
        return open(root, name, variables, null);
    }

    /**
     * As {@link #open(Path, String, Map)}, with the application's requests: {@code request} ({@code -Drequest=FILE[#N]})
     * when set, else the environment's {@code requests:}, read from {@code root} before anything is sent.
     */
    public static ContractRun open(Path root, String name, Map<String, String> variables, String request) {
        WireLog.apply();
        Environment environment = new EnvironmentLoader(root, variables).load(name);
        List<ApplicationRequest> requests = ApplicationRequests.read(root, ApplicationRequests.named(environment, request));
        useHttpsProxyVariable(variables);
        if (!environment.usesSimulator()) {
            return new ContractRun(environment, null, requests);
        }
        SimulatedGateway simulator = SimulatedGateway.start(0, SimulatedGateway.latencyMs(environment.simulator().latencyMs()),
                environment.profile());
        return new ContractRun(environment.targeting(simulator.baseUrl()), simulator, requests);
    }

    /**
     * {@code HTTPS_PROXY} (or {@code https_proxy}), as curl and most tools read it, becomes the JVM's
     * {@code https.proxyHost} and {@code https.proxyPort} unless those are set with {@code -D}.
     * Credentials in its URL are not used.
     */
    static void useHttpsProxyVariable(Map<String, String> variables) {
        String proxy = variables.getOrDefault("HTTPS_PROXY", variables.get("https_proxy"));
        if (proxy == null || proxy.isBlank() || System.getProperty("https.proxyHost") != null) {
            return;
        }
        try {
            java.net.URI uri = java.net.URI.create(proxy.contains("://") ? proxy.strip() : "http://" + proxy.strip());
            if (uri.getHost() != null) {
                System.setProperty("https.proxyHost", uri.getHost());
                System.setProperty("https.proxyPort", String.valueOf(uri.getPort() > 0 ? uri.getPort() : 80));
            }
        } catch (IllegalArgumentException notAUrl) {
            throw new IllegalStateException("HTTPS_PROXY is not a proxy URL (e.g. http://proxy.example:3128): "
                    + notAUrl.getMessage());
        }
    }

    public Environment environment() {
        return environment;
    }

    /** The application's requests this run sends, one scenario each; empty when none was given. */
    public List<ApplicationRequest> requests() {
        return applicationRequests.requests();
    }

    /** The {@code slot}-th (1-based) of {@link #requests()}. */
    public ApplicationRequest request(int slot) {
        return applicationRequests.request(slot);
    }

    /** Sends the {@code slot}-th application request, and the correction of a wrong base URL: {@link ApplicationRequestRun#send}. */
    public Response sendApplicationRequest(int slot, GatewayClient client, Credential credential) {
        return applicationRequests.send(slot, client, credential);
    }

    /** What the gateway refuses in the {@code slot}-th application request: {@link ApplicationRequestRun#findWhatIsRefused}. */
    public RefusalReduction.Outcome findWhatIsRefused(int slot, GatewayClient client, Credential credential, Response answer) {
        return applicationRequests.findWhatIsRefused(slot, client, credential, answer);
    }

    /** What the variants of the {@code slot}-th application request found, when it was refused and they were sent. */
    public Optional<RefusalReduction.Outcome> reduction(int slot) {
        return applicationRequests.reduction(slot);
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
        return Spending.of(exchanges.all(), environment.profile());
    }

    /** A client whose exchanges are recorded under {@code scenario}. */
    public GatewayClient client(String scenario) {
        return new GatewayClient(environment, redactor, exchanges.forScenario(), scenario, limits, spendCap, catalog);
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
