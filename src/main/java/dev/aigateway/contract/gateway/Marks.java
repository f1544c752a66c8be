package dev.aigateway.contract.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aigateway.contract.DataFiles;
import dev.aigateway.contract.Json;
import dev.aigateway.contract.record.Exchange;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The marks each gateway leaves on an answer ({@code gateways/marks.yaml}): headers, a refusal of its own told by its
 * body, and whether it relays the answers of a gateway behind it. An answer that carries the marks of two gateways
 * came through both: the one that relays is in front, and the other answered.
 */
public final class Marks {

    /** One gateway's marks; {@code title} how it is named. */
    public record Gateway(String name, String title, List<String> headers, String refusalAt, Pattern refusalMatches,
                          boolean relays) {

        /** True when {@code exchange}'s answer carries one of its headers, not blank. */
        boolean inHeaders(Exchange exchange) {
            return exchange.responseHeaders() != null && exchange.responseHeaders().entrySet().stream()
                    .anyMatch(header -> header.getValue() != null && !header.getValue().isBlank()
                            && headers.stream().anyMatch(header.getKey()::equalsIgnoreCase));
        }

        /** True when {@code exchange}'s answer is a refusal of its own, by its body. */
        boolean refusedItself(Exchange exchange) {
            if (refusalAt == null || exchange.status() == null || exchange.status() < 400 || exchange.responseBody() == null) {
                return false;
            }
            try {
                JsonNode at = Json.DATA.readTree(exchange.responseBody()).at(refusalAt);
                return at.isValueNode() && refusalMatches.matcher(at.asText()).matches();
            } catch (java.io.IOException | RuntimeException notJson) {
                return false;
            }
        }
    }

    /**
     * Who answered {@code exchange}: {@code answered} the gateway whose answer it is, {@code relayedBy} the one in
     * front that passed it on (null when none did); {@code own} when its body is a refusal of the gateway's own.
     */
    public record Answer(Gateway answered, Gateway relayedBy, boolean own) {}

    private static volatile List<Gateway> loaded;

    private Marks() {}

    /** Every gateway's marks, in the file's order. */
    public static List<Gateway> all() {
        List<Gateway> gateways = loaded;
        if (gateways == null) {
            gateways = load();
            loaded = gateways;
        }
        return gateways;
    }

    /** The gateway named {@code name}. */
    public static Optional<Gateway> named(String name) {
        return all().stream().filter(gateway -> gateway.name().equals(name)).findFirst();
    }

    /**
     * Who answered {@code exchange}, as its marks tell; empty when it carries none (no answer, or another host's).
     * A gateway's own refusal wins; else a gateway that does not relay, relayed by one that does when that one's
     * marks are there too; else the relaying gateway alone.
     */
    public static Optional<Answer> of(Exchange exchange) {
        if (!exchange.answered()) {
            return Optional.empty();
        }
        for (Gateway gateway : all()) {
            if (gateway.refusedItself(exchange)) {
                return Optional.of(new Answer(gateway, null, true));
            }
        }
        List<Gateway> marked = all().stream().filter(gateway -> gateway.inHeaders(exchange)).toList();
        Gateway relay = marked.stream().filter(Gateway::relays).findFirst().orElse(null);
        Optional<Gateway> inner = marked.stream().filter(gateway -> !gateway.relays()).findFirst();
        if (inner.isPresent()) {
            return Optional.of(new Answer(inner.get(), relay, false));
        }
        return relay == null ? Optional.empty() : Optional.of(new Answer(relay, null, false));
    }

    private static List<Gateway> load() {
        JsonNode file = DataFiles.read("gateways/marks.yaml");
        List<Gateway> gateways = new ArrayList<>();
        Set<String> profiles = new LinkedHashSet<>(GatewayProfile.names());
        Set<String> listed = new LinkedHashSet<>();
        for (JsonNode entry : file.path("gateways")) {
            String name = entry.path("name").asText();
            listed.add(name);
            GatewayProfile profile = profiles.contains(name) ? GatewayProfile.named(name) : null;
            List<String> headers = new ArrayList<>();
            entry.path("headers").forEach(header -> headers.add(header.asText()));
            if (headers.isEmpty() && profile != null) {
                headers.addAll(headersOf(profile));
            }
            String title = entry.hasNonNull("title") ? entry.path("title").asText() : profile == null ? name : profile.title();
            JsonNode refusal = entry.path("ownRefusal");
            gateways.add(new Gateway(name, title, List.copyOf(headers), refusal.hasNonNull("at") ? refusal.path("at").asText() : null,
                    refusal.hasNonNull("matches") ? Pattern.compile(refusal.path("matches").asText()) : null,
                    entry.path("relays").asBoolean(false)));
        }
        // A profile the file does not list: its own headers are its marks; it relays none.
        for (String name : profiles) {
            if (!listed.contains(name)) {
                GatewayProfile profile = GatewayProfile.named(name);
                gateways.add(new Gateway(name, profile.title(), headersOf(profile), null, null, false));
            }
        }
        return List.copyOf(gateways);
    }

    /** A profile's own headers: its request id's, its own answers', its generation id's, those it has. */
    private static List<String> headersOf(GatewayProfile profile) {
        Set<String> own = new LinkedHashSet<>();
        if (profile.requestId() != null && profile.requestId().header() != null) {
            own.add(profile.requestId().header());
        }
        if (profile.ownAnswer() != null && profile.ownAnswer().header() != null) {
            own.add(profile.ownAnswer().header());
        }
        if (profile.generationId() != null && profile.generationId().header() != null) {
            own.add(profile.generationId().header());
        }
        return List.copyOf(own);
    }
}
