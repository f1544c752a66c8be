package dev.aigateway.contract.http;

import io.restassured.response.Response;
import java.util.function.Supplier;

/** How a request that the gateway answered with a 5xx is sent again. */
final class Retries {

    static final int ATTEMPTS = 3;
    private static final long RETRY_DELAY_MS = 200;

    private Retries() {}

    /**
     * A 5xx is tried again, {@value #ATTEMPTS} attempts in all, as the AI SDK does: a passing blip is
     * absorbed, an outage persists. Every attempt is recorded.
     */
    static Response of(Supplier<Response> send) {
        Response response = send.get();
        for (int attempt = 2; attempt <= ATTEMPTS && response.statusCode() >= 500; attempt++) {
            try {
                Thread.sleep(RETRY_DELAY_MS * (attempt - 1));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return response;
            }
            response = send.get();
        }
        return response;
    }
}
