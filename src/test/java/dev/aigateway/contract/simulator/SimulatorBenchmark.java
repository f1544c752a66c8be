package dev.aigateway.contract.simulator;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.sun.net.httpserver.HttpServer;
import dev.aigateway.contract.gateway.GatewayProfile;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;

/**
 * Prints how fast the simulated gateway starts, answers and stops, and how many small requests per
 * second it serves to concurrent keep-alive clients on loopback. Figures only: nothing is asserted.
 * With {@code --variant=NAME} it measures the throughput of a WireMock configuration other than the
 * one {@link SimulatedGateway} uses instead ({@code --list-variants} names them). Tunable with
 * {@code -Dbench.clients=8 -Dbench.seconds=10 -Dbench.requests=40000 -Dbench.warmup=2 -Dbench.cycles=5}, and
 * {@code -Dbench.clientPerThread=true} to give each client thread its own HttpClient.
 */
public final class SimulatorBenchmark {

    private static final String KEY = "vck_sim_healthy_demo";
    private static final String CHAT = "{\"model\":\"openai/gpt-4o-mini\",\"messages\":[{\"role\":\"user\",\"content\":\"Say pong.\"}],\"max_tokens\":1}";
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(5);

    private static final int CLIENTS = Integer.getInteger("bench.clients", 8);
    private static final int SECONDS = Integer.getInteger("bench.seconds", 10);
    private static final int REQUESTS = Integer.getInteger("bench.requests", 40_000);
    private static final int WARMUP_SECONDS = Integer.getInteger("bench.warmup", 2);
    private static final int CYCLES = Integer.getInteger("bench.cycles", 5);
    private static final boolean CLIENT_PER_THREAD = Boolean.getBoolean("bench.clientPerThread");

    private record Route(String name, String method, String path, boolean auth, String body) {
        HttpRequest request(String baseUrl) {
            HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(REQUEST_TIMEOUT)
                    .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
            if (auth) {
                builder.header("Authorization", "Bearer " + KEY);
            }
            if (body != null) {
                builder.header("content-type", "application/json");
            }
            return builder.build();
        }
    }

    private static final List<Route> ROUTES = List.of(
            new Route("GET /v1/models", "GET", "/v1/models", false, null),
            new Route("GET /v1/credits", "GET", "/v1/credits", true, null),
            new Route("POST /v1/chat/completions", "POST", "/v1/chat/completions", true, CHAT));

    private SimulatorBenchmark() {}

    public static void main(String[] args) throws Exception {
        String variant = Arrays.stream(args).filter(arg -> arg.startsWith("--variant=")).map(arg -> arg.substring(10))
                .findFirst().orElse(null);
        if (Arrays.asList(args).contains("--list-variants")) {
            variants().keySet().forEach(System.out::println);
        } else if (variant != null) {
            UnaryOperator<WireMockConfiguration> tweak = variants().get(variant);
            if (tweak == null) {
                throw new IllegalArgumentException("no variant " + variant + "; --list-variants names them");
            }
            WireMockServer server = new WireMockServer(tweak.apply(shippedOptions()));
            server.start();
            try {
                printLoad(variant, load("http://127.0.0.1:" + server.port()));
            } finally {
                server.stop();
            }
        } else {
            startAndStop();
            System.out.println();
            try (SimulatedGateway gateway = SimulatedGateway.start(0, 0, GatewayProfile.named("vercel"))) {
                printLoad("as shipped: SimulatedGateway.start(0, 0, vercel)", load(gateway.baseUrl()));
            }
        }
    }

    // ---- (a) start, first answer, stop ----

    private static void startAndStop() throws Exception {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        double[] start = new double[CYCLES + 1];
        double[] first = new double[CYCLES + 1];
        double[] stop = new double[CYCLES + 1];
        for (int i = 0; i <= CYCLES; i++) {
            long t0 = System.nanoTime();
            SimulatedGateway gateway = SimulatedGateway.start(0, 0, GatewayProfile.named("vercel"));
            long t1 = System.nanoTime();
            if (i == 0) {
                // Untimed, after the cold start so that it preloads nothing the simulator would load itself.
                warmClient(client);
            }
            long t2 = System.nanoTime();
            HttpResponse<String> response = client.send(ROUTES.get(0).request(gateway.baseUrl()), HttpResponse.BodyHandlers.ofString());
            long t3 = System.nanoTime();
            gateway.close();
            long t4 = System.nanoTime();
            if (response.statusCode() != 200) {
                throw new IllegalStateException("GET /v1/models answered " + response.statusCode());
            }
            start[i] = ms(t1 - t0);
            first[i] = ms(t3 - t2);
            stop[i] = ms(t4 - t3);
        }
        double[] warmStart = Arrays.copyOfRange(start, 1, start.length);
        double[] warmFirst = Arrays.copyOfRange(first, 1, first.length);
        double[] warmStop = Arrays.copyOfRange(stop, 1, stop.length);
        System.out.printf(Locale.ROOT, "simulator start: %.0f ms (cold), %.0f ms median warm%n", start[0], median(warmStart));
        System.out.printf(Locale.ROOT, "first answer (GET /v1/models, request to response): %.0f ms (cold), %.0f ms median warm%n", first[0], median(warmFirst));
        System.out.printf(Locale.ROOT, "stop: %.0f ms (cold), %.0f ms median warm%n", stop[0], median(warmStop));
        System.out.printf(Locale.ROOT, "added to a run: %.0f ms cold (start + first answer + stop), %.0f ms warm; target at most 1,000 ms%n",
                start[0] + first[0] + stop[0], median(warmStart) + median(warmFirst) + median(warmStop));
    }

    /** So that the cold first answer is the simulator's cost, not the JDK client's first use. */
    private static void warmClient(HttpClient client) throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            exchange.getRequestBody().readAllBytes();
            exchange.sendResponseHeaders(200, 2);
            exchange.getResponseBody().write("ok".getBytes());
            exchange.close();
        });
        server.start();
        try {
            client.send(ROUTES.get(2).request("http://127.0.0.1:" + server.getAddress().getPort()), HttpResponse.BodyHandlers.ofString());
        } finally {
            server.stop(0);
        }
    }

    // ---- (b) throughput ----

    private record Result(long elapsedNanos, long[] latencies, int[] routes, int[] errors, String firstError) {}

    private static Result load(String baseUrl) throws InterruptedException {
        List<HttpClient> clients = new ArrayList<>();
        // One client pools one keep-alive connection per busy thread; eight clients cost eight selector
        // threads, which on two cores measurably slow the server being measured.
        HttpClient shared = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        for (int i = 0; i < CLIENTS; i++) {
            clients.add(CLIENT_PER_THREAD ? HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build() : shared);
        }
        List<HttpRequest> requests = ROUTES.stream().map(route -> route.request(baseUrl)).toList();
        run(clients, requests, WARMUP_SECONDS, REQUESTS);
        return run(clients, requests, SECONDS, REQUESTS);
    }

    private static Result run(List<HttpClient> clients, List<HttpRequest> requests, int seconds, int maxRequests)
            throws InterruptedException {
        AtomicInteger remaining = new AtomicInteger(maxRequests);
        long[][] latencies = new long[clients.size()][];
        int[][] routes = new int[clients.size()][];
        int[] counts = new int[clients.size()];
        int[] errors = new int[ROUTES.size()];
        String[] firstError = new String[1];
        CountDownLatch ready = new CountDownLatch(clients.size());
        CountDownLatch go = new CountDownLatch(1);
        CountDownLatch done = new CountDownLatch(clients.size());
        long[] deadline = new long[1];
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < clients.size(); t++) {
            int id = t;
            Thread thread = new Thread(() -> {
                HttpClient client = clients.get(id);
                long[] own = new long[1 << 14];
                int[] ownRoutes = new int[own.length];
                int n = 0;
                ready.countDown();
                try {
                    go.await();
                    while (System.nanoTime() < deadline[0] && remaining.getAndDecrement() > 0) {
                        int route = (id + n) % requests.size();
                        long begin = System.nanoTime();
                        boolean ok;
                        String failure = null;
                        try {
                            HttpResponse<Void> response = client.send(requests.get(route), HttpResponse.BodyHandlers.discarding());
                            ok = response.statusCode() / 100 == 2;
                            if (!ok) {
                                failure = ROUTES.get(route).name() + " answered " + response.statusCode();
                            }
                        } catch (java.io.IOException e) {
                            ok = false;
                            failure = ROUTES.get(route).name() + ": " + e;
                        }
                        long took = System.nanoTime() - begin;
                        if (!ok) {
                            synchronized (errors) {
                                errors[route]++;
                                if (firstError[0] == null) {
                                    firstError[0] = failure;
                                }
                            }
                        }
                        if (n == own.length) {
                            own = Arrays.copyOf(own, own.length * 2);
                            ownRoutes = Arrays.copyOf(ownRoutes, ownRoutes.length * 2);
                        }
                        own[n] = took;
                        ownRoutes[n] = route;
                        n++;
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } finally {
                    latencies[id] = Arrays.copyOf(own, n);
                    routes[id] = Arrays.copyOf(ownRoutes, n);
                    counts[id] = n;
                    done.countDown();
                }
            }, "bench-client-" + t);
            thread.setDaemon(true);
            threads.add(thread);
            thread.start();
        }
        ready.await();
        long begin = System.nanoTime();
        deadline[0] = begin + Duration.ofSeconds(seconds).toNanos();
        go.countDown();
        // A stuck client cannot hold the benchmark: each request times out, and so does the wait.
        if (!done.await(seconds + REQUEST_TIMEOUT.toSeconds() + 5, java.util.concurrent.TimeUnit.SECONDS)) {
            threads.forEach(Thread::interrupt);
            throw new IllegalStateException("clients did not finish in time");
        }
        long elapsed = System.nanoTime() - begin;
        int total = Arrays.stream(counts).sum();
        long[] all = new long[total];
        int[] allRoutes = new int[total];
        int at = 0;
        for (int t = 0; t < clients.size(); t++) {
            System.arraycopy(latencies[t], 0, all, at, counts[t]);
            System.arraycopy(routes[t], 0, allRoutes, at, counts[t]);
            at += counts[t];
        }
        return new Result(elapsed, all, allRoutes, errors, firstError[0]);
    }

    private static void printLoad(String label, Result result) {
        double seconds = result.elapsedNanos() / 1e9;
        int total = result.latencies().length;
        int errors = Arrays.stream(result.errors()).sum();
        long[] sorted = result.latencies().clone();
        Arrays.sort(sorted);
        System.out.printf(Locale.ROOT, "[%s]%n", label);
        System.out.printf(Locale.ROOT,
                "throughput: %,.0f req/s with %d clients%s (p50 %.1f ms, p95 %.1f ms, p99 %.1f ms), %d errors; %,d requests in %.1f s; target at least 2,000 req/s%n",
                total / seconds, CLIENTS, CLIENT_PER_THREAD ? " (an HttpClient each)" : "", ms(percentile(sorted, 50)), ms(percentile(sorted, 95)), ms(percentile(sorted, 99)),
                errors, total, seconds);
        for (int r = 0; r < ROUTES.size(); r++) {
            int route = r;
            long[] own = java.util.stream.IntStream.range(0, total).filter(i -> result.routes()[i] == route)
                    .mapToLong(i -> result.latencies()[i]).sorted().toArray();
            System.out.printf(Locale.ROOT, "  %-26s %,6.0f req/s  p50 %.1f ms  p95 %.1f ms  p99 %.1f ms  %d errors%n",
                    ROUTES.get(r).name(), own.length / seconds, ms(percentile(own, 50)), ms(percentile(own, 95)),
                    ms(percentile(own, 99)), result.errors()[r]);
        }
        if (result.firstError() != null) {
            System.out.println("  first error: " + result.firstError());
        }
    }

    // ---- configurations other than the shipped one, for --variant=NAME ----

    /** What {@link SimulatedGateway#start(int, int, GatewayProfile)} configures, on a dynamic port. */
    private static WireMockConfiguration shippedOptions() {
        return SimulatedGateway.options(GatewayProfile.standard(), Teams.load(GatewayProfile.named("vercel"))).dynamicPort();
    }

    private static Map<String, UnaryOperator<WireMockConfiguration>> variants() {
        Map<String, UnaryOperator<WireMockConfiguration>> variants = new LinkedHashMap<>();
        variants.put("control", o -> o);
        variants.put("maxRequestJournalEntries(1000)", o -> o.maxRequestJournalEntries(1000));
        variants.put("disableRequestJournal()", o -> o.disableRequestJournal());
        variants.put("gzipDisabled(true)", o -> o.gzipDisabled(true));
        variants.put("containerThreads(8)", o -> o.containerThreads(8));
        variants.put("containerThreads(50)", o -> o.containerThreads(50));
        variants.put("jettyAcceptors(1)", o -> o.jettyAcceptors(1));
        variants.put("asynchronousResponseEnabled(true)", o -> o.asynchronousResponseEnabled(true).asynchronousResponseThreads(4));
        variants.put("stubRequestLoggingDisabled(true)", o -> o.stubRequestLoggingDisabled(true));
        variants.put("maxRequestJournalEntries(1000) + gzipDisabled(true) + containerThreads(16)",
                o -> o.maxRequestJournalEntries(1000).gzipDisabled(true).containerThreads(16));
        return variants;
    }

    private static long percentile(long[] sorted, int p) {
        if (sorted.length == 0) {
            return 0;
        }
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    private static double ms(double nanos) {
        return nanos / 1e6;
    }
}
