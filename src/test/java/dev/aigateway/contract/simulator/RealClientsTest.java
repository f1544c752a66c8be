package dev.aigateway.contract.simulator;

import dev.aigateway.contract.NodeJs;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The official SDKs (openai, @anthropic-ai/sdk, ai with @ai-sdk/gateway 2, 3 and 4), run by Node.js
 * against the simulated gateway on a dynamic loopback port, see what they see from the real gateway
 * for each team (src/test/node/real-clients.mjs). The packages come from the npm registry ({@code npm ci}).
 */
class RealClientsTest {

    private static final Path NODE_PROJECT = Path.of(System.getProperty("contract.root", "."), "src/test/node");

    @Test
    void eachOfficialClientSeesWhatTheRealGatewayWouldShowIt() throws Exception {
        NodeJs.required();
        Path installed = NODE_PROJECT.resolve("node_modules/.package-lock.json");
        // npm ci when nothing is installed, or when package-lock.json changed since (a client added or upgraded).
        if (!Files.isRegularFile(installed) || Files.getLastModifiedTime(NODE_PROJECT.resolve("package-lock.json"))
                .compareTo(Files.getLastModifiedTime(installed)) > 0) {
            Result install = run(NODE_PROJECT, "npm", "ci", "--no-audit", "--no-fund", "--loglevel=error");
            assertThat("npm ci in src/test/node:\n" + install.output, install.exitCode, equalTo(0));
        }
        try (SimulatedGateway gateway = SimulatedGateway.start(0)) {
            Result clients = run(NODE_PROJECT, "node", "real-clients.mjs", gateway.baseUrl());
            System.out.println(clients.output);
            assertThat("node real-clients.mjs:\n" + clients.output, clients.exitCode, equalTo(0));
        }
    }

    private record Result(int exitCode, String output) {}

    private static Result run(Path directory, String... command) throws Exception {
        Process process;
        try {
            process = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true)
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
        } catch (java.io.IOException notInstalled) {
            return new Result(127, notInstalled.getMessage());
        }
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(5, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            return new Result(124, output + "\n(timed out)");
        }
        return new Result(process.exitValue(), output);
    }
}
