package dev.aigateway.contract;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;

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
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The product's packages in layers, lowest first: a package imports only packages below it, so no
 * arrow points up and no cycle can form. A new package must be placed in {@link #LAYERS} to pass.
 */
class PackageGraphTest {

    private static final Path MAIN = Path.of(System.getProperty("contract.root", "."), "src/main/java/dev/aigateway/contract");
    private static final Pattern IMPORT = Pattern.compile("^import (?:static )?dev\\.aigateway\\.contract\\.(?:([a-z]+)\\.)?[A-Z]", Pattern.MULTILINE);

    /**
     * Lowest first: the root package's small shared types, the record types every layer reads and writes (an
     * exchange, a verdict, a run), the gateway's profile, ..., run/, which launches and orchestrates, and the
     * contract's glue (steps/) on top, which Cucumber calls and nothing of the product names.
     */
    static final List<String> LAYERS = List.of("(root)", "record", "gateway", "environment", "request", "http",
            "diagnosis", "simulator", "history", "evidence", "run", "steps");

    @Test
    void everyPackageIsPlacedInALayer() throws IOException {
        assertThat(new TreeSet<>(graph().keySet()), equalTo(new TreeSet<>(LAYERS)));
    }

    @Test
    void noPackageImportsALayerAboveItsOwn() throws IOException {
        List<String> upward = new ArrayList<>();
        graph().forEach((from, imports) -> imports.stream()
                .filter(to -> LAYERS.indexOf(to) > LAYERS.indexOf(from))
                .forEach(to -> upward.add(from + " -> " + to)));
        assertThat("imports that point up the layers", upward, empty());
    }

    @Test
    void theCheckSeesAnArrowUp() {
        // The check above is only as good as its reading of imports: an import of run/ from http/ is one it must see.
        Matcher matcher = IMPORT.matcher("package dev.aigateway.contract.http;\nimport dev.aigateway.contract.run.RunFinish;\n");
        assertThat(matcher.find() && "run".equals(matcher.group(1)), equalTo(true));
    }

    /** Each package of src/main/java (the root as "(root)") and the packages of this project it imports. */
    private static Map<String, Set<String>> graph() throws IOException {
        Map<String, Set<String>> graph = new TreeMap<>();
        try (Stream<Path> files = Files.walk(MAIN)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                Path folder = MAIN.relativize(file.getParent());
                String from = folder.toString().isEmpty() ? "(root)" : folder.toString().replace('/', '.');
                Set<String> imports = graph.computeIfAbsent(from, name -> new TreeSet<>());
                Matcher matcher = IMPORT.matcher(Files.readString(file));
                while (matcher.find()) {
                    String to = matcher.group(1) == null ? "(root)" : matcher.group(1);
                    if (!to.equals(from)) {
                        imports.add(to);
                    }
                }
            }
        }
        return graph;
    }
}
