package dev.aigateway.contract;

import org.opentest4j.TestAbortedException;

/**
 * A scenario, or a request, left out for a reason the run states in one line ("skipped: ..."). It
 * carries no stack trace and prints as its message alone, so the console shows the reason, not a trace.
 */
public final class Skipped extends TestAbortedException {

    public Skipped(String reason) {
        super(reason.startsWith("skipped: ") ? reason : "skipped: " + reason);
    }

    @Override
    public synchronized Throwable fillInStackTrace() {
        return this;
    }

    @Override
    public String toString() {
        return getMessage();
    }
}
