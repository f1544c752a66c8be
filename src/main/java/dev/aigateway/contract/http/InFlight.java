package dev.aigateway.contract.http;

import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ProxySelector;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.apache.http.Header;
import org.apache.http.HttpEntity;
import org.apache.http.HttpResponse;
import org.apache.http.client.HttpClient;
import org.apache.http.entity.HttpEntityWrapper;
import org.apache.http.impl.client.DefaultHttpClient;
import org.apache.http.impl.client.DefaultHttpRequestRetryHandler;
import org.apache.http.impl.conn.ProxySelectorRoutePlanner;

/**
 * One exchange while it is under way, on the thread that sends it: what has arrived so far (status,
 * headers, the bytes of the body) and a deadline for the whole answer. When the deadline passes, the
 * connection is shut, so a server that never finishes (or trickles a byte at a time) is cut off; when
 * the answer breaks off, what arrived is still known and can be recorded.
 */
final class InFlight implements AutoCloseable {

    private static final ThreadLocal<InFlight> CURRENT = new ThreadLocal<>();
    /** A client REST Assured made on this thread before the exchange started (it makes it before running the filters). */
    private static final ThreadLocal<DefaultHttpClient> PENDING = new ThreadLocal<>();
    private static final ScheduledExecutorService WATCHDOG = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "exchange-deadline");
        thread.setDaemon(true);
        return thread;
    });

    private final long budgetMs;
    private final long answerBytes;
    private final ScheduledFuture<?> deadline;
    private final List<HttpClient> clients = new ArrayList<>();
    private final ByteArrayOutputStream body = new ByteArrayOutputStream();
    private volatile boolean expired;
    private volatile boolean sent;
    private Integer status;
    private Header[] headers = new Header[0];
    private BoundedAnswer answer;

    private InFlight(long budgetMs, long answerBytes) {
        this.budgetMs = budgetMs;
        this.answerBytes = answerBytes;
        this.deadline = WATCHDOG.schedule(this::expire, budgetMs, TimeUnit.MILLISECONDS);
    }

    /** Starts watching the exchange this thread is about to send: {@code budgetMs} for all of it, at most {@code answerBytes} of its body kept. */
    static InFlight open(long budgetMs, long answerBytes) {
        InFlight inFlight = new InFlight(budgetMs, answerBytes);
        CURRENT.set(inFlight);
        DefaultHttpClient pending = PENDING.get();
        PENDING.remove();
        if (pending != null) {
            inFlight.watch(pending);
        }
        return inFlight;
    }

    /**
     * REST Assured's HTTP client factory: a client like its default one, whose answers are watched by
     * the exchange in flight on this thread.
     */
    static HttpClient newClient() {
        DefaultHttpClient client = SentHeaders.newClient();
        // The JVM's proxy settings (https.proxyHost, http.nonProxyHosts, ...), which DefaultHttpClient alone ignores.
        client.setRoutePlanner(new ProxySelectorRoutePlanner(client.getConnectionManager().getSchemeRegistry(),
                ProxySelector.getDefault()));
        // Every attempt is one recorded exchange: the client never resends a request on its own.
        client.setHttpRequestRetryHandler(new DefaultHttpRequestRetryHandler(0, false));
        // What REST Assured's own decoders asked for; the answer is decoded in BoundedAnswer, within its cap.
        client.addRequestInterceptor((request, context) -> {
            if (!request.containsHeader("Accept-Encoding")) {
                request.addHeader("Accept-Encoding", "gzip,deflate");
            }
        });
        InFlight inFlight = CURRENT.get();
        if (inFlight != null) {
            inFlight.watch(client);
        } else {
            PENDING.set(client);
        }
        return client;
    }

    private synchronized void watch(DefaultHttpClient client) {
        clients.add(client);
        // The client runs its request interceptors once the connection and its TLS handshake are up, just
        // before it writes the request (a proxy's CONNECT passes them too, and is not the request).
        client.addRequestInterceptor((request, context) -> {
            if (!"CONNECT".equals(request.getRequestLine().getMethod())) {
                sent = true;
            }
        });
        client.addResponseInterceptor((response, context) -> arrived(response));
        if (expired) {
            client.getConnectionManager().shutdown();
        }
    }

    private synchronized void arrived(HttpResponse response) {
        status = response.getStatusLine().getStatusCode();
        headers = response.getAllHeaders();
        HttpEntity entity = response.getEntity();
        if (entity != null) {
            Header encoding = entity.getContentEncoding();
            response.setEntity(new HttpEntityWrapper(entity) {
                private InputStream content;

                @Override
                public InputStream getContent() throws IOException {
                    if (content == null) {
                        BoundedAnswer bounded = new BoundedAnswer(super.getContent(),
                                encoding == null ? null : encoding.getValue(), super.getContentLength(), answerBytes);
                        synchronized (InFlight.this) {
                            answer = bounded;
                        }
                        content = new Recording(bounded);
                    }
                    return content;
                }

                @Override
                public long getContentLength() {
                    return encoding == null ? super.getContentLength() : -1;
                }

                @Override
                public Header getContentEncoding() {
                    return null;
                }

                @Override
                public void writeTo(OutputStream out) throws IOException {
                    getContent().transferTo(out);
                }
            });
        }
    }

    /** Why the body was cut short (over the cap, a decompression bomb), or null. */
    synchronized String cut() {
        return answer == null ? null : answer.cut();
    }

    private synchronized void expire() {
        expired = true;
        clients.forEach(client -> client.getConnectionManager().shutdown());
    }

    /** True when the deadline cut the exchange off. */
    boolean expired() {
        return expired;
    }

    /** False while the connection or its TLS handshake is not up: a request that failed before went nowhere. */
    boolean sent() {
        return sent;
    }

    long budgetMs() {
        return budgetMs;
    }

    /** The status of an answer whose headers arrived, else null. */
    synchronized Integer status() {
        return status;
    }

    synchronized Map<String, List<String>> headers() {
        Map<String, List<String>> byName = new java.util.LinkedHashMap<>();
        for (Header header : headers) {
            byName.computeIfAbsent(header.getName(), name -> new ArrayList<>()).add(header.getValue());
        }
        return byName;
    }

    /** The bytes of the body that arrived, at most {@code cap} of them, and how many arrived in all. */
    synchronized byte[] body() {
        return body.toByteArray();
    }

    @Override
    public void close() {
        deadline.cancel(false);
        CURRENT.remove();
    }

    private final class Recording extends FilterInputStream {

        Recording(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                keep(new byte[] {(byte) b}, 0, 1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                keep(buffer, offset, n);
            }
            return n;
        }

        private void keep(byte[] buffer, int offset, int length) {
            synchronized (InFlight.this) {
                int room = RecordedBody.BODY_CAP * 4 - body.size();
                body.write(buffer, offset, Math.max(0, Math.min(room, length)));
            }
        }
    }
}
