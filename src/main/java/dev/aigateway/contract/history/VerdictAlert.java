package dev.aigateway.contract.history;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aigateway.contract.Json;
import dev.aigateway.contract.record.RunRecord;
import dev.aigateway.contract.record.Verdict;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Map;

/**
 * Says that a series' verdict changed, once, to an incoming webhook in Slack's format
 * ({@code {"text": ...}}, which Microsoft Teams and Discord's Slack-compatible endpoints accept too).
 * The webhook's URL is a secret: no line this class returns or prints holds it.
 */
public final class VerdictAlert {

    static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final ObjectMapper JSON = Json.DATA;

    private VerdictAlert() {}

    /**
     * True when the run's verdict differs from the previous run of its series, or when the first run
     * recorded is not healthy (a monitor that starts on a broken team says so; one that starts
     * healthy-no-inference, as its environment chose, does not); a repeat is silent. A change between
     * healthy and healthy-no-inference is a change: inference started or stopped being checked.
     */
    public static boolean due(Standing standing) {
        return standing.changed() || (standing.recorded() == 1 && !Standing.healthy(standing.verdict()));
    }

    /** The message: verdict, title, environment, team id, since when and, when CI sets {@code RUN_URL}, the run's link. */
    public static String text(RunRecord run, Standing standing, Map<String, String> variables) {
        Verdict verdict = run.verdict();
        StringBuilder text = new StringBuilder("ai-gateway-contract: *").append(run.env()).append("* is now *")
                .append(standing.verdict()).append('*');
        if (verdict != null) {
            text.append(": ").append(verdict.title());
        }
        text.append("\nTeam ").append(run.teamId() == null ? "not given" : run.teamId());
        if (standing.previous() != null) {
            text.append(", was ").append(standing.previous().verdict()).append(" at ").append(Standing.time(standing.previous().at()));
        }
        text.append("\nHistory: ").append(standing.line());
        String runUrl = variables.get("RUN_URL");
        if (runUrl != null && !runUrl.isBlank()) {
            text.append("\nRun: ").append(runUrl.strip());
        }
        return text.toString();
    }

    /** POSTs {@code text} to {@code webhookUrl}; returns the one line the closing block shows, never the URL. */
    public static String send(String webhookUrl, String text) {
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(webhookUrl))
                    .timeout(TIMEOUT)
                    .header("content-type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(JSON.createObjectNode().put("text", text).toString()))
                    .build();
            HttpClient client = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
            int status = client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
            return status / 100 == 2 ? "sent to the webhook (it answered " + status + ")"
                    : "not sent: the webhook answered " + status + "; the verdict stands";
        } catch (IllegalArgumentException notAUrl) {
            return "not sent: notify.webhookUrl is not an http(s) URL; the verdict stands";
        } catch (HttpTimeoutException slow) {
            return "not sent: the webhook did not answer within " + TIMEOUT.toSeconds() + " s; the verdict stands";
        } catch (ConnectException refused) {
            return "not sent: could not connect to the webhook's host; the verdict stands";
        } catch (IOException failed) {
            return "not sent: " + failed.getClass().getSimpleName() + " while posting to the webhook; the verdict stands";
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return "not sent: interrupted; the verdict stands";
        }
    }
}
