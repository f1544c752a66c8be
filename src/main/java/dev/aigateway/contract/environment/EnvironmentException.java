package dev.aigateway.contract.environment;

import dev.aigateway.contract.Stop;

/** A problem with an environment file that the user can fix; its message says what and how. */
public class EnvironmentException extends Stop {
    public EnvironmentException(String message) {
        super(message);
    }
}
