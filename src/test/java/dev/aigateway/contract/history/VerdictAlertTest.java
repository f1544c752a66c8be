package dev.aigateway.contract.history;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aigateway.contract.Json;
import dev.aigateway.contract.record.RunRecord;
import dev.aigateway.contract.record.Verdict;
import java.math.BigDecimal;
import java.net.ServerSocket;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The alert, posted to a real receiver on 127.0.0.1. */
class VerdictAlertTest {

    private static final Instant T0 = Instant.parse("2026-11-21T09:00:00Z");

    private static HistoryEntry entry(String verdict, int day) {
        return new HistoryEntry(T0.plusSeconds(86_400L * day), "myteam", "myteam", "team_abc", verdict, 9, 0,
                BigDecimal.ZERO, 8000, null);
    }

    private static RunRecord run() {
        return new RunRecord("myteam", "d", "https://ai-gateway.vercel.sh", "team_abc", false, T0, T0, 4, 5, 4, 0, List.of(),
                List.of(), new Verdict("team-access-denied", "Team blocked (403 access_denied, even on /v1/credits)", "m",
                        List.of(), List.of(), List.of(), List.of()), List.of());
    }

    @Test
    void onlyAChangeOrABrokenFirstRunIsDue() {
        assertThat(VerdictAlert.due(Standing.of(List.of(entry("healthy", 0), entry("team-access-denied", 1)))), equalTo(true));
        assertThat(VerdictAlert.due(Standing.of(List.of(entry("healthy", 0), entry("team-access-denied", 1),
                entry("team-access-denied", 2)))), equalTo(false));
        assertThat(VerdictAlert.due(Standing.of(List.of(entry("healthy", 0)))), equalTo(false));
        assertThat(VerdictAlert.due(Standing.of(List.of(entry("card-required", 0)))), equalTo(true));
        // A monitor that starts without inference, as its environment chose, is not broken; inference stopping is a change.
        assertThat(VerdictAlert.due(Standing.of(List.of(entry("healthy-no-inference", 0)))), equalTo(false));
        assertThat(VerdictAlert.due(Standing.of(List.of(entry("healthy", 0), entry("healthy-no-inference", 1)))), equalTo(true));
    }

    @Test
    void theMessageReachesTheReceiverInSlacksFormat() throws Exception {
        Standing standing = Standing.of(List.of(entry("healthy", 0), entry("team-access-denied", 1)));
        String text = VerdictAlert.text(run(), standing, Map.of("RUN_URL", "https://github.com/o/r/actions/runs/42"));
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            assertThat(VerdictAlert.send(receiver.url(), text), equalTo("sent to the webhook (it answered 200)"));
            assertThat(receiver.received().size(), equalTo(1));
            WebhookReceiver.Received message = receiver.received().get(0);
            assertThat(message.method(), equalTo("POST"));
            assertThat(message.contentType(), equalTo("application/json"));
            JsonNode body = Json.DATA.readTree(message.body());
            assertThat(body.size(), equalTo(1));
            assertThat(body.path("text").asText(), allOf(
                    containsString("*myteam* is now *team-access-denied*: Team blocked (403 access_denied, even on /v1/credits)"),
                    containsString("Team team_abc, was healthy at 2026-11-21 09:00 UTC"),
                    containsString("History: team-access-denied since 2026-11-22 09:00 UTC (1 run); last healthy 2026-11-21 09:00 UTC"),
                    containsString("Run: https://github.com/o/r/actions/runs/42")));
        }
    }

    @Test
    void withoutRunUrlThereIsNoRunLine() {
        Standing standing = Standing.of(List.of(entry("healthy", 0), entry("team-access-denied", 1)));
        assertThat(VerdictAlert.text(run(), standing, Map.of()), not(containsString("Run:")));
    }

    @Test
    void aFailingWebhookGivesOneLineWithoutItsUrl() throws Exception {
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            receiver.answer(404);
            String line = VerdictAlert.send(receiver.url(), "x");
            assertThat(line, equalTo("not sent: the webhook answered 404; the verdict stands"));
        }
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        String refused = VerdictAlert.send("http://127.0.0.1:" + closedPort + "/services/T0/B0/hookSecret7Qx9", "x");
        assertThat(refused, allOf(containsString("not sent"), not(containsString("hookSecret7Qx9")), not(containsString("127.0.0.1"))));
        String notAUrl = VerdictAlert.send("hooks.example/hookSecret7Qx9 with spaces", "x");
        assertThat(notAUrl, allOf(containsString("not an http(s) URL"), not(containsString("hookSecret7Qx9"))));
    }
}
