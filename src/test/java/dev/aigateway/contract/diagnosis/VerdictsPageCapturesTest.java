package dev.aigateway.contract.diagnosis;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;

import dev.aigateway.contract.captured.Captured;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The verdicts page (src/site/markdown/verdicts.md, "Rules tested on captures they were not written from") and the
 * captured files agree: per gateway, every rule a captured answer meets has its row, no other rule has one, each row
 * names exactly the answers written from it and those held out (so every answer it names exists), and every test class
 * the section names is one of this project's.
 */
class VerdictsPageCapturesTest {

    private static final Path ROOT = Path.of(System.getProperty("contract.root", "."));
    static final String SECTION = "## Rules tested on captures they were not written from";
    private static final Map<String, String> GATEWAYS = Map.of("### Vercel", "vercel", "### OpenRouter", "openrouter");
    private static final Pattern CODE = Pattern.compile("`([^`]+)`");

    @Test
    void thePageNamesPerRuleTheAnswersItWasWrittenFromAndThoseHeldOut() throws IOException {
        String section = section(Files.readString(ROOT.resolve("src/site/markdown/verdicts.md")));
        Map<String, Map<String, List<Set<String>>>> page = rows(section);
        assertThat("the gateways the section has a table for", page.keySet(), equalTo(new TreeSet<>(Captured.GATEWAYS)));
        for (String gateway : Captured.GATEWAYS) {
            Map<String, List<Set<String>>> data = new TreeMap<>();
            for (Captured answer : Captured.ofGateway(gateway)) {
                Captured.Split split = Captured.split(gateway, answer.name());
                List<Set<String>> row = data.computeIfAbsent(split.rule(), rule -> List.of(new TreeSet<>(), new TreeSet<>()));
                row.get(split.role().equals("written-from") ? 0 : 1).add(answer.name());
            }
            assertThat(gateway + ": the rules and their answers on the verdicts page", page.get(gateway), equalTo(data));
        }
    }

    @Test
    void everyTestTheSectionNamesIsOneOfThisProjects() throws IOException {
        String section = section(Files.readString(ROOT.resolve("src/site/markdown/verdicts.md")));
        Matcher code = CODE.matcher(section);
        Set<String> tests = new TreeSet<>();
        while (code.find()) {
            if (code.group(1).matches("[A-Z]\\w*Test")) {
                tests.add(code.group(1));
            }
        }
        assertThat(tests, equalTo(Set.of("CaptureSplitTest", "CapturesRewordedTest", "HeldOutReplayTest")));
        try (var files = Files.walk(ROOT.resolve("src/test/java"))) {
            Set<String> classes = new TreeSet<>();
            files.forEach(file -> classes.add(file.getFileName().toString().replaceFirst("\\.java$", "")));
            tests.forEach(test -> assertThat(test + " is a test class of src/test/java", classes.contains(test), equalTo(true)));
        }
    }

    /** A page whose row names an answer that does not exist, or leaves a rule out, is caught. */
    @Test
    void aRowThatNamesNoAnswerOrARuleLeftOutIsCaught() throws IOException {
        String section = section(Files.readString(ROOT.resolve("src/site/markdown/verdicts.md")));
        Map<String, List<Set<String>>> vercel = rows(section).get("vercel");
        Map<String, List<Set<String>>> misnamed = rows(section.replace("`c10-card-required-freellmpool`", "`c10-card-required-elsewhere`")).get("vercel");
        assertThat(misnamed.equals(vercel), equalTo(false));
        Map<String, List<Set<String>>> left = rows(section.replaceAll("(?m)^\\| `card-required` .*\\n", "")).get("vercel");
        assertThat(left.containsKey("card-required"), equalTo(false));
    }

    static String section(String page) {
        int start = page.indexOf(SECTION);
        assertThat("verdicts.md has the section \"" + SECTION + "\"", start >= 0, equalTo(true));
        int end = page.indexOf("\n## ", start + SECTION.length());
        return page.substring(start, end < 0 ? page.length() : end);
    }

    /** Per gateway (its "### " heading), per rule (the first cell), the answers of the second and third cells. */
    static Map<String, Map<String, List<Set<String>>>> rows(String section) {
        Map<String, Map<String, List<Set<String>>>> rows = new TreeMap<>();
        String gateway = null;
        for (String line : section.split("\n")) {
            if (line.startsWith("### ")) {
                gateway = GATEWAYS.get(line.strip());
                assertThat("a gateway heading the test knows: " + line, gateway != null, equalTo(true));
                rows.put(gateway, new TreeMap<>());
            } else if (line.startsWith("| `") && gateway != null) {
                String[] cells = line.split("\\|");
                List<Set<String>> answers = new ArrayList<>();
                answers.add(names(cells[2]));
                answers.add(names(cells[3].contains("without-held-out") ? "" : cells[3]));
                rows.get(gateway).put(names(cells[1]).iterator().next(), answers);
            }
        }
        return rows;
    }

    private static Set<String> names(String cell) {
        Set<String> names = new TreeSet<>();
        Matcher code = CODE.matcher(cell);
        while (code.find()) {
            names.add(code.group(1));
        }
        return names;
    }
}
