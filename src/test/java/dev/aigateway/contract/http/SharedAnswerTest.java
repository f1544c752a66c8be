package dev.aigateway.contract.http;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.sameInstance;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.restassured.response.Response;
import io.restassured.response.ResponseBody;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The catalog a run shares: sent once by one scenario's client, read by all, and who sent it is known. */
class SharedAnswerTest {

    private static final Response ANSWER = (Response) java.lang.reflect.Proxy.newProxyInstance(
            SharedAnswerTest.class.getClassLoader(), new Class<?>[] {Response.class, ResponseBody.class},
            (proxy, method, args) -> method.getName().equals("toString") ? "answer" : null);

    @Test
    void askedAtOnceByManyItIsSentOnceAndOnlyItsSenderSentIt() throws Exception {
        SharedAnswer catalog = new SharedAnswer();
        AtomicInteger sent = new AtomicInteger();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Object> askers = new ArrayList<>();
        List<Future<Response>> answers = new ArrayList<>();
        try {
            for (int i = 0; i < 8; i++) {
                Object asker = new Object();
                askers.add(asker);
                answers.add(pool.submit(() -> {
                    start.await();
                    return catalog.get(asker, () -> {
                        sent.incrementAndGet();
                        return ANSWER;
                    });
                }));
            }
            start.countDown();
            for (Future<Response> answer : answers) {
                assertThat(answer.get(), sameInstance(ANSWER));
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(sent.get(), equalTo(1));
        assertThat("one sender among the askers", askers.stream().filter(catalog::sentBy).count(), equalTo(1L));
    }

    @Test
    void aRequestThatGotNoAnswerFailsForEveryAskerAndIsNotSentAgain() {
        SharedAnswer catalog = new SharedAnswer();
        Object first = new Object();
        Object second = new Object();
        AtomicInteger sent = new AtomicInteger();
        RuntimeException noAnswer = new GatewayUnreachableException("could not connect to 127.0.0.1:9");
        assertThat(assertThrows(RuntimeException.class, () -> catalog.get(first, () -> {
            sent.incrementAndGet();
            throw noAnswer;
        })), sameInstance(noAnswer));
        assertThat(assertThrows(RuntimeException.class, () -> catalog.get(second, () -> {
            sent.incrementAndGet();
            return ANSWER;
        })), sameInstance(noAnswer));
        assertThat(sent.get(), equalTo(1));
        assertThat(catalog.sentBy(first), equalTo(true));
        assertThat(catalog.sentBy(second), equalTo(false));
    }
}
