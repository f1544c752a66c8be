package dev.aigateway.contract.portkey;

import static dev.aigateway.contract.portkey.ThroughPortkey.answers;
import static dev.aigateway.contract.portkey.ThroughPortkey.failed;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import dev.aigateway.contract.evidence.Chain;
import dev.aigateway.contract.portkey.ThroughPortkey.Runs;
import dev.aigateway.contract.record.Exchange;
import dev.aigateway.contract.record.RunRecord;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The simulated OpenRouter accounts through the real Portkey gateway (issue 27, item 4), as an OpenRouter user puts
 * Portkey in front: an OpenAI SDK given Portkey's base URL ({@code http://portkey/v1}), with
 * {@code x-portkey-provider: openai} and {@code x-portkey-custom-host: <OpenRouter>/api/v1} (the environment's
 * {@code headers:}). Portkey serves its routes under /v1 and OpenRouter's are under /api/v1, so the run, which calls
 * OpenRouter's own paths, goes through {@link PathRewrite} (/api/v1/... to Portkey's /v1/..., what the SDK's base URL
 * does); Portkey then calls {@code <custom host>/chat/completions} on its unified routes, and passes {@code /v1/key} and
 * {@code /v1/models} through to {@code <custom host>/key} and {@code /models}. Each account's verdict direct and through
 * Portkey are compared; every difference is Portkey's, explained on its test and in src/site/markdown/gateways.md.
 *
 * <p>What Portkey does, as its source at v1.15.2 shows: its openai provider sends {@code Authorization: Bearer
 * <apiKey>} whatever the request carried (src/providers/openai/api.ts), so a request without a key reaches OpenRouter
 * as {@code Bearer undefined}; a refusal is rewritten by {@code OpenAIErrorResponseTransform}
 * (src/providers/openai/utils.ts) and {@code generateErrorResponse} (src/providers/utils.ts) to
 * {@code {"error":{"message":"openai error: <message>","type","param","code"},"provider":"openai"}}: OpenRouter's
 * {@code metadata} (provider_name, raw, is_byok, available_providers) and {@code user_id} dropped, the message prefixed.
 */
class OpenRouterThroughPortkeyTest {

    @RegisterExtension
    static final ThroughPortkey THROUGH = ThroughPortkey.inFrontOf("openrouter", "/api/v1");

    @TempDir
    Path root;

    /**
     * The accounts whose verdict Portkey does not change: the status and the words the rules read pass through (the
     * message prefixed "openai error: ", which the rules of these verdicts do not anchor), or the verdict is read
     * before any refusal (HTML, a timeout, an error inside a 200 stream).
     */
    @ParameterizedTest(name = "{0}: {1}, direct and through Portkey")
    @CsvSource({
            "invalid-key,           invalid-key",
            "no-credits,            insufficient-funds",
            "credits-below-request, credits-below-request",
            "key-limit-can-only-afford, quota-exceeded",
            "region,                model-unavailable-in-region",
            "data-policy,           data-policy-no-provider",
            "moderation,            content-moderated",
            "context-window,        request-rejected",
            "stream-error,          stream-error",
            "outage,                gateway-outage",
            "firewall,              not-the-gateway",
            "slow,                  unreachable",
    })
    void theVerdictThroughPortkeyIsTheVerdictDirect(String account, String verdict) throws Exception {
        Runs runs = run(account);
        assertThat("direct", runs.direct().verdict().id(), equalTo(verdict));
        assertThat("through Portkey: " + answers(runs.through()), runs.through().verdict().id(), equalTo(verdict));
    }

    /**
     * Difference 1, a request without a key: Portkey's openai provider writes {@code Authorization: Bearer
     * ${apiKey}} from whatever key it was given, none included, so OpenRouter receives {@code Bearer undefined}: an
     * unknown key, answered "User not found." where, with no key, it says "No auth credentials found". The healthy
     * account is answer-off-contract through Portkey by that scenario alone: nothing of its key was refused, and the
     * verdict quotes the failed check.
     */
    @Test
    void aRequestWithoutAKeyReachesOpenRouterAsBearerUndefined() throws Exception {
        int before = THROUGH.simulator().requests().size();
        Runs runs = run("healthy");
        assertThat(runs.direct().verdict().id(), equalTo("healthy"));
        assertThat(runs.through().verdict().id(), equalTo("answer-off-contract"));
        assertThat(runs.through().verdict().meaning(), containsString("\"A request without a key is refused\": "));
        assertThat(runs.through().verdict().meaning(), containsString("User not found."));
        assertThat(failed(runs.through()), equalTo(List.of("A request without a key is refused")));
        List<String> noKey = runs.through().exchanges().stream()
                .filter(exchange -> exchange.caller() != null && exchange.caller().id().equals("no-key")
                        && exchange.path().equals("/api/v1/key"))
                .map(Exchange::responseBody).toList();
        assertThat(noKey, equalTo(List.of("{\"error\":{\"message\":\"User not found.\",\"code\":401}}")));
        List<String> authorizations = THROUGH.simulator().requests().subList(before, THROUGH.simulator().requests().size()).stream()
                .map(request -> request.getHeader("Authorization")).toList();
        assertThat("OpenRouter was sent Bearer undefined", authorizations, org.hamcrest.Matchers.hasItem("Bearer undefined"));
    }

    /**
     * Difference 2, OpenRouter's error metadata is dropped: the provider that failed ({@code metadata.provider_name},
     * {@code raw}), whether it was the account's own key ({@code is_byok}), the providers a restriction left
     * ({@code available_providers}). The rules that read them have nothing to read: a provider's failure becomes a
     * gateway outage (502), a 429 naming no provider is OpenRouter's own rate limit (rate-limited), a 403 is placed by
     * the comparisons alone in the account (account-refused, the rejected BYOK key too), and a provider restriction is
     * not told.
     */
    @ParameterizedTest(name = "{0}: {1} direct, {2} through Portkey")
    @CsvSource({
            "provider-error,          provider-unavailable,        gateway-outage",
            "provider-rate-limited,   provider-unavailable,        rate-limited",
            "region-provider,         model-unavailable-in-region, account-refused",
            "byok-key-rejected,       byok-key-rejected,           account-refused",
            "provider-restrictions,   team-restricted,             route-not-served",
    })
    void openRoutersErrorMetadataIsDroppedThroughPortkey(String account, String direct, String through) throws Exception {
        Runs runs = run(account);
        assertThat("direct", runs.direct().verdict().id(), equalTo(direct));
        assertThat("through Portkey", runs.through().verdict().id(), equalTo(through));
        assertThat(refusals(runs.direct()), everyItem(containsString("\"metadata\":{")));
        assertThat(refusals(runs.through()), everyItem(not(containsString("metadata"))));
        assertThat(refusals(runs.through()), everyItem(startsWith("{\"error\":{\"message\":\"openai error: ")));
        assertThat(refusals(runs.through()), everyItem(org.hamcrest.Matchers.endsWith(",\"provider\":\"openai\"}")));
        // A chain: OpenRouter's marks (cf-ray, relayed) and Portkey's on each refusal; OpenRouter refused.
        Chain chain = Chain.of(runs.through()).orElseThrow();
        assertThat(chain.sentence(), startsWith("Portkey AI Gateway (open source) in front of OpenRouter: OpenRouter refused (#"));
        assertThat(chain.refusedBy().stream().map(dev.aigateway.contract.gateway.Marks.Gateway::name).toList(), equalTo(List.of("openrouter")));
        assertThat("direct, one gateway", Chain.of(runs.direct()).isPresent(), equalTo(false));
    }

    /**
     * Difference 3, the message prefixed: the rules of a used-up key limit ("Key limit exceeded") and of the daily
     * free-model requests ("Rate limit exceeded: free-models-per-day") read the message from its start; Portkey's
     * "openai error: " before it, they no longer match, though the status (403, 429) passes through: the 403 is placed
     * by the comparisons alone in the account (account-refused); the 429, naming no provider, is still the gateway's own
     * rate limit (rate-limited, read from the status and the missing provider, not the words), without the daily reset.
     */
    @ParameterizedTest(name = "{0}: {1} direct, {4} through Portkey")
    @CsvSource({
            "key-limit,           quota-exceeded, 403, Key limit exceeded,                      account-refused",
            "free-models-per-day, rate-limited,   429, Rate limit exceeded: free-models-per-day, rate-limited",
    })
    void aMessageReadFromItsStartIsPrefixedThroughPortkey(String account, String direct, int status, String words, String through) throws Exception {
        Runs runs = run(account);
        assertThat("direct", runs.direct().verdict().id(), equalTo(direct));
        assertThat("through Portkey", runs.through().verdict().id(), equalTo(through));
        assertThat(refusals(runs.direct()), everyItem(startsWith("{\"error\":{\"message\":\"" + words)));
        assertThat(refusals(runs.through()), everyItem(startsWith("{\"error\":{\"message\":\"openai error: " + words)));
        assertThat(runs.through().exchanges().stream().filter(exchange -> exchange.path().equals("/api/v1/chat/completions"))
                .map(Exchange::status).distinct().toList(), equalTo(List.of(status)));
    }

    /**
     * Difference 4, as with the Vercel teams: Portkey answers the Messages API for an openai provider itself, 500
     * {@code {"status":"failure","message":"messages is not supported by openai"}}, which is not OpenRouter's
     * answer: the account of every route is healthy direct, not-the-gateway through Portkey.
     */
    @Test
    void theMessagesApiIsAnsweredByPortkeyItself() throws Exception {
        Runs runs = run("all-routes");
        assertThat(runs.direct().verdict().id(), equalTo("healthy"));
        assertThat(runs.through().verdict().id(), equalTo("not-the-gateway"));
        assertThat(runs.through().exchanges().stream().filter(exchange -> exchange.path().equals("/api/v1/messages"))
                .map(Exchange::responseBody).distinct().toList(),
                equalTo(List.of("{\"status\":\"failure\",\"message\":\"messages is not supported by openai\"}")));
    }

    /**
     * Runs environments/local-openrouter-&lt;account&gt;.yaml (local-openrouter.yaml for healthy) over a URL, once at the
     * simulator and once through Portkey with the routing headers; its key names the account.
     */
    private Runs run(String account) throws Exception {
        return THROUGH.run(root, ThroughPortkey.overUrl(account.equals("healthy") ? "local-openrouter" : "local-openrouter-" + account), "");
    }

    private static List<String> refusals(RunRecord run) {
        return THROUGH.refusals(run);
    }
}
