package dev.aigateway.contract.http;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.containsString;

import dev.aigateway.contract.environment.Environment.Secret;
import dev.aigateway.contract.gateway.GatewayProfile;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RedactorTest {

    private static final String KEY = "vck_sim_healthy_S3CRET/+x";
    private static final GatewayProfile VERCEL = GatewayProfile.named("vercel");
    private static final String NOT_ISSUED_KEY = VERCEL.keys().notIssued();
    private final Redactor redactor = new Redactor(List.of(new Secret("AI_GATEWAY_API_KEY", KEY)), VERCEL);

    @Test
    void replacesEveryFormOfASecretWithItsVariable() {
        String text = String.join(" | ", KEY,
                URLEncoder.encode(KEY, StandardCharsets.UTF_8),
                KEY.replace("/", "\\/"),
                Base64.getEncoder().encodeToString(KEY.getBytes(StandardCharsets.UTF_8)),
                Base64.getEncoder().encodeToString(("Bearer " + KEY).getBytes(StandardCharsets.UTF_8)),
                KEY.substring(8));
        String redacted = redactor.redact(text);
        assertThat(redacted, not(containsString("S3CRET")));
        assertThat(redacted, not(containsString(Base64.getEncoder().encodeToString(KEY.getBytes(StandardCharsets.UTF_8)))));
        assertThat(redacted, containsString("$AI_GATEWAY_API_KEY"));
    }

    @Test
    void credentialHeadersAreRedactedEvenForKeysItWasNotTold() {
        assertThat(redactor.redactHeader("Authorization", "Bearer vck_someone_elses"), equalTo("Bearer [redacted]"));
        assertThat(redactor.redactHeader("x-api-key", "sk-ant-123"), equalTo("[redacted]"));
        assertThat(redactor.redactHeader("Authorization", "Bearer " + KEY), equalTo("Bearer $AI_GATEWAY_API_KEY"));
    }

    @Test
    void thePublicProbeKeyAndOtherHeadersStayReadable() {
        assertThat(redactor.redactHeader("Authorization", "Bearer " + NOT_ISSUED_KEY),
                equalTo("Bearer " + NOT_ISSUED_KEY));
        assertThat(redactor.redactHeader("x-vercel-id", "sim1::iad1::abcde-1-0a"), equalTo("sim1::iad1::abcde-1-0a"));
    }

    @Test
    void aKeyInsideALongerBase64TextIsFoundAtEveryByteOffset() {
        for (String prefix : List.of("", "x", "xy", "Authorization: Bearer ", "GET /v1/credits HTTP/1.1\r\nAuthorization: Bearer ")) {
            String dump = Base64.getEncoder().encodeToString((prefix + KEY + "\r\nHost: gateway\r\n").getBytes(StandardCharsets.UTF_8));
            String urlSafe = Base64.getUrlEncoder().encodeToString((prefix + KEY + "!").getBytes(StandardCharsets.UTF_8));
            String redacted = redactor.redact("dump=" + dump + " url=" + urlSafe);
            assertThat(prefix, redacted, containsString("$AI_GATEWAY_API_KEY"));
            assertThat(prefix, new String(Base64.getMimeDecoder().decode(redacted.replaceAll(".*dump=([^ ]*).*", "$1")
                    .replaceAll("[^A-Za-z0-9+/]", "A")), StandardCharsets.UTF_8), not(containsString("S3CRET")));
        }
    }

    @Test
    void aKeyEscapedInAnyMixOfJsonAndUrlStylesIsFound() {
        for (String echoed : List.of(
                KEY.replace("/", "\\/"),
                KEY.replace("/", "\\u002F").replace("+", "\\u002b"),
                KEY.replace("/", "\\\\/"),
                KEY.replace("_", "\\u005f").replace("/", "%2f"),
                KEY + "\n")) {
            assertThat(echoed, redactor.redact("{\"error\":\"" + echoed + "\"}"), not(containsString("S3CRET")));
        }
    }

    @Test
    void aKeyExportedWithItsNewlineIsFoundTrimmedToo() {
        Redactor withNewline = new Redactor(List.of(new Secret("AI_GATEWAY_API_KEY", KEY + "\n")), Set.of());
        assertThat(withNewline.redact("echo: " + KEY + " sent"), equalTo("echo: $AI_GATEWAY_API_KEY sent"));
    }

    /**
     * The redacted text is what applying every form's {@code replaceAll} in turn gives, and the redactor says
     * where it wrote each placeholder: never where the text itself held {@code $AI_GATEWAY_API_KEY} or {@code $HOME}.
     */
    @Test
    void saysWhereItWroteEachPlaceholderAndNowhereElse() {
        String other = "sk-ant-api03-FAKEother0123456789";
        Redactor two = new Redactor(List.of(new Secret("AI_GATEWAY_API_KEY", KEY), new Secret("ANTHROPIC_API_KEY", other)), Set.of());
        String text = "$AI_GATEWAY_API_KEY said " + KEY + " at $HOME, then " + URLEncoder.encode(KEY, StandardCharsets.UTF_8)
                + "x" + other + KEY.replace("/", "\\/") + " and $ANTHROPIC_API_KEY_NOT " + KEY.substring(8) + ".";
        String sequential = text;
        for (Secret secret : List.of(new Secret("ANTHROPIC_API_KEY", other), new Secret("AI_GATEWAY_API_KEY", KEY))) {
            for (java.util.regex.Pattern form : SecretForms.patterns(secret.value())) {
                sequential = form.matcher(sequential).replaceAll(java.util.regex.Matcher.quoteReplacement("$" + secret.variable()));
            }
        }
        Redactor.Redacted redacted = two.redactNoting(text);

        assertThat(redacted.text(), equalTo(sequential));
        assertThat(redacted.text(), equalTo(two.redact(text)));
        List<String> written = redacted.placeholders().stream()
                .map(placeholder -> placeholder.variable() + "@" + placeholder.at()).toList();
        String out = redacted.text();
        int said = out.indexOf("said ") + 5;
        int then = out.indexOf("then ") + 5;
        int x = out.indexOf("x$ANTHROPIC_API_KEY") + 1;
        assertThat(written, equalTo(List.of("AI_GATEWAY_API_KEY@" + said, "AI_GATEWAY_API_KEY@" + then,
                "ANTHROPIC_API_KEY@" + x, "AI_GATEWAY_API_KEY@" + (x + "$ANTHROPIC_API_KEY".length()),
                "AI_GATEWAY_API_KEY@" + (out.lastIndexOf(" ") + 1))));
        redacted.placeholders().forEach(placeholder ->
                assertThat(out.startsWith("$" + placeholder.variable(), placeholder.at()), equalTo(true)));
    }
}
