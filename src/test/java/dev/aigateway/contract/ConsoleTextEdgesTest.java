package dev.aigateway.contract;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import org.junit.jupiter.api.Test;

/** The edges of what ConsoleText escapes: each end of each range, a surrogate at the text's end, and no text at all. */
class ConsoleTextEdgesTest {

    @Test
    void eachEndOfEachEscapedRangeIsEscapedAndItsNeighboursAreNot() {
        assertThat(ConsoleText.safe("\u001f \u007e\u007f"), equalTo("\\x1f ~\\x7f"));
        assertThat(ConsoleText.safe("\u0080\u009f\u00a0"), equalTo("\\u0080\\u009f\u00a0"));
        assertThat(ConsoleText.safe("\u2029\u202a\u202e\u202f"), equalTo("\u2029\\u202a\\u202e\u202f"));
        assertThat(ConsoleText.safe("\u2065\u2066\u2069\u206a"), equalTo("\u2065\\u2066\\u2069\u206a"));
        assertThat(ConsoleText.safe("\u200d\u200e\u200f\u2010\u061b\u061c\u061d"), equalTo("\u200d\\u200e\\u200f\u2010\u061b\\u061c\u061d"));
    }

    @Test
    void aHighSurrogateAtTheEndIsOneReplacementCharacterAndNoTextStaysNone() {
        assertThat(ConsoleText.safe("ends \ud83d"), equalTo("ends \uFFFD"));
        assertThat(ConsoleText.safe("\ud83d"), equalTo("\uFFFD"));
        assertThat(ConsoleText.safe("pair \ud83d\ude00"), equalTo("pair \ud83d\ude00"));
        assertThat(ConsoleText.safe(null), nullValue());
        assertThat(ConsoleText.safe(""), equalTo(""));
    }
}
