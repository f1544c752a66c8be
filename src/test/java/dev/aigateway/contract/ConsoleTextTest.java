package dev.aigateway.contract;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ConsoleTextTest {

    @Test
    void controlCharactersAreShownEscapedAndNothingReachesTheTerminalAsACommand() {
        assertThat(ConsoleText.safe("Forbidden.\u001b[31m red\u001b[0m nul:\u0000 bell:\u0007 csi:\u009b2J del:\u007f"),
                equalTo("Forbidden.\\x1b[31m red\\x1b[0m nul:\\x00 bell:\\x07 csi:\\u009b2J del:\\x7f"));
        assertThat(ConsoleText.safe("\u001b]8;;https://evil.example\u001b\\click"), equalTo("\\x1b]8;;https://evil.example\\x1b\\click"));
        assertThat(ConsoleText.safe("abc\u202edcba"), equalTo("abc\\u202edcba"));
    }

    @Test
    void bytesThatAreNotUtf8AreOneReplacementCharacterEachAndTextStaysAsItWas() {
        String decoded = new String(new byte[] {'o', 'k', (byte) 0xff, (byte) 0xc3, ' '}, StandardCharsets.UTF_8);
        assertThat(ConsoleText.safe(decoded), equalTo("ok\uFFFD\uFFFD "));
        assertThat(ConsoleText.safe("lone \ud800 surrogate"), equalTo("lone \uFFFD surrogate"));
        assertThat(ConsoleText.safe("Insufficient funds.\tTop up: https://vercel.com/… 😀 é"),
                equalTo("Insufficient funds.\tTop up: https://vercel.com/… 😀 é"));
    }
}
