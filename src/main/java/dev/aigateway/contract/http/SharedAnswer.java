package dev.aigateway.contract.http;

import io.restassured.response.Response;
import java.util.function.Supplier;

/**
 * One answer a whole run shares (the public model catalog): the first scenario to need it sends the
 * request, the others wait for that answer and read it too, so it is asked for once however many
 * scenarios run at once.
 */
public final class SharedAnswer {

    private Response answer;
    private RuntimeException failure;
    private Thread sender;

    synchronized Response get(Supplier<Response> send) {
        if (answer == null && failure == null && sender == null) {
            sender = Thread.currentThread();
            try {
                answer = send.get();
            } catch (RuntimeException e) {
                failure = e;
            }
        }
        if (failure != null) {
            throw failure;
        }
        return answer;
    }

    /** Whether this thread sends, or sent, the request: while it is on its way, that thread asks for nothing else first. */
    synchronized boolean sentByThisThread() {
        return sender == Thread.currentThread();
    }
}
