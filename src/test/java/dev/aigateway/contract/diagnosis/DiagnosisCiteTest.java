package dev.aigateway.contract.diagnosis;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import dev.aigateway.contract.environment.Environment;
import dev.aigateway.contract.environment.HandMadeEnvironment;
import dev.aigateway.contract.gateway.GatewayProfile;
import dev.aigateway.contract.record.Caller;
import dev.aigateway.contract.record.Exchange;
import dev.aigateway.contract.record.Verdict;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** How a verdict cites an exchange: its number, method, path, status or failure, error type and request id under the gateway's own header. */
class DiagnosisCiteTest {

    @Test
    void anExchangeIsCitedWithWhatItAnsweredAndItsRequestIdUnderTheGatewaysHeader() {
        assertThat(Diagnosis.cite(exchange(3, "/v1/credits", 403, "access_denied", "fra1::abc", null)),
                equalTo("#3 GET /v1/credits: 403 access_denied, x-vercel-id fra1::abc"));
        assertThat(Diagnosis.cite(exchange(3, "/v1/credits", 200, null, null, null)), equalTo("#3 GET /v1/credits: 200"));
        assertThat(Diagnosis.cite(exchange(4, "/v1/credits", null, null, null, "the connection broke (Connection reset)")),
                equalTo("#4 GET /v1/credits: the connection broke (Connection reset)"));
        assertThat(Diagnosis.cite(exchange(5, "/api/v1/key", 401, null, "8f2e-FRA", null), GatewayProfile.named("openrouter")),
                equalTo("#5 GET /api/v1/key: 401, cf-ray 8f2e-FRA"));
    }

    @Test
    void whatARuledOutCheckCitesIsTheExchangeThatShowedItNotTheFirst() {
        Environment environment = HandMadeEnvironment.mine().build();
        // "Your key is not the problem" is shown by the team's key (#2), beside the 401 of a key never issued (#1).
        Exchange notIssued = Exchange.builder().sequence(1).scenario("s").startedAt(Instant.EPOCH).method("GET")
                .url("https://gateway.example/v1/credits").path("/v1/credits").status(401)
                .responseHeaders(Map.of("content-type", "application/json"))
                .responseBody("{\"error\":{\"type\":\"authentication_error\"}}").durationMs(10).requestId("fra1::abcde-1-0a")
                .errorType("authentication_error").caller(Caller.NOT_ISSUED_KEY).build();
        Verdict verdict = Diagnosis.load().diagnose(List.of(notIssued, exchange(2, "/v1/credits", 200, null, "fra1::abcde-1-0b", null)),
                1, environment);
        List<String> cited = verdict.ruledOut().stream().map(Verdict.RuledOut::cited).toList();
        assertThat(cited, hasItem("#2 GET /v1/credits: 200, x-vercel-id fra1::abcde-1-0b"));
    }

    private static Exchange exchange(int sequence, String path, Integer status, String errorType, String requestId, String failure) {
        return Exchange.builder().sequence(sequence).scenario("s").startedAt(Instant.EPOCH).method("GET")
                .url("https://gateway.example" + path).path(path).status(status)
                .responseHeaders(Map.of("content-type", "application/json"))
                .responseBody(status == null ? null : "{\"balance\":\"1\"}").durationMs(10).requestId(requestId)
                .errorType(errorType).failure(failure).caller(Caller.TEAM_KEY).build();
    }
}
