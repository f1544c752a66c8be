package dev.aigateway.contract.gateway;

import dev.aigateway.contract.Stop;

/**
 * A gateway profile ({@code gateways/<name>.yaml}) that is not one: a section missing, a key misspelt, a value of
 * the wrong type, a fact without its source. One sentence naming the file, the field and what it takes; no stack trace.
 */
public class GatewayProfileException extends Stop {
    public GatewayProfileException(String sentence) {
        super(sentence);
    }
}
