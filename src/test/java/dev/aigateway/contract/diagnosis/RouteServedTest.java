package dev.aigateway.contract.diagnosis;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import dev.aigateway.contract.environment.Environment;
import dev.aigateway.contract.environment.HandMadeEnvironment;
import dev.aigateway.contract.evidence.RouteOutcomes;
import dev.aigateway.contract.record.Caller;
import dev.aigateway.contract.record.Exchange;
import dev.aigateway.contract.record.Verdict;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The closing block's "Routes" line and the verdict say the same about which route the gateway served,
 * also when a 200 came from something that is not the gateway (no request id: a proxy or a cache).
 */
class RouteServedTest {

    private static final Environment ENVIRONMENT = HandMadeEnvironment.mine().build();
    private static final String SERVED_SAYS = "Your key, team and balance work: the gateway served the chat-completions route"
            + " (/v1/chat/completions answered 200)";
    private static final String DENIED = "{\"error\":{\"message\":\"Forbidden.\",\"type\":\"access_denied\"}}";

    private final Diagnosis diagnosis = Diagnosis.load();

    @Test
    void aTwoHundredFromSomethingElseIsServedNeitherInTheClosingBlockNorInTheVerdict() {
        List<Exchange> run = run(null);
        Verdict verdict = diagnosis.diagnose(run, 1, ENVIRONMENT);

        assertThat(RouteOutcomes.of(run), equalTo(List.of("messages refused (403 access_denied, #2)")));
        assertThat(verdict.id(), not(equalTo("route-refused")));
        assertThat(verdict.ruledOut().stream().map(Verdict.RuledOut::says).toList(), not(hasItem(SERVED_SAYS)));
    }

    @Test
    void aTwoHundredFromTheGatewayIsServedInBoth() {
        List<Exchange> run = run("fra1::iad1::abcde-1-0a");
        Verdict verdict = diagnosis.diagnose(run, 1, ENVIRONMENT);

        assertThat(RouteOutcomes.of(run), equalTo(List.of("chat-completions served (200)", "messages refused (403 access_denied, #2)")));
        assertThat(verdict.id(), equalTo("route-refused"));
        assertThat(verdict.ruledOut().stream().map(Verdict.RuledOut::says).toList(), hasItem(SERVED_SAYS));
    }

    /** The team's key: a 200 on chat completions carrying {@code requestId} (or none), then the gateway's 403 on messages. */
    private static List<Exchange> run(String requestId) {
        return List.of(
                exchange(1, "/v1/chat/completions", 200, "{\"choices\":[]}", requestId, null),
                exchange(2, "/v1/messages", 403, DENIED, "fra1::iad1::abcde-2-0a", "access_denied"));
    }

    private static Exchange exchange(int sequence, String path, int status, String body, String requestId, String errorType) {
        return Exchange.builder().sequence(sequence).scenario("s").startedAt(Instant.EPOCH).method("POST")
                .url("https://gateway.example" + path).path(path).requestBody("{\"model\":\"openai/gpt-4o-mini\"}")
                .status(status).responseHeaders(Map.of("content-type", "application/json")).responseBody(body).durationMs(10)
                .requestId(requestId).errorType(errorType).caller(Caller.TEAM_KEY).build();
    }
}
