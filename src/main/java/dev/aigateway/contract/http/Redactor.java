package dev.aigateway.contract.http;

import dev.aigateway.contract.environment.Environment.Secret;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Replaces every configured secret, in every form it can take on the wire or in a file
 * ({@link SecretForms#patterns}), with a placeholder naming its variable ({@code $AI_GATEWAY_API_KEY}). Credential headers are redacted
 * by name as well, so a key we were never told about is not written either.
 */
public final class Redactor {

    private static final Set<String> CREDENTIAL_HEADERS =
            Set.of("authorization", "x-api-key", "x-ai-gateway-api-key", "cookie", "set-cookie");

    private record Form(Pattern pattern, String placeholder, String variable) {}

    private final List<Form> forms = new ArrayList<>();
    private final Set<String> publicValues;

    public Redactor(List<Secret> secrets, Set<String> publicValues) {
        this.publicValues = publicValues;
        List<Secret> longestFirst = new ArrayList<>(secrets);
        longestFirst.sort(Comparator.comparingInt((Secret secret) -> secret.value().length()).reversed());
        for (Secret secret : longestFirst) {
            String placeholder = Matcher.quoteReplacement(placeholder(secret.variable()));
            // A placeholder a shell expands ($AI_GATEWAY_API_KEY) is noted where it is written; "[redacted X]" is not one.
            String variable = placeholder(secret.variable()).startsWith("$") ? secret.variable() : null;
            for (Pattern pattern : SecretForms.patterns(secret.value())) {
                forms.add(new Form(pattern, placeholder, variable));
            }
        }
    }

    public static String placeholder(String variable) {
        return variable.matches("[A-Z_][A-Z0-9_]*") ? "$" + variable : "[redacted " + variable + "]";
    }

    public String redact(String text) {
        return redact(text, null);
    }

    /** As {@link #redact(String)}, adding to {@code written} (when not null) the variable of each {@code $VAR} placeholder it writes. */
    public String redact(String text, Set<String> written) {
        if (text == null) {
            return null;
        }
        String out = text;
        for (Form form : forms) {
            Matcher matcher = form.pattern().matcher(out);
            if (matcher.find()) {
                out = matcher.replaceAll(form.placeholder());
                if (written != null && form.variable() != null) {
                    written.add(form.variable());
                }
            }
        }
        return out;
    }

    public String redactHeader(String name, String value) {
        return redactHeader(name, value, null);
    }

    /** As {@link #redactHeader(String, String)}, noting in {@code written} the placeholders it writes. */
    public String redactHeader(String name, String value, Set<String> written) {
        String redacted = redact(value, written);
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
