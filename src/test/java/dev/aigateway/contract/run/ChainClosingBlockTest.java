package dev.aigateway.contract.run;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

import dev.aigateway.contract.record.Caller;
import dev.aigateway.contract.record.Exchange;
import dev.aigateway.contract.record.RunRecord;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The closing block names the gateways of a chain and which one refused, as summary.md does (issue 27, item 5). */
class ChainClosingBlockTest {

    private static final Instant T0 = Instant.parse("2026-01-02T03:04:05Z");

    @TempDir
    Path root;

    private String closingBlock(Map<String, String> headers, String body, int status) throws Exception {
        Files.createDirectories(root.resolve("environments"));
        Files.writeString(root.resolve("environments/through.yaml"), """
                description: Through a gateway in front
                teamId: team_FAKE_chain000000000000
                baseUrl: http://127.0.0.1:8787
                apiKey: ${CHAIN_CLOSING_BLOCK_TEST_KEY:-vck_FAKE_chain_closing_block}
                probe: { model: openai/gpt-4o-mini }
                """);
        Exchange refused = Exchange.builder().sequence(1).scenario("s").startedAt(T0).method("GET").url("http://127.0.0.1:8787/v1/credits")
                .path("/v1/credits").status(status).responseHeaders(headers).responseBody(body).durationMs(3).caller(Caller.TEAM_KEY).build();
        new RunRecord("through", "Through a gateway in front", "http://127.0.0.1:8787", null, false, T0, T0, 0, 1, 0, 0, List.of(),
                List.of(refused), null, List.of(), List.of(), "vercel").write(root);
        PrintStream before = System.out;
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        System.setOut(new PrintStream(console, true, StandardCharsets.UTF_8));
        try {
            RunFinish.main(new String[] {root.toString()});
        } finally {
            System.setOut(before);
        }
        return console.toString(StandardCharsets.UTF_8);
    }

    @Test
    void theClosingBlockSaysTheGatewayBehindRefused() throws Exception {
        String block = closingBlock(Map.of("x-vercel-id", "iad1::abc", "x-portkey-provider", "openai"), "{}", 403);
        assertThat(block, containsString("Gateways     Portkey AI Gateway (open source) in front of Vercel AI Gateway: Vercel AI Gateway"
                + " refused (#1: 403), its answers relayed by Portkey AI Gateway (open source)."));
    }

    @Test
    void theClosingBlockSaysTheGatewayInFrontRefusedItself() throws Exception {
        String block = closingBlock(Map.of("content-type", "application/json"), "{\"status\":\"failure\",\"message\":\"Invalid provider passed\"}", 400);
        assertThat(block, containsString("Gateways     Portkey AI Gateway (open source) in front of Vercel AI Gateway: Portkey AI Gateway"
                + " (open source) refused itself (#1: 400), before Vercel AI Gateway was asked."));
    }

    @Test
    void aRunThroughOneGatewayHasNoGatewaysLine() throws Exception {
        assertThat(closingBlock(Map.of("x-vercel-id", "iad1::abc"), "{}", 403), not(containsString("Gateways ")));
    }
}
