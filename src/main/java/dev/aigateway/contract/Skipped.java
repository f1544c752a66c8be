package dev.aigateway.contract;

import org.opentest4j.TestAbortedException;

/**
 * A scenario, or a request, left out for a reason the run states in one line. Two kinds: one the
 * run itself could not carry out ("skipped: the run has spent $0.01 ..."), which leaves the run
 * incomplete, and one the environment's own settings leave out ("not applicable: ... allowBillable:
 * false"), which claims nothing and is missing nothing. It carries no stack trace and prints as its
 * message alone, so the console shows the reason, not a trace.
 */
public final class Skipped extends TestAbortedException {

    private static final String NOT_APPLICABLE = "not applicable: ";
    private final boolean notApplicable;

    /** A scenario or request the run could not carry out, for {@code reason}. */
    public Skipped(String reason) {
        super(reason.startsWith("skipped: ") ? reason : "skipped: " + reason);
        this.notApplicable = false;
    }

    private Skipped(String reason, boolean notApplicable) {
        super(NOT_APPLICABLE + reason.replaceFirst("^(skipped|not applicable): ", ""));
        this.notApplicable = notApplicable;
    }

    /** A scenario the environment's own settings leave out: no BYOK key, allowBillable: false, a funded team. */
    public static Skipped notApplicable(String reason) {
        return new Skipped(reason, true);
    }

    public boolean isNotApplicable() {
        return notApplicable;
    }

    /** The reason without its "skipped: " or "not applicable: " prefix. */
    public static String reasonOf(String message) {
        return message == null ? "" : message.replaceFirst("^(skipped|not applicable): ", "");
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
