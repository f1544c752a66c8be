package dev.aigateway.contract.http;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.aigateway.contract.Skipped;
import dev.aigateway.contract.environment.Environment;
import dev.aigateway.contract.environment.EnvironmentLoader;
import dev.aigateway.contract.record.Caller;
import dev.aigateway.contract.simulator.SimulatedGateway;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Every request that costs money asks the one spend gate before it is sent: the gateway's billable
 * routes with the team's key, and the direct check of a BYOK key at the provider. A gate that refuses
 * leaves nothing sent but the catalog that prices it.
 */
class SpendGateTest {

    private static final String REFUSED = "skipped: the spend gate refused it";

    @Test
    void aBillableRequestAndTheDirectProviderCheckAreBothHeldByTheGateAndNotSentWhenItRefuses() {
        Environment local = new EnvironmentLoader(Path.of(System.getProperty("contract.root", ".")), Map.of()).load("local");
        try (SimulatedGateway gateway = SimulatedGateway.start(0)) {
            Environment environment = local.targeting(gateway.baseUrl());
            ExchangeLog exchanges = new ExchangeLog();
            List<BigDecimal> asked = new ArrayList<>();
            SpendGuard refuses = worstCaseUsd -> {
                asked.add(worstCaseUsd);
                throw new Skipped(REFUSED);
            };
            GatewayClient client = new GatewayClient(environment, new Redactor(environment.secrets(), environment.profile()),
                    exchanges.forScenario(), "spend gate", new RunLimits(60), refuses, new SharedAnswer());

            Skipped chat = assertThrows(Skipped.class, () -> client.chatCompletion(Credential.teamKey(environment.apiKey()),
                    ChatCompletionRequest.smallest("openai/gpt-4o-mini", 1)));
            Skipped direct = assertThrows(Skipped.class, () -> client.anthropicMessageDirect(gateway.baseUrl() + "/anthropic",
                    "sk-ant-test", "claude-3-5-haiku-latest"));

            assertThat(chat.getMessage(), equalTo(REFUSED));
            assertThat(direct.getMessage(), equalTo(REFUSED));
            assertThat("the gate was asked before each", asked.size(), equalTo(2));
            assertThat("with a worst case, never as an unknown price", asked, everyItem(notNullValue()));
            assertThat(exchanges.all().stream().map(e -> e.method() + " " + e.path()).toList(), equalTo(List.of("GET /v1/models")));
            assertThat(exchanges.all().stream().filter(e -> e.caller() == Caller.PROVIDER_DIRECT).toList(), empty());
            assertThat(exchanges.all().get(0).url(), startsWith(gateway.baseUrl()));
        }
    }
}
