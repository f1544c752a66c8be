package dev.aigateway.contract.http;

import dev.aigateway.contract.gateway.GatewayProfile;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.comparesEqualTo;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import dev.aigateway.contract.record.Caller;
import dev.aigateway.contract.record.Exchange;
import dev.aigateway.contract.record.Spend;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Which exchanges may have been charged (the team's key, a billable route, served or with its answer
 * lost), where their usage is read (the JSON answer, or the last stream chunk that carries one), and the
 * worst case a catalog price gives; on the default gateway.
 */
class SpendingRulesTest {

    private static final String CHAT = "/v1/chat/completions";

    @Test
    void inferenceWithTheTeamsKeyThatWasServedOrWhoseAnswerWasLostMayHaveBeenCharged() {
        assertThat(Spending.isBillable(exchange("POST", CHAT + "?x=1", 200, null, Caller.TEAM_KEY)), equalTo(true));
        assertThat(Spending.isBillable(exchange("POST", CHAT, 201, null, Caller.TEAM_KEY)), equalTo(true));
        assertThat(Spending.isBillable(exchange("POST", CHAT, null, "the connection broke", Caller.TEAM_KEY)), equalTo(true));
        assertThat(Spending.isBillable(exchange("POST", CHAT, 200, "the body broke off", Caller.TEAM_KEY)), equalTo(true));

        assertThat(Spending.isBillable(exchange("POST", CHAT, 402, null, Caller.TEAM_KEY)), equalTo(false));
        assertThat(Spending.isBillable(exchange("POST", CHAT, 500, "the body broke off", Caller.TEAM_KEY)), equalTo(false));
        assertThat(Spending.isBillable(exchange("POST", CHAT, 199, null, Caller.TEAM_KEY)), equalTo(false));
        assertThat(Spending.isBillable(exchange("POST", CHAT, 300, null, Caller.TEAM_KEY)), equalTo(false));
        assertThat(Spending.isBillable(exchange("GET", "/v1/credits", 200, null, Caller.TEAM_KEY)), equalTo(false));
        assertThat(Spending.isBillable(exchange("POST", CHAT, 200, null, Caller.NOT_ISSUED_KEY)), equalTo(false));
    }

    @Test
    void aStreamsCostIsReadFromTheLastChunkThatCarriesOne() {
        String stream = "data: {\"usage\":{\"total_tokens\":1,\"cost\":0.1}}\n\n"
                + "data: {\"usage\":{\"total_tokens\":7,\"cost\":0.25}}\n\ndata: {\"usage\":null}\n\ndata: [DONE]\n\n";

        Exchange streamed = Exchange.builder().sequence(1).scenario("s").startedAt(Instant.EPOCH).method("POST")
                .url("https://gw" + CHAT).path(CHAT).requestBody("{}").status(200)
                .responseHeaders(Map.of("content-type", "text/event-stream")).responseBody(stream).durationMs(5)
                .caller(Caller.TEAM_KEY).build();
        Spend spend = Spending.of(List.of(streamed));
        assertThat(spend.tokens(), equalTo(7L));
        assertThat(spend.usd(), comparesEqualTo(new BigDecimal("0.25")));
        assertThat(spend.unknownCost(), equalTo(0));
    }

    @Test
    void theWorstCaseIsTheModelsPricesOrTheDearestListedAndAFreeModelHasNone() {
        String catalog = "{\"data\":[{\"id\":\"free/model\",\"pricing\":{\"input\":\"0\",\"output\":\"0\"}},"
                + "{\"id\":\"output/only\",\"pricing\":{\"input\":\"0\",\"output\":\"0.001\"}},"
                + "{\"id\":\"input/only\",\"pricing\":{\"input\":\"0.002\",\"output\":\"0\"}}]}";
        assertThat(CatalogPrices.worstCaseUsd(GatewayProfile.standard(), catalog, "free/model", 10, 100), nullValue());
        assertThat(CatalogPrices.worstCaseUsd(GatewayProfile.standard(), catalog, "output/only", 10, 100), comparesEqualTo(new BigDecimal("0.01")));
        assertThat(CatalogPrices.worstCaseUsd(GatewayProfile.standard(), catalog, "input/only", 10, 100), comparesEqualTo(new BigDecimal("0.2")));
        assertThat(CatalogPrices.worstCaseUsd(GatewayProfile.standard(), catalog, "not/listed", 10, 100), comparesEqualTo(new BigDecimal("0.21")));
        assertThat(CatalogPrices.worstCaseUsd(GatewayProfile.standard(), catalog, "output/only", null, 100), nullValue());
        assertThat(CatalogPrices.worstCaseUsd(GatewayProfile.standard(), null, "output/only", 10, 100), nullValue());
    }

    private static Exchange exchange(String method, String path, Integer status, String failure, Caller caller) {
        return Exchange.builder().sequence(1).scenario("s").startedAt(Instant.EPOCH).method(method).url("https://gw" + path)
                .path(path).requestBody("{}").status(status).durationMs(5).failure(failure).caller(caller).build();
    }
}
