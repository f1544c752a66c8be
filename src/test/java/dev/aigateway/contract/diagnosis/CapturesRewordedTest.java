package dev.aigateway.contract.diagnosis;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.aigateway.contract.Json;
import dev.aigateway.contract.captured.Captured;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each captured answer of each gateway with its message in other words: the same status, the same fields, the
 * gateway's (and a provider's passed-through) words replaced by a hand-written paraphrase
 * (src/test/resources/captured/reworded.yaml, per answer: {@code words}, each old text and its paraphrase). The run
 * that meets it must get the same verdict as the run that meets the answer as captured, unless the entry says
 * {@code wordDependent} (why the words are all that tell that verdict) and {@code fallsTo} (the verdict the rewording
 * gets instead, which must differ: a listed answer whose rewording holds must leave the list), and then the rewording
 * must stay in the same layer of failure (the {@code layer} fact of the exchange that selected each verdict). An answer with no
 * words at all (no body, no message) says so in {@code noWords}, and must have none.
 */
class CapturesRewordedTest {

    private static final JsonNode REWORDED = read();
    private final Diagnosis diagnosis = Diagnosis.load();

    static Stream<Arguments> answers() {
        return Captured.GATEWAYS.stream().flatMap(gateway -> Captured.ofGateway(gateway).stream()
                .map(answer -> Arguments.of(gateway, answer.name())));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("answers")
    void anAnswerInOtherWordsKeepsItsVerdictUnlessItsWordsAreAllThatTellIt(String gateway, String name) {
        Captured answer = Captured.ofGateway(gateway).stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow();
        JsonNode entry = REWORDED.path(gateway).path(name);
        assertThat(gateway + " " + name + " has an entry in captured/reworded.yaml", entry.isObject(), equalTo(true));
        java.util.List<dev.aigateway.contract.record.Exchange> captured = CapturedRuns.runMeeting(gateway, answer);
        dev.aigateway.contract.record.Verdict capturedVerdict = diagnosis.diagnose(captured, 1, CapturedRuns.environment(gateway));
        String asCaptured = capturedVerdict.id();
        assertThat(name + " as captured", asCaptured, equalTo(answer.verdict()));
        if (entry.has("noWords")) {
            assertThat(name + " says it has no words, yet its message is", message(gateway, answer), equalTo(""));
            return;
        }
        Captured reworded = reword(answer, entry.path("words"));
        assertThat(name + ": the rewording changed nothing", reworded.answer(), not(equalTo(answer.answer())));
        java.util.List<dev.aigateway.contract.record.Exchange> run = CapturedRuns.runMeeting(gateway, reworded);
        dev.aigateway.contract.record.Verdict rewordedVerdict = diagnosis.diagnose(run, 1, CapturedRuns.environment(gateway));
        String verdict = rewordedVerdict.id();
        if (entry.has("wordDependent")) {
            assertThat(name + " is listed as word-dependent, yet its rewording keeps " + asCaptured, verdict, not(equalTo(asCaptured)));
            assertThat(name + " reworded (" + entry.path("wordDependent").asText() + ")", verdict, equalTo(entry.path("fallsTo").asText()));
            // The words refine a verdict; the layer the comparisons place it in stays.
            assertThat(name + " reworded: the layer", layer(gateway, run, rewordedVerdict), equalTo(layer(gateway, captured, capturedVerdict)));
        } else {
            assertThat(name + " reworded: " + reworded.answer(), verdict, equalTo(asCaptured));
        }
    }

    @Test
    void everyEntryNamesACapturedAnswerAndTheCountsAreShown() {
        for (String gateway : Captured.GATEWAYS) {
            Set<String> names = new TreeSet<>();
            Captured.ofGateway(gateway).forEach(answer -> names.add(answer.name()));
            Set<String> entries = new TreeSet<>();
            REWORDED.path(gateway).fieldNames().forEachRemaining(entries::add);
            assertThat(gateway + ": the entries of captured/reworded.yaml", entries, equalTo(names));
            long noWords = count(gateway, "noWords");
            long dependent = count(gateway, "wordDependent");
            System.out.printf("figures reworded %s: %d answers, %d with no words, %d keep their verdict reworded, %d word-dependent%n",
                    gateway, names.size(), noWords, names.size() - noWords - dependent, dependent);
        }
    }

    /** The layer of failure (the {@code layer} fact) of the exchange that selected the verdict, or "" when none did. */
    private static String layer(String gateway, java.util.List<dev.aigateway.contract.record.Exchange> run,
                                dev.aigateway.contract.record.Verdict verdict) {
        if (verdict.evidence().isEmpty()) {
            return "";
        }
        java.util.List<Map<String, String>> facts = Facts.ofRun(run, CapturedRuns.environment(gateway));
        for (int i = 0; i < run.size(); i++) {
            if (run.get(i).sequence() == verdict.evidence().get(0)) {
                return facts.get(i).getOrDefault("layer", "");
            }
        }
        return "";
    }

    private static long count(String gateway, String field) {
        long count = 0;
        for (Iterator<JsonNode> entries = REWORDED.path(gateway).elements(); entries.hasNext(); ) {
            count += entries.next().has(field) ? 1 : 0;
        }
        return count;
    }

    /** The gateway's message as its profile's envelope reads it ("" for no body or an answer that is not JSON). */
    private static String message(String gateway, Captured answer) {
        if (answer.body() == null || answer.body().isNull()) {
            return answer.text() == null ? "" : answer.text();
        }
        return java.util.Objects.requireNonNullElse(dev.aigateway.contract.gateway.GatewayProfile.named(gateway)
                .envelopeOf(answer.body()).message(), "");
    }

    /** The answer with each old text of {@code words} replaced by its paraphrase, wherever a string of its body (or its text) holds it. */
    static Captured reword(Captured answer, JsonNode words) {
        String text = answer.text();
        JsonNode body = answer.body() == null ? null : answer.body().deepCopy();
        for (Iterator<Map.Entry<String, JsonNode>> pairs = words.fields(); pairs.hasNext(); ) {
            Map.Entry<String, JsonNode> pair = pairs.next();
            String old = pair.getKey();
            String paraphrase = pair.getValue().asText();
            boolean found;
            if (text != null) {
                found = text.contains(old);
                text = text.replace(old, paraphrase);
            } else {
                found = replace(body, old, paraphrase);
            }
            assertThat(answer.name() + ": the words to reword are in the answer: " + old, found, equalTo(true));
        }
        return new Captured(answer.name(), answer.kind(), answer.source(), answer.route(), answer.on(), answer.status(), body, text,
                answer.verdict(), answer.request(), answer.refusedWhen(), answer.contentType());
    }

    private static boolean replace(JsonNode node, String old, String paraphrase) {
        boolean found = false;
        if (node instanceof ObjectNode object) {
            for (Iterator<Map.Entry<String, JsonNode>> fields = object.fields(); fields.hasNext(); ) {
                Map.Entry<String, JsonNode> field = fields.next();
                if (field.getValue().isTextual() && field.getValue().asText().contains(old)) {
                    field.setValue(TextNode.valueOf(field.getValue().asText().replace(old, paraphrase)));
                    found = true;
                } else {
                    found |= replace(field.getValue(), old, paraphrase);
                }
            }
        } else if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                if (array.get(i).isTextual() && array.get(i).asText().contains(old)) {
                    array.set(i, TextNode.valueOf(array.get(i).asText().replace(old, paraphrase)));
                    found = true;
                } else {
                    found |= replace(array.get(i), old, paraphrase);
                }
            }
        }
        return found;
    }

    private static JsonNode read() {
        try {
            return Json.YAML.readTree(Path.of("src/test/resources/captured/reworded.yaml").toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
