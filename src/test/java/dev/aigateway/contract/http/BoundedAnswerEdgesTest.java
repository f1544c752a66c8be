package dev.aigateway.contract.http;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.GZIPOutputStream;
import org.apache.http.conn.ConnectionReleaseTrigger;
import org.junit.jupiter.api.Test;

/**
 * The bounded reader's edges: no read goes past the cap however the reads are split, a cut answer reads
 * as ended and its connection is aborted (never reused), an answer read whole is closed as usual, and
 * deflate is read zlib-wrapped or raw.
 */
class BoundedAnswerEdgesTest {

    private static final int CAP = 10;

    @Test
    void noReadGoesPastTheCapHoweverTheReadsAreSplit() throws IOException {
        Wire wire = new Wire(new byte[2 * CAP]);
        BoundedAnswer answer = new BoundedAnswer(wire, null, 2 * CAP, CAP);
        byte[] buffer = new byte[100];
        assertThat(answer.read(buffer, 0, 4), equalTo(4));
        assertThat(answer.read(buffer, 0, 100), equalTo(CAP - 4));
        assertThat(answer.read(buffer, 0, 100), equalTo(-1));
        assertThat(answer.cut(), startsWith("larger than limits.answerBytes (10 bytes): 20 bytes arrived in all"));
        assertThat(answer.read(buffer, 0, 100), equalTo(-1));
        assertThat(answer.read(buffer, 0, 0), equalTo(-1));
    }

    @Test
    void aByteReadAloneIsUnsignedAndTheEndIsMinusOne() throws IOException {
        BoundedAnswer answer = new BoundedAnswer(new ByteArrayInputStream(new byte[] {(byte) 0x80, (byte) 0xff}), null, 2, CAP);
        assertThat(answer.read(), equalTo(0x80));
        assertThat(answer.read(), equalTo(0xff));
        assertThat(answer.read(), equalTo(-1));
        assertThat(answer.read(new byte[1], 0, 0), equalTo(0));
        assertThat(answer.cut(), nullValue());
    }

    @Test
    void aCutAnswersConnectionIsAbortedAndAWholeOneIsClosed() throws IOException {
        Wire endless = new Wire(new byte[3 * CAP]);
        BoundedAnswer noLength = new BoundedAnswer(endless, null, -1, CAP);
        noLength.readAllBytes();
        assertThat(noLength.cut(), startsWith("larger than limits.answerBytes (10 bytes), with no length declared"));
        assertThat(endless.aborted, equalTo(true));
        noLength.close();
        assertThat(endless.closed, equalTo(false));

        Wire bomb = new Wire(gzip(new byte[100 * CAP]));
        BoundedAnswer inflating = new BoundedAnswer(bomb, "GZIP ", bomb.length, CAP);
        assertThat(inflating.readAllBytes().length, equalTo(CAP));
        assertThat(inflating.cut(), startsWith("a decompression bomb: "));
        assertThat(bomb.aborted, equalTo(true));

        Wire whole = new Wire(new byte[CAP]);
        BoundedAnswer read = new BoundedAnswer(whole, "identity", CAP, CAP);
        assertThat(read.readAllBytes().length, equalTo(CAP));
        read.close();
        assertThat(whole.closed, equalTo(true));
        assertThat(whole.aborted, equalTo(false));
    }

    @Test
    void aDeclaredLengthOfZeroIsStillReadToItsEndNotAbandoned() throws IOException {
        Wire wire = new Wire(new byte[3 * CAP]);
        BoundedAnswer answer = new BoundedAnswer(wire, null, 0, CAP);
        answer.readAllBytes();
        assertThat(answer.cut(), startsWith("larger than limits.answerBytes (10 bytes): 30 bytes arrived in all"));
        assertThat(wire.aborted, equalTo(false));
    }

    @Test
    void deflateIsReadZlibWrappedOrRaw() throws IOException {
        byte[] text = "the gateway's answer, deflated".getBytes();
        for (boolean raw : new boolean[] {false, true}) {
            ByteArrayOutputStream deflated = new ByteArrayOutputStream();
            try (DeflaterOutputStream out = new DeflaterOutputStream(deflated, new Deflater(Deflater.DEFAULT_COMPRESSION, raw))) {
                out.write(text);
            }
            BoundedAnswer answer = new BoundedAnswer(new ByteArrayInputStream(deflated.toByteArray()), "deflate", deflated.size(), 1000);
            assertThat("raw " + raw, new String(answer.readAllBytes()), equalTo(new String(text)));
        }
    }

    private static byte[] gzip(byte[] plain) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
            gzip.write(plain);
        }
        return out.toByteArray();
    }

    /** A connection's body, as the HTTP client hands it: it can be aborted (never reused) or closed. */
    private static final class Wire extends ByteArrayInputStream implements ConnectionReleaseTrigger {
        final int length;
        boolean aborted;
        boolean closed;

        Wire(byte[] bytes) {
            super(bytes);
            this.length = bytes.length;
        }

        @Override
        public void releaseConnection() {
            closed = true;
        }

        @Override
        public void abortConnection() {
            aborted = true;
        }

        @Override
        public void close() {
            closed = true;
        }
    }
}
