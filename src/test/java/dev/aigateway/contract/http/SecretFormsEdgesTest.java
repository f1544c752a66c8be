package dev.aigateway.contract.http;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;

import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The edges of the forms a secret is looked for in: the shortest secret and tail kept, the URL, JSON and
 * Unicode escapings each present, and the one-pass search finding a form whose first character is escaped,
 * percent-encoded, or outside one byte, as the regex engine does, and nothing past the text's end.
 */
class SecretFormsEdgesTest {

    @Test
    void eightCharactersAreASecretSevenAreNot() {
        assertThat(SecretForms.of("FAKE1234"), hasItem("FAKE1234"));
        assertThat(SecretForms.of("FAKE123"), not(hasItem("FAKE123")));
        assertThat(SecretForms.patterns("FAKE1234").stream().anyMatch(p -> SecretForms.find(p, "x FAKE1234 y")), equalTo(true));
    }

    @Test
    void theTailAfterAPrefixIsAFormOnlyOfASecretLongerThan16() {
        String sixteen = "sk-FAKE-abcdefgh";
        String seventeen = "sk-FAKE-abcdefghi";
        assertThat(SecretForms.of(sixteen), not(hasItem("abcdefgh")));
        assertThat(SecretForms.of(seventeen), hasItem("abcdefghi"));
        assertThat(SecretForms.patterns(sixteen).stream().anyMatch(p -> SecretForms.find(p, "tail abcdefgh only")), equalTo(false));
        assertThat(SecretForms.patterns(seventeen).stream().anyMatch(p -> SecretForms.find(p, "tail abcdefghi only")), equalTo(true));
    }

    @Test
    void urlJsonAndUnicodeEscapingsAreEachAForm() {
        List<String> forms = SecretForms.of("sk/FAKE \"é+1");
        assertThat(forms, hasItems(
                "sk%2FFAKE+%22%C3%A9%2B1", "sk%2FFAKE%20%22%C3%A9%2B1", "sk%2fFAKE+%22%c3%a9%2b1",
                "sk/FAKE \\\"é+1", "sk\\/FAKE \\\"é+1", "sk/FAKE \\\"\\u00e9+1", "sk/FAKE \\\"\\u00E9+1",
                "sk\\/FAKE \\\"\\u00e9+1",
                "sk\\u002fFAKE\\u0020\\u0022\\u00e9\\u002b1", "sk\\u002FFAKE\\u0020\\u0022\\u00E9\\u002B1"));
        assertThat(SecretForms.of("FAKE\u0001abcd"), hasItem("FAKE\\u0001abcd"));
        // Printable ASCII (space to ~) stays itself where only the rest is escaped.
        assertThat(SecretForms.of("FAKE~a/bcd"), not(hasItem("FAKE\\u007ea/bcd")));
        assertThat(SecretForms.of("FAKE a/bcd"), not(hasItem("FAKE\\u0020a/bcd")));
        assertThat(SecretForms.of("FAKE~a/bcd"), hasItem("FAKE\\u007ea\\u002fbcd"));
    }

    @Test
    void base64CoresSkipAPayloadTooShortForAWholeGroup() {
        assertThat(SecretForms.base64Cores("ab"), empty());
        // Three offsets, each as standard and URL-safe Base64.
        assertThat(SecretForms.base64Cores("Bearer sk-FAKE-abcdefgh").size(), equalTo(6));
    }

    @Test
    void aFormWhoseFirstCharacterIsEscapedIsFoundAsTheRegexEngineFindsIt() {
        for (String secret : List.of("sk-FAKE-abcdefgh", "/FAKE-slash-1234", "%FAKE-percent-12", "\\FAKE-backslash-1", "\u0100FAKE-wide-1234")) {
            Pattern whole = SecretForms.patterns(secret).get(0);
            String first = secret.substring(0, 1);
            String rest = secret.substring(1);
            for (String text : List.of(
                    "x " + secret + " y",
                    "x \\u" + String.format("%04x", (int) secret.charAt(0)) + rest + " y",
                    "x \\\\U" + String.format("%04X", (int) secret.charAt(0)) + rest + " y",
                    "x \\" + first + rest + " y",
                    "x %" + String.format("%02x", (int) secret.charAt(0)) + rest + " y",
                    "x %" + String.format("%02X", (int) secret.charAt(0)) + rest,
                    "not here \u0100 at all %7",
                    "ends with its first character " + first,
                    "ends with a backslash \\",
                    secret.substring(0, 8))) {
                assertThat(secret + " in " + text, SecretForms.find(whole, text), equalTo(whole.matcher(text).find()));
            }
            assertThat(secret, SecretForms.find(whole, "x \\u" + String.format("%04x", (int) secret.charAt(0)) + rest), equalTo(true));
        }
    }
}
