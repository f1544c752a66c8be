package dev.aigateway.contract.http;

import java.util.ArrayList;
import java.util.List;

/** Every exchange of one run, in the order they were sent. */
public final class ExchangeLog {

    private final List<Exchange> exchanges = new ArrayList<>();

    synchronized int nextSequence() {
        return exchanges.size() + 1;
    }

    synchronized void add(Exchange exchange) {
        exchanges.add(exchange);
    }

    public synchronized List<Exchange> all() {
        return List.copyOf(exchanges);
    }
}
