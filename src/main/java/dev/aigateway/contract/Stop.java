package dev.aigateway.contract;

/**
 * Ends a build step with one sentence for the user: a failed contract, a wrong environment, a secret
 * found, a run already in progress. It carries no stack trace and prints as its message alone, and
 * the build quiets exec:java's own printing of it (.mvn/jvm.config), so Maven's failure line is the
 * only other line the user sees. A bug of the tool is not a Stop: {@link BuildStep} prints its trace.
 */
public class Stop extends RuntimeException {

    public Stop(String sentence) {
        super(sentence, null, false, false);
    }

    @Override
    public String toString() {
        return getMessage();
    }
}
