package dev.aigateway.contract.history;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The "History" line, from series of verdicts. */
class StandingTest {

    private static final Instant NOV_20_9AM = Instant.parse("2026-11-20T09:00:00Z");

    private static List<HistoryEntry> runs(String... verdicts) {
        List<HistoryEntry> entries = new ArrayList<>();
        for (int day = 0; day < verdicts.length; day++) {
            entries.add(new HistoryEntry(NOV_20_9AM.plusSeconds(86_400L * day), "myteam", "myteam", "team_x", verdicts[day],
                    3, 0, BigDecimal.ZERO, 1200, null));
        }
        return entries;
    }

    @Test
    void aBlockThatFollowsHealthyRunsSaysSinceWhenAndTheLastHealthyRun() {
        Standing standing = Standing.of(runs("healthy", "healthy", "team-access-denied", "team-access-denied", "team-access-denied"));
        assertThat(standing.line(), equalTo(
                "team-access-denied since 2026-11-22 09:00 UTC (3 runs); last healthy 2026-11-21 09:00 UTC"));
        assertThat(standing.changed(), equalTo(false));
        assertThat(standing.intermittent(), equalTo(false));
    }

    @Test
    void theFirstRunOfAChangeIsAChange() {
        Standing standing = Standing.of(runs("healthy", "healthy", "team-access-denied"));
        assertThat(standing.changed(), equalTo(true));
        assertThat(standing.previous().verdict(), equalTo("healthy"));
        assertThat(standing.line(), equalTo(
                "team-access-denied since 2026-11-22 09:00 UTC (1 run); last healthy 2026-11-21 09:00 UTC"));
    }

    @Test
    void aTeamNeverSeenHealthySaysSo() {
        assertThat(Standing.of(runs("card-required", "card-required")).line(), equalTo(
                "card-required since 2026-11-20 09:00 UTC (2 runs); not healthy in any of the 2 runs recorded"));
    }

    /** A team watched without inference: its passing runs count as healthy, named as what they proved. */
    @Test
    void aTeamWatchedWithoutInferenceNamesItsLastHealthyRunAsWhatItProved() {
        assertThat(Standing.of(runs("healthy-no-inference", "healthy-no-inference", "team-access-denied")).line(), equalTo(
                "team-access-denied since 2026-11-22 09:00 UTC (1 run); last healthy-no-inference 2026-11-21 09:00 UTC"));
        assertThat(Standing.of(runs("healthy", "healthy-no-inference", "card-required")).line(), equalTo(
                "card-required since 2026-11-22 09:00 UTC (1 run); last healthy-no-inference 2026-11-21 09:00 UTC"));
        // Inference stopped being checked: a change, and the line says what came before.
        Standing stopped = Standing.of(runs("healthy", "healthy", "healthy-no-inference"));
        assertThat(stopped.changed(), equalTo(true));
        assertThat(stopped.line(), equalTo("healthy-no-inference since 2026-11-22 09:00 UTC (1 run); before it healthy,"
                + " last seen 2026-11-21 09:00 UTC"));
    }

    @Test
    void theFirstRunRecordedIsNoChange() {
        Standing standing = Standing.of(runs("team-access-denied"));
        assertThat(standing.line(), equalTo("team-access-denied, the first run recorded for myteam"));
        assertThat(standing.changed(), equalTo(false));
    }

    @Test
    void aVerdictThatFlippedAndCameBackIsIntermittent() {
        Standing standing = Standing.of(runs("healthy", "team-access-denied", "healthy"));
        assertThat(standing.intermittent(), equalTo(true));
        assertThat(standing.line(), equalTo("healthy since 2026-11-22 09:00 UTC (1 run); before it team-access-denied,"
                + " last seen 2026-11-21 09:00 UTC; intermittent: it changed 2 times in the last 3 runs and came back"));
    }

    @Test
    void aChangeLongerAgoThanTheWindowIsNotIntermittent() {
        List<String> verdicts = new ArrayList<>(List.of("healthy", "rate-limited"));
        for (int i = 0; i < Standing.WINDOW; i++) {
            verdicts.add("healthy");
        }
        Standing standing = Standing.of(runs(verdicts.toArray(String[]::new)));
        assertThat(standing.intermittent(), equalTo(false));
        assertThat(standing.runs(), equalTo(Standing.WINDOW));
    }
}
