package dev.aigateway.contract.diagnosis;

import dev.aigateway.contract.environment.Environment;
import dev.aigateway.contract.gateway.GatewayProfile;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where a failed exchange's cause lies, placed by the comparisons the run made, never by the gateway's words:
 * {@code layer} (network, answerer, key, account, model, provider, request, or empty when no comparison places
 * it), {@code placedBy} (one sentence naming the comparison), and {@code contradicts} (a sentence when two
 * comparisons disagree: the key refused exactly as a key never issued, yet served in the same run; the run cannot
 * place the failure, and its verdict is unclassified). It reads the facts of the whole run by name, {@code otherModel}
 * included (the failed probe sent again on another catalog model: served, same, different, or empty when not
 * tried), so it runs once every other fact is known. Each layer has a verdict of its own ({@code some: {layer: NAME}}
 * in {@code diagnosis/verdicts.yaml}) for a failure no other rule names.
 */
final class Layer {

    static final List<String> NAMES = List.of("network", "answerer", "key", "account", "model", "provider", "request");

    private Layer() {}

    /** Puts {@code layer}, {@code placedBy} and {@code contradicts} on every exchange's facts. */
    static void place(List<Map<String, String>> facts, GatewayProfile profile) {
        Run run = new Run(facts, profile);
        for (Map<String, String> fact : facts) {
            fact.putIfAbsent("otherModel", "");
            fact.put("layer", "");
            fact.put("placedBy", "");
            fact.put("contradicts", "");
            boolean failed = failed(fact);
            fact.put("ownFailed", Boolean.toString(failed && own(fact)));
            if (failed) {
                run.place(fact);
            }
        }
    }

    /** No answer, an answer cut short, not a 2xx, a broken stream, or a 2xx that is not the gateway's own JSON. */
    static boolean failed(Map<String, String> fact) {
        boolean stream = fact.get("contentType").startsWith("text/event-stream");
        return !"true".equals(fact.get("answered")) || !"true".equals(fact.get("complete")) || !fact.get("status").startsWith("2")
                || "true".equals(fact.get("streamBroken")) || (!stream && !"true".equals(fact.get("fromGateway")));
    }

    /**
     * One of the run's own exchanges (the team's key on a real model, a probe or the application's request), not a
     * comparison: a key never issued, no key, the provider asked directly, a model that does not exist.
     */
    static boolean own(Map<String, String> fact) {
        return "team-key".equals(fact.get("caller")) && !Environment.Probe.MODEL_THAT_DOES_NOT_EXIST.equals(fact.get("model"));
    }

    /** The comparisons the run offers: the key never issued, the key served, the provider asked directly. */
    private record Run(Optional<Map<String, String>> notIssued, Optional<Map<String, String>> served,
                       Optional<Map<String, String>> providerDirect, List<Map<String, String>> facts, String theGateway,
                       String unknownKeyStatus) {

        /**
         * The key never issued counts only when the gateway refused it as its profile says it refuses such a key
         * ({@code answers.unknownKey}): a gateway that refuses every key alike compares nothing.
         */
        Run(List<Map<String, String>> facts, GatewayProfile profile) {
            this(facts.stream().filter(f -> "not-issued-key".equals(f.get("caller")) && "true".equals(f.get("answered"))
                            && "true".equals(f.get("fromGateway"))
                            && f.get("status").equals(String.valueOf(profile.answers().unknownKey().status()))).findFirst(),
                    facts.stream().filter(f -> "team-key".equals(f.get("caller")) && "true".equals(f.get("answered"))
                            && f.get("status").startsWith("2") && "true".equals(f.get("fromGateway"))).findFirst(),
                    facts.stream().filter(f -> "provider-direct".equals(f.get("caller")) && "true".equals(f.get("answered"))).findFirst(),
                    facts, Facts.ofProfile(profile).getOrDefault("theGateway", profile.title()),
                    String.valueOf(profile.answers().unknownKey().status()));
        }

        void place(Map<String, String> f) {
            if ("provider-direct".equals(f.get("caller"))) {
                // The provider asked directly is a comparison: its answer is never the gateway's own, and places nothing itself.
                return;
            }
            String status = f.get("status");
            String refused = f.get("method") + " " + f.get("path") + " got " + status + words(f);
            // Where the request went and who answered: every caller's answer says it.
            if (!"true".equals(f.get("answered"))) {
                put(f, "network", "true".equals(f.get("neverSent"))
                        ? "no request went out: the connection or its TLS handshake failed (" + f.get("failure") + ")"
                        : "the request went out and no answer came (" + f.get("failure") + ")");
                return;
            }
            if (!f.get("otherGateway").isEmpty()) {
                put(f, "answerer", f.get("method") + " " + f.get("path") + " was answered by " + f.get("otherGateway") + " (its host or its request-id header), not by " + theGateway);
                return;
            }
            if (!f.get("correctedPath").isEmpty() && status.matches("404|405")) {
                put(f, "true".equals(f.get("applicationRequest")) ? "request" : "answerer", f.get("path") + " is no route of " + theGateway
                        + "'s but ends like its route " + f.get("correctedPath") + ": the base URL adds the wrong path"
                        + (f.get("correctedStatus").startsWith("2") ? " (sent once to " + f.get("correctedPath") + ", the same request was served)" : ""));
                return;
            }
            if (!"true".equals(f.get("fromGateway")) && !f.get("contentType").startsWith("text/event-stream")) {
                put(f, "answerer", refused + " in an answer that is not " + theGateway + "'s own (without its request-id header or its JSON)"
                        + (f.get("proxy").isEmpty() ? "" : ", through the proxy " + f.get("proxy")));
                return;
            }
            if (!"true".equals(f.get("complete")) && !f.get("contentType").startsWith("text/event-stream")) {
                put(f, "network", f.get("method") + " " + f.get("path") + " began to answer " + status + " and did not finish (" + f.get("failure") + ")");
                return;
            }
            if (!own(f)) {
                // The comparisons themselves: a key never issued, no key, the provider asked directly, a model that does not exist.
                return;
            }
            // A key never issued refused for its key (401, 403) as the profile says a key never issued is not, and as your
            // key was: the comparison that tells a key from an account cannot be made; the profile and this run disagree.
            Optional<Map<String, String>> refusedAlike = !status.matches("401|403") ? Optional.empty()
                    : facts.stream().filter(n -> "not-issued-key".equals(n.get("caller")) && "true".equals(n.get("answered"))
                            && "true".equals(n.get("fromGateway")) && !n.get("status").equals(unknownKeyStatus)
                            && n.get("status").equals(status) && n.get("path").equals(f.get("path"))).findFirst();
            if (refusedAlike.isPresent()) {
                f.put("contradicts", "a key never issued got " + status + words(refusedAlike.get()) + " on " + f.get("path")
                        + " as your key did, where " + theGateway + " answers a key it never issued " + unknownKeyStatus
                        + ": the run cannot tell your key, or your account, from a key that does not exist");
                return;
            }
            // The key against a key never issued, and against itself elsewhere in the run.
            boolean likeNotIssued = notIssued.isPresent() && !status.startsWith("2")
                    && status.equals(notIssued.get().get("status")) && f.get("type").equals(notIssued.get().get("type"))
                    && f.get("message").equals(notIssued.get().get("message"));
            if (likeNotIssued && served.isPresent()) {
                f.put("contradicts", "your key got " + status + words(f) + " on " + f.get("path") + " exactly as a key never issued did on "
                        + notIssued.get().get("path") + ", yet " + theGateway + " served it on " + servedAt() + " in this run");
                return;
            }
            // Refused everywhere: a provider named on a key check is no provider's refusal.
            if (likeNotIssued || (status.equals("401") && served.isEmpty())) {
                put(f, "key", "your key got " + status + words(f) + (likeNotIssued ? " as a key never issued did (on " + notIssued.get().get("path") + ")" : "")
                        + ", and " + theGateway + " served it nowhere in this run");
                return;
            }
            String trigger = f.get("requestTrigger");
            if (!trigger.isEmpty() && !trigger.equals("model")) {
                put(f, "request", "the variants of your request, each changing one thing, found what the refusal follows (" + trigger + ")");
                return;
            }
            if (!f.get("failedProvider").isEmpty() || !f.get("providerMessage").isEmpty() || !f.get("providerRequestId").isEmpty()) {
                put(f, "provider", refused + ", and the answer " + (!f.get("failedProvider").isEmpty()
                        ? "names " + f.get("failedProvider") + " as the provider that failed"
                        : !f.get("providerRequestId").isEmpty() ? "is the provider's own envelope (its request id " + f.get("providerRequestId") + ")"
                        : "passes on the provider's own words"));
                return;
            }
            if ("true".equals(f.get("byok")) && providerDirect.isPresent()) {
                String direct = providerDirect.get().get("status");
                put(f, direct.startsWith("2") ? "account" : "provider", direct.startsWith("2")
                        ? "the provider served your own provider key directly (" + direct + "), but through " + theGateway + " it got " + status + words(f)
                        : "the provider refused your own provider key directly too (" + direct + "), as it was refused through " + theGateway);
                return;
            }
            if ("served".equals(f.get("otherModel"))) {
                // Answered as a model that does not exist is, on a route another model is served on: the route is served, this model is not.
                put(f, "model", "another catalog model was served where " + f.get("model") + " got " + status + words(f)
                        + ("same".equals(f.get("unknownModelOnRoute")) ? ", the same answer as a model that does not exist got there" : ""));
                return;
            }
            if ("different".equals(f.get("unknownModelOnRoute")) && status.equals("404")) {
                put(f, "model", "on " + f.get("path") + " a model that does not exist got another answer than " + f.get("model")
                        + "'s " + status + ": the route is served, this model is not");
                return;
            }
            if ("same".equals(f.get("unknownModelOnRoute")) && status.matches("404|405")) {
                put(f, "model", "on " + f.get("path") + " a model that does not exist got the same " + status
                        + " as " + f.get("model") + ": the route itself is not served, for any model");
                return;
            }
            if (served.isPresent() && f.get("otherModel").matches("same|different")) {
                put(f, "account", "your key was served on " + servedAt() + ", but " + refused + ", and another catalog model was refused "
                        + ("same".equals(f.get("otherModel")) ? "the same way" : "too"));
                return;
            }
            if (status.equals("401") && served.isPresent()) {
                // The gateway's key check is passed before a request is routed, and no other model was refused alike: a 401
                // after it refuses a credential behind it.
                put(f, "provider", "your key was served on " + servedAt() + " in this run, so the 401" + words(f) + " on " + f.get("path")
                        + " refuses a credential behind " + theGateway + "'s key check (a provider's key, your own provider key), not your key");
                return;
            }
            // A probe is the smallest request there is: a refusal of it (not of its path or its model) speaks of the account.
            String accountStatus = "true".equals(f.get("applicationRequest")) ? "402|403|429" : "400|402|403|409|422|429";
            if (notIssued.isPresent() && status.matches(accountStatus) && !(status + words(f)).equals(notIssued.get().get("status") + words(notIssued.get()))) {
                put(f, "account", "your key got " + status + words(f) + " where a key never issued got " + notIssued.get().get("status")
                        + words(notIssued.get()) + (served.isPresent() ? ", and it was served on " + servedAt() : ""));
                return;
            }
            if (served.isPresent() && status.matches("402|403|429") && !"true".equals(f.get("applicationRequest"))) {
                put(f, "account", "your key was served on " + servedAt() + ", but " + refused);
                return;
            }
            Optional<Map<String, String>> probeHere = facts.stream().filter(p -> own(p) && !"true".equals(p.get("applicationRequest"))
                    && p.get("path").equals(f.get("path")) && p.get("model").equals(f.get("model")) && p.get("status").startsWith("2")
                    && "true".equals(p.get("fromGateway"))).findFirst();
            if ("true".equals(f.get("applicationRequest")) && probeHere.isPresent() && status.matches("4\\d\\d")
                    && !status.matches("402|403|429")) {
                // The probe on the same route and model was served: the key, the account, the route and the model serve; what
                // differs is the request (a refusal of its size or rate, 402, 403 or 429, may still be the account's: left to
                // the rules below). On another model, the model may be the cause: only the variants tell.
                put(f, "request", "the probe on " + f.get("path") + " was served (" + probeHere.get().get("status") + ", "
                        + probeHere.get().get("model") + "), and your application's request there, on the same model, got " + status + words(f));
                return;
            }
            if ("true".equals(f.get("applicationRequest")) && served.isPresent()) {
                // No layer: the probes and the request differ in more than one thing; only the variants tell which.
                f.put("placedBy", "the probes were served (" + servedAt() + "), and your application's request got " + status + words(f));
            } else if (status.startsWith("5")) {
                f.put("placedBy", theGateway + " answered " + status + " itself, in its own envelope and naming no provider that failed");
            } else if ("true".equals(f.get("streamBroken"))) {
                f.put("placedBy", f.get("method") + " " + f.get("path") + " began its stream with 200, which then " + f.get("streamProblem"));
            }
        }

        private String servedAt() {
            return served.map(s -> s.get("method") + " " + s.get("path") + " (" + s.get("status") + ")").orElse("");
        }

        private static String words(Map<String, String> f) {
            return f.get("type").isEmpty() ? "" : " " + f.get("type");
        }

        private static void put(Map<String, String> f, String layer, String placedBy) {
            f.put("layer", layer);
            f.put("placedBy", placedBy);
        }
    }
}
