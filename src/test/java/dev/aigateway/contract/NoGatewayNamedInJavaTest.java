package dev.aigateway.contract;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;

import dev.aigateway.contract.gateway.GatewayProfile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * No Java under {@code src/main/java} names a gateway outside comments: each name {@code gateways/gateways.yaml} lists
 * (a profile added later included), in any case, in code or in a string. A gateway's specifics are data: its profile,
 * its simulator's folder, the verdicts' words.
 */
class NoGatewayNamedInJavaTest {

    private static final Path MAIN = Path.of(System.getProperty("contract.root", "."), "src/main/java");

    @Test
    void noJavaUnderSrcMainNamesAGatewayOutsideComments() throws IOException {
        List<String> named = new ArrayList<>();
        try (Stream<Path> files = Files.walk(MAIN)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
                for (String line : namings(Files.readString(file), GatewayProfile.names())) {
                    named.add(MAIN.relativize(file) + ":" + line);
                }
            }
        }
        assertThat("lines of Java that name a gateway outside comments (file:line: the line)", named, empty());
    }

    @Test
    void theCheckSeesANameInCodeAndInAStringButNotInAComment() {
        String source = """
                /** The gateway vercel. */
                class A { // vercel
                    String url = "https://x.vercel.sh"; /* vercel */ String b = "// not a comment, Vercel";
                    @JsonAlias("vercelId") String id;
                    char c = '"'; String d = \"""
                        openrouter
                        \""";
                }
                """;
        assertThat(namings(source, List.of("vercel", "openrouter")), equalTo(List.of(
                "3: String url = \"https://x.vercel.sh\"; /* vercel */ String b = \"// not a comment, Vercel\";",
                "4: @JsonAlias(\"vercelId\") String id;",
                "6: openrouter")));
    }

    /** "line:text" of each line whose code (comments left out) names one of {@code names}, in any case. */
    static List<String> namings(String source, List<String> names) {
        String code = withoutComments(source).toLowerCase(Locale.ROOT);
        String[] codeLines = code.split("\n", -1);
        String[] lines = source.split("\n", -1);
        List<String> found = new ArrayList<>();
        for (int i = 0; i < codeLines.length; i++) {
            String line = codeLines[i];
            if (names.stream().anyMatch(name -> line.contains(name.toLowerCase(Locale.ROOT)))) {
                found.add((i + 1) + ": " + lines[i].strip());
            }
        }
        return found;
    }

    /** {@code source} with every comment's characters blanked (line breaks kept), strings and text blocks kept. */
    static String withoutComments(String source) {
        StringBuilder out = new StringBuilder(source.length());
        int i = 0;
        while (i < source.length()) {
            char c = source.charAt(i);
            if (source.startsWith("//", i)) {
                while (i < source.length() && source.charAt(i) != '\n') {
                    out.append(' ');
                    i++;
                }
            } else if (source.startsWith("/*", i)) {
                int end = source.indexOf("*/", i + 2);
                end = end < 0 ? source.length() : end + 2;
                for (; i < end; i++) {
                    out.append(source.charAt(i) == '\n' ? '\n' : ' ');
                }
            } else if (source.startsWith("\"\"\"", i)) {
                int end = source.indexOf("\"\"\"", i + 3);
                end = end < 0 ? source.length() : end + 3;
                out.append(source, i, end);
                i = end;
            } else if (c == '"' || c == '\'') {
                int end = i + 1;
                while (end < source.length() && source.charAt(end) != c && source.charAt(end) != '\n') {
                    end += source.charAt(end) == '\\' ? 2 : 1;
                }
                end = Math.min(end + 1, source.length());
                out.append(source, i, end);
                i = end;
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }
}
