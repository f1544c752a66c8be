package dev.aigateway.contract.hostile;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

/**
 * A small real HTTP/1.1 server on 127.0.0.1 that answers however its {@link Behaviour} says, down to
 * the bytes and their timing: redirects, echoed keys, resets, hangs, trickles, cut streams. It keeps
 * every request it received, so a test can check what reached it.
 */
final class MisbehavingServer implements AutoCloseable {

    /** The password of the keystores {@link #keystore} makes. */
    static final String PASSWORD = "hostile";

    /** One request as it arrived. Header names are lower case. */
    record Request(String method, String target, Map<String, String> headers, String body, String raw) {}

    /** What the server does with one request: writes to {@code out} (raw bytes), or holds, or closes. */
    interface Behaviour {
        void answer(Request request, OutputStream out, Socket socket) throws Exception;
    }

    private final ServerSocket server;
    private final String scheme;
    private final Behaviour behaviour;
    private final AtomicInteger connections = new AtomicInteger();
    private final List<Request> received = new ArrayList<>();
    private final ExecutorService threads = Executors.newCachedThreadPool(task -> {
        Thread thread = new Thread(task, "misbehaving-server");
        thread.setDaemon(true);
        return thread;
    });

    MisbehavingServer(Behaviour behaviour) throws IOException {
        this(new ServerSocket(0, 50, InetAddress.getLoopbackAddress()), "http", behaviour);
    }

    private MisbehavingServer(ServerSocket server, String scheme, Behaviour behaviour) {
        this.server = server;
        this.scheme = scheme;
        this.behaviour = behaviour;
        threads.submit(this::accept);
    }

    /** The same server behind TLS, with the key pair and certificate of {@code keystore} ({@link #keystore}). */
    static MisbehavingServer tls(Path keystore, Behaviour behaviour) throws Exception {
        KeyStore keys = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keystore)) {
            keys.load(in, PASSWORD.toCharArray());
        }
        KeyManagerFactory keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keyManagers.init(keys, PASSWORD.toCharArray());
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(keyManagers.getKeyManagers(), null, null);
        return new MisbehavingServer(context.getServerSocketFactory().createServerSocket(0, 50, InetAddress.getLoopbackAddress()),
                "https", behaviour);
    }

    /**
     * A PKCS12 keystore ({@link #PASSWORD}) holding one key pair and its self-signed certificate for
     * {@code names} (keytool's {@code -ext san=...}: "ip:127.0.0.1", "dns:gateway.example"), made by
     * the JDK's keytool as a user would make one.
     */
    static Path keystore(Path folder, String names) throws Exception {
        Path keystore = folder.resolve("gateway-" + names.replaceAll("\\W", "-") + ".p12");
        Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-alias", "gateway", "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=hostile gateway",
                "-ext", "san=" + names, "-validity", "2", "-keystore", keystore.toString(), "-storetype", "PKCS12",
                "-storepass", PASSWORD, "-keypass", PASSWORD).redirectErrorStream(true).start();
        String said = new String(keytool.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (keytool.waitFor() != 0) {
            throw new IllegalStateException("keytool failed: " + said);
        }
        return keystore;
    }

    String url() {
        return scheme + "://127.0.0.1:" + server.getLocalPort();
    }

    /** Connections accepted, TLS handshakes included whether they succeeded or not. */
    int connections() {
        return connections.get();
    }

    int port() {
        return server.getLocalPort();
    }

    synchronized List<Request> received() {
        return List.copyOf(received);
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                connections.incrementAndGet();
                threads.submit(() -> serve(socket));
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void serve(Socket socket) {
        try (socket) {
            InputStream in = socket.getInputStream();
            while (true) {
                Request request = read(in);
                if (request == null) {
                    return;
                }
                synchronized (this) {
                    received.add(request);
                }
                behaviour.answer(request, socket.getOutputStream(), socket);
                if (socket.isClosed()) {
                    return;
                }
            }
        } catch (Exception ignored) {
            // The client went away, or the behaviour closed the socket on purpose.
        }
    }

    private static Request read(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        while (matched < 4) {
            int b = in.read();
            if (b < 0) {
                return null;
            }
            head.write(b);
            matched = (b == "\r\n\r\n".charAt(matched)) ? matched + 1 : (b == '\r' ? 1 : 0);
        }
        String[] lines = head.toString(StandardCharsets.ISO_8859_1).split("\r\n");
        String[] requestLine = lines[0].split(" ");
        Map<String, String> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon > 0) {
                headers.put(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT), lines[i].substring(colon + 1).trim());
            }
        }
        int length = Integer.parseInt(headers.getOrDefault("content-length", "0"));
        byte[] body = in.readNBytes(length);
        String raw = head.toString(StandardCharsets.ISO_8859_1) + new String(body, StandardCharsets.ISO_8859_1);
        return new Request(requestLine[0], requestLine.length > 1 ? requestLine[1] : "", headers,
                new String(body, StandardCharsets.UTF_8), raw);
    }

    /** A whole HTTP/1.1 answer with a JSON body and Vercel's headers, as the gateway sends it. */
    static String gatewayAnswer(int status, String json, String... extraHeaders) {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        StringBuilder answer = new StringBuilder("HTTP/1.1 " + status + " X\r\n")
                .append("content-type: application/json\r\n")
                .append("server: Vercel\r\n")
                .append("x-vercel-id: hst1::iad1::hostile-").append(System.nanoTime()).append("\r\n");
        for (String header : extraHeaders) {
            answer.append(header).append("\r\n");
        }
        answer.append("content-length: ").append(body.length).append("\r\n\r\n").append(json);
        return answer.toString();
    }

    static void write(OutputStream out, String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    @Override
    public void close() throws IOException {
        server.close();
        threads.shutdownNow();
    }
}
