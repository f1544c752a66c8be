package dev.aigateway.contract.diagnosis;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;

import dev.aigateway.contract.environment.Environment;
import dev.aigateway.contract.environment.HandMadeEnvironment;
import dev.aigateway.contract.record.Caller;
import dev.aigateway.contract.record.Exchange;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What the variants of the application's request found reaches the diagnosis as two facts of the request's own exchange. */
class RequestFindingFactsTest {

    private static final Environment ENVIRONMENT = HandMadeEnvironment.mine().build();

    private static Exchange refused() {
        return Exchange.builder().sequence(1).scenario("Your application's request 1").startedAt(Instant.EPOCH)
                .method("POST").url("https://gateway.example/v1/chat/completions").path("/v1/chat/completions")
                .requestBody("{\"model\":\"anthropic/claude-opus-5\"}").status(400)
                .responseHeaders(Map.of("content-type", "application/json", "x-vercel-id", "iad1::x"))
                .responseBody("{\"error\":{\"message\":\"must be under 21K\",\"type\":\"invalid_request_error\"}}")
                .durationMs(5).requestId("iad1::x").errorType("invalid_request_error").caller(Caller.TEAM_KEY).build();
    }

    @Test
    void theFindingAndItsTriggerAreFactsOfTheRequestsExchangeAndEmptyElsewhere() {
        Map<String, String> found = Facts.of(refused().withFinding("the gateway refuses `max_tokens: 21334`", "max_tokens"), ENVIRONMENT);
        assertThat(found.get("requestFinding"), equalTo("the gateway refuses `max_tokens: 21334`"));
        assertThat(found.get("requestTrigger"), equalTo("max_tokens"));
        Map<String, String> plain = Facts.of(refused(), ENVIRONMENT);
        assertThat(plain.get("requestFinding"), equalTo(""));
        assertThat(plain.get("requestTrigger"), equalTo(""));
        assertThat(plain.get("variant"), equalTo(""));
        assertThat(Facts.of(refused().toBuilder().variant("stream: true").build(), ENVIRONMENT).get("variant"), equalTo("stream: true"));
    }
}
