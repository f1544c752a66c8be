package dev.aigateway.contract.hostile;

import static dev.aigateway.contract.hostile.MisbehavingServer.gatewayAnswer;
import static dev.aigateway.contract.hostile.MisbehavingServer.write;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.GZIPOutputStream;

/**
 * Answers built to exhaust the client that reads them, each generated while it is sent (none is
 * ever held whole in memory): a gzip bomb, a 400 MiB catalog, a stream without end, JSON nested
 * 200,000 deep, and a refusal whose message carries terminal escapes, a NUL and bytes that are not
 * UTF-8. Every answer carries Vercel's headers, so the run cannot tell them from the gateway by those.
 */
final class OversizedAnswers {

    static final long GIB = 1024L * 1024 * 1024;
    static final long MIB = 1024L * 1024;

    private OversizedAnswers() {}

    /** Every request: 200, {@code content-encoding: gzip}, about 8 MiB of gzip that inflate to 8 GiB of JSON-looking zeros. */
    static MisbehavingServer.Behaviour gzipBomb() {
        return (request, out, socket) -> {
            write(out, "HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-encoding: gzip\r\n"
                    + "x-vercel-id: hst1::iad1::bomb\r\nconnection: close\r\n\r\n");
            byte[] zeros = new byte[1024 * 1024];
            try (GZIPOutputStream gzip = new GZIPOutputStream(out, 64 * 1024)) {
                for (long sent = 0; sent < 8 * GIB; sent += zeros.length) {
                    gzip.write(zeros);
                }
            }
            socket.close();
        };
    }

    /** The public catalog as 400 MiB of valid JSON (content-length known); the team's key refused with 403 elsewhere. */
    static MisbehavingServer.Behaviour hugeCatalog() {
        return (request, out, socket) -> {
            if (!request.target().startsWith("/v1/models")) {
                refuseTheTeam(request, out, "Forbidden.");
                return;
            }
            long size = 400 * MIB;
            byte[] head = "{\"object\":\"list\",\"data\":[{\"id\":\"openai/gpt-4o-mini\",\"object\":\"model\"}"
                    .getBytes(StandardCharsets.US_ASCII);
            byte[] entry = ",{\"id\":\"openai/gpt-4o-mini-0000\",\"object\":\"model\"}".getBytes(StandardCharsets.US_ASCII);
            byte[] tail = "]}".getBytes(StandardCharsets.US_ASCII);
            write(out, "HTTP/1.1 200 OK\r\ncontent-type: application/json\r\nx-vercel-id: hst1::iad1::huge\r\n"
                    + "content-length: " + size + "\r\n\r\n");
            byte[] batch = new byte[entry.length * 1024];
            for (int i = 0; i < 1024; i++) {
                System.arraycopy(entry, 0, batch, i * entry.length, entry.length);
            }
            out.write(head);
            long left = size - head.length - tail.length;
            while (left >= batch.length) {
                out.write(batch);
                left -= batch.length;
            }
            byte[] spaces = new byte[(int) left];
            Arrays.fill(spaces, (byte) ' ');
            out.write(spaces);
            out.write(tail);
            out.flush();
        };
    }

    /** Inference answers 200 and streams chunks without end (never data: [DONE]); the rest answers as the gateway does. */
    static MisbehavingServer.Behaviour endlessStream(String key) {
        return (request, out, socket) -> {
            if (!request.method().equals("POST")) {
                new HalfAGateway(key).answer(request, out, socket);
                return;
            }
            write(out, "HTTP/1.1 200 OK\r\ncontent-type: text/event-stream\r\nx-vercel-id: hst1::iad1::endless\r\n"
                    + "connection: close\r\n\r\n");
            byte[] chunk = "data: {\"id\":\"gen_01JZ0000000000000000000000\",\"choices\":[{\"delta\":{\"content\":\"more \"}}]}\n\n"
                    .getBytes(StandardCharsets.US_ASCII);
            byte[] batch = new byte[chunk.length * 512];
            for (int i = 0; i < 512; i++) {
                System.arraycopy(chunk, 0, batch, i * chunk.length, chunk.length);
            }
            while (true) {
                out.write(batch);
            }
        };
    }

    /** Every request: 200 with a JSON array nested 200,000 deep (valid JSON, 400 KB). */
    static MisbehavingServer.Behaviour deepJson() {
        return (request, out, socket) -> {
            int depth = 200_000;
            write(out, "HTTP/1.1 200 OK\r\ncontent-type: application/json\r\nx-vercel-id: hst1::iad1::deep\r\n"
                    + "content-length: " + (2 * depth) + "\r\n\r\n");
            byte[] open = new byte[depth];
            byte[] close = new byte[depth];
            Arrays.fill(open, (byte) '[');
            Arrays.fill(close, (byte) ']');
            out.write(open);
            out.write(close);
            out.flush();
        };
    }

    /**
     * The gateway's refusals, word for word but for the message: red text and a reset, a window title
     * and a hyperlink (OSC), a NUL, and three bytes that are not UTF-8. The team's key gets 403
     * access_denied on every route, a key the gateway never issued 401.
     */
    static MisbehavingServer.Behaviour escapesInTheMessage(String key) {
        return (request, out, socket) -> {
            if (("Bearer " + key).equals(request.headers().get("authorization"))) {
                refuseTheTeam(request, out, HOSTILE_MESSAGE);
            } else if (request.target().startsWith("/v1/models")) {
                write(out, gatewayAnswer(200, "{\"object\":\"list\",\"data\":[]}"));
            } else {
                answerBytes(out, 401, "{\"error\":{\"message\":\"" + HOSTILE_MESSAGE + "\",\"type\":\"authentication_error\"}}");
            }
        };
    }

    /** In JSON's own escapes (\u001b, \u0000), plus raw bytes that are not UTF-8 (written as ISO-8859-1). */
    static final String HOSTILE_MESSAGE = "Forbidden.\\u001b[31m RED\\u001b[0m nul:\\u0000 bad:\u00ff\u00fe\u00c3 csi:\\u009b2J"
            + "\\u001b]0;pwned\\u0007\\u001b]8;;https://evil.example\\u001b\\\\click\\u001b]8;;\\u001b\\\\ end";
    private static void refuseTheTeam(MisbehavingServer.Request request, OutputStream out, String message) throws IOException {
        answerBytes(out, 403, "{\"error\":{\"message\":\"" + message + "\",\"type\":\"access_denied\"}}");
    }

    /** A gateway answer whose body is written byte for byte as ISO-8859-1, so a char above 0x7f is one raw byte. */
    private static void answerBytes(OutputStream out, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.ISO_8859_1);
        out.write(("HTTP/1.1 " + status + " X\r\ncontent-type: application/json\r\nserver: Vercel\r\n"
                + "x-vercel-id: hst1::iad1::escapes-" + System.nanoTime() + "\r\ncontent-length: " + bytes.length + "\r\n\r\n")
                .getBytes(StandardCharsets.ISO_8859_1));
        out.write(bytes);
        out.flush();
    }
}
