package dev.aigateway.contract.http;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.comparesEqualTo;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import dev.aigateway.contract.gateway.GatewayProfile;
import dev.aigateway.contract.record.Caller;
import dev.aigateway.contract.record.Exchange;
import dev.aigateway.contract.record.Spend;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What a billable answer cost is read where its route keeps it ({@code cost:} of the profile); an answer that
 * does not carry it there, or carries one below zero, is of unknown cost, never $0.
 */
class SpendingTest {

    private static final GatewayProfile.Cost USAGE = new GatewayProfile.Cost(
            new GatewayProfile.Reading(List.of("/usage/cost", "/meta/cost"), List.of("/usage/in", "/usage/out")),
            new GatewayProfile.StreamReading("done", List.of("/usage/cost"), List.of("/usage/in", "/usage/out")),
            null, "test", null);

    @Test
    void aJsonAnswersCostIsTheFirstPointerThatHoldsANumberOrADecimalString() {
        assertThat(charge(USAGE, "{\"usage\":{\"cost\":0.0000179,\"in\":3,\"out\":1}}").usd(), comparesEqualTo(new BigDecimal("0.0000179")));
        assertThat(charge(USAGE, "{\"usage\":{\"cost\":0.0000179,\"in\":3,\"out\":1}}").tokens(), equalTo(4L));
        assertThat(charge(USAGE, "{\"usage\":{},\"meta\":{\"cost\":\"0.000038\"}}").usd(), comparesEqualTo(new BigDecimal("0.000038")));
        assertThat(charge(USAGE, "{\"usage\":{\"cost\":\"0\"}}").usd(), comparesEqualTo(BigDecimal.ZERO));
    }

    @Test
    void aCostBelowZeroMissingOrNotANumberIsUnknownNotZero() {
        assertThat(charge(USAGE, "{\"usage\":{\"cost\":-1}}").usd(), nullValue());
        assertThat(charge(USAGE, "{\"usage\":{\"cost\":\"-0.5\"}}").usd(), nullValue());
        assertThat(charge(USAGE, "{\"usage\":{\"in\":3}}").usd(), nullValue());
        assertThat(charge(USAGE, "{\"usage\":{\"cost\":\"free\"}}").usd(), nullValue());
        assertThat(charge(USAGE, "{\"usage\":{\"cost\":null}}").usd(), nullValue());
        assertThat(charge(USAGE, null).usd(), nullValue());
        assertThat(charge(USAGE, "<html>Just a moment...</html>").usd(), nullValue());
    }

    @Test
    void aStreamsCostIsInTheLastEventOfItsNameThatCarriesOne() {
        String stream = "event: start\ndata: {\"usage\":{\"cost\":9}}\n\n"
                + "event: done\ndata: {\"usage\":{\"cost\":0.5,\"in\":1,\"out\":1}}\n\n"
                + "event: done\ndata: {\"usage\":{\"cost\":0.25,\"in\":2,\"out\":3}}\n\n"
                + "event: done\ndata: {\"usage\":{}}\n\n";
        Spending.Charge charge = charge(USAGE, stream);
        assertThat(charge.usd(), comparesEqualTo(new BigDecimal("0.25")));
        assertThat(charge.tokens(), equalTo(5L));
        assertThat("an event of another name is not read", charge(USAGE, "event: start\ndata: {\"usage\":{\"cost\":9}}\n\n").usd(),
                nullValue());
    }

    @Test
    void aCostInAHeaderIsReadWhenTheBodyCarriesNone() {
        GatewayProfile.Cost header = new GatewayProfile.Cost(new GatewayProfile.Reading(List.of("/usage/cost"), List.of()), null,
                "x-response-cost", "test", null);
        assertThat(Spending.chargeOf(header, Map.of("X-Response-Cost", "0.0012"), "{}").usd(), comparesEqualTo(new BigDecimal("0.0012")));
        assertThat(Spending.chargeOf(header, Map.of("x-response-cost", "-1"), "{}").usd(), nullValue());
        assertThat(Spending.chargeOf(header, Map.of(), "{}").usd(), nullValue());
    }

    @Test
    void aServedCompletionThatCarriesNoCostIsOfUnknownCostAndSaidSo() {
        Spend spend = Spending.of(List.of(
                completion(1, "{\"usage\":{\"total_tokens\":4,\"cost\":0.00001}}"),
                completion(2, "{\"usage\":{\"total_tokens\":4}}")));
        assertThat(List.of(spend.billableRequests(), spend.unknownCost()), equalTo(List.of(2, 1)));
        assertThat(spend.usd(), comparesEqualTo(new BigDecimal("0.00001")));
        assertThat(spend.tokens(), equalTo(8L));
        assertThat(spend.unknownCostNote(), equalTo(", plus 1 billable request of unknown cost (#2 POST /v1/chat/completions:"
                + " its answer lost, or carrying no cost where the gateway keeps it)"));
    }

    @Test
    void eachVercelRouteIsReadWhereItsAnswersKeepTheCost() {
        GatewayProfile vercel = GatewayProfile.named("vercel");
        assertThat(Spending.chargeOf(post("/v1/messages", "{\"usage\":{\"input_tokens\":13,\"output_tokens\":5},"
                + "\"provider_metadata\":{\"gateway\":{\"cost\":\"0.000038\",\"gatewayCost\":\"0.000138\"}}}"), vercel).usd(),
                comparesEqualTo(new BigDecimal("0.000038")));
        assertThat(Spending.chargeOf(post("/v1/embeddings", "{\"usage\":{\"total_tokens\":2},"
                + "\"providerMetadata\":{\"gateway\":{\"cost\":\"0.00000012\"}}}"), vercel).usd(),
                comparesEqualTo(new BigDecimal("0.00000012")));
        assertThat(Spending.chargeOf(post("/v3/ai/language-model", "data: {\"type\":\"text-delta\",\"delta\":\"pong\"}\n\n"
                + "data: {\"type\":\"finish\",\"usage\":{\"inputTokens\":{\"total\":7},\"outputTokens\":{\"total\":1}},"
                + "\"providerMetadata\":{\"gateway\":{\"cost\":\"0.0000012\"}}}\n\n"), vercel),
                equalTo(new Spending.Charge(new BigDecimal("0.0000012"), 8)));
        assertThat("a Messages answer with usage.cost alone is not read as Messages keeps it",
                Spending.chargeOf(post("/v1/messages", "{\"usage\":{\"cost\":0.1}}"), vercel).usd(), nullValue());
        assertThat("a route the profile does not list", Spending.chargeOf(post("/v1/other", "{\"usage\":{\"cost\":0.1}}"), vercel).usd(),
                nullValue());
    }

    @Test
    void aServedPostToAPathTheProfileDoesNotKnowIsBillableOfUnknownCostAsTheGateHeldIt() {
        GatewayProfile openRouter = GatewayProfile.named("openrouter");
        Spend spend = Spending.of(List.of(post("/api/v1/some/new/route", "{\"usage\":{\"cost\":0.1}}")), openRouter);
        assertThat(List.of(spend.billableRequests(), spend.unknownCost()), equalTo(List.of(1, 1)));
        assertThat(spend.usd(), comparesEqualTo(BigDecimal.ZERO));
    }

    private static Spending.Charge charge(GatewayProfile.Cost cost, String body) {
        return Spending.chargeOf(cost, Map.of(), body);
    }

    private static Exchange completion(int sequence, String body) {
        return Exchange.builder().sequence(sequence).scenario("The smallest chat completion").startedAt(Instant.now())
                .method("POST").url("https://gw/v1/chat/completions").path("/v1/chat/completions").requestBody("{}")
                .status(200).responseBody(body).durationMs(5).caller(Caller.TEAM_KEY).build();
    }

    private static Exchange post(String path, String body) {
        return Exchange.builder().sequence(1).scenario("a scenario").startedAt(Instant.now()).method("POST")
                .url("https://gw" + path).path(path).requestBody("{}").status(200).responseBody(body).durationMs(5)
                .caller(Caller.TEAM_KEY).build();
    }
}
