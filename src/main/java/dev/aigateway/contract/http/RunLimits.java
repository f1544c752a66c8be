package dev.aigateway.contract.http;

import dev.aigateway.contract.Skipped;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What one run may still spend in time: a deadline for the whole run ({@code timeouts.runSeconds}),
 * and the hosts that already failed to answer. Once a host has not answered (DNS, connect failure,
 * TLS handshake or timeout), later requests to it are not sent, so an unreachable gateway costs one
 * attempt, not one per scenario: none of these passes by itself within a run. While scenarios run at once, the first request to a host goes alone, and the others
 * wait for its outcome: an unreachable gateway costs one attempt however many scenarios there are.
 */
public final class RunLimits {

    private final int runSeconds;
    private final long deadline;
    private final Map<String, String> silentHosts = new ConcurrentHashMap<>();
    /** Hosts that answered (or failed in a way that says nothing of later requests), and those being tried first. */
    private final Set<String> contacted = new HashSet<>();
    private final Set<String> contacting = new HashSet<>();

    public RunLimits(int runSeconds) {
        this.runSeconds = runSeconds;
        this.deadline = System.nanoTime() + runSeconds * 1_000_000_000L;
    }

    /** Throws {@link Skipped} when the run is past its deadline or {@code host} already failed to answer. */
    void beforeSending(String host) {
        checkSilentOrLate(host);
        synchronized (this) {
            while (contacting.contains(host) && !contacted.contains(host) && !silentHosts.containsKey(host) && remainingMs() > 0) {
                try {
                    wait(Math.max(1, remainingMs()));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new Skipped("not sent: interrupted while " + host + " was first tried");
                }
            }
            checkSilentOrLate(host);
            if (!contacted.contains(host)) {
                contacting.add(host);
            }
        }
    }

    /** Throws {@link Skipped} when the run is past its deadline: a billable send is not even held under the cap then. */
    void beforeDeadline() {
        if (remainingMs() <= 0) {
            throw new Skipped("not sent: the run reached its deadline (timeouts.runSeconds: " + runSeconds + ")");
        }
    }

    /** The first request to {@code host} is over, whatever its outcome: the requests waiting for it go on. */
    synchronized void contacted(String host) {
        if (!silentHosts.containsKey(host)) {
            contacted.add(host);
        }
        contacting.remove(host);
        notifyAll();
    }

    private void checkSilentOrLate(String host) {
        if (remainingMs() <= 0) {
            throw new Skipped("not sent: the run reached its deadline (timeouts.runSeconds: " + runSeconds + ")");
        }
        String silent = silentHosts.get(host);
        if (silent != null) {
            throw new Skipped("not sent: " + host + " " + silent);
        }
    }

    int runSeconds() {
        return runSeconds;
    }

    /** How long the next exchange may take in all, body included: its read timeout, or what is left of the run. */
    long budgetMs(int readMs) {
        return Math.max(1, Math.min(readMs, remainingMs()));
    }

    void silent(String host, String why) {
        silentHosts.putIfAbsent(host, "did not answer earlier in this run (" + why + ")");
    }

    /** {@code host} sent something no further request should risk ({@code why}: "sent a decompression bomb earlier in this run"). */
    void notAskedAgain(String host, String why) {
        silentHosts.putIfAbsent(host, why);
    }

    /** {@code host}'s TLS handshake failed ({@code why}, in a few words): it fails the same way for every request. */
    void handshakeFailed(String host, String why) {
        silentHosts.putIfAbsent(host, "failed the TLS handshake earlier in this run (" + why + ")");
    }

    private long remainingMs() {
        return (deadline - System.nanoTime()) / 1_000_000;
    }
}
