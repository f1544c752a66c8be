package dev.aigateway.contract.run;

import dev.aigateway.contract.gateway.GatewayProfile;
import dev.aigateway.contract.record.RunRecord;
import dev.aigateway.contract.record.Spend;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.lessThanOrEqualTo;

import dev.aigateway.contract.Json;
import dev.aigateway.contract.Skipped;
import dev.aigateway.contract.http.CatalogPrices;
import dev.aigateway.contract.http.ChatCompletionRequest;
import dev.aigateway.contract.http.SpendGuard;
import dev.aigateway.contract.http.Spending;
import dev.aigateway.contract.record.Exchange;
import dev.aigateway.contract.simulator.SimulatedGateway;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The spend cap holds while billable requests are sent at once: each one holds its worst case first. */
class SpendCapTest {

    private static final BigDecimal WORST_CASE = new BigDecimal("0.00002");

    @TempDir
    Path output;

    @Test
    void eightRequestsAtOnceUnderACapThatFitsOneSendOne() throws Exception {
        List<BigDecimal> charged = Collections.synchronizedList(new ArrayList<>());
        SpendCap cap = new SpendCap(WORST_CASE, "test",
                () -> new Spend(charged.size(), charged.size(), 0, charged.stream().reduce(BigDecimal.ZERO, BigDecimal::add), 0));
        CyclicBarrier atOnce = new CyclicBarrier(8);
        ExecutorService threads = Executors.newFixedThreadPool(8);
        List<Future<String>> outcomes = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            outcomes.add(threads.submit(() -> {
                atOnce.await();
                try (SpendGuard.Reservation held = cap.reserve(WORST_CASE)) {
                    Thread.sleep(100);
                    charged.add(new BigDecimal("0.000003"));
                    return "sent";
                } catch (Skipped skipped) {
                    return skipped.getMessage();
                }
            }));
        }
        List<String> results = new ArrayList<>();
        for (Future<String> outcome : outcomes) {
            results.add(outcome.get());
        }
        threads.shutdown();
        assertThat(results.stream().filter("sent"::equals).count(), equalTo(1L));
        assertThat(results, hasItem(containsString("caps it at maxSpendUsd: 0.00002")));
        assertThat(charged.stream().reduce(BigDecimal.ZERO, BigDecimal::add), lessThanOrEqualTo(WORST_CASE));
    }

    @Test
    void aRequestWhosePriceIsUnknownIsSentAlone() throws Exception {
        List<BigDecimal> charged = Collections.synchronizedList(new ArrayList<>());
        SpendCap cap = new SpendCap(new BigDecimal("0.01"), "test",
                () -> new Spend(0, 0, 0, charged.stream().reduce(BigDecimal.ZERO, BigDecimal::add), 0));
        SpendGuard.Reservation known = cap.reserve(WORST_CASE);
        ExecutorService thread = Executors.newSingleThreadExecutor();
        Future<Instant> unknownSent = thread.submit(() -> {
            try (SpendGuard.Reservation alone = cap.reserve(null)) {
                return Instant.now();
            }
        });
        Thread.sleep(200);
        Instant released = Instant.now();
        known.close();
        assertThat("sent only after the other request's answer", unknownSent.get().isBefore(released), equalTo(false));
        thread.shutdown();
    }

    /** A worst case below zero (a price below zero) is no room under the cap: the request waits to be sent alone. */
    @Test
    void aWorstCaseBelowZeroAddsNoRoomUnderTheCap() throws Exception {
        SpendCap cap = new SpendCap(WORST_CASE, "test", () -> new Spend(0, 0, 0, BigDecimal.ZERO, 0));
        SpendGuard.Reservation belowZero = cap.reserve(new BigDecimal("-1"));
        ExecutorService thread = Executors.newSingleThreadExecutor();
        Future<Instant> next = thread.submit(() -> {
            try (SpendGuard.Reservation held = cap.reserve(WORST_CASE.add(BigDecimal.ONE).subtract(new BigDecimal("0.000001")))) {
                return Instant.now();
            } catch (Skipped skipped) {
                return Instant.now();
            }
        });
        Thread.sleep(200);
        assertThat("a request that fits only with the room a price below zero would add waits", next.isDone(), equalTo(false));
        Instant released = Instant.now();
        belowZero.close();
        assertThat(next.get(5, java.util.concurrent.TimeUnit.SECONDS).isBefore(released), equalTo(false));
        thread.shutdown();
    }

    /** Once a billable answer's cost is not known, no further billable request is sent, and the reason says so. */
    @Test
    void aBillableAnswerOfUnknownCostStopsTheNextSend() {
        SpendCap cap = new SpendCap(new BigDecimal("0.01"), "test",
                () -> new Spend(3, 2, 0, new BigDecimal("0.00001"), 1, List.of("#3 POST /v1/messages")));
        Skipped refused = org.junit.jupiter.api.Assertions.assertThrows(Skipped.class, () -> cap.reserve(WORST_CASE));
        assertThat(refused.getMessage(), equalTo("skipped: 1 earlier billable request(s) carried no cost the run could read"
                + " (#3 POST /v1/messages: an answer lost, or no cost where the gateway keeps it), so what the run has spent"
                + " is not known; it stays under maxSpendUsd by sending no more"));
    }

    @Test
    void theBillableScenariosFiredAtOnceAgainstACapThatFitsOneSendOne() throws Exception {
        String model = "openai/gpt-4o-mini";
        int requestBytes = Json.DATA.writeValueAsString(ChatCompletionRequest.smallest(model, 1))
                .getBytes(StandardCharsets.UTF_8).length;
        BigDecimal onlyOne;
        try (SimulatedGateway gateway = SimulatedGateway.start(0)) {
            String catalog = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(gateway.baseUrl() + "/v1/models")).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            onlyOne = CatalogPrices.worstCaseUsd(GatewayProfile.standard(), catalog, model, 1, requestBytes);
        }
        // Every answer 200 ms late, so that scenarios running at once overlap and show it.
        System.setProperty(SimulatedGateway.LATENCY_PROPERTY, "200");
        RunRecord run;
        try {
            run = ContractSuite.run("local", output, Map.of("CONTRACT_MAX_SPEND_USD", onlyOne.toPlainString()));
        } finally {
            System.clearProperty(SimulatedGateway.LATENCY_PROPERTY);
        }

        Spend spend = Spending.of(run.exchanges());
        assertThat("billable requests sent: " + run.scenarios().stream().map(RunRecord.ScenarioResult::message).toList(),
                spend.billableRequests(), equalTo(1));
        assertThat("spent", spend.usd(), lessThanOrEqualTo(onlyOne));
        assertThat(run.scenarios().stream().map(RunRecord.ScenarioResult::message).toList(),
                hasItem(containsString("caps it at maxSpendUsd: " + onlyOne.toPlainString())));
        assertThat("exchanges under way at the same time", mostAtOnce(run.exchanges()), greaterThanOrEqualTo(2));
    }

    private static int mostAtOnce(List<Exchange> exchanges) {
        int most = 0;
        for (Exchange one : exchanges) {
            Instant at = one.startedAt().plusMillis(1);
            int under = (int) exchanges.stream().filter(other -> !other.startedAt().isAfter(at)
                    && other.startedAt().plusMillis(other.durationMs()).isAfter(at)).count();
            most = Math.max(most, under);
        }
        return most;
    }
}
