package dev.aigateway.contract.diagnosis;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;

import dev.aigateway.contract.environment.Environment;
import dev.aigateway.contract.environment.Route;
import dev.aigateway.contract.record.Caller;
import dev.aigateway.contract.record.Exchange;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What the variants of the application's request found reaches the diagnosis as two facts of the request's own exchange. */
class RequestFindingFactsTest {

    private static final Environment ENVIRONMENT = new Environment("mine", "test", "https://gateway.example", "team_1",
            "vck_test_key_0001", true, List.of(), new Environment.Probe("openai/gpt-4o-mini", 1, "openai/text-embedding-3-small"),
            true, new Environment.Timeouts(1000, 1000, 60), null, new Environment.Byok(Map.of(), "anthropic/claude-haiku-4.5", false, "claude-haiku-4-5"), new BigDecimal("0.01"), List.of(),
            Route.DEFAULT);

    private static Exchange refused() {
        return new Exchange(1, "Your application's request 1", Instant.EPOCH, "POST", "https://gateway.example/v1/chat/completions",
                "/v1/chat/completions", List.of(), "{\"model\":\"anthropic/claude-opus-5\"}", 400,
                Map.of("content-type", "application/json", "x-vercel-id", "iad1::x"),
                "{\"error\":{\"message\":\"must be under 21K\",\"type\":\"invalid_request_error\"}}", 5, "iad1::x", null,
                "invalid_request_error", null, Caller.TEAM_KEY);
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
        assertThat(Facts.of(refused().asVariant("stream: true"), ENVIRONMENT).get("variant"), equalTo("stream: true"));
    }
}
