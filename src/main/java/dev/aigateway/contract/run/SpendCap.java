package dev.aigateway.contract.run;

import dev.aigateway.contract.record.Spend;
import dev.aigateway.contract.Skipped;
import dev.aigateway.contract.http.SpendGuard;
import java.math.BigDecimal;
import java.util.function.Supplier;

/**
 * The run's spend cap ({@code maxSpendUsd}) while scenarios run at once: a billable request holds its
 * worst-case cost until its answer is recorded, and is sent only if what was spent plus what is held
 * plus its own worst case stays under the cap. One that does not fit waits while others are under
 * way (their answers may cost less than held), and is skipped with the reason once nothing is held
 * and it still does not fit. A request whose price is not known is sent alone. Once a billable answer's cost
 * is not known (lost, or not where the gateway keeps it), no further one is sent. So the cap holds
 * however many scenarios run at once, and they skip the same requests as a run one at a time.
 */
public final class SpendCap implements SpendGuard {

    private final BigDecimal capUsd;
    private final String environment;
    private final Supplier<Spend> spent;
    private BigDecimal heldUsd = BigDecimal.ZERO;
    private int held;

    /** {@code spent}: what the run's recorded exchanges cost so far. */
    public SpendCap(BigDecimal capUsd, String environment, Supplier<Spend> spent) {
        this.capUsd = capUsd;
        this.environment = environment;
        this.spent = spent;
    }

    @Override
    public synchronized Reservation reserve(BigDecimal quotedUsd) {
        // A worst case below zero (a price below zero) is not a price: it never adds room under the cap.
        BigDecimal worstCaseUsd = quotedUsd == null || quotedUsd.signum() < 0 ? null : quotedUsd;
        while (true) {
            Spend spend = spent.get();
            if (spend.unknownCost() > 0) {
                throw new Skipped("skipped: " + spend.unknownCost() + " earlier billable request(s) carried no cost the run"
                        + " could read (" + (spend.ofUnknownCost().isEmpty() ? "" : String.join(", ", spend.ofUnknownCost()) + ": ")
                        + "an answer lost, or no cost where the gateway keeps it), so what the run has spent"
                        + " is not known; it stays under maxSpendUsd by sending no more");
            }
            BigDecimal room = capUsd.subtract(spend.usd()).subtract(heldUsd);
            boolean fits = worstCaseUsd == null ? held == 0 && room.signum() > 0 : worstCaseUsd.compareTo(room) <= 0;
            if (fits) {
                BigDecimal hold = worstCaseUsd == null ? room : worstCaseUsd;
                heldUsd = heldUsd.add(hold);
                held++;
                return () -> release(hold);
            }
            if (held == 0) {
                throw new Skipped("skipped: the run has spent $" + spend.usd().toPlainString()
                        + (worstCaseUsd == null ? "" : " and this request could cost up to $" + worstCaseUsd.stripTrailingZeros().toPlainString())
                        + ", and environment " + environment + " caps it at maxSpendUsd: " + capUsd.toPlainString());
            }
            try {
                wait();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new Skipped("skipped: interrupted while waiting for room under maxSpendUsd");
            }
        }
    }

    private synchronized void release(BigDecimal hold) {
        heldUsd = heldUsd.subtract(hold);
        held--;
        notifyAll();
    }
}
