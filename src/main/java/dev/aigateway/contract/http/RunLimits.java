package dev.aigateway.contract.http;

import dev.aigateway.contract.Skipped;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What one run may still spend in time: a deadline for the whole run ({@code timeouts.runSeconds}),
 * and the hosts that already failed to answer. Once a host has not answered (connect failure or
 * timeout), later requests to it are not sent, so an unreachable gateway costs one timeout, not one
 * per scenario.
 */
public final class RunLimits {

    private final int runSeconds;
    private final long deadline;
    private final Map<String, String> silentHosts = new ConcurrentHashMap<>();

    public RunLimits(int runSeconds) {
        this.runSeconds = runSeconds;
        this.deadline = System.nanoTime() + runSeconds * 1_000_000_000L;
    }

    /** Throws {@link Skipped} when the run is past its deadline or {@code host} already failed to answer. */
    void beforeSending(String host) {
        String silent = silentHosts.get(host);
        if (silent != null) {
            throw new Skipped("not sent: " + host + " did not answer earlier in this run (" + silent + ")");
        }
        if (remainingMs() <= 0) {
            throw new Skipped("not sent: the run reached its deadline (timeouts.runSeconds: " + runSeconds + ")");
        }
    }

    /** How long the next exchange may take in all, body included: its read timeout, or what is left of the run. */
    long budgetMs(int readMs) {
        return Math.max(1, Math.min(readMs, remainingMs()));
    }

    void silent(String host, String why) {
        silentHosts.putIfAbsent(host, why);
    }

    private long remainingMs() {
        return (deadline - System.nanoTime()) / 1_000_000;
    }
}
