package dev.aigateway.contract.environment;

/** A problem with an environment file that the user can fix; its message says what and how. */
public class EnvironmentException extends RuntimeException {
    public EnvironmentException(String message) {
        super(message, null, false, false);
    }
}
