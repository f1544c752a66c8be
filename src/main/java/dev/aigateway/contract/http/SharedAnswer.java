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
    private Object sender;

    /** The answer, sent by {@code asker} if nobody asked before (a scenario's client). */
    synchronized Response get(Object asker, Supplier<Response> send) {
        if (sender == null) {
            sender = asker;
            try {
                answer = send.get();
            } catch (RuntimeException e) {
                failure = e;
            } finally {
                if (answer == null && failure == null) {
                    failure = new IllegalStateException("the shared request broke off before its answer");
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
        return answer;
    }

    /**
     * Whether {@code asker} sends, or sent, the request: while it is on its way, that asker asks for
     * nothing else first, and only that asker's scenario fails when it got no answer.
     */
    synchronized boolean sentBy(Object asker) {
        return sender == asker;
    }
}
