package dev.aigateway.contract.diagnosis;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import dev.aigateway.contract.environment.Environment;
import dev.aigateway.contract.environment.HandMadeEnvironment;
import dev.aigateway.contract.record.Caller;
import dev.aigateway.contract.record.Exchange;
import dev.aigateway.contract.record.Verdict;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Verdicts the simulated teams do not reach, from hand-made exchanges. */
class DiagnosisTest {

    private static final Environment ENVIRONMENT = HandMadeEnvironment.mine().build();
    private final Diagnosis diagnosis = Diagnosis.load();

    private static Exchange exchange(int sequence, Caller caller, String method, String path, String body, Integer status,
                                     String responseBody, String errorType) {
        return Exchange.builder().sequence(sequence).scenario("s").startedAt(Instant.EPOCH).method(method)
                .url("https://gateway.example" + path).path(path).requestBody(body).status(status)
                .responseHeaders(Map.of("content-type", "application/json")).responseBody(responseBody).durationMs(10)
                .requestId("fra1::iad1::abcde-1-0a").errorType(errorType).caller(caller).build();
    }

    /**
     * A scenario failed while nothing of the key was refused: the scenario's own check placed it, quoted in the verdict,
     * never unclassified (the comparisons do not disagree: there is no refusal to compare).
     */
    @Test
    void aFailedRunWithNothingRefusedIsPlacedByTheScenariosOwnCheck() {
        List<Exchange> allFine = List.of(exchange(1, Caller.TEAM_KEY, "GET", "/v1/credits", null, 200, "{\"balance\":\"1\"}", null));
        Verdict verdict = diagnosis.diagnose(allFine, new Diagnosis.Scenarios(1, List.of(), Map.of(), Map.of(), true,
                Map.of("A request without a key is refused", "#4 GET /v1/credits\nExpected: \"No auth credentials found\"\n     but: was \"User not found.\"")),
                ENVIRONMENT);
        assertThat(verdict.id(), equalTo("answer-off-contract"));
        assertThat(verdict.meaning(), containsString("\"A request without a key is refused\": #4 GET /v1/credits Expected: \"No auth credentials found\" but: was \"User not found.\""));
        assertThat(verdict.meaning(), containsString("Placed by: no exchange of your key failed"));
        assertThat(verdict.ruledOut().get(0).cited(), startsWith("#1 GET /v1/credits: 200"));
        // The same run with the key refused on the balance is no longer the answers' fault.
        List<Exchange> refused = List.of(exchange(1, Caller.TEAM_KEY, "GET", "/v1/credits", null, 400, "{\"error\":{\"message\":\"Odd.\"}}", null));
        assertThat(diagnosis.diagnose(refused, 1, ENVIRONMENT).id(), not(equalTo("answer-off-contract")));
    }

    /**
     * Vercel falls back to its system credentials when a BYOK key fails: every request is served, the BYOK scenarios
     * fail. The provider asked directly with the same key places it; served directly, it is the answers' fault.
     */
    @Test
    void aByokKeyTheProviderRefusesDirectlyIsByokKeyRejectedWhileEverythingIsServed() {
        String byok = "{\"model\":\"anthropic/claude-haiku-4.5\",\"providerOptions\":{\"gateway\":{\"byok\":{\"anthropic\":[{\"apiKey\":\"$ANTHROPIC_API_KEY\"}]}}}}";
        Diagnosis.Scenarios byokFailed = new Diagnosis.Scenarios(1, List.of(), Map.of(), Map.of(), true,
                Map.of("My own provider key serves the request", "Expected: \"byok\" but: was \"system\""));
        for (int direct : new int[] {401, 403, 200}) {
            List<Exchange> run = List.of(exchange(1, Caller.TEAM_KEY, "GET", "/v1/credits", null, 200, "{\"balance\":\"1\"}", null),
                    exchange(2, Caller.TEAM_KEY, "POST", "/v1/chat/completions", byok, 200, "{\"choices\":[]}", null),
                    exchange(3, Caller.PROVIDER_DIRECT, "POST", "/v1/messages", "{}", direct, direct == 200 ? "{\"type\":\"message\"}"
                            : "{\"type\":\"error\",\"error\":{\"type\":\"authentication_error\",\"message\":\"invalid x-api-key\"}}", null));
            Verdict verdict = diagnosis.diagnose(run, byokFailed, ENVIRONMENT);
            assertThat("direct " + direct, verdict.id(), equalTo(direct == 200 ? "answer-off-contract" : "byok-key-rejected"));
            if (direct != 200) {
                assertThat(verdict.meaning(), containsString("Placed by: the provider, asked directly with your own provider key, refused it (" + direct + ")"));
            }
        }
    }

    /** A long failed check is quoted shortened, never whole. */
    @Test
    void aFailedChecksMessageIsQuotedShortened() {
        String longMessage = "x".repeat(Diagnosis.Scenarios.CHECK_CHARS + 50);
        Verdict verdict = diagnosis.diagnose(List.of(), new Diagnosis.Scenarios(1, List.of(), Map.of(), Map.of(), true,
                Map.of("Long", longMessage)), ENVIRONMENT);
        assertThat(verdict.meaning(), containsString("\"Long\": " + "x".repeat(Diagnosis.Scenarios.CHECK_CHARS) + " …"));
        assertThat(verdict.meaning(), not(containsString("x".repeat(Diagnosis.Scenarios.CHECK_CHARS + 1))));
        // A message of exactly that length is quoted whole.
        String fits = "y".repeat(Diagnosis.Scenarios.CHECK_CHARS);
        assertThat(diagnosis.diagnose(List.of(), new Diagnosis.Scenarios(1, List.of(), Map.of(), Map.of(), true, Map.of("Fits", fits)),
                ENVIRONMENT).meaning(), containsString("\"Fits\": " + fits + ". What differs"));
    }

    @Test
    void anExpectedModelThatIsNotFoundIsModelUnavailable() {
        Exchange notFound = exchange(1, Caller.TEAM_KEY, "POST", "/v1/chat/completions", "{\"model\":\"openai/gpt-4o-mini\"}",
                404, "{\"error\":{\"message\":\"Model not found\",\"type\":\"model_not_found\"}}", "model_not_found");
        assertThat(diagnosis.diagnose(List.of(notFound), 1, ENVIRONMENT).id(), equalTo("model-unavailable"));
    }

    @Test
    void theDeliberatelyUnknownModelIsNotModelUnavailable() {
        Exchange probe = exchange(1, Caller.TEAM_KEY, "POST", "/v1/chat/completions", "{\"model\":\"contract-probe/no-such-model\"}",
                404, "{\"error\":{\"message\":\"Model not found\",\"type\":\"model_not_found\"}}", "model_not_found");
        // The probe on a model that does not exist is a comparison, not the key's own refusal.
        assertThat(diagnosis.diagnose(List.of(probe), 1, ENVIRONMENT).id(), equalTo("answer-off-contract"));
    }

    @Test
    void aBYOKRequestRefusedWith402IsTheCreditGateNotPlainInsufficientFunds() {
        String byok = "{\"model\":\"anthropic/claude-haiku-4.5\",\"providerOptions\":{\"gateway\":{\"byok\":{\"anthropic\":[{\"apiKey\":\"$ANTHROPIC_API_KEY\"}]}}}}";
        String refusal = "{\"error\":{\"message\":\"A positive credit balance is required for all requests, including BYOK\",\"type\":\"insufficient_funds\"}}";
        List<Exchange> exchanges = List.of(
                exchange(1, Caller.TEAM_KEY, "POST", "/v1/chat/completions", "{\"model\":\"openai/gpt-4o-mini\"}", 402, refusal, "insufficient_funds"),
                exchange(2, Caller.TEAM_KEY, "POST", "/v1/chat/completions", byok, 402, refusal, "insufficient_funds"),
                exchange(3, Caller.PROVIDER_DIRECT, "POST", "/v1/messages", "{}", 200, "{\"type\":\"message\"}", null));
        Verdict verdict = diagnosis.diagnose(exchanges, 2, ENVIRONMENT);
        assertThat(verdict.id(), equalTo("byok-credit-gate"));
        assertThat(verdict.evidence(), equalTo(List.of(2, 3)));
        assertThat(verdict.meaning(), containsString("\"A positive credit balance is required for all requests, including BYOK\""));
        assertThat(diagnosis.diagnose(exchanges.subList(0, 2), 2, ENVIRONMENT).id(), equalTo("insufficient-funds"));
        assertThat(verdict.references(), hasItem("https://github.com/vercel/ai/issues/11280"));
    }

    @Test
    void aProviderErrorWithAnUnreadableUrlStillNamesAnUpstreamProvider() {
        String body = "{\"error\":{\"message\":\"Overloaded\",\"type\":\"AI_APICallError\",\"param\":{\"url\":\"not a url\"}}}";
        List<Exchange> exchanges = List.of(
                exchange(1, Caller.NOT_ISSUED_KEY, "GET", "/v1/credits", null, 401,
                        "{\"error\":{\"message\":\"Invalid API key or token.\",\"type\":\"authentication_error\"}}", "authentication_error"),
                exchange(2, Caller.TEAM_KEY, "POST", "/v1/chat/completions", "{\"model\":\"openai/gpt-4o-mini\"}", 503, body, "AI_APICallError"));
        Verdict verdict = diagnosis.diagnose(exchanges, 1, ENVIRONMENT);
        assertThat(verdict.id(), equalTo("provider-unavailable"));
        assertThat(verdict.meaning(), containsString("an upstream provider (credential type unknown) answered \"Overloaded\""));
    }

    @Test
    void aPassingRunIsHealthyWhateverItSawOnTheWay() {
        Exchange blip = exchange(1, Caller.TEAM_KEY, "POST", "/v1/chat/completions", "{}", 503, "{}", "service_unavailable_error");
        assertThat(diagnosis.diagnose(List.of(blip), 0, ENVIRONMENT).id(), equalTo("healthy"));
    }

    /** The same passing exchanges (the key, the balance), with and without a billable scenario that held. */
    private static List<Exchange> keyAndBalance() {
        return List.of(exchange(1, Caller.NOT_ISSUED_KEY, "GET", "/v1/credits", null, 401,
                        "{\"error\":{\"message\":\"Invalid API key\",\"type\":\"authentication_error\"}}", "authentication_error"),
                exchange(2, Caller.TEAM_KEY, "GET", "/v1/credits", null, 200, "{\"balance\":\"1\",\"total_used\":\"0\"}", null));
    }

    private static Environment allowBillable(boolean allowed) {
        return HandMadeEnvironment.mine().allowBillable(allowed).build();
    }

    @Test
    void aPassingRunWithoutInferenceSaysSoInItsIdAndWhy() {
        Map<String, String> leftOut = Map.of("The smallest chat completion", "environment mine does not allow billable calls (allowBillable: false)");
        Diagnosis.Scenarios noInference = new Diagnosis.Scenarios(0, List.of("A team reads its balance"), leftOut, Map.of(), false);
        Verdict chosen = diagnosis.diagnose(keyAndBalance(), noInference, allowBillable(false));
        assertThat(chosen.id(), equalTo("healthy-no-inference"));
        assertThat(chosen.title(), equalTo(
                "Healthy without inference (key, account and catalog checked; inference not tried: allowBillable is false)"));
        assertThat(chosen.meaning(), containsString("A team reads its balance"));
        assertThat(chosen.ruledOut().stream().map(Verdict.RuledOut::says).toList(),
                hasItem(startsWith("Your account is readable")));
        // Billable calls allowed, yet none selected (a tag filter): no inference either, and a reason that does not blame allowBillable.
        Verdict filtered = diagnosis.diagnose(keyAndBalance(), new Diagnosis.Scenarios(0, List.of("A team reads its balance"),
                Map.of(), Map.of(), false), allowBillable(true));
        assertThat(filtered.id(), equalTo("healthy-no-inference"));
        assertThat(filtered.title(), containsString("no billable scenario was selected"));
    }

    @Test
    void aPassingRunWhoseInferenceHeldIsHealthyAndOneThatCouldNotCarryItOutIsIncomplete() {
        Diagnosis.Scenarios inference = new Diagnosis.Scenarios(0, List.of("The smallest chat completion"), Map.of(), Map.of(), true);
        assertThat(diagnosis.diagnose(keyAndBalance(), inference, allowBillable(true)).id(), equalTo("healthy"));
        // The spend cap stopped the inference: the environment did not choose that, so the run is incomplete, not healthy-no-inference.
        Diagnosis.Scenarios capped = new Diagnosis.Scenarios(0, List.of("A team reads its balance"), Map.of(),
                Map.of("The smallest chat completion", "the run has spent $0.01 of maxSpendUsd"), false);
        assertThat(diagnosis.diagnose(keyAndBalance(), capped, allowBillable(true)).id(), equalTo("incomplete"));
        assertThat(diagnosis.diagnose(keyAndBalance(), capped, allowBillable(false)).id(), equalTo("incomplete"));
        // A failed scenario is never healthy of any kind.
        assertThat(diagnosis.diagnose(keyAndBalance(), new Diagnosis.Scenarios(1, List.of(), Map.of(), Map.of(), false),
                allowBillable(false)).id(), equalTo("answer-off-contract"));
    }

    /**
     * Unclassified only where the run's comparisons disagree: every rule that gives it requires {@code contradicts}, and
     * the rules end with two that hold whatever happened, neither unclassified (nothing of the key refused, or a refusal
     * nothing compared).
     */
    @Test
    void unclassifiedIsGivenOnlyWhereTheComparisonsDisagree() {
        List<Diagnosis.Rule> rules = diagnosis.verdicts();
        for (Diagnosis.Rule rule : rules.stream().filter(rule -> rule.id().equals("unclassified")).toList()) {
            assertThat(diagnosis.nameOf(rule), rule.when().stream().anyMatch(condition -> condition.some() != null
                    && ".+".equals(condition.some().get("contradicts"))), equalTo(true));
        }
        assertThat(rules.subList(rules.size() - 2, rules.size()).stream().map(Diagnosis.Rule::id).toList(),
                equalTo(List.of("answer-off-contract", "unplaced")));
        // Whatever the run: nothing refused, or a refusal of the key's own.
        List<Exchange> refused = List.of(exchange(1, Caller.TEAM_KEY, "POST", "/v1/chat/completions", "{\"model\":\"openai/gpt-4o-mini\"}",
                418, "{\"error\":{\"message\":\"Odd.\"}}", null));
        assertThat(diagnosis.diagnose(refused, 1, ENVIRONMENT).id(), equalTo("unplaced"));
        assertThat(diagnosis.diagnose(List.of(), 1, ENVIRONMENT).id(), equalTo("answer-off-contract"));
    }

    @Test
    void everyVerdictOfTheDesignIsInTheRules() {
        assertThat(diagnosis.verdicts().stream().map(Diagnosis.Rule::id).distinct().sorted().toList(), equalTo(List.of(
                "account-refused", "answer-off-contract", "byok-credit-gate", "byok-key-rejected", "byok-requires-paid-credits", "card-required", "content-moderated", "credits-below-request",
                "data-policy-no-provider", "endpoint-unsupported-for-model", "free-credits-restricted",
                "free-tier-model-restricted", "gateway-misconfigured", "gateway-outage", "healthy", "healthy-no-inference", "incomplete", "insufficient-funds", "invalid-key",
                "model-unavailable", "model-unavailable-in-region", "not-the-gateway", "oidc-token-expired",
                "provider-refused", "provider-rejected-request", "provider-unavailable", "quota-exceeded", "rate-limited", "request-rejected",
                "route-not-served", "route-refused", "stream-error", "team-access-denied", "team-restricted", "unclassified", "unplaced",
                "unreachable", "wrong-base-url")));
    }

    @Test
    void aRouteTheGatewayDoesNotServeIsNamedAsSuchNeverAsAFailureOfTheKey() {
        List<Exchange> exchanges = List.of(
                exchange(1, Caller.TEAM_KEY, "POST", "/v1/chat/completions", "{\"model\":\"openai/gpt-4o-mini\"}", 200, "{}", null),
                exchange(2, Caller.TEAM_KEY, "POST", "/v1/responses", "{\"model\":\"openai/gpt-4o-mini\"}", 404,
                        "{\"error\":{\"message\":\"Not found\",\"type\":\"not_found_error\"}}", "not_found_error"));
        Verdict verdict = diagnosis.diagnose(exchanges, 1, ENVIRONMENT);
        assertThat(verdict.id(), equalTo("route-not-served"));
        assertThat(verdict.title(), equalTo("Route not served (/v1/responses answered 404)"));
        assertThat(verdict.ruledOut().stream().map(Verdict.RuledOut::says).toList(),
                hasItem("Your key, team and balance work: the gateway served the chat-completions route (/v1/chat/completions answered 200)"));
    }
}
