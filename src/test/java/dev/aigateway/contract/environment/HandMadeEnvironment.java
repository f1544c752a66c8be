package dev.aigateway.contract.environment;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * The environment a test writes by hand, not read from a file: "mine", at https://gateway.example on the
 * default gateway, funded, billable calls allowed, a BYOK model. A test changes only what it is about.
 */
public final class HandMadeEnvironment {

    private HandMadeEnvironment() {}

    public static Environment.Builder mine() {
        return Environment.builder()
                .name("mine")
                .description("test")
                .baseUrl("https://gateway.example")
                .teamId("team_1")
                .apiKey("vck_FAKE")
                .funded(true)
                .expectedModels(List.of("openai/gpt-4o-mini"))
                .probe(new Environment.Probe("openai/gpt-4o-mini", 1, "openai/text-embedding-3-small"))
                .allowBillable(true)
                .timeouts(new Environment.Timeouts(1000, 1000, 60))
                .byok(new Environment.Byok(Map.of(), "anthropic/claude-haiku-4.5", true, "claude-haiku-4-5"))
                .maxSpendUsd(BigDecimal.ONE);
    }
}
