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
}
