package dev.aigateway.contract.http;

import dev.aigateway.contract.environment.Environment.Secret;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Replaces every configured secret, in every form it can take on the wire or in a file, with a
 * placeholder naming its variable ({@code $AI_GATEWAY_API_KEY}). Credential headers are redacted
 * by name as well, so a key we were never told about is not written either.
 */
public final class Redactor {

    private static final Set<String> CREDENTIAL_HEADERS =
            Set.of("authorization", "x-api-key", "x-ai-gateway-api-key", "cookie", "set-cookie");

    private record Form(String text, String placeholder) {}

    private final List<Form> forms = new ArrayList<>();
    private final Set<String> publicValues;

    public Redactor(List<Secret> secrets, Set<String> publicValues) {
        this.publicValues = publicValues;
        for (Secret secret : secrets) {
            String placeholder = placeholder(secret.variable());
            for (String form : forms(secret.value())) {
                forms.add(new Form(form, placeholder));
            }
        }
        forms.sort(Comparator.comparingInt((Form form) -> form.text().length()).reversed());
    }

    /** Every form a secret value can take in what we write: raw, URL-encoded, JSON-escaped, base64. */
    public static List<String> forms(String value) {
        List<String> forms = new ArrayList<>();
        forms.add(value);
        forms.add(URLEncoder.encode(value, StandardCharsets.UTF_8));
        forms.add(value.replace("\\", "\\\\").replace("\"", "\\\"").replace("/", "\\/"));
        forms.add(Base64.getEncoder().encodeToString(value.getBytes(StandardCharsets.UTF_8)));
        forms.add(Base64.getEncoder().encodeToString(("Bearer " + value).getBytes(StandardCharsets.UTF_8)));
        if (value.length() > 16) {
            forms.add(value.substring(8));
        }
        return forms.stream().distinct().filter(form -> form.length() >= 6).toList();
    }

    public static String placeholder(String variable) {
        return variable.matches("[A-Z_][A-Z0-9_]*") ? "$" + variable : "[redacted " + variable + "]";
    }

    public String redact(String text) {
        if (text == null) {
            return null;
        }
        String out = text;
        for (Form form : forms) {
            out = out.replace(form.text(), form.placeholder());
        }
        return out;
    }

    public String redactHeader(String name, String value) {
        String redacted = redact(value);
        if (!CREDENTIAL_HEADERS.contains(name.toLowerCase(Locale.ROOT)) || !redacted.equals(value)) {
            return redacted;
        }
        String credential = value.replaceFirst("(?i)^Bearer\\s+", "");
        if (publicValues.contains(credential)) {
            return value;
        }
        return value.regionMatches(true, 0, "Bearer ", 0, 7) ? "Bearer [redacted]" : "[redacted]";
    }
}
