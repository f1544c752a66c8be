package dev.aigateway.contract.history;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * What the history says of a series' latest run: its verdict, since when it has held ({@code runs}
 * runs in a row), the last healthy run ({@link #healthy(String)}), the verdict before this one, and whether the verdict is
 * intermittent: it flipped to another and came back within the last {@value #WINDOW} runs.
 * {@code recent} holds those last runs, oldest first.
 */
public record Standing(
        String series,
        String verdict,
        Instant since,
        int runs,
        int recorded,
        HistoryEntry lastHealthy,
        HistoryEntry previous,
        boolean intermittent,
        int changesInWindow,
        List<HistoryEntry> recent) {

    /** How many of the latest runs an intermittent verdict is looked for in. */
    static final int WINDOW = 10;
    /** The verdicts of a run in which every scenario that applies held: with inference, and without it (allowBillable: false). */
    private static final java.util.Set<String> HEALTHY = java.util.Set.of("healthy", "healthy-no-inference");
    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    /** {@code entries}: one series, oldest first, the run being finished last. */
    static Standing of(List<HistoryEntry> entries) {
        HistoryEntry latest = entries.get(entries.size() - 1);
        int first = entries.size() - 1;
        while (first > 0 && entries.get(first - 1).verdict().equals(latest.verdict())) {
            first--;
        }
        HistoryEntry previous = first > 0 ? entries.get(first - 1) : null;
        HistoryEntry lastHealthy = null;
        for (int i = first - 1; i >= 0 && !healthy(latest.verdict()); i--) {
            if (healthy(entries.get(i).verdict())) {
                lastHealthy = entries.get(i);
                break;
            }
        }
        List<HistoryEntry> window = entries.subList(Math.max(0, entries.size() - WINDOW), entries.size());
        int changes = 0;
        boolean cameBack = false;
        for (int i = 1; i < window.size(); i++) {
            if (!window.get(i).verdict().equals(window.get(i - 1).verdict())) {
                changes++;
            }
        }
        int streakStartInWindow = window.size() - (entries.size() - first);
        for (int i = 0; i < streakStartInWindow - 1; i++) {
            if (window.get(i).verdict().equals(latest.verdict())) {
                cameBack = true;
                break;
            }
        }
        return new Standing(latest.series(), latest.verdict(), entries.get(first).at(), entries.size() - first,
                entries.size(), lastHealthy, previous, cameBack, changes, List.copyOf(window));
    }

    /**
     * True for a verdict in which every scenario that applies held: {@code healthy}, and
     * {@code healthy-no-inference} (the environment left inference out), which the lines name as it is.
     */
    public static boolean healthy(String verdict) {
        return HEALTHY.contains(verdict);
    }

    /** True when this run's verdict differs from the run before it in the series. */
    public boolean changed() {
        return previous != null && runs == 1;
    }

    /** The "History" line of the closing block and of summary.md. */
    public String line() {
        if (recorded == 1) {
            return verdict + ", the first run recorded for " + series;
        }
        StringBuilder line = new StringBuilder(verdict).append(" since ").append(time(since))
                .append(" (").append(runs).append(runs == 1 ? " run)" : " runs)");
        if (!healthy(verdict)) {
            // "last healthy-no-inference ..." when that is all the series shows: never more than it proved.
            line.append(lastHealthy != null ? "; last " + lastHealthy.verdict() + " " + time(lastHealthy.at())
                    : "; not healthy in any of the " + recorded + " runs recorded");
        } else if (previous != null) {
            line.append("; before it ").append(previous.verdict()).append(", last seen ").append(time(previous.at()));
        }
        if (intermittent) {
            line.append("; intermittent: it changed ").append(changesInWindow).append(" times in the last ")
                    .append(Math.min(recorded, WINDOW)).append(" runs and came back");
        }
        return line.toString();
    }

    static String time(Instant instant) {
        return instant == null ? "" : UTC.format(instant);
    }
}
