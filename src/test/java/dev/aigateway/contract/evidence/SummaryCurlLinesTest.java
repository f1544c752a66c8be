package dev.aigateway.contract.evidence;

import dev.aigateway.contract.gateway.GatewayProfile;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.aigateway.contract.run.ContractSuite;
import dev.aigateway.contract.record.RunRecord;
import dev.aigateway.contract.simulator.SimulatedGateway;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The curl lines of summary.md, run by bash as printed, reproduce each exchange against the
 * standalone simulator: the keys come from exported variables, in headers and in BYOK bodies alike.
 */
class SummaryCurlLinesTest {

    private static final Pattern EXPECTED = Pattern.compile("^# #(\\d+) \\S+ \\S+: (\\d{3})$", Pattern.MULTILINE);
    private static final Pattern STATUS = Pattern.compile("HTTP/1\\.1 (\\d{3})");

    @TempDir
    Path folder;

    @Test
    void everyCurlLineGetsTheStatusItRecorded() throws Exception {
        assumeTrue(new ProcessBuilder("sh", "-c", "command -v curl").start().waitFor() == 0, "curl is not installed");
        RunRecord run = ContractSuite.run("local", folder);
        String summary = Summary.markdown(run);
        String script = summary.substring(summary.indexOf("```sh\n") + 6, summary.lastIndexOf("```"));
        List<String> expected = new ArrayList<>();
        Matcher comment = EXPECTED.matcher(script);
        while (comment.find()) {
            expected.add(comment.group(2));
        }
        assertThat(expected.size(), greaterThanOrEqualTo(10));
        try (SimulatedGateway standalone = SimulatedGateway.start(0, 0, GatewayProfile.named("vercel"))) {
            String lines = script.replace(EvidenceBundle.STANDALONE_SIMULATOR, standalone.baseUrl());
            Path file = folder.resolve("curls.sh");
            Files.writeString(file, lines);
            ProcessBuilder bash = new ProcessBuilder("bash", file.toString()).redirectErrorStream(true)
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
            bash.environment().put("AI_GATEWAY_API_KEY", "vck_sim_healthy_demo");
            bash.environment().put("ANTHROPIC_API_KEY", "sk-ant-sim-valid-demo");
            Process process = bash.start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            process.waitFor();
            List<String> actual = new ArrayList<>();
            Matcher status = STATUS.matcher(output);
            while (status.find()) {
                actual.add(status.group(1));
            }
            assertThat(actual, equalTo(expected));
            // the BYOK key in the body expanded too: the provider accepted it
            assertThat(output, containsString("\"credentialType\":\"byok\",\"success\":true"));
        }
    }
}
