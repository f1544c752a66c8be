package dev.aigateway.contract.evidence;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aigateway.contract.Json;
import dev.aigateway.contract.gateway.Marks;
import dev.aigateway.contract.record.Caller;
import dev.aigateway.contract.record.Exchange;
import dev.aigateway.contract.record.RunRecord;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Gateways in a chain (an application, then Portkey, then Vercel): when the run's answers carry the marks of a gateway
 * that relays another's ({@code gateways/marks.yaml}), which gateways answered, the one in front first, and which one
 * refused: the gateway behind, its answer relayed, or the one in front, itself. Empty for a run through one gateway.
 *
 * @param gateways the gateways, the one in front first
 * @param refusals the refusals that tell who refused (the team key's, else every one), each with who answered it
 */
public record Chain(List<Marks.Gateway> gateways, List<Refusal> refusals) {

    /**
     * A refusal: exchange {@code sequence}, its {@code status}, the gateway that {@code answered} it and the one that
     * relayed it (or null); {@code own} when its body is a refusal of that gateway's own.
     */
    public record Refusal(int sequence, int status, Marks.Gateway answered, Marks.Gateway relayedBy, boolean own) {}

    public static Optional<Chain> of(RunRecord run) {
        Map<Exchange, Marks.Answer> answers = new LinkedHashMap<>();
        for (Exchange exchange : run.exchanges()) {
            if (exchange.caller() != Caller.PROVIDER_DIRECT) {
                Marks.of(exchange).ifPresent(answer -> answers.put(exchange, answer));
            }
        }
        Set<Marks.Gateway> front = new LinkedHashSet<>();
        Set<Marks.Gateway> behind = new LinkedHashSet<>();
        for (Marks.Answer answer : answers.values()) {
            if (answer.relayedBy() != null) {
                front.add(answer.relayedBy());
            }
            (answer.answered().relays() ? front : behind).add(answer.answered());
        }
        if (front.isEmpty()) {
            return Optional.empty();
        }
        if (behind.isEmpty()) {
            // Nothing of the gateway behind came through: the one the environment targets is named as behind.
            Marks.named(run.gateway()).filter(gateway -> !front.contains(gateway)).ifPresent(behind::add);
        }
        List<Marks.Gateway> gateways = new ArrayList<>(front);
        gateways.addAll(behind);
        if (gateways.size() < 2) {
            return Optional.empty();
        }
        List<Map.Entry<Exchange, Marks.Answer>> refused = answers.entrySet().stream()
                .filter(entry -> entry.getKey().status() != null && entry.getKey().status() >= 400).toList();
        List<Map.Entry<Exchange, Marks.Answer>> teamKey = refused.stream()
                .filter(entry -> entry.getKey().caller() == Caller.TEAM_KEY).toList();
        List<Refusal> refusals = (teamKey.isEmpty() ? refused : teamKey).stream()
                .map(entry -> new Refusal(entry.getKey().sequence(), entry.getKey().status(), entry.getValue().answered(),
                        entry.getValue().relayedBy(), entry.getValue().own())).toList();
        return Optional.of(new Chain(List.copyOf(gateways), refusals));
    }

    /** The gateways that refused, in the order of their first refusal. */
    public List<Marks.Gateway> refusedBy() {
        return refusals.stream().map(Refusal::answered).distinct().toList();
    }

    /**
     * One sentence: the gateways, the one in front first, and who refused ("Vercel AI Gateway refused (#4, #5: 403),
     * its answers relayed by Portkey ...", "Portkey ... refused itself (#1: 400), before Vercel AI Gateway").
     */
    public String sentence() {
        String chain = gateways.stream().map(Marks.Gateway::title).collect(Collectors.joining(" in front of "));
        if (refusals.isEmpty()) {
            return chain + ": neither refused.";
        }
        List<String> parts = new ArrayList<>();
        for (Marks.Gateway refuser : refusedBy()) {
            List<Refusal> its = refusals.stream().filter(refusal -> refusal.answered().equals(refuser)).toList();
            String which = its.stream().map(refusal -> "#" + refusal.sequence()).limit(6).collect(Collectors.joining(", "))
                    + (its.size() > 6 ? ", ..." : "") + ": " + its.stream().map(refusal -> String.valueOf(refusal.status()))
                    .distinct().collect(Collectors.joining(", "));
            Marks.Gateway relay = its.stream().map(Refusal::relayedBy).filter(java.util.Objects::nonNull).findFirst().orElse(null);
            if (relay != null) {
                parts.add(refuser.title() + " refused (" + which + "), its answers relayed by " + relay.title());
            } else if (its.stream().allMatch(Refusal::own)) {
                parts.add(refuser.title() + " refused itself (" + which + "), before " + gateways.get(gateways.size() - 1).title()
                        + " was asked");
            } else if (refuser.relays()) {
                // Its marks alone: what it passed on (a page wrapped, a failed connection) carries none of the one behind.
                parts.add(refuser.title() + " answered (" + which + ") with no mark of " + gateways.get(gateways.size() - 1).title());
            } else {
                parts.add(refuser.title() + " refused (" + which + ")");
            }
        }
        return chain + ": " + String.join("; ", parts) + ".";
    }

    /** verdict.json's {@code chain}: the gateways (the one in front first), who refused, and each refusal. */
    public ObjectNode json() {
        ObjectNode json = Json.DATA.createObjectNode();
        gateways.forEach(gateway -> json.withArray("gateways").add(gateway.name()));
        refusedBy().forEach(gateway -> json.withArray("refusedBy").add(gateway.name()));
        json.putArray("refusals");
        refusals.forEach(refusal -> json.withArray("refusals").addObject().put("exchange", refusal.sequence())
                .put("status", refusal.status()).put("answeredBy", refusal.answered().name())
                .put("relayedBy", refusal.relayedBy() == null ? null : refusal.relayedBy().name()).put("own", refusal.own()));
        json.put("says", sentence());
        return json;
    }
}
