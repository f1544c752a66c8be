package dev.aigateway.contract.http;

import dev.aigateway.contract.record.Exchange;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.http.HttpClientConnection;
import org.apache.http.HttpException;
import org.apache.http.HttpRequest;
import org.apache.http.HttpResponse;
import org.apache.http.impl.client.DefaultHttpClient;
import org.apache.http.protocol.HttpContext;
import org.apache.http.protocol.HttpRequestExecutor;

/**
 * The header lines the HTTP client wrote for the exchange on this thread, taken when it writes them.
 * Below REST Assured's filters the client adds lines of its own (Host, Content-Length, Connection,
 * User-Agent, a charset on Content-Type): the evidence records them rather than have the client leave
 * them out, since an HTTP/1.1 request cannot go without Host and a body without its length, and a
 * record of the client's final list is what the server read, whatever the client's version adds.
 */
final class SentHeaders {

    private static final ThreadLocal<List<Exchange.Header>> SENT = new ThreadLocal<>();

    private SentHeaders() {}

    /** A client like REST Assured's default one whose every request's header lines are kept as they are written. */
    static DefaultHttpClient newClient() {
        return new DefaultHttpClient() {
            @Override
            protected HttpRequestExecutor createRequestExecutor() {
                return new HttpRequestExecutor() {
                    @Override
                    protected HttpResponse doSendRequest(HttpRequest request, HttpClientConnection connection,
                                                         HttpContext context) throws IOException, HttpException {
                        List<Exchange.Header> lines = new ArrayList<>();
                        for (org.apache.http.Header header : request.getAllHeaders()) {
                            lines.add(new Exchange.Header(header.getName(), header.getValue()));
                        }
                        SENT.set(List.copyOf(lines));
                        return super.doSendRequest(request, connection, context);
                    }
                };
            }
        };
    }

    /** Forgets what an earlier exchange on this thread sent: called as an exchange starts. */
    static void clear() {
        SENT.remove();
    }

    /** The lines the client wrote since {@link #clear()}, unredacted; null when it wrote none (no connection). */
    static List<Exchange.Header> take() {
        List<Exchange.Header> lines = SENT.get();
        SENT.remove();
        return lines;
    }
}
