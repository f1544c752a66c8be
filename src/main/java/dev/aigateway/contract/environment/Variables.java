package dev.aigateway.contract.environment;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Resolves {@code ${VAR}} and {@code ${VAR:-default}} in environment values from the process
 * environment, remembering which variable each value came from so that secrets can be named
 * (never shown) later.
 */
final class Variables {

    private static final Pattern REFERENCE = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)(?::-([^}]*))?}");

    private final Function<String, String> lookup;

    Variables(Map<String, String> processEnvironment) {
        this.lookup = processEnvironment::get;
    }

    /** A resolved value and the variables it was read from (empty for a literal). */
    record Resolved(String value, List<String> variables) {}

    /** Thrown when a referenced variable is unset and has no default; carries the variable's name. */
    static final class Unset extends Exception {
        final String variable;

        Unset(String variable) {
            super(variable, null, false, false);
            this.variable = variable;
        }
    }

    /** Thrown when a referenced variable is set to the empty string and has no default. */
    static final class Empty extends Exception {
        final String variable;

        Empty(String variable) {
            super(variable, null, false, false);
            this.variable = variable;
        }
    }

    Resolved resolve(String text) throws Unset, Empty {
        Matcher matcher = REFERENCE.matcher(text);
        StringBuilder out = new StringBuilder();
        List<String> variables = new ArrayList<>();
        while (matcher.find()) {
            String variable = matcher.group(1);
            String value = lookup.apply(variable);
            boolean empty = value != null && value.isEmpty();
            if (value == null || empty) {
                value = matcher.group(2);
            }
            if (value == null && empty) {
                throw new Empty(variable);
            }
            if (value == null) {
                throw new Unset(variable);
            }
            variables.add(variable);
            matcher.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        matcher.appendTail(out);
        return new Resolved(out.toString(), variables);
    }
}
