package dev.aigateway.contract.evidence;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;

import dev.aigateway.contract.record.Caller;
import dev.aigateway.contract.record.Exchange;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The gateway's words are quoted from a refusal (400 and up), never from a success nor from no answer. */
class GatewayWordsEdgesTest {

    private static final String BODY = "{\"error\":{\"message\":\"Top up at https://vercel.com/d?to=ai\",\"type\":\"insufficient_funds\"}}";

    private static Exchange answered(Integer status) {
        return Exchange.builder().sequence(1).scenario("s").startedAt(Instant.EPOCH).method("POST")
                .url("https://gateway.example/v1/chat/completions").path("/v1/chat/completions").requestBody("{}")
                .status(status).responseBody(BODY).durationMs(3).failure(status == null ? "timed out" : null)
                .caller(Caller.TEAM_KEY).build();
    }

    @Test
    void theFirstRefusingStatusIsQuotedAndASuccessOrNoAnswerIsNot() {
        assertThat(GatewayWords.message(answered(400)), equalTo("Top up at https://vercel.com/d?to=ai"));
        assertThat(GatewayWords.message(answered(399)), equalTo(""));
        assertThat(GatewayWords.message(answered(200)), equalTo(""));
        assertThat(GatewayWords.message(answered(null)), equalTo(""));
    }
}
