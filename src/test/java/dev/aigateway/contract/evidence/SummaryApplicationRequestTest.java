package dev.aigateway.contract.evidence;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

import dev.aigateway.contract.record.RunRecord;
import dev.aigateway.contract.record.RunRecord.ApplicationRequestSent;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** summary.md on the application's own request: the file and entry, the credentials replaced, the host it went to. */
class SummaryApplicationRequestTest {

    private static final Instant T0 = Instant.parse("2026-01-02T03:04:05Z");

    private static RunRecord run(String targetUrl, List<ApplicationRequestSent> requests) {
        return new RunRecord("myteam", "d", targetUrl, "team_abc", false, T0, T0, 1, 0, 0, 0, List.of(), List.of(), null,
                List.of(), requests);
    }

    @Test
    void itNamesTheFileAndEntryTheCredentialsReplacedAndTheHostItWasSentToInstead() {
        String md = Summary.markdown(run("https://gateway.example", List.of(new ApplicationRequestSent(
                "Your application's request 1", "requests/app.har#2", "POST /v1/chat/completions", "ai-gateway.vercel.sh",
                List.of("the file's header authorization (Bearer $REQUEST_AUTHORIZATION) is not sent; the environment's credential is")))));
        assertThat(md, containsString("## Your application's request\n\n- **Your application's request 1**: `requests/app.har#2`,"
                + " `POST /v1/chat/completions`.\n"));
        assertThat(md, containsString("  - The file names the host `ai-gateway.vercel.sh`; it was sent to https://gateway.example"
                + " (the environment's baseUrl) instead.\n"));
        assertThat(md, containsString("  - The file's header authorization (Bearer $REQUEST_AUTHORIZATION) is not sent;"
                + " the environment's credential is.\n"));
    }

    @Test
    void theSameHostIsNotCalledAnotherAndARunWithoutRequestsHasNoSuchSection() {
        String same = Summary.markdown(run("https://ai-gateway.vercel.sh", List.of(new ApplicationRequestSent(
                "Your application's request 1", "app.curl", "GET /v1/credits", "ai-gateway.vercel.sh", List.of()))));
        assertThat(same, not(containsString("The file names the host")));
        assertThat(same, containsString("  - The file carries no credential; the environment's was sent.\n"));
        assertThat(Summary.markdown(run("https://ai-gateway.vercel.sh", List.of())), not(containsString("Your application's request")));
    }

    @Test
    void whatTheGatewayRefusesIsOneSentenceWithEveryVariantBelowIt() {
        String md = Summary.markdown(run("https://gateway.example", List.of(new ApplicationRequestSent(
                "Your application's request 1", "r1.curl", "POST /v1/chat/completions", null, List.of(),
                "the gateway refuses `max_tokens: 21334` with `stream: false` on anthropic/claude-opus-5; streamed, or with"
                        + " `max_tokens: 10667`, it is served", "max_tokens",
                List.of("#14 the probe's smallest request on the same route and model: 200, served", "#15 stream: true: 200, served",
                        "#16 max_tokens: 10667: 200, served"), 3, 2, 41))));
        assertThat(md, containsString("  - **What the gateway refuses**: The gateway refuses `max_tokens: 21334` with `stream: false`"
                + " on anthropic/claude-opus-5; streamed, or with `max_tokens: 10667`, it is served.\n"
                + "  - Found with 3 extra requests in 2 waves, 41 ms; each variant changes one thing:\n"
                + "    - #14 the probe's smallest request on the same route and model: 200, served\n"
                + "    - #15 stream: true: 200, served\n"));
    }

    @Test
    void aRequestServedHasNoFinding() {
        String md = Summary.markdown(run("https://gateway.example", List.of(new ApplicationRequestSent(
                "Your application's request 1", "served.curl", "POST /v1/chat/completions", null, List.of()))));
        assertThat(md, not(containsString("What the gateway refuses")));
    }

    @Test
    void aVariantIsMarkedInTheTableOfEveryExchange() {
        dev.aigateway.contract.record.Exchange variant = dev.aigateway.contract.record.Exchange.builder().sequence(15)
                .scenario("Your application's request 1").startedAt(T0).method("POST")
                .url("https://gateway.example/v1/chat/completions").path("/v1/chat/completions").requestBody("{}")
                .status(200).responseBody("{}").durationMs(7).requestId("iad1::x")
                .caller(dev.aigateway.contract.record.Caller.TEAM_KEY).variant("stream: true").build();
        RunRecord run = new RunRecord("myteam", "d", "https://gateway.example", "team_abc", false, T0, T0, 1, 0, 0, 0, List.of(),
                List.of(variant), null, List.of(), List.of());
        assertThat(Summary.markdown(run), containsString("| POST | `/v1/chat/completions` (variant: stream: true) | 200 |"));
    }
}
