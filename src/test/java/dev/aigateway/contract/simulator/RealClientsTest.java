package dev.aigateway.contract.simulator;

import dev.aigateway.contract.gateway.GatewayProfile;
import dev.aigateway.contract.NodeJs;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;

import dev.aigateway.contract.Processes;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
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
        install();
        try (SimulatedGateway gateway = SimulatedGateway.start(0, 0, GatewayProfile.named("vercel"))) {
            Processes.Result clients = Processes.run(NODE_PROJECT, Duration.ofMinutes(5), "node", "real-clients.mjs", gateway.baseUrl());
            System.out.println(clients.output());
            assertThat("node real-clients.mjs:\n" + clients.output(), clients.exitCode(), equalTo(0));
        }
    }

    /**
     * OpenRouter's clients (the openai SDK with OpenRouter's base URL, @openrouter/sdk, @openrouter/ai-sdk-provider with
     * ai) against the simulated OpenRouter see what they see from OpenRouter itself (src/test/node/real-clients-openrouter.mjs).
     */
    @Test
    void openRoutersClientsSeeWhatOpenRouterWouldShowThem() throws Exception {
        install();
        try (SimulatedGateway gateway = SimulatedGateway.start(0, 0, dev.aigateway.contract.gateway.GatewayProfile.named("openrouter"))) {
            Processes.Result clients = Processes.run(NODE_PROJECT, Duration.ofMinutes(5), "node", "real-clients-openrouter.mjs",
                    gateway.baseUrl());
            System.out.println(clients.output());
            assertThat("node real-clients-openrouter.mjs:\n" + clients.output(), clients.exitCode(), equalTo(0));
        }
    }

    private static void install() throws Exception {
        NodeJs.required();
        Path installed = NODE_PROJECT.resolve("node_modules/.package-lock.json");
        // npm ci when nothing is installed, or when package-lock.json changed since (a client added or upgraded).
        if (!Files.isRegularFile(installed) || Files.getLastModifiedTime(NODE_PROJECT.resolve("package-lock.json"))
                .compareTo(Files.getLastModifiedTime(installed)) > 0) {
            Processes.Result install = Processes.run(NODE_PROJECT, Duration.ofMinutes(5), "npm", "ci", "--no-audit", "--no-fund", "--loglevel=error");
            assertThat("npm ci in src/test/node:\n" + install.output(), install.exitCode(), equalTo(0));
        }
    }


}
