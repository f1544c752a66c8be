package dev.aigateway.contract.http;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

/** The one reader every answer passes: decoded, at most the cap kept, and why it was cut. */
class BoundedAnswerTest {

    private static final int CAP = 64 * 1024;

    @Test
    void anAnswerWithinTheCapIsReadWholeAndDecoded() throws IOException {
        byte[] json = "{\"balance\":\"5.00\"}".getBytes(StandardCharsets.UTF_8);
        for (String encoding : new String[] {null, "gzip", "deflate", "deflate-raw"}) {
            byte[] wire = encoding == null ? json : encode(json, encoding);
            BoundedAnswer answer = new BoundedAnswer(new ByteArrayInputStream(wire),
                    encoding == null ? null : encoding.replace("-raw", ""), wire.length, CAP);
            assertThat(String.valueOf(encoding), answer.readAllBytes(), equalTo(json));
            assertThat(answer.cut(), nullValue());
        }
    }

    @Test
    void aGzipAnswerThatInflatesPastTheCapIsCutThereAsADecompressionBomb() throws IOException {
        byte[] bomb = encode(new byte[64 * CAP], "gzip");
        BoundedAnswer answer = new BoundedAnswer(new ByteArrayInputStream(bomb), "gzip", bomb.length, CAP);
        assertThat(answer.readAllBytes().length, equalTo(CAP));
        assertThat(answer.cut(), startsWith("a decompression bomb: "));
        assertThat(answer.read(), equalTo(-1));
    }

    @Test
    void aPlainAnswerOverTheCapKeepsTheCapAndCountsTheRest() throws IOException {
        BoundedAnswer answer = new BoundedAnswer(new ByteArrayInputStream(new byte[3 * CAP]), null, 3 * CAP, CAP);
        assertThat(answer.readAllBytes().length, equalTo(CAP));
        assertThat(answer.cut(), equalTo("larger than limits.answerBytes (65536 bytes): 196608 bytes arrived in all; the first 65536 were kept"));
    }

    @Test
    void anAnswerOfNoDeclaredLengthIsNotWaitedForPastTheCap() throws IOException {
        InputStream endless = new InputStream() {
            @Override
            public int read() {
                return 'x';
            }
        };
        BoundedAnswer answer = new BoundedAnswer(endless, null, -1, CAP);
        assertThat(answer.readAllBytes().length, equalTo(CAP));
        assertThat(answer.cut(), startsWith("larger than limits.answerBytes (65536 bytes), with no length declared"));
    }

    @Test
    void anAnswerOfExactlyTheCapIsNotCut() throws IOException {
        BoundedAnswer answer = new BoundedAnswer(new ByteArrayInputStream(new byte[CAP]), null, CAP, CAP);
        assertThat(answer.readAllBytes().length, equalTo(CAP));
        assertThat(answer.cut(), nullValue());
    }

    private static byte[] encode(byte[] plain, String encoding) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (var encoder = switch (encoding) {
            case "gzip" -> new GZIPOutputStream(out);
            case "deflate" -> new DeflaterOutputStream(out);
            default -> new DeflaterOutputStream(out, new Deflater(Deflater.DEFAULT_COMPRESSION, true));
        }) {
            encoder.write(plain);
        }
        return out.toByteArray();
    }
}
