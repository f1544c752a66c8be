package dev.aigateway.contract;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.lessThanOrEqualTo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The docs a newcomer reads: a README of at most 200 lines, the rest under {@code src/site/markdown/}; every
 * relative link in them reaches a file of the repository (and a heading, when it names one); no data file,
 * doc or Java source cites a research note that is not in the repository, since that is a dead link for every
 * reader, and no Java comment sends its reader to a README section that is not there.
 */
class DocsTest {

    static final int README_MAX_LINES = 200;

    /** Research notes the project was built from, never part of it: cite the public source they give instead. */
    static final List<String> NOTES_OUTSIDE_THE_REPOSITORY = List.of("real-world-failures.md", "vercel-ai-gateway-api.md",
            "openrouter.md", "design.md", "style-anchors.md", "peer-tools.md", "user-story-community-thread.txt");

    /** A Java comment's pointer to a README section: {@code README "Environments"}. */
    private static final Pattern README_SECTION = Pattern.compile("README(?:\\.md)?,? \"([^\"]+)\"");

    /** A Java comment: a block, or a run of line comments. */
    private static final Pattern JAVA_COMMENT = Pattern.compile("/\\*.*?\\*/|(?://[^\n]*\n\\s*)+", Pattern.DOTALL);
    /** A timing figure: "1.5 s", "200 ms", "9 seconds". */
    private static final Pattern TIMING = Pattern.compile("\\b\\d+(?:\\.\\d+)? ?(?:ms|s|seconds?|minutes?)\\b");

    private static final Pattern LINK = Pattern.compile("\\[[^\\]]*\\]\\(([^)\\s]+)(?:\\s+\"[^\"]*\")?\\)");

    private final Path root = Path.of(System.getProperty("contract.root", ".")).toAbsolutePath().normalize();

    @Test
    void theReadmeIsReadInFiveMinutes() throws IOException {
        assertThat("lines of README.md", Files.readAllLines(root.resolve("README.md")).size(), lessThanOrEqualTo(README_MAX_LINES));
    }

    @Test
    void everyRelativeLinkOfTheDocsReachesAFileOfTheRepository() {
        assertThat(brokenLinks(root), empty());
    }

    @Test
    void noDataFileOrDocCitesANoteOutsideTheRepository() {
        assertThat(deadCitations(root), empty());
    }

    @Test
    void noJavaCommentPointsToAReadmeSectionThatIsNotThere() {
        assertThat(deadReadmeSections(root), empty());
    }

    @Test
    void aJavaCommentThatCitesTheBenchmarkStatesNoFigureOfItsOwn() {
        assertThat(timingsBesideTheBenchmark(root), empty());
    }

    @Test
    void aBrokenLinkAHeadingThatIsNotThereAndADeadCitationAreCaught(@TempDir Path repo) throws IOException {
        Files.createDirectories(repo.resolve("src/site/markdown"));
        Files.createDirectories(repo.resolve("src/main/resources/diagnosis"));
        Files.writeString(repo.resolve("README.md"), "# Title\n\n## The two commands\n\n"
                + "[fine](src/site/markdown/a.md#a-page) [gone](src/site/markdown/missing.md) [web](https://example.com/x)\n"
                + "[here](#the-two-commands) [no such heading](src/site/markdown/a.md#nowhere) [out](../elsewhere.md)\n"
                + "    [in an indented code block](not-a-link.md)\n" + "Sources: reference/real-world-failures.md\n");
        Files.writeString(repo.resolve("src/site/markdown/a.md"), "# A page\n\n[back](../../../README.md#the-two-commands)\n");
        Files.writeString(repo.resolve("src/main/resources/diagnosis/rules.yaml"), "source: \"see vercel-ai-gateway-api.md §5\"\n");
        Path route = Files.createDirectories(repo.resolve("src/main/java/dev/x")).resolve("Route.java");
        Files.writeString(route, "/** The endpoints (vercel-ai-gateway-api.md 4.3); keys: README \"Authentication\", "
                + "README \"The two commands\". */\nclass Route {}\n");
        Path step = Files.createDirectories(repo.resolve("src/test/java/dev/x")).resolve("StepsTest.java");
        Files.writeString(step, "// The requests of real-world-failures.md section 7\nclass StepsTest {}\n");
        assertThat(brokenLinks(repo), contains("README.md: src/site/markdown/missing.md", "README.md: src/site/markdown/a.md#nowhere",
                "README.md: ../elsewhere.md"));
        assertThat(deadCitations(repo), contains("README.md: real-world-failures.md",
                "src/main/java/dev/x/Route.java: vercel-ai-gateway-api.md", "src/main/resources/diagnosis/rules.yaml: vercel-ai-gateway-api.md",
                "src/test/java/dev/x/StepsTest.java: real-world-failures.md"));
        assertThat(deadReadmeSections(repo), contains("src/main/java/dev/x/Route.java: README \"Authentication\""));
        Files.writeString(repo.resolve("src/main/java/dev/x/Fast.java"), "/** Shorter start-up (src/bench/verify-speed.sh). */\n"
                + "class Fast {\n    // Saves 1.5 s of start-up\n    // (src/bench/verify-speed.sh).\n    int late = 9; // 9 s late, as measured live\n}\n");
        assertThat(timingsBesideTheBenchmark(repo), contains("src/main/java/dev/x/Fast.java: 1.5 s"));
    }

    /** Each relative link of README.md and src/site/markdown/*.md whose file (or heading) does not exist, as "file: link". */
    static List<String> brokenLinks(Path repo) {
        List<Path> docs = new ArrayList<>(List.of(repo.resolve("README.md")));
        docs.addAll(files(repo.resolve("src/site/markdown")).stream().filter(p -> p.toString().endsWith(".md")).toList());
        List<String> broken = new ArrayList<>();
        for (Path doc : docs) {
            for (String target : links(read(doc))) {
                if (target.matches("^[a-zA-Z][a-zA-Z0-9+.-]*:.*")) {
                    continue; // https:, mailto: and the like: public addresses, not files of the repository
                }
                int hash = target.indexOf('#');
                String file = hash < 0 ? target : target.substring(0, hash);
                String anchor = hash < 0 ? null : target.substring(hash + 1);
                Path resolved = file.isEmpty() ? doc : doc.getParent().resolve(file).normalize();
                boolean reaches = resolved.startsWith(repo) && Files.exists(resolved)
                        && (anchor == null || !resolved.toString().endsWith(".md") || headings(read(resolved)).contains(anchor));
                if (!reaches) {
                    broken.add(repo.relativize(doc) + ": " + target);
                }
            }
        }
        return broken;
    }

    /**
     * Each doc, data file (src/main/resources, src/test/resources, src/test/node) or Java source naming a note outside
     * the repository, as "file: note". This test's own source, which lists the notes, is the one exception.
     */
    static List<String> deadCitations(Path repo) {
        List<String> dead = new ArrayList<>();
        for (String folder : List.of("README.md", "src/main/java", "src/main/resources", "src/site/markdown", "src/test/java",
                "src/test/node", "src/test/resources")) {
            for (Path file : files(repo.resolve(folder))) {
                if (isThisTest(file)) {
                    continue;
                }
                String text = new String(bytes(file), StandardCharsets.ISO_8859_1);
                for (String note : NOTES_OUTSIDE_THE_REPOSITORY) {
                    if (text.contains(note)) {
                        dead.add(repo.relativize(file) + ": " + note);
                    }
                }
            }
        }
        return dead;
    }

    /** Each Java source's pointer to a README section that is not a heading of README.md, as "file: README \"Section\""; this test's own source apart. */
    static List<String> deadReadmeSections(Path repo) {
        Path readme = repo.resolve("README.md");
        List<String> sections = Files.isRegularFile(readme) ? headings(read(readme)) : List.of();
        List<String> dead = new ArrayList<>();
        for (String folder : List.of("src/main/java", "src/test/java")) {
            for (Path file : files(repo.resolve(folder)).stream().filter(f -> !isThisTest(f)).toList()) {
                Matcher section = README_SECTION.matcher(read(file));
                while (section.find()) {
                    if (!sections.contains(headings("# " + section.group(1)).get(0))) {
                        dead.add(repo.relativize(file) + ": " + section.group());
                    }
                }
            }
        }
        return dead;
    }

    /**
     * Each figure ("1.5 s") in a Java comment that also cites a script of src/bench/, as "file: figure": the script
     * prints the figures of the day, a comment that copies one goes stale.
     */
    static List<String> timingsBesideTheBenchmark(Path repo) {
        List<String> stated = new ArrayList<>();
        for (String folder : List.of("src/main/java", "src/test/java")) {
            for (Path file : files(repo.resolve(folder)).stream().filter(f -> !isThisTest(f)).toList()) {
                Matcher comment = JAVA_COMMENT.matcher(read(file));
                while (comment.find()) {
                    if (comment.group().contains("src/bench/")) {
                        Matcher figure = TIMING.matcher(comment.group());
                        while (figure.find()) {
                            stated.add(repo.relativize(file) + ": " + figure.group());
                        }
                    }
                }
            }
        }
        return stated;
    }

    /** This test's own source, which names the dead citations it looks for. */
    private static boolean isThisTest(Path file) {
        return file.endsWith(Path.of("src/test/java", DocsTest.class.getName().replace('.', '/') + ".java"));
    }

    /** Link targets outside code: fenced blocks, indented code lines and inline code spans are skipped. */
    private static List<String> links(String markdown) {
        List<String> targets = new ArrayList<>();
        boolean fenced = false;
        for (String line : markdown.split("\n", -1)) {
            if (line.strip().startsWith("```")) {
                fenced = !fenced;
                continue;
            }
            if (fenced || line.startsWith("    ") || line.startsWith("\t")) {
                continue;
            }
            Matcher link = LINK.matcher(line.replaceAll("`[^`]*`", "``"));
            while (link.find()) {
                targets.add(link.group(1));
            }
        }
        return targets;
    }

    /** The anchors GitHub gives a page's headings: lower case, punctuation dropped, spaces as hyphens. */
    private static List<String> headings(String markdown) {
        return markdown.lines().filter(line -> line.matches("^#{1,6} .*"))
                .map(line -> line.replaceFirst("^#+ ", "").strip().toLowerCase(Locale.ROOT)
                        .replaceAll("[^\\p{L}\\p{N} _-]", "").replace(' ', '-'))
                .toList();
    }

    private static List<Path> files(Path folder) {
        if (Files.isRegularFile(folder)) {
            return List.of(folder);
        }
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        List<Path> found = new ArrayList<>();
        try {
            Files.walkFileTree(folder, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) {
                    return dir.getFileName().toString().equals("node_modules") ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
                    found.add(file);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return found.stream().sorted().toList();
    }

    private static String read(Path file) {
        return new String(bytes(file), StandardCharsets.UTF_8);
    }

    private static byte[] bytes(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
