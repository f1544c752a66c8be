package dev.aigateway.contract.http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * An HTTP/1.1 server on 127.0.0.1 that keeps the exact bytes of every request head it reads and answers
 * each request with the same small JSON and an {@code x-vercel-id}, so a test sees what went on the wire; and each body.
 */
final class RawServer implements AutoCloseable {

    /** One request head as it arrived: its bytes, then its request line and header lines, in order, as sent. */
    record Head(byte[] bytes) {

        private List<String> all() {
            String text = new String(bytes, StandardCharsets.ISO_8859_1);
            return Arrays.asList(text.substring(0, text.length() - 4).split("\r\n", -1));
        }

        String requestLine() {
            return all().get(0);
        }

        /** "Name: value" per line, with the one space HTTP clients write after the colon. */
        List<String> lines() {
            return all().subList(1, all().size());
        }
    }

    private final ServerSocket server;
    private final List<Head> heads = new ArrayList<>();
    private final List<byte[]> bodies = new ArrayList<>();
    private final ExecutorService connections = Executors.newCachedThreadPool(task -> {
        Thread thread = new Thread(task, "raw-server");
        thread.setDaemon(true);
        return thread;
    });

    RawServer() throws IOException {
        server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        connections.submit(this::accept);
    }

    String url() {
        return "http://127.0.0.1:" + server.getLocalPort();
    }

    synchronized List<Head> heads() {
        return List.copyOf(heads);
    }

    /** The body of each request, as its bytes arrived (of its Content-Length), in the order of {@link #heads()}. */
    synchronized List<byte[]> bodies() {
        return List.copyOf(bodies);
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                connections.submit(() -> serve(socket));
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void serve(Socket socket) {
        try (socket) {
            InputStream in = socket.getInputStream();
            OutputStream out = socket.getOutputStream();
            for (byte[] head = readHead(in); head != null; head = readHead(in)) {
                byte[] received = in.readNBytes(contentLength(head));
                synchronized (this) {
                    heads.add(new Head(head));
                    bodies.add(received);
                }
                byte[] body = "{\"data\":[],\"balance\":\"1.00\",\"total_used\":\"0.00\"}".getBytes(StandardCharsets.UTF_8);
                out.write(("HTTP/1.1 200 OK\r\ncontent-type: application/json\r\nx-vercel-id: raw1::iad1::wire-"
                        + System.nanoTime() + "\r\ncontent-length: " + body.length + "\r\n\r\n")
                        .getBytes(StandardCharsets.ISO_8859_1));
                out.write(body);
                out.flush();
            }
        } catch (IOException gone) {
            // The client closed its connection.
        }
    }

    private static byte[] readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        while (matched < 4) {
            int b = in.read();
            if (b < 0) {
                return null;
            }
            head.write(b);
            matched = b == "\r\n\r\n".charAt(matched) ? matched + 1 : b == '\r' ? 1 : 0;
        }
        return head.toByteArray();
    }

    private static int contentLength(byte[] head) {
        for (String line : new String(head, StandardCharsets.ISO_8859_1).split("\r\n")) {
            if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
                return Integer.parseInt(line.substring("content-length:".length()).trim());
            }
        }
        return 0;
    }

    @Override
    public void close() throws IOException {
        server.close();
        connections.shutdownNow();
    }
}
