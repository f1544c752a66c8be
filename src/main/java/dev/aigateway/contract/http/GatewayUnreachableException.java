package dev.aigateway.contract.http;

/** No HTTP answer at all: nothing listening, DNS, TLS, or a timeout. The message names the host. */
public class GatewayUnreachableException extends RuntimeException {
    public GatewayUnreachableException(String message) {
        super(message, null, false, false);
    }
}
