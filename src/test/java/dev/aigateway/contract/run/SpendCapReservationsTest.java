package dev.aigateway.contract.run;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.aigateway.contract.Skipped;
import dev.aigateway.contract.http.SpendGuard;
import dev.aigateway.contract.record.Spend;
import java.math.BigDecimal;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * The spend cap's arithmetic, without a run: what was spent, plus what is held for requests under way,
 * plus this request's worst case, stays at or under maxSpendUsd; a request that does not fit waits while
 * others are under way and is skipped with the figures once none is; an unknown price is sent alone.
 */
class SpendCapReservationsTest {

    private final AtomicReference<Spend> spent = new AtomicReference<>(spent("0.40", 0));
    private final SpendCap cap = new SpendCap(new BigDecimal("1.00"), "mine", spent::get);

    @Test
    void aRequestThatFitsExactlyIsSentAndOneCentMoreIsSkippedWithTheFigures() {
        try (SpendGuard.Reservation fits = sent(new BigDecimal("0.60"))) {
            assertThat(fits == null, equalTo(false));
        }
        Skipped skipped = assertThrows(Skipped.class, () -> cap.reserve(new BigDecimal("0.6100")));
        assertThat(skipped.getMessage(), equalTo("skipped: the run has spent $0.40 and this request could cost up to $0.61,"
                + " and environment mine caps it at maxSpendUsd: 1.00"));
    }

    @Test
    void whatIsHeldForARequestUnderWayCountsUntilItsAnswerIsRecorded() throws Exception {
        SpendGuard.Reservation first = sent(new BigDecimal("0.50"));
        CompletableFuture<SpendGuard.Reservation> second = CompletableFuture.supplyAsync(() -> sent(new BigDecimal("0.50")));
        assertThrows(TimeoutException.class, () -> second.get(300, TimeUnit.MILLISECONDS));
        // The first answer cost less than held: the second now fits.
        spent.set(spent("0.45", 0));
        first.close();
        second.get(10, TimeUnit.SECONDS).close();
        assertThat(sent(new BigDecimal("0.55")) == null, equalTo(false));
    }

    @Test
    void aRequestWhosePriceIsNotKnownIsSentAloneAndOnlyWhileThereIsRoom() throws Exception {
        SpendGuard.Reservation unknown = sent(null);
        // It holds all the room left: nothing else fits until it is recorded.
        CompletableFuture<SpendGuard.Reservation> next = CompletableFuture.supplyAsync(() -> sent(new BigDecimal("0.01")));
        assertThrows(TimeoutException.class, () -> next.get(300, TimeUnit.MILLISECONDS));
        unknown.close();
        next.get(10, TimeUnit.SECONDS).close();

        spent.set(spent("1.00", 0));
        Skipped noRoom = assertThrows(Skipped.class, () -> cap.reserve(null));
        assertThat(noRoom.getMessage(), equalTo("skipped: the run has spent $1.00, and environment mine caps it at maxSpendUsd: 1.00"));
    }

    @Test
    void aLostAnswerStopsEveryFurtherBillableRequest() {
        spent.set(spent("0.00", 2));
        Skipped skipped = assertThrows(Skipped.class, () -> cap.reserve(BigDecimal.ZERO));
        assertThat(skipped.getMessage(), containsString("2 earlier billable request(s)"));
        assertThat(skipped.getMessage(), containsString("what the run has spent is not known; it stays under maxSpendUsd by sending no more"));
    }

    @Test
    void noCapSendsEverything() {
        SpendGuard.NONE.reserve(new BigDecimal("1000000")).close();
        SpendGuard.NONE.reserve(null).close();
    }

    /**
     * A reservation that must be granted. Skipped is JUnit's "aborted": a test it escaped would count as
     * skipped, not failed, so a cap that refuses what it should send is turned into a failure here.
     */
    private SpendGuard.Reservation sent(BigDecimal worstCaseUsd) {
        try {
            return cap.reserve(worstCaseUsd);
        } catch (Skipped skipped) {
            throw new AssertionError("refused, though it fits: " + skipped.getMessage());
        }
    }

    private static Spend spent(String usd, int unknownCost) {
        return new Spend(1, 1, 10, new BigDecimal(usd), unknownCost);
    }
}
