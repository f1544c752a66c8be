package dev.aigateway.contract.http;

import dev.aigateway.contract.record.Exchange;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Every exchange of one run, numbered in the order they were sent and listed in that order, however
 * many scenarios send at once. A scenario's own log ({@link #forScenario()}) lists its exchanges and
 * numbers and adds each one to the run's log as well.
 */
public final class ExchangeLog {

    private final ExchangeLog run;
    private final AtomicInteger sent = new AtomicInteger();
    private final List<Exchange> exchanges = new ArrayList<>();

    public ExchangeLog() {
        this(null);
    }

    private ExchangeLog(ExchangeLog run) {
        this.run = run;
    }

    /** A log for one scenario's exchanges, numbered in this run's order and added to this log too. */
    public ExchangeLog forScenario() {
        return new ExchangeLog(run == null ? this : run);
    }

    int nextSequence() {
        return run == null ? sent.incrementAndGet() : run.nextSequence();
    }

    void add(Exchange exchange) {
        synchronized (this) {
            exchanges.add(exchange);
            exchanges.sort(Comparator.comparingInt(Exchange::sequence));
        }
        if (run != null) {
            run.add(exchange);
        }
    }

    /** Puts {@code exchange} in the place of the one of the same sequence number, here and in the run's log. */
    public void replace(Exchange exchange) {
        synchronized (this) {
            exchanges.replaceAll(each -> each.sequence() == exchange.sequence() ? exchange : each);
        }
        if (run != null) {
            run.replace(exchange);
        }
    }

    public synchronized List<Exchange> all() {
        return List.copyOf(exchanges);
    }
}
