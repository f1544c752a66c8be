package dev.aigateway.contract.run;

import dev.aigateway.contract.Skipped;
import dev.aigateway.contract.diagnosis.BaseUrlCorrection;
import dev.aigateway.contract.environment.Environment;
import dev.aigateway.contract.http.Credential;
import dev.aigateway.contract.http.GatewayClient;
import dev.aigateway.contract.http.Redactor;
import dev.aigateway.contract.http.RefusalReduction;
import dev.aigateway.contract.record.Exchange;
import dev.aigateway.contract.request.ApplicationRequest;
import dev.aigateway.contract.request.RequestFinding;
import io.restassured.response.Response;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The application's own requests of one run ({@code -Drequest}, {@code requests:}): this owns sending each one,
 * the correction of a wrong base URL and the variants that find what a refusal follows, every send through the
 * gates of a {@link GatewayClient}; {@code request/} reads and plans them.
 */
final class ApplicationRequestRun {

    private final Environment environment;
    private final Redactor redactor;
    private final List<ApplicationRequest> requests;
    /** A client of the run's for a scenario: its own exchange log, the run's gates. */
    private final Function<String, GatewayClient> clients;
    private final Function<String, String> providerBaseUrl;
    private final Map<Integer, RefusalReduction.Outcome> reductions = new ConcurrentHashMap<>();

    ApplicationRequestRun(Environment environment, Redactor redactor, List<ApplicationRequest> requests,
                          Function<String, GatewayClient> clients, Function<String, String> providerBaseUrl) {
        this.environment = environment;
        this.redactor = redactor;
        this.requests = List.copyOf(requests);
        this.clients = clients;
        this.providerBaseUrl = providerBaseUrl;
    }

    /** The application's requests this run sends, one scenario each; empty when none was given. */
    List<ApplicationRequest> requests() {
        return requests;
    }

    /** The {@code slot}-th (1-based) of {@link #requests()}. */
    ApplicationRequest request(int slot) {
        if (slot < 1 || slot > requests.size()) {
            throw new IllegalStateException("no application request " + slot + ": this run has " + requests.size());
        }
        return requests.get(slot - 1);
    }

    /**
     * Sends the {@code slot}-th application request through {@code client}, as {@code credential}, past the gates
     * every billable send passes (a path the profile does not list is held as billable). When the gateway serves
     * no route at its path but one at a path it ends like (a wrong base URL), the same request once more to the
     * corrected path, through a client of its own, so that the scenario's own answer stays the application's,
     * and past the same gates: a correction they refuse is named with why, never sent.
     */
    Response send(int slot, GatewayClient client, Credential credential) {
        ApplicationRequest request = request(slot);
        Response answer = client.applicationRequest(credential, request);
        if (answer.statusCode() == 404 || answer.statusCode() == 405) {
            BaseUrlCorrection.of(request.path(), environment.profile()).ifPresent(correction -> {
                String query = request.pathAndQuery().substring(request.path().length());
                ApplicationRequest corrected = new ApplicationRequest(request.method(), correction.correctedPath() + query,
                        request.headers(), request.body(), request.file(), request.entry(), request.host(), request.replaced(),
                        request.secrets());
                try {
                    clients.apply(client.scenario()).applicationRequest(credential, corrected);
                } catch (Skipped notSent) {
                    io.qameta.allure.Allure.step("The same request at " + correction.correctedPath() + " (the corrected base URL): "
                            + notSent.getMessage());
                }
            });
        }
        return answer;
    }

    /**
     * When the gateway itself refused the {@code slot}-th application request ({@code answer}, sent by
     * {@code client}), finds what it refuses in it with variants sent under the same scenario
     * ({@link RefusalReduction}); the finding, redacted, goes on the request's own exchange and in the run's
     * record. {@link RefusalReduction.Outcome#NONE} when the answer is not such a refusal.
     */
    RefusalReduction.Outcome findWhatIsRefused(int slot, GatewayClient client, Credential credential, Response answer) {
        ApplicationRequest request = request(slot);
        if (environment.request().maxVariants() == 0 || !RefusalReduction.refusedByTheGateway(answer, environment.profile())) {
            return RefusalReduction.Outcome.NONE;
        }
        RefusalReduction.Outcome found = RefusalReduction.find(clients.apply(client.scenario()), credential, request, direct(request));
        if (!found.found()) {
            return found;
        }
        RequestFinding finding = new RequestFinding(redactor.redact(found.finding().sentence()), found.finding().trigger());
        RefusalReduction.Outcome outcome = new RefusalReduction.Outcome(finding, found.tried(), found.requests(), found.waves(),
                found.wallMs());
        ownExchange(client, request).ifPresent(exchange -> client.replace(exchange.withFinding(finding.sentence(), finding.trigger())));
        reductions.put(slot, outcome);
        return outcome;
    }

    /**
     * Where the request may also go directly: its model's provider, when the environment has the user's own key for it
     * ({@code credentials.byok}), asks for direct calls to the provider ({@code byok.verifyDirect}, as the BYOK check
     * does: the provider bills them) and the run knows that provider's API ({@link #providerBaseUrl(String)}).
     */
    private RefusalReduction.Direct direct(ApplicationRequest request) {
        String model = request.model();
        if (model == null || !model.contains("/") || !environment.byok().verifyDirect()) {
            return null;
        }
        String provider = model.substring(0, model.indexOf('/'));
        String key = environment.byok().keys().get(provider);
        if (key == null || key.isBlank()) {
            return null;
        }
        try {
            return new RefusalReduction.Direct(provider, providerBaseUrl.apply(provider), key);
        } catch (IllegalArgumentException unknownProvider) {
            return null;
        }
    }

    /** What the variants of the {@code slot}-th application request found, when it was refused and they were sent. */
    Optional<RefusalReduction.Outcome> reduction(int slot) {
        return Optional.ofNullable(reductions.get(slot));
    }

    /** The application request's own exchange: its scenario's last one to its path that is not a variant. */
    private Optional<Exchange> ownExchange(GatewayClient client, ApplicationRequest request) {
        List<Exchange> all = client.exchanges();
        String path = redactor.redact(request.path());
        for (int i = all.size() - 1; i >= 0; i--) {
            Exchange exchange = all.get(i);
            if (exchange.variant() == null && exchange.method().equalsIgnoreCase(request.method())
                    && exchange.path() != null && exchange.path().replaceFirst("\\?.*", "").equals(path)) {
                return Optional.of(exchange);
            }
        }
        return Optional.empty();
    }
}
