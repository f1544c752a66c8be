package dev.aigateway.contract.http;

import dev.aigateway.contract.environment.Environment.Secret;
import dev.aigateway.contract.gateway.GatewayProfile;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Replaces every configured secret, in every form it can take on the wire or in a file
 * ({@link SecretForms#patterns}), with a placeholder naming its variable ({@code $AI_GATEWAY_API_KEY}). Credential headers are redacted
 * by name as well, so a key we were never told about is not written either: the headers the gateway's profile says
 * carry its key ({@code credential:}) or a request file's credential ({@code keys.requestHeaders}), and those of
 * HTTP itself and of a provider's own API called directly.
 */
public final class Redactor {

    /** Credential headers of no gateway in particular: cookies, and Anthropic's {@code x-api-key} (a provider called directly). */
    private static final Set<String> ANY_GATEWAY = Set.of("authorization", "x-api-key", "cookie", "set-cookie");

    /** {@code variable}: the one a shell expands {@code placeholder} from ({@code $AI_GATEWAY_API_KEY}), null for "[redacted X]". */
    private record Form(Pattern pattern, String placeholder, String variable) {}

    /**
     * A text redacted, and where the redactor wrote each placeholder a shell expands ({@code $AI_GATEWAY_API_KEY}):
     * everything else in {@code text} is as it was, a {@code $HOME} or a {@code $AI_GATEWAY_API_KEY} the text itself held included.
     */
    public record Redacted(String text, List<Written> placeholders) {}

    /** A placeholder written at char offset {@code at} of a redacted text, for the secret of {@code variable}. */
    public record Written(int at, String variable) {}

    private final List<Form> forms = new ArrayList<>();
    private final List<Pattern> patterns = new ArrayList<>();
    private final Set<String> publicValues;
    private final Set<String> credentialHeaders;

    /** For a run on the gateway of {@code profile}: its credential headers, and its never-issued key shown as is. */
    public Redactor(List<Secret> secrets, GatewayProfile profile) {
        this(secrets, Set.of(profile.keys().notIssued()), List.of(profile));
    }

    /** Before a gateway is known: the credential headers of every profile, and {@code publicValues} shown as is. */
    public Redactor(List<Secret> secrets, Set<String> publicValues) {
        this(secrets, publicValues, GatewayProfile.names().stream().map(GatewayProfile::named).toList());
    }

    private Redactor(List<Secret> secrets, Set<String> publicValues, List<GatewayProfile> profiles) {
        this.publicValues = publicValues;
        Set<String> headers = new TreeSet<>(ANY_GATEWAY);
        for (GatewayProfile profile : profiles) {
            profile.credential().names().forEach(name -> headers.add(name.toLowerCase(Locale.ROOT)));
            profile.keys().requestHeaders().forEach(name -> headers.add(name.toLowerCase(Locale.ROOT)));
        }
        this.credentialHeaders = Set.copyOf(headers);
        List<Secret> longestFirst = new ArrayList<>(secrets);
        longestFirst.sort(Comparator.comparingInt((Secret secret) -> secret.value().length()).reversed());
        for (Secret secret : longestFirst) {
            String placeholder = placeholder(secret.variable());
            String variable = placeholder.startsWith("$") ? secret.variable() : null;
            for (Pattern pattern : SecretForms.patterns(secret.value())) {
                forms.add(new Form(pattern, placeholder, variable));
                patterns.add(pattern);
            }
        }
    }

    public static String placeholder(String variable) {
        return variable.matches("[A-Z_][A-Z0-9_]*") ? "$" + variable : "[redacted " + variable + "]";
    }

    public String redact(String text) {
        return redactNoting(text).text();
    }

    /**
     * As {@link #redact(String)}, saying where it wrote each placeholder. The forms are tried longest secret
     * first, each over the text the ones before it left; only those found in the text at all
     * ({@link SecretForms#matching}, one pass) are run, each tried only where a match can start
     * ({@link SecretForms#matches}): a body of megabytes costs a pass or two, not a regex attempt per character.
     */
    public Redacted redactNoting(String text) {
        if (text == null) {
            return new Redacted(null, List.of());
        }
        BitSet found = SecretForms.matching(patterns, text);
        if (found.isEmpty()) {
            return new Redacted(text, List.of());
        }
        // The text as pieces: literal text (variable null), or a placeholder a shell expands, which no later form reads.
        List<String> pieces = new ArrayList<>(List.of(text));
        List<String> variables = new ArrayList<>();
        variables.add(null);
        for (int i = found.nextSetBit(0); i >= 0; i = found.nextSetBit(i + 1)) {
            Form form = forms.get(i);
            List<String> nextPieces = new ArrayList<>();
            List<String> nextVariables = new ArrayList<>();
            for (int p = 0; p < pieces.size(); p++) {
                String piece = pieces.get(p);
                if (variables.get(p) != null) {
                    nextPieces.add(piece);
                    nextVariables.add(variables.get(p));
                    continue;
                }
                int literalStart = 0;
                for (int[] match : SecretForms.matches(form.pattern(), piece)) {
                    nextPieces.add(piece.substring(literalStart, match[0]));
                    nextVariables.add(null);
                    nextPieces.add(form.placeholder());
                    nextVariables.add(form.variable());
                    literalStart = match[1];
                }
                nextPieces.add(piece.substring(literalStart));
                nextVariables.add(null);
            }
            pieces = nextPieces;
            variables = nextVariables;
        }
        StringBuilder out = new StringBuilder(text.length());
        List<Written> written = new ArrayList<>();
        for (int p = 0; p < pieces.size(); p++) {
            if (variables.get(p) != null) {
                written.add(new Written(out.length(), variables.get(p)));
            }
            out.append(pieces.get(p));
        }
        return new Redacted(out.toString(), List.copyOf(written));
    }

    public String redactHeader(String name, String value) {
        return redactHeaderNoting(name, value).text();
    }

    /** As {@link #redactHeader(String, String)}, saying where it wrote each placeholder. */
    public Redacted redactHeaderNoting(String name, String value) {
        Redacted redacted = redactNoting(value);
        if (!credentialHeaders.contains(name.toLowerCase(Locale.ROOT)) || !redacted.text().equals(value)) {
            return redacted;
        }
        String credential = value.replaceFirst("(?i)^Bearer\\s+", "");
        if (publicValues.contains(credential)) {
            return redacted;
        }
        return new Redacted(value.regionMatches(true, 0, "Bearer ", 0, 7) ? "Bearer [redacted]" : "[redacted]", List.of());
    }
}
