package dev.aigateway.contract.diagnosis;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.in;
import static org.hamcrest.Matchers.not;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aigateway.contract.Json;
import dev.aigateway.contract.captured.Captured;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each gateway's captured answers split, per verdict rule: those the rule was written from ({@code role: written-from})
 * and those it is tested on while not written from them ({@code role: held-out}, replayed over a URL by
 * HeldOutReplayTest). Each file names the rule its answer meets ({@code rule}: the id, {@code #n} among the rules of
 * that id), and the diagnosis must select exactly that rule, not another of the same id; a held-out answer's own source
 * (the first URL of its {@code source} that is not in its body) must not be cited by the rule's {@code source} before
 * its "tested on", nor its file named there; and a rule whose answers are all written-from is listed, with why, in
 * captured/without-held-out.yaml.
 */
class CaptureSplitTest {

    private static final Pattern URL = Pattern.compile("https?://[^\\s),;\"'<>]+");
    private final Diagnosis diagnosis = Diagnosis.load();

    static Stream<Arguments> answers() {
        return Captured.GATEWAYS.stream().flatMap(gateway -> Captured.ofGateway(gateway).stream()
                .map(answer -> Arguments.of(gateway, answer.name())));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("answers")
    void eachAnswerNamesTheRuleItMeetsAndWhatItIsToThatRule(String gateway, String name) {
        Captured answer = named(gateway, name);
        Captured.Split split = Captured.split(gateway, name);
        assertThat(name + ": role", split.role(), in(Captured.ROLES));
        assertThat(name + " (" + answer.verdict() + ")", CapturedRuns.ruleMet(diagnosis, gateway, answer), equalTo(split.rule()));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("answers")
    void aHeldOutAnswerIsNotWhatItsRuleWasWrittenFrom(String gateway, String name) {
        Captured.Split split = Captured.split(gateway, name);
        if (!split.role().equals("held-out")) {
            return;
        }
        Captured answer = named(gateway, name);
        String writtenFrom = writtenFrom(rule(split.rule()).source());
        Optional<String> own = ownSource(answer);
        if (own.isPresent()) {
            assertThat(name + " is held out, yet " + split.rule() + " was written from its source", own.get(), not(in(urls(writtenFrom))));
        }
        assertThat(name + " is held out, yet " + split.rule() + " names it among its sources", writtenFrom.contains(name + ".json"), equalTo(false));
    }

    @Test
    void everyRuleWithAnswersIsTestedOnOneItWasNotWrittenFromOrSaysWhyNot() throws IOException {
        JsonNode listed = Json.YAML.readTree(Path.of("src/test/resources/captured/without-held-out.yaml").toFile());
        for (String gateway : Captured.GATEWAYS) {
            Map<String, Set<String>> roles = rolesByRule(gateway);
            Set<String> withoutHeldOut = new TreeSet<>();
            roles.forEach((rule, seen) -> {
                if (!seen.contains("held-out")) {
                    withoutHeldOut.add(rule);
                }
            });
            Set<String> said = new TreeSet<>();
            listed.path(gateway).fieldNames().forEachRemaining(said::add);
            listed.path(gateway).forEach(reason -> assertThat(gateway + ": a reason", reason.asText().isBlank(), equalTo(false)));
            assertThat(gateway + ": the rules without a held-out answer (captured/without-held-out.yaml)", said, equalTo(withoutHeldOut));
        }
    }

    /** What the split holds, per gateway: rules, answers, held out; printed for the report, and the held-out answers at least one per gateway. */
    @Test
    void eachGatewayHoldsOutAnswers() {
        for (String gateway : Captured.GATEWAYS) {
            List<Captured> all = Captured.ofGateway(gateway);
            long heldOut = all.stream().filter(a -> Captured.split(gateway, a.name()).role().equals("held-out")).count();
            long heldOutCaptures = all.stream().filter(Captured::isCapture)
                    .filter(a -> Captured.split(gateway, a.name()).role().equals("held-out")).count();
            Map<String, Set<String>> roles = rolesByRule(gateway);
            long tested = roles.values().stream().filter(seen -> seen.contains("held-out")).count();
            System.out.printf("figures split %s: %d answers (%d captures), %d held out (%d captures); %d rules met, %d tested on a held-out answer%n",
                    gateway, all.size(), all.stream().filter(Captured::isCapture).count(), heldOut, heldOutCaptures, roles.size(), tested);
            assertThat(gateway + " holds out captures", heldOutCaptures > 0, equalTo(true));
        }
    }

    /** Each rule met by a captured answer of {@code gateway}, by name, with the roles its answers have. */
    static Map<String, Set<String>> rolesByRule(String gateway) {
        Map<String, Set<String>> roles = new TreeMap<>();
        for (Captured answer : Captured.ofGateway(gateway)) {
            Captured.Split split = Captured.split(gateway, answer.name());
            roles.computeIfAbsent(split.rule(), r -> new TreeSet<>()).add(split.role());
        }
        return roles;
    }

    private Diagnosis.Rule rule(String name) {
        return diagnosis.verdicts().stream().filter(rule -> diagnosis.nameOf(rule).equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no rule " + name + " in " + Diagnosis.RESOURCE));
    }

    /** A rule's source up to its "tested on": what it was written from. */
    static String writtenFrom(String source) {
        Matcher tested = Pattern.compile("(?i)tested on").matcher(source);
        return tested.find() ? source.substring(0, tested.start()) : source;
    }

    /** The first URL of the answer's source that is not in its body: where the answer itself was published. */
    static Optional<String> ownSource(Captured answer) {
        return urls(answer.source()).stream().filter(url -> !answer.answer().contains(url)).findFirst();
    }

    static List<String> urls(String text) {
        List<String> urls = new ArrayList<>();
        Matcher url = URL.matcher(text);
        while (url.find()) {
            urls.add(url.group().replaceAll("[.:]+$", ""));
        }
        return urls;
    }

    private static Captured named(String gateway, String name) {
        return Captured.ofGateway(gateway).stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow();
    }
}
