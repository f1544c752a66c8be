package dev.aigateway.contract.evidence;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aigateway.contract.record.Caller;
import dev.aigateway.contract.record.Exchange;
import dev.aigateway.contract.record.RunRecord;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Gateways in a chain, from the marks on each answer (gateways/marks.yaml): summary.md's "Gateways" row and
 * verdict.json's {@code chain} name both gateways, the one in front first, and which one refused.
 */
class ChainTest {

    private static final Instant T0 = Instant.parse("2026-01-02T03:04:05Z");
    private static final String VERCEL_403 = "{\"error\":{\"message\":\"openai error: Forbidden.\",\"type\":\"access_denied\",\"param\":null,\"code\":null},\"provider\":\"openai\"}";

    private static Exchange answer(int sequence, Caller caller, int status, Map<String, String> headers, String body) {
        return Exchange.builder().sequence(sequence).scenario("s").startedAt(T0).method("GET").url("http://127.0.0.1:8787/v1/credits")
                .path("/v1/credits").status(status).responseHeaders(headers).responseBody(body).durationMs(3).caller(caller).build();
    }

    private static RunRecord run(String gateway, Exchange... exchanges) {
        return new RunRecord("through", "d", "http://127.0.0.1:8787", null, false, T0, T0, 0, 1, 0, 0, List.of(),
                List.of(exchanges), null, List.of(), List.of(), gateway);
    }

    @Test
    void theGatewayBehindRefusedItsAnswerRelayedByTheOneInFront() {
        RunRecord run = run("vercel",
                answer(1, Caller.NOT_ISSUED_KEY, 401, Map.of("x-vercel-id", "iad1::abc", "x-portkey-provider", "openai"), "{}"),
                answer(2, Caller.TEAM_KEY, 403, Map.of("x-vercel-id", "iad1::def", "x-portkey-provider", "openai",
                        "x-portkey-trace-id", ""), VERCEL_403));
        String md = Summary.markdown(run);
        assertThat(md, containsString("| Gateways | Portkey AI Gateway (open source) in front of Vercel AI Gateway: Vercel AI Gateway"
                + " refused (#2: 403), its answers relayed by Portkey AI Gateway (open source). |"));
        JsonNode chain = EvidenceBundle.verdictJson(run).path("chain");
        assertThat(chain.path("gateways").toString(), equalTo("[\"portkey\",\"vercel\"]"));
        assertThat(chain.path("refusedBy").toString(), equalTo("[\"vercel\"]"));
        assertThat(chain.path("refusals").get(0).path("relayedBy").asText(), equalTo("portkey"));
    }

    @Test
    void theGatewayInFrontRefusedItselfBeforeTheOneBehindWasAsked() {
        RunRecord run = run("vercel", answer(1, Caller.TEAM_KEY, 400, Map.of("content-type", "application/json"),
                "{\"status\":\"failure\",\"message\":\"Invalid provider passed\"}"));
        assertThat(Summary.markdown(run), containsString("| Gateways | Portkey AI Gateway (open source) in front of Vercel AI Gateway:"
                + " Portkey AI Gateway (open source) refused itself (#1: 400), before Vercel AI Gateway was asked. |"));
        assertThat(EvidenceBundle.verdictJson(run).path("chain").path("refusedBy").toString(), equalTo("[\"portkey\"]"));
        assertThat(EvidenceBundle.verdictJson(run).path("chain").path("refusals").get(0).path("own").asBoolean(), equalTo(true));
    }

    /** A page of the gateway behind, wrapped by Portkey as {"html-message": ...}: Portkey's marks alone, not a refusal of its own. */
    @Test
    void anAnswerWithTheMarksOfTheGatewayInFrontAloneIsNotCalledItsOwnRefusal() {
        RunRecord run = run("vercel", answer(1, Caller.TEAM_KEY, 403, Map.of("x-portkey-provider", "openai"),
                "{\"html-message\":\"<html>Just a moment...</html>\"}"));
        assertThat(Chain.of(run).orElseThrow().sentence(), equalTo("Portkey AI Gateway (open source) in front of Vercel AI Gateway:"
                + " Portkey AI Gateway (open source) answered (#1: 403) with no mark of Vercel AI Gateway."));
        assertThat(EvidenceBundle.verdictJson(run).path("chain").path("refusals").get(0).path("own").asBoolean(), equalTo(false));
    }

    @Test
    void openRoutersMarksNameItBehindPortkey() {
        RunRecord run = run("openrouter", answer(1, Caller.TEAM_KEY, 402, Map.of("cf-ray", "8f-SIM", "x-portkey-provider", "openai"),
                "{\"error\":{\"message\":\"openai error: Insufficient credits.\"}}"));
        assertThat(Chain.of(run).orElseThrow().sentence(), equalTo("Portkey AI Gateway (open source) in front of OpenRouter:"
                + " OpenRouter refused (#1: 402), its answers relayed by Portkey AI Gateway (open source)."));
    }

    @Test
    void aRunThroughOneGatewayNamesNoChain() {
        RunRecord direct = run("vercel", answer(1, Caller.TEAM_KEY, 403, Map.of("x-vercel-id", "iad1::abc"), "{}"));
        assertThat(Chain.of(direct).isPresent(), equalTo(false));
        assertThat(Summary.markdown(direct), not(containsString("| Gateways |")));
        assertThat(EvidenceBundle.verdictJson(direct).has("chain"), equalTo(false));
        // A relaying gateway's header present but blank is no mark.
        RunRecord blank = run("vercel", answer(1, Caller.TEAM_KEY, 403, Map.of("x-vercel-id", "iad1::abc", "x-portkey-provider", " "), "{}"));
        assertThat(Chain.of(blank).isPresent(), equalTo(false));
    }

    @Test
    void theTeamKeysRefusalsTellWhoRefusedAndNeitherWhenNoneWasRefused() {
        RunRecord run = run("vercel",
                answer(1, Caller.NOT_ISSUED_KEY, 401, Map.of("x-vercel-id", "a", "x-portkey-provider", "openai"), "{}"),
                answer(2, Caller.TEAM_KEY, 200, Map.of("x-vercel-id", "b", "x-portkey-provider", "openai"), "{}"));
        // No refusal of the team's key: the other refusals (the key never issued) tell.
        assertThat(Chain.of(run).orElseThrow().sentence(), containsString("Vercel AI Gateway refused (#1: 401)"));
        RunRecord served = run("vercel", answer(1, Caller.TEAM_KEY, 200, Map.of("x-vercel-id", "b", "x-portkey-provider", "openai"), "{}"));
        assertThat(Chain.of(served).orElseThrow().sentence(), equalTo(
                "Portkey AI Gateway (open source) in front of Vercel AI Gateway: neither refused."));
    }
}
