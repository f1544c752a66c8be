package dev.aigateway.contract.http;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The scan's quick {@link SecretForms#find} answers as {@code Matcher.find} does, for every form, present or not. */
class SecretFormsFindTest {

    @Test
    void findAgreesWithTheRegexEngineOnEveryFormInNoisyText() {
        Random random = new Random(12);
        String noise = "ab%2F\\\\u0041\\/%%\\\"{}:=+/_-0123456789 xyzVCK_";
        for (String secret : List.of("vck_sim_healthy_Abc123xyz", "sk-ant-sim/valid+demo=", "/starts-with/slash_1234")) {
            List<String> texts = new ArrayList<>();
            for (String form : SecretForms.of(secret)) {
                texts.add(noisy(random, noise) + form + noisy(random, noise));
            }
            for (int i = 0; i < 50; i++) {
                texts.add(noisy(random, noise) + secret.substring(0, 6 + random.nextInt(6)) + noisy(random, noise));
            }
            int found = 0;
            for (Pattern pattern : SecretForms.patterns(secret)) {
                for (String text : texts) {
                    boolean expected = pattern.matcher(text).find();
                    assertThat(pattern + " in " + text, SecretForms.find(pattern, text), equalTo(expected));
                    found += expected ? 1 : 0;
                }
            }
            assertThat("some texts hold a form of " + secret, found > 0, equalTo(true));
        }
    }

    private static String noisy(Random random, String alphabet) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 40; i++) {
            text.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return text.toString();
    }

    @Test
    void matchingAllFormsInOnePassAgreesWithTheRegexEngineOnEscapedMixes() {
        Random random = new Random(34);
        String noise = "ab%2f%2F\\\\u0076\\U005F\\/%%\\\"{}:=+/_-0123456789 vck_sk-";
        List<Pattern> patterns = new ArrayList<>(SecretForms.patterns("vck_sim_healthy_Abc123xyz"));
        patterns.addAll(SecretForms.patterns("sk-ant-sim/valid+demo="));
        List<String> texts = new ArrayList<>();
        List<String> whole = new ArrayList<>();
        for (String secret : List.of("vck_sim_healthy_Abc123xyz", "sk-ant-sim/valid+demo=")) {
            List<String> plain = new ArrayList<>(List.of(secret, secret.substring(8)));
            plain.addAll(SecretForms.base64Cores("Bearer " + secret));
            for (String form : plain) {
                whole.add(noisy(random, noise) + escapedAnyWay(random, form) + noisy(random, noise));
                texts.add(noisy(random, noise) + escapedAnyWay(random, form.substring(0, form.length() - 1)) + noisy(random, noise));
            }
        }
        for (int i = 0; i < 200; i++) {
            texts.add(noisy(random, noise) + noisy(random, noise));
        }
        texts.addAll(whole);
        for (String text : texts) {
            java.util.BitSet matching = SecretForms.matching(patterns, text);
            for (int i = 0; i < patterns.size(); i++) {
                boolean expected = patterns.get(i).matcher(text).find();
                assertThat(patterns.get(i) + " in " + text, matching.get(i), equalTo(expected));
            }
        }
        for (String text : whole) {
            assertThat("a whole form, escaped any way, is found: " + text, SecretForms.matching(patterns, text).isEmpty(), equalTo(false));
        }
    }

    /** Each character as itself (behind backslashes unless a letter or digit), as a u escape or as %XX, picked at random. */
    private static String escapedAnyWay(Random random, String form) {
        StringBuilder text = new StringBuilder();
        for (char c : form.toCharArray()) {
            String hex4 = String.format("%04x", (int) c);
            String hex2 = String.format("%02x", (int) c);
            switch (random.nextInt(4)) {
                case 0 -> text.append("\\".repeat(1 + random.nextInt(2))).append(random.nextBoolean() ? 'u' : 'U')
                        .append(random.nextBoolean() ? hex4 : hex4.toUpperCase());
                case 1 -> text.append('%').append(random.nextBoolean() ? hex2 : hex2.toUpperCase());
                case 2 -> text.append(Character.isLetterOrDigit(c) ? "" : "\\".repeat(random.nextInt(3))).append(c);
                default -> text.append(c);
            }
        }
        return text.toString();
    }
}
