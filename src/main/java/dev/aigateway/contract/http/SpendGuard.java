package dev.aigateway.contract.http;

import java.math.BigDecimal;

/**
 * Asked before each billable request is sent, however many scenarios send at once: holds back the
 * request's worst-case cost under the run's spend cap until its answer is recorded (then the cost
 * the gateway reported counts instead), or refuses it with {@link dev.aigateway.contract.Skipped}.
 */
@FunctionalInterface
public interface SpendGuard {

    /** No cap: every request is sent. */
    SpendGuard NONE = worstCaseUsd -> () -> { };

    /** {@code worstCaseUsd} is null when the price is not known: the request then waits to be sent alone. */
    Reservation reserve(BigDecimal worstCaseUsd);

    /** Closed once the answer is recorded. */
    interface Reservation extends AutoCloseable {
        @Override
        void close();
    }
}
