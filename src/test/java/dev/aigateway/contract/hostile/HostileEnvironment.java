package dev.aigateway.contract.hostile;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The environment every hostile test runs: {@code environments/hostile.yaml} under {@code root}, pointed at a misbehaving server. */
final class HostileEnvironment {

    static final String NAME = "hostile";

    private HostileEnvironment() {}

    static void write(Path root, String baseUrl, String key, String connectMs, String readMs, String runSeconds, String extra)
            throws IOException {
        Files.createDirectories(root.resolve("environments"));
        Files.writeString(root.resolve("environments/" + NAME + ".yaml"), """
                description: A gateway that misbehaves on purpose
                baseUrl: %s
                teamId: team_hostile0000000000000
                apiKey: ${HOSTILE_TEST_KEY:-%s}
                funded: true
                expectedModels: [openai/gpt-4o-mini]
                probe: { model: openai/gpt-4o-mini, maxTokens: 1 }
                allowBillable: true
                maxSpendUsd: 0.01
                timeouts: { connectMs: %s, readMs: %s, runSeconds: %s }
                %s
                """.formatted(baseUrl, key, connectMs, readMs, runSeconds, extra));
    }
}
