package dev.aigateway.contract.diagnosis;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.containsString;

import dev.aigateway.contract.environment.Environment;
import dev.aigateway.contract.environment.HandMadeEnvironment;
import dev.aigateway.contract.gateway.GatewayProfile;
import dev.aigateway.contract.record.Caller;
import dev.aigateway.contract.record.Exchange;
import dev.aigateway.contract.record.Verdict;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every verdict of {@code diagnosis/verdicts.yaml}, on every gateway profile, reads filled: each
 * {@code {fact}} its title, meaning, next steps and references name is a fact the diagnosis has when it
 * chooses that verdict (of the exchange that selected it, when the verdict cites one; of the environment,
 * the profile's words and the run's scenarios always), so no reader ever sees a {@code {placeholder}}.
 */
class VerdictTextsTest {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z]+)\\}");

    @Test
    void everyFactEveryVerdictNamesIsOneTheDiagnosisHasOnEveryGateway() {
        List<String> unfilled = new ArrayList<>();
        for (String gateway : GatewayProfile.names()) {
            for (Diagnosis.Rule rule : Diagnosis.load().verdicts()) {
                unfilled.addAll(unfilled(rule, environment(gateway)));
            }
        }
        assertThat("placeholders no fact fills", unfilled, empty());
    }

    @Test
    void aVerdictNamingAFactNoGatewayHasIsCaught() {
        Diagnosis.Rule healthy = Diagnosis.load().verdicts().stream().filter(rule -> rule.id().equals("healthy")).findFirst().orElseThrow();
        Diagnosis.Rule typo = new Diagnosis.Rule("healthy", "guess: made up here", healthy.when(), "Healthy on {gatewayTitel}",
                "{held}", List.of(), List.of("Ask {support}, quote {status}."), null);
        assertThat(unfilled(typo, environment(GatewayProfile.defaultName())), equalTo(List.of(
                "vercel, verdict healthy: {gatewayTitel}", "vercel, verdict healthy: {status}")));
    }

    @Test
    void theVerdictsAHealthyAndAnUnexplainedRunGetReadFilledOnEveryGateway() {
        for (String gateway : GatewayProfile.names()) {
            Environment environment = environment(gateway);
            for (int failed : new int[] {0, 1}) {
                Verdict verdict = Diagnosis.load().diagnose(List.of(credits(environment)),
                        new Diagnosis.Scenarios(failed, List.of("A funded team reads its balance"), Map.of(), Map.of(), true), environment);
                String texts = String.join("\n", Stream.concat(Stream.of(verdict.title(), verdict.meaning()),
                        verdict.nextSteps().stream()).toList());
                assertThat(gateway + " " + verdict.id(), texts, not(containsString("{")));
                assertThat(gateway + " " + verdict.id(), verdict.id(), equalTo(failed == 0 ? "healthy" : "unclassified"));
                if (failed == 0) {
                    assertThat(gateway + " " + verdict.id(), texts, containsString("A funded team reads its balance"));
                }
            }
        }
    }

    /** "gateway, verdict id: {name}" for each placeholder of {@code rule}'s texts that no fact fills. */
    private static List<String> unfilled(Diagnosis.Rule rule, Environment environment) {
        Set<String> facts = new HashSet<>(Facts.ofEnvironment(environment).keySet());
        facts.addAll(Diagnosis.Scenarios.failed(0).facts().keySet());
        // An unmatched {message} is dropped.
        facts.add("message");
        boolean citesAnExchange = rule.when().stream().anyMatch(condition -> condition.some() != null || condition.someOf() != null);
        if (citesAnExchange) {
            facts.addAll(Facts.ofRun(List.of(credits(environment)), environment).get(0).keySet());
        }
        List<String> texts = new ArrayList<>(List.of(rule.title(), rule.meaning()));
        texts.addAll(rule.nextSteps() == null ? List.of() : rule.nextSteps());
        texts.addAll(rule.references() == null ? List.of() : rule.references());
        List<String> unfilled = new ArrayList<>();
        for (String text : texts) {
            Matcher placeholder = PLACEHOLDER.matcher(text);
            while (placeholder.find()) {
                if (!facts.contains(placeholder.group(1))) {
                    unfilled.add(environment.profile().name() + ", verdict " + rule.id() + ": " + placeholder.group());
                }
            }
        }
        return unfilled;
    }

    private static Environment environment(String gateway) {
        return HandMadeEnvironment.mine().name(gateway).gateway(gateway).build();
    }

    /** The team's key reading its balance on the gateway's key-check route, answered 200. */
    private static Exchange credits(Environment environment) {
        GatewayProfile profile = environment.profile();
        String path = profile.keyCheckRoute().path();
        return Exchange.builder().sequence(1).scenario("A funded team reads its balance").startedAt(Instant.EPOCH)
                .method("GET").url("https://gateway.example" + path).path(path).status(200)
                .responseHeaders(Map.of("content-type", "application/json", profile.requestId().header(), "id-1"))
                .responseBody("{}").durationMs(10).requestId("id-1").caller(Caller.TEAM_KEY).build();
    }
}
