package dev.aigateway.contract.http;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.lessThanOrEqualTo;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.aigateway.contract.Skipped;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;

/**
 * The run's limits in time, without a server: a host that did not answer is not asked again, with the
 * first reason; the first request to a host goes alone and the others wait for its outcome; an
 * exchange's budget is its read timeout or what is left of the run.
 */
class RunLimitsTest {

    @Test
    void aHostThatDidNotAnswerIsNotAskedAgainAndSaysWhyTheFirstTime() {
        RunLimits limits = new RunLimits(60);
        limits.silent("gw:443", "connect timed out");
        limits.handshakeFailed("gw:443", "certificate not trusted");
        Skipped skipped = assertThrows(Skipped.class, () -> limits.beforeSending("gw:443"));
        assertThat(skipped.getMessage(), equalTo("skipped: not sent: gw:443 did not answer earlier in this run (connect timed out)"));

        limits.handshakeFailed("tls:443", "certificate not trusted");
        assertThat(assertThrows(Skipped.class, () -> limits.beforeSending("tls:443")).getMessage(),
                equalTo("skipped: not sent: tls:443 failed the TLS handshake earlier in this run (certificate not trusted)"));
        limits.notAskedAgain("bomb:443", "sent a decompression bomb earlier in this run");
        assertThat(assertThrows(Skipped.class, () -> limits.beforeSending("bomb:443")).getMessage(),
                equalTo("skipped: not sent: bomb:443 sent a decompression bomb earlier in this run"));

        sent(limits, "other:443");
    }

    @Test
    void theFirstRequestToAHostGoesAloneAndTheOthersGoOnOnceItAnswered() throws Exception {
        RunLimits limits = new RunLimits(60);
        sent(limits, "gw:443");
        CompletableFuture<Void> second = CompletableFuture.runAsync(() -> sent(limits, "gw:443"));
        assertThrows(TimeoutException.class, () -> second.get(300, TimeUnit.MILLISECONDS));
        // Another host does not wait for this one.
        sent(limits, "other:443");
        limits.contacted("gw:443");
        second.get(10, TimeUnit.SECONDS);
        // Once answered, no request to it waits.
        CompletableFuture.runAsync(() -> sent(limits, "gw:443")).get(10, TimeUnit.SECONDS);
    }

    @Test
    void theRequestsWaitingForAHostThatDidNotAnswerAreNotSent() throws Exception {
        RunLimits limits = new RunLimits(60);
        sent(limits, "gw:443");
        CompletableFuture<Void> second = CompletableFuture.runAsync(() -> limits.beforeSending("gw:443"));
        assertThrows(TimeoutException.class, () -> second.get(300, TimeUnit.MILLISECONDS));
        limits.silent("gw:443", "connect refused");
        limits.contacted("gw:443");
        ExecutionException notSent = assertThrows(ExecutionException.class, () -> second.get(10, TimeUnit.SECONDS));
        assertThat(notSent.getCause().getMessage(), equalTo("skipped: not sent: gw:443 did not answer earlier in this run (connect refused)"));
    }

    @Test
    void aRunPastItsDeadlineSendsNothing() {
        RunLimits limits = new RunLimits(0);
        assertThat(assertThrows(Skipped.class, () -> limits.beforeSending("gw:443")).getMessage(),
                equalTo("skipped: not sent: the run reached its deadline (timeouts.runSeconds: 0)"));
        assertThat(limits.budgetMs(30_000), equalTo(1L));
    }

    /** Skipped is JUnit's "aborted": escaping a test it would count as skipped, not failed; here a refusal that should not be fails. */
    private static void sent(RunLimits limits, String host) {
        try {
            limits.beforeSending(host);
        } catch (Skipped skipped) {
            throw new AssertionError("not sent, though it should be: " + skipped.getMessage());
        }
    }

    @Test
    void anExchangesBudgetIsItsReadTimeoutOrWhatIsLeftOfTheRun() {
        RunLimits limits = new RunLimits(60);
        assertThat(limits.runSeconds(), equalTo(60));
        assertThat(limits.budgetMs(1_000), equalTo(1_000L));
        long left = limits.budgetMs(120_000);
        assertThat(left, lessThanOrEqualTo(60_000L));
        assertThat(left, greaterThan(50_000L));
    }
}
