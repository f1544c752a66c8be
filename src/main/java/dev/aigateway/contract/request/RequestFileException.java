package dev.aigateway.contract.request;

import dev.aigateway.contract.Stop;

/**
 * A request file that cannot be read: one sentence naming the file, the line (and column where it
 * helps) and what was expected. It never quotes a value from the file, so it cannot carry a key.
 */
public class RequestFileException extends Stop {
    public RequestFileException(String sentence) {
        super(sentence);
    }
}
