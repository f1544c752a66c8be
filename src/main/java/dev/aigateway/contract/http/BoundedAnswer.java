package dev.aigateway.contract.http;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.zip.GZIPInputStream;
import java.util.zip.Inflater;
import java.util.zip.InflaterInputStream;
import org.apache.http.conn.ConnectionReleaseTrigger;

/**
 * The body of one answer as the HTTP client hands it up: decoded here (gzip, deflate) and at most
 * {@code answerBytes} of it. Past the cap, a plain answer of declared length is read on and discarded until it ends or
 * the exchange's deadline shuts the connection, so its size is known; an encoded one that inflates
 * past the cap is a decompression bomb and its connection is dropped at once. Either way the reader
 * sees the end of the body at the cap, and {@link #cut()} says why. A body that declares no length (a
 * stream) is not read on past the cap: its connection is closed there.
 */
final class BoundedAnswer extends InputStream {

    private final InputStream wire;
    private final String encoding;
    private final long answerBytes;
    private final long declaredLength;
    private final Counted counted;
    private InputStream decoded;
    private long kept;
    private volatile String cut;

    /** {@code encoding}: the answer's Content-Encoding, or null; {@code declaredLength}: its Content-Length, or -1. */
    BoundedAnswer(InputStream wire, String encoding, long declaredLength, long answerBytes) {
        this.declaredLength = declaredLength;
        this.wire = wire;
        this.counted = new Counted(wire);
        this.encoding = encoding == null || encoding.isBlank() || encoding.equalsIgnoreCase("identity")
                ? null : encoding.trim().toLowerCase(Locale.ROOT);
        this.answerBytes = answerBytes;
    }

    /** Why the body was cut short, or null when the reader got all of it. */
    String cut() {
        return cut;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n <= 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        if (cut != null) {
            return -1;
        }
        if (length == 0) {
            return 0;
        }
        InputStream body = decoded();
        if (kept >= answerBytes) {
            if (body.read() < 0) {
                return -1;
            }
            cutOff();
            return -1;
        }
        int n = body.read(buffer, offset, (int) Math.min(length, answerBytes - kept));
        if (n > 0) {
            kept += n;
        }
        return n;
    }

    private InputStream decoded() throws IOException {
        if (decoded == null) {
            decoded = switch (encoding == null ? "" : encoding) {
                case "" -> counted;
                case "gzip", "x-gzip" -> new GZIPInputStream(counted, 8192);
                case "deflate" -> inflating(new BufferedInputStream(counted));
                default -> throw new IOException("the answer is encoded as \"" + encoding
                        + "\", which the run does not decode (it asks for gzip or deflate)");
            };
        }
        return decoded;
    }

    /** Deflate as servers send it: zlib-wrapped as the RFC says, or raw as some do. */
    private static InputStream inflating(BufferedInputStream in) throws IOException {
        in.mark(2);
        int first = in.read();
        int second = in.read();
        in.reset();
        boolean zlib = first >= 0 && second >= 0 && (first & 0x0f) == 8 && ((first << 8) | second) % 31 == 0;
        return new InflaterInputStream(in, new Inflater(!zlib), 8192);
    }

    private void cutOff() {
        long limit = answerBytes;
        if (encoding != null) {
            cut = "a decompression bomb: " + counted.bytes + " bytes of " + encoding + " inflate past " + limit
                    + " bytes (limits.answerBytes), so it was cut there and no further request goes to this host";
            abort();
            return;
        }
        if (declaredLength < 0) {
            // A stream, or a body of no declared length: nothing says it ends, so it is not waited for.
            cut = "larger than limits.answerBytes (" + limit + " bytes), with no length declared: the first " + limit
                    + " were kept and the connection closed";
            abort();
            return;
        }
        byte[] discard = new byte[64 * 1024];
        try {
            while (counted.read(discard, 0, discard.length) >= 0) {
                // Read and let go: only its size is kept.
            }
            cut = "larger than limits.answerBytes (" + limit + " bytes): " + counted.bytes + " bytes arrived in all; the first "
                    + limit + " were kept";
        } catch (IOException stopped) {
            cut = "larger than limits.answerBytes (" + limit + " bytes): at least " + counted.bytes
                    + " bytes arrived before the exchange's deadline; the first " + limit + " were kept";
            abort();
        }
    }

    private void abort() {
        if (wire instanceof ConnectionReleaseTrigger connection) {
            try {
                connection.abortConnection();
            } catch (IOException ignored) {
                // Already gone: nothing more will be read from it.
            }
        }
    }

    @Override
    public void close() throws IOException {
        if (cut != null) {
            abort();
            return;
        }
        wire.close();
    }

    /** The wire's bytes, counted as they are read. */
    private static final class Counted extends InputStream {
        private final InputStream in;
        long bytes;

        Counted(InputStream in) {
            this.in = in;
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            if (b >= 0) {
                bytes++;
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = in.read(buffer, offset, length);
            if (n > 0) {
                bytes += n;
            }
            return n;
        }
    }
}
