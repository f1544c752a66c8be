package dev.aigateway.contract.diagnosis;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.core.JsonProcessingException;
import dev.aigateway.contract.DataFiles;
import dev.aigateway.contract.Json;
import dev.aigateway.contract.environment.Environment;
import dev.aigateway.contract.record.Exchange;
import dev.aigateway.contract.record.Verdict;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Chooses a run's verdict from what the gateway answered, by the rules of
 * {@code diagnosis/verdicts.yaml}: the first verdict, most specific first, whose every condition
 * holds over the run's exchanges.
 */
public final class Diagnosis {

    public static final String RESOURCE = "diagnosis/verdicts.yaml";

    @JsonIgnoreProperties(ignoreUnknown = false)
    record Condition(Map<String, String> some, List<Map<String, String>> someOf, Map<String, String> none,
                     Integer failedScenarios, Boolean complete, Boolean inference, Map<String, String> environment) {}

    /**
     * What the diagnosis reads of the scenarios: how many failed, the names of those that held, and,
     * by name with its reason, those the environment's settings left out ({@code notApplicable}) and
     * those the run itself could not carry out ({@code notCarriedOut}: spend cap, deadline, a lost
     * answer, a silent host); {@code inference} is true when a billable scenario ({@code @billable}:
     * one that asks a model for inference) held, false when none did (the environment left them all out).
     */
    public record Scenarios(int failed, List<String> held, Map<String, String> notApplicable,
                            Map<String, String> notCarriedOut, boolean inference, Map<String, String> failedChecks) {

        /** At most this many characters of a failed check's message are quoted in a verdict. */
        static final int CHECK_CHARS = 300;

        /** Without the failed scenarios' own messages: by name, with the first words of what their check found. */
        public Scenarios(int failed, List<String> held, Map<String, String> notApplicable,
                         Map<String, String> notCarriedOut, boolean inference) {
            this(failed, held, notApplicable, notCarriedOut, inference, Map.of());
        }

        /** Only a count of failed scenarios: every other scenario, inference included, held or was never asked for. */
        public static Scenarios failed(int failed) {
            return new Scenarios(failed, List.of(), Map.of(), Map.of(), true);
        }

        /**
         * Run-level facts a verdict's text may name: {held}, {notApplicable}, {notCarriedOut}, {notCarriedOutCount},
         * {failedChecks} (each failed scenario by name, with the start of what its check found).
         */
        Map<String, String> facts() {
            Map<String, String> facts = new java.util.HashMap<>();
            facts.put("held", held.isEmpty() ? "none" : String.join("; ", held));
            facts.put("notApplicable", notApplicable.isEmpty() ? ""
                    : " Not applicable here, so this run shows nothing of them: " + byReason(notApplicable) + ".");
            facts.put("notCarriedOut", byReason(notCarriedOut));
            facts.put("notCarriedOutCount", Integer.toString(notCarriedOut.size()));
            List<String> checks = new ArrayList<>();
            failedChecks.forEach((name, message) -> checks.add("\"" + name + "\"" + (message == null || message.isBlank() ? ""
                    : ": " + shortened(message.strip().replaceAll("\\s+", " ")))));
            facts.put("failedChecks", checks.isEmpty() ? "the failed scenario's own check" : String.join("; ", checks));
            return facts;
        }

        private static String shortened(String message) {
            return message.length() <= CHECK_CHARS ? message : message.substring(0, CHECK_CHARS) + " …";
        }

        /** "A; B (reason one); C (reason two)": scenarios grouped under the reason they share. */
        private static String byReason(Map<String, String> scenarios) {
            Map<String, List<String>> grouped = new java.util.LinkedHashMap<>();
            scenarios.forEach((name, reason) -> grouped.computeIfAbsent(reason, r -> new ArrayList<>()).add(name));
            List<String> parts = new ArrayList<>();
            grouped.forEach((reason, names) -> parts.add(String.join("; ", names) + (reason.isBlank() ? "" : " (" + reason + ")")));
            return String.join("; ", parts);
        }
    }

    /**
     * Holds when an exchange matches {@code some}, or one of {@code someOf} (the first of them that
     * any exchange matches, in their order of preference), which is the one cited; and, if given,
     * another exchange matches {@code also}.
     */
    record Check(Map<String, String> some, List<Map<String, String>> someOf, Map<String, String> also, String says) {}

    /**
     * One verdict as written in the data file; {@code source} says where its evidence comes from; {@code placedBy},
     * for a verdict no exchange places (one read from the environment), names what placed it instead.
     */
    public record Rule(String id, String source, List<Condition> when, String title, String meaning,
                       List<String> rulesOut, List<String> nextSteps, List<String> references, String placedBy) {

        public Rule(String id, String source, List<Condition> when, String title, String meaning,
                    List<String> rulesOut, List<String> nextSteps, List<String> references) {
            this(id, source, when, title, meaning, rulesOut, nextSteps, references, null);
        }
    }

    record Rules(Map<String, Check> checks, List<Rule> verdicts) {}

    private final Rules rules;

    private Diagnosis(Rules rules) {
        this.rules = rules;
    }

    public static Diagnosis load() {
        try {
            return new Diagnosis(Json.DATA.treeToValue(DataFiles.read(RESOURCE), Rules.class));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(RESOURCE + " does not hold checks and verdicts: " + e.getOriginalMessage(), e);
        }
    }

    /** Every verdict the rules can give, in the order they are tried. */
    public List<Rule> verdicts() {
        return rules.verdicts();
    }

    public Verdict diagnose(List<Exchange> exchanges, int failedScenarios, Environment environment) {
        return diagnose(exchanges, Scenarios.failed(failedScenarios), environment);
    }

    public Verdict diagnose(List<Exchange> exchanges, Scenarios scenarios, Environment environment) {
        return choose(exchanges, Facts.ofRun(exchanges, environment), scenarios, environment);
    }

    /** The verdict of {@code exchanges} read as {@code facts} (one map for each, in their order). */
    Verdict choose(List<Exchange> exchanges, List<Map<String, String>> facts, Scenarios scenarios, Environment environment) {
        Map<String, String> setting = Facts.ofEnvironment(environment);
        for (Rule rule : rules.verdicts()) {
            List<Integer> evidence = new ArrayList<>();
            if (rule.when().stream().allMatch(condition -> holds(condition, exchanges, facts, scenarios, evidence)
                    && (condition.environment() == null || matches(condition.environment(), setting)))) {
                Map<String, String> cited = new java.util.HashMap<>(setting);
                cited.putAll(scenarios.facts());
                if (!evidence.isEmpty()) {
                    cited.putAll(facts.get(indexOf(exchanges, evidence.get(0))));
                }
                String placedBy = placedBy(rule, cited);
                return new Verdict(rule.id(), fill(rule.title(), cited),
                        fill(rule.meaning().strip(), cited) + (placedBy.isEmpty() ? "" : " Placed by: " + placedBy + "."),
                        ruledOut(rule, exchanges, facts, environment.profile()), fill(rule.nextSteps(), cited),
                        fill(rule.references(), cited), evidence);
            }
        }
        throw new IllegalStateException(RESOURCE + " must end with a verdict that always holds (answer-off-contract, then unplaced)");
    }

    /**
     * The rule that gives the run its verdict: the first whose every condition holds, as {@link #diagnose} tries them
     * (the tests that name which rule a captured answer meets read it).
     */
    public Rule ruleOf(List<Exchange> exchanges, Scenarios scenarios, Environment environment) {
        List<Map<String, String>> facts = Facts.ofRun(exchanges, environment);
        Map<String, String> setting = Facts.ofEnvironment(environment);
        return rules.verdicts().stream().filter(rule -> rule.when().stream().allMatch(condition
                        -> holds(condition, exchanges, facts, scenarios, new ArrayList<>())
                        && (condition.environment() == null || matches(condition.environment(), setting))))
                .findFirst().orElseThrow(() -> new IllegalStateException(RESOURCE + " must end with a verdict that always holds"));
    }

    /**
     * The name the tests and the verdicts page give a rule: its id, then, when several rules give that id, its place
     * among them in the order they are tried ({@code quota-exceeded#3}).
     */
    public String nameOf(Rule rule) {
        List<Rule> same = rules.verdicts().stream().filter(other -> other.id().equals(rule.id())).toList();
        int place = java.util.stream.IntStream.range(0, same.size()).filter(i -> same.get(i) == rule).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("not a rule of " + RESOURCE + ": " + rule.id()));
        return same.size() == 1 ? rule.id() : rule.id() + "#" + (place + 1);
    }

    /**
     * The comparison that placed the verdict, in one sentence: the {@code placedBy} fact of the exchange that selected
     * it (see {@link Layer}), else the rule's own {@code placedBy}, else "" (a healthy run, nothing to place).
     */
    static String placedBy(Rule rule, Map<String, String> cited) {
        String placed = cited.getOrDefault("placedBy", "");
        if (placed.isEmpty() && rule.placedBy() != null) {
            placed = fill(rule.placedBy().strip(), cited);
        }
        return placed;
    }

    /**
     * The text with each {fact} replaced by that fact of the exchange that selected the verdict ({message},
     * {failedProvider}, {location}, ...) or of the environment ({tokenExpiresAt}); an unmatched {message} is dropped.
     */
    private static String fill(String text, Map<String, String> facts) {
        String filled = text;
        for (Map.Entry<String, String> fact : facts.entrySet()) {
            filled = filled.replace("{" + fact.getKey() + "}", fact.getValue());
        }
        return filled.replace("{message}", "");
    }

    private static List<String> fill(List<String> texts, Map<String, String> facts) {
        return texts == null ? null : texts.stream().map(text -> fill(text, facts)).toList();
    }

    private static int indexOf(List<Exchange> exchanges, int sequence) {
        for (int i = 0; i < exchanges.size(); i++) {
            if (exchanges.get(i).sequence() == sequence) {
                return i;
            }
        }
        throw new IllegalStateException("no exchange #" + sequence);
    }

    private static boolean holds(Condition condition, List<Exchange> exchanges, List<Map<String, String>> facts,
                                 Scenarios scenarios, List<Integer> evidence) {
        if (condition.failedScenarios() != null && condition.failedScenarios() != scenarios.failed()) {
            return false;
        }
        if (condition.complete() != null && condition.complete() != scenarios.notCarriedOut().isEmpty()) {
            return false;
        }
        if (condition.inference() != null && condition.inference() != scenarios.inference()) {
            return false;
        }
        if (condition.some() != null) {
            Optional<Integer> match = firstMatch(condition.some(), exchanges, facts);
            if (match.isEmpty()) {
                return false;
            }
            evidence.add(match.get());
        }
        if (condition.someOf() != null) {
            Optional<Integer> match = condition.someOf().stream().map(patterns -> firstMatch(patterns, exchanges, facts))
                    .flatMap(Optional::stream).findFirst();
            if (match.isEmpty()) {
                return false;
            }
            evidence.add(match.get());
        }
        return condition.none() == null || firstMatch(condition.none(), exchanges, facts).isEmpty();
    }

    private static boolean matches(Map<String, String> patterns, Map<String, String> fact) {
        return patterns.entrySet().stream().allMatch(pattern -> {
            String value = fact.get(pattern.getKey());
            if (value == null) {
                throw new IllegalStateException(RESOURCE + ": no fact named \"" + pattern.getKey() + "\"");
            }
            return Pattern.compile(pattern.getValue(), Pattern.DOTALL).matcher(value).matches();
        });
    }

    /** The sequence number of the first exchange whose facts match every pattern in full. */
    private static Optional<Integer> firstMatch(Map<String, String> patterns, List<Exchange> exchanges,
                                                List<Map<String, String>> facts) {
        for (int i = 0; i < facts.size(); i++) {
            Map<String, String> fact = facts.get(i);
            boolean all = patterns.entrySet().stream().allMatch(pattern -> {
                String value = fact.get(pattern.getKey());
                if (value == null) {
                    throw new IllegalStateException(RESOURCE + ": no fact named \"" + pattern.getKey() + "\"");
                }
                return Pattern.compile(pattern.getValue(), Pattern.DOTALL).matcher(value).matches();
            });
            if (all) {
                return Optional.of(exchanges.get(i).sequence());
            }
        }
        return Optional.empty();
    }

    private List<Verdict.RuledOut> ruledOut(Rule rule, List<Exchange> exchanges, List<Map<String, String>> facts,
                                            dev.aigateway.contract.gateway.GatewayProfile profile) {
        List<Verdict.RuledOut> ruledOut = new ArrayList<>();
        for (String id : rule.rulesOut()) {
            Check check = rules.checks().get(id);
            if (check == null) {
                throw new IllegalStateException(RESOURCE + ": verdict " + rule.id() + " lists unknown check " + id);
            }
            if ((check.some() == null) == (check.someOf() == null)) {
                throw new IllegalStateException(RESOURCE + ": check " + id + " needs either some or someOf");
            }
            if (check.also() != null && firstMatch(check.also(), exchanges, facts).isEmpty()) {
                continue;
            }
            Optional<Integer> shown = check.some() != null ? firstMatch(check.some(), exchanges, facts)
                    : check.someOf().stream().map(patterns -> firstMatch(patterns, exchanges, facts)).flatMap(Optional::stream).findFirst();
            shown.ifPresent(sequence -> {
                Exchange cited = exchanges.stream().filter(e -> e.sequence() == sequence).findFirst().orElseThrow();
                ruledOut.add(new Verdict.RuledOut(fill(check.says(), facts.get(indexOf(exchanges, sequence))), sequence,
                        cite(cited, profile)));
            });
        }
        return ruledOut;
    }

    /** "#3 GET /v1/credits: 403 access_denied, " then the request id under the name the gateway of {@code profile} gives its header. */
    public static String cite(Exchange exchange, dev.aigateway.contract.gateway.GatewayProfile profile) {
        return "#" + exchange.sequence() + " " + exchange.method() + " " + exchange.path() + ": "
                + (exchange.answered() ? exchange.status() + (exchange.errorType() == null ? "" : " " + exchange.errorType())
                : exchange.failure())
                + (exchange.requestId() == null ? "" : ", " + profile.requestId().header() + " " + exchange.requestId());
    }
}
