package dev.aigateway.contract.run;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.comparesEqualTo;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.aigateway.contract.Skipped;
import dev.aigateway.contract.environment.Environment;
import dev.aigateway.contract.environment.EnvironmentLoader;
import dev.aigateway.contract.http.ChatCompletionRequest;
import dev.aigateway.contract.http.Credential;
import dev.aigateway.contract.http.ExchangeLog;
import dev.aigateway.contract.http.GatewayClient;
import dev.aigateway.contract.http.OneAnswerServer;
import dev.aigateway.contract.http.Redactor;
import dev.aigateway.contract.http.RefusalReduction;
import dev.aigateway.contract.http.RunLimits;
import dev.aigateway.contract.http.SharedAnswer;
import dev.aigateway.contract.http.Spending;
import dev.aigateway.contract.request.ApplicationRequest;
import dev.aigateway.contract.request.RequestFile;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every billable send passes the one gate, on each gateway: the application request's variants, a probe, the
 * application's request itself and a direct check at the provider. A server on 127.0.0.1 refuses everything it
 * is sent in the gateway's own words (so variants have something to find) and its journal counts what arrived:
 * with {@code allowBillable: false}, or a zero spend cap, no POST arrives and each send is named with why.
 */
class BillableSendsTest {

    @TempDir
    Path root;

    @RegisterExtension
    final OneAnswerServer server = OneAnswerServer.answering(aResponse().withStatus(400)
            .withHeader("Content-Type", "application/json").withHeader("x-vercel-id", "raw1::gate")
            .withBody("{\"error\":{\"message\":\"refused\",\"type\":\"invalid_request_error\",\"code\":400}}"));

    private List<String> posts() {
        return server.getAllServeEvents().stream().map(event -> event.getRequest())
                .filter(request -> request.getMethod().getName().equals("POST")).map(request -> request.getUrl()).toList();
    }

    private Environment environment(String gateway, boolean allowBillable, String maxSpendUsd) throws Exception {
        Files.createDirectories(root.resolve("environments"));
        Files.writeString(root.resolve("environments/gate.yaml"), """
                description: the gate
                gateway: %s
                baseUrl: %s
                teamId: team_gate
                apiKey: %s
                funded: true
                expectedModels: [openai/gpt-4o-mini]
                probe: { model: openai/gpt-4o-mini, maxTokens: 1 }
                allowBillable: %s
                maxSpendUsd: %s
                """.formatted(gateway, server.baseUrl(), gateway.equals("openrouter") ? "sk-or-v1-FAKE_gate" : "vck_FAKE_gate",
                allowBillable, maxSpendUsd));
        return new EnvironmentLoader(root, Map.of()).load("gate");
    }

    /** The application's request at {@code path}, with fields enough that the reduction has variants to send. */
    private ApplicationRequest request(String path) throws Exception {
        Files.writeString(root.resolve("app.json"), """
                {"method":"POST","url":"https://gateway.example%s","headers":[{"name":"content-type","value":"application/json"}],
                 "body":{"model":"anthropic/claude-haiku-4.5","max_tokens":64,"temperature":0.2,"stream":false,
                         "messages":[{"role":"user","content":"one"},{"role":"assistant","content":"two"},{"role":"user","content":"three"}]}}
                """.formatted(path));
        return RequestFile.read(root.resolve("app.json").toString());
    }

    private GatewayClient client(Environment environment, ExchangeLog log) {
        SpendCap cap = new SpendCap(environment.maxSpendUsd(), environment.name(),
                () -> Spending.of(log.all(), environment.profile()));
        return new GatewayClient(environment, new Redactor(environment.secrets(), environment.profile()),
                log.forScenario(), "Your application's request 1", new RunLimits(60), cap, new SharedAnswer());
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({
        "vercel, /v1/chat/completions, false, 1, allowBillable: false",
        "vercel, /v1/chat/completions, true, 0, maxSpendUsd: 0",
        "openrouter, /api/v1/chat/completions, false, 1, allowBillable: false",
        "openrouter, /api/v1/chat/completions, true, 0, maxSpendUsd: 0",
    })
    void noBillableSendLeavesWhenTheGateRefusesAndEachIsNamedWithWhy(String gateway, String path, boolean allowBillable,
                                                                     String cap, String why) throws Exception {
        Environment environment = environment(gateway, allowBillable, cap);
        ExchangeLog log = new ExchangeLog();
        GatewayClient client = client(environment, log);
        Credential team = Credential.teamKey(environment.apiKey());
        ApplicationRequest application = request(path);

        Skipped own = assertThrows(Skipped.class, () -> client.applicationRequest(team, application));
        RefusalReduction.Outcome variants = RefusalReduction.find(client, team, application,
                new RefusalReduction.Direct("anthropic", server.baseUrl() + "/provider", "sk-ant-FAKE_gate"));
        Skipped probe = assertThrows(Skipped.class, () -> client.chatCompletion(team, ChatCompletionRequest.smallest("openai/gpt-4o-mini", 1)));
        Skipped direct = assertThrows(Skipped.class, () -> client.provider().anthropicMessage(server.baseUrl() + "/provider",
                "sk-ant-FAKE_gate", "claude-haiku-4-5"));

        assertThat("nothing but the catalog arrived", posts(), empty());
        assertThat(own.getMessage(), containsString(why));
        assertThat(probe.getMessage(), containsString(why));
        assertThat(direct.getMessage(), containsString(why));
        assertThat(variants.tried(), hasSize(greaterThan(1)));
        assertThat(variants.tried().stream().map(RefusalReduction.Tried::line).toList(),
                everyItem(allOf(containsString("not sent ("), containsString(why))));
        assertThat(Spending.of(log.all(), environment.profile()).usd(), comparesEqualTo(BigDecimal.ZERO));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"vercel, /v1/chat/completions", "openrouter, /api/v1/chat/completions"})
    void withBillingAllowedTheRequestAndItsVariantsArrive(String gateway, String path) throws Exception {
        Environment environment = environment(gateway, true, "1");
        ExchangeLog log = new ExchangeLog();
        GatewayClient client = client(environment, log);
        Credential team = Credential.teamKey(environment.apiKey());
        ApplicationRequest application = request(path);

        client.applicationRequest(team, application);
        RefusalReduction.Outcome variants = RefusalReduction.find(client, team, application);

        assertThat(posts(), hasSize(1 + variants.requests()));
        assertThat(variants.requests(), greaterThan(0));
        assertThat(posts(), everyItem(startsWith(path)));
    }

    /** Past the run's deadline (timeouts.runSeconds), no billable send leaves, on either gateway. */
    @ParameterizedTest(name = "{0}")
    @CsvSource({"vercel, /v1/chat/completions", "openrouter, /api/v1/chat/completions"})
    void pastTheRunsDeadlineNoBillableSendLeaves(String gateway, String path) throws Exception {
        Environment environment = environment(gateway, true, "1");
        GatewayClient late = new GatewayClient(environment, new Redactor(environment.secrets(), environment.profile()),
                new ExchangeLog().forScenario(), "late", new RunLimits(0), dev.aigateway.contract.http.SpendGuard.NONE, new SharedAnswer());
        Skipped refused = assertThrows(Skipped.class,
                () -> late.applicationRequest(Credential.teamKey(environment.apiKey()), request(path)));
        assertThat(refused.getMessage(), containsString("the run reached its deadline (timeouts.runSeconds: 0)"));
        assertThat(posts(), empty());
    }

    /** A path the profile does not list is held like billable inference: not sent with allowBillable: false. */
    @ParameterizedTest(name = "{0}")
    @CsvSource({"vercel, /v1/unlisted/completions", "openrouter, /v1/chat/completions"})
    void aPathTheProfileDoesNotListIsHeldAsBillable(String gateway, String path) throws Exception {
        Environment environment = environment(gateway, false, "1");
        GatewayClient client = client(environment, new ExchangeLog());
        Skipped refused = assertThrows(Skipped.class,
                () -> client.applicationRequest(Credential.teamKey(environment.apiKey()), request(path)));
        assertThat(refused.getMessage(), containsString("a path " + environment.profile().title() + " does not list"));
        assertThat(posts(), empty());
    }
}
