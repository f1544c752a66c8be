package dev.aigateway.contract.run;

import dev.aigateway.contract.record.Spend;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;

import dev.aigateway.contract.http.Spending;
import dev.aigateway.contract.record.Caller;
import dev.aigateway.contract.record.Exchange;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A request whose connection or TLS handshake failed never went out: it is neither sent, nor billable, nor of unknown cost. */
class SpendTest {

    @Test
    void aCompletionWhoseHandshakeFailedCostsNothingWhileOneWhoseAnswerWasLostMayHave() {
        Exchange neverSent = completion(1, "the certificate of gw:443 is not trusted by this Java", true);
        Exchange lost = completion(2, "the connection to gw:443 broke (Connection reset)", false);

        Spend handshakeOnly = Spending.of(List.of(neverSent));
        assertThat(List.of(handshakeOnly.requests(), handshakeOnly.billableRequests(), handshakeOnly.unknownCost()),
                equalTo(List.of(0, 0, 0)));
        assertThat(handshakeOnly.unknownCostNote(), equalTo(""));

        Spend both = Spending.of(List.of(neverSent, lost));
        assertThat(List.of(both.requests(), both.billableRequests(), both.unknownCost()), equalTo(List.of(1, 1, 1)));
    }

    private static Exchange completion(int sequence, String failure, boolean neverSent) {
        return Exchange.builder().sequence(sequence).scenario("The smallest chat completion").startedAt(Instant.now())
                .method("POST").url("https://gw/v1/chat/completions").path("/v1/chat/completions").requestBody("{}")
                .durationMs(5).failure(failure).caller(Caller.TEAM_KEY).neverSent(neverSent).build();
    }
}
