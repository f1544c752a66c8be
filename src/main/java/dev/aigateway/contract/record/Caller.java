package dev.aigateway.contract.record;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * Who a request claimed to be. {@link #id()} is how run records, the evidence and the diagnosis's facts
 * name it (the verdict rules match these words), so it never changes; {@link #words()} is how the
 * summary says it to a person.
 */
public enum Caller {
    TEAM_KEY("team-key", "team's key"),
    NOT_ISSUED_KEY("not-issued-key", "unknown key"),
    NO_KEY("no-key", "no key"),
    PROVIDER_DIRECT("provider-direct", "provider, directly");

    private final String id;
    private final String words;

    Caller(String id, String words) {
        this.id = id;
        this.words = words;
    }

    @JsonValue
    public String id() {
        return id;
    }

    public String words() {
        return words;
    }

    /** The caller {@code id} names, as run records write it; an id no version wrote is an error. */
    @JsonCreator
    public static Caller of(String id) {
        for (Caller caller : values()) {
            if (caller.id.equals(id)) {
                return caller;
            }
        }
        throw new IllegalArgumentException("no caller is named " + id);
    }

    /** The id, so that a caller reads in text as it does in run records. */
    @Override
    public String toString() {
        return id;
    }
}
