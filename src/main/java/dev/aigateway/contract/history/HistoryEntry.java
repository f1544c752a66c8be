package dev.aigateway.contract.history;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.aigateway.contract.gateway.GatewayProfile;
import dev.aigateway.contract.http.Spending;
import dev.aigateway.contract.record.Exchange;
import dev.aigateway.contract.record.RunRecord;
import dev.aigateway.contract.record.Spend;
import dev.aigateway.contract.record.Verdict;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;

/**
 * One line of {@code reports/history/verdicts.jsonl}: one finished run, as its verdict and counts.
 * Nothing in it is secret: {@code requestId} is the gateway's request id of the exchange that decided
 * the verdict (null when none did, as for {@code healthy}); lines written before call it {@code vercelId}, and still read. {@code series} is the history the run
 * belongs to: its environment's name unless {@code -Dhistory.series} says otherwise.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record HistoryEntry(
        Instant at,
        String series,
        String env,
        String teamId,
        String verdict,
        int requests,
        int billableRequests,
        BigDecimal spendUsd,
        long durationMs,
        String requestId) {

    static HistoryEntry of(RunRecord run, String series) {
        Verdict verdict = run.verdict();
        Spend spend = Spending.of(run.exchanges(), GatewayProfile.of(run));
        long duration = run.startedAt() == null || run.finishedAt() == null ? 0
                : Duration.between(run.startedAt(), run.finishedAt()).toMillis();
        return new HistoryEntry(run.finishedAt(), series, run.env(), run.teamId(),
                verdict == null ? "none" : verdict.id(), spend.requests(), spend.billableRequests(), spend.usd(),
                duration, decidingRequestId(run));
    }

    private static String decidingRequestId(RunRecord run) {
        if (run.verdict() == null || run.verdict().evidence() == null || run.verdict().evidence().isEmpty()) {
            return null;
        }
        int sequence = run.verdict().evidence().get(0);
        return run.exchanges().stream().filter(exchange -> exchange.sequence() == sequence)
                .findFirst().map(Exchange::requestId).orElse(null);
    }
}
