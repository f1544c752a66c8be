package dev.aigateway.contract.record;

import java.util.List;

/**
 * The outcome of a run, named: which known failure it is, what it means, what the run ruled out
 * (each point citing the exchange that shows it), what to do next, and where to read more.
 * {@code evidence} lists the exchanges that selected the verdict.
 */
public record Verdict(
        String id,
        String title,
        String meaning,
        List<RuledOut> ruledOut,
        List<String> nextSteps,
        List<String> references,
        List<Integer> evidence) {

    /** One thing the run ruled out, and the exchange (by sequence number) that shows it. */
    public record RuledOut(String says, int exchange, String cited) {}
}
