package dev.aigateway.contract.environment;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EnvironmentLoaderTest {

    private static final String VALID = """
            description: A test gateway
            baseUrl: https://gateway.example/
            teamId: team_123
            apiKey: ${TEST_GATEWAY_KEY}
            expectedModels: [openai/gpt-4o-mini]
            probe:
              model: ${TEST_PROBE_MODEL:-openai/gpt-4o-mini}
            """;

    @TempDir
    Path root;

    private EnvironmentLoader loader(Map<String, String> variables) {
        return new EnvironmentLoader(root, variables);
    }

    private void write(String name, String yaml) throws IOException {
        Files.createDirectories(root.resolve("environments"));
        Files.writeString(root.resolve("environments").resolve(name + ".yaml"), yaml);
    }

    /** A gateway whose answers name the account (OpenRouter's user_id) needs no teamId; Vercel's still does. */
    @Test
    void teamIdIsOptionalOnlyWhereTheGatewaysAnswersNameTheAccount() throws IOException {
        String withoutTeamId = VALID.replace("teamId: team_123\n", "").replace("baseUrl: https://gateway.example/", "baseUrl: https://openrouter.ai");
        write("or", "gateway: openrouter\n" + withoutTeamId);
        write("or-blank", "gateway: openrouter\nteamId: ${NO_SUCH_ACCOUNT:-}\n" + withoutTeamId);
        Map<String, String> variables = Map.of("TEST_GATEWAY_KEY", "sk-or-v1-abc123456789");
        assertThat(loader(variables).load("or").teamId(), nullValue());
        assertThat(loader(variables).load("or-blank").teamId(), nullValue());
        write("vercel-without", withoutTeamId);
        EnvironmentException error = org.junit.jupiter.api.Assertions.assertThrows(EnvironmentException.class,
                () -> loader(variables).load("vercel-without"));
        assertThat(error.getMessage(), containsString("required field \"teamId\" is missing"));
    }

    @Test
    void readsFieldsResolvesVariablesAndAppliesDefaults() throws IOException {
        write("mine", VALID);
        Environment environment = loader(Map.of("TEST_GATEWAY_KEY", "vck_abc123456789")).load("mine");

        assertThat(environment.baseUrl(), equalTo("https://gateway.example"));
        assertThat(environment.apiKey(), equalTo("vck_abc123456789"));
        assertThat(environment.probe().model(), equalTo("openai/gpt-4o-mini"));
        assertThat(environment.probe().maxTokens(), equalTo(1));
        assertThat(environment.allowBillable(), equalTo(false));
        assertThat(environment.timeouts().readMs(), equalTo(30000));
        assertThat(environment.simulator(), nullValue());
        assertThat(environment.secrets(), contains(new Environment.Secret("TEST_GATEWAY_KEY", "vck_abc123456789")));
    }

    @Test
    void theWebhookUrlIsASecretLikeTheKey() throws IOException {
        write("mine", VALID + "notify:\n  webhookUrl: ${TEST_WEBHOOK_URL:-}\n");
        String hook = "https://hooks.slack.example/services/T000/B000/XXXXXXXX";
        Environment environment = loader(Map.of("TEST_GATEWAY_KEY", "vck_abc123456789", "TEST_WEBHOOK_URL", hook)).load("mine");
        assertThat(environment.webhookUrl(), equalTo(hook));
        assertThat(environment.secrets(), contains(new Environment.Secret("TEST_GATEWAY_KEY", "vck_abc123456789"),
                new Environment.Secret("TEST_WEBHOOK_URL", hook)));
        Environment without = loader(Map.of("TEST_GATEWAY_KEY", "vck_abc123456789")).load("mine");
        assertThat(without.webhookUrl(), nullValue());
        assertThat(without.secrets().size(), equalTo(1));
    }

    @Test
    void aVariableWithADefaultIsOverriddenWhenSet() throws IOException {
        write("mine", VALID);
        Environment environment = loader(Map.of("TEST_GATEWAY_KEY", "k", "TEST_PROBE_MODEL", "anthropic/claude-haiku-4.5"))
                .load("mine");
        assertThat(environment.probe().model(), equalTo("anthropic/claude-haiku-4.5"));
    }

    @Test
    void aMissingEnvironmentNamesTheFileAndListsThoseThatExist() throws IOException {
        write("local", VALID);
        write("vercel", VALID);
        EnvironmentException error = assertThrows(EnvironmentException.class, () -> loader(Map.of()).load("nope"));
        assertThat(error.getMessage(), allOf(containsString("environments/nope.yaml does not exist"),
                containsString("Environments that exist: local, vercel.")));
        assertThat(error.getStackTrace().length, equalTo(0));
    }

    @Test
    void anUnsetVariableWithoutDefaultIsNamed() throws IOException {
        write("mine", VALID);
        EnvironmentException error = assertThrows(EnvironmentException.class, () -> loader(Map.of()).load("mine"));
        assertThat(error.getMessage(), allOf(containsString("environments/mine.yaml, line 4"),
                containsString("TEST_GATEWAY_KEY is not set and has no default")));
    }

    @Test
    void malformedYamlNamesTheFileAndTheLine() throws IOException {
        write("broken", "description: fine\nteamId: [unclosed\napiKey: x\n");
        EnvironmentException error = assertThrows(EnvironmentException.class, () -> loader(Map.of()).load("broken"));
        assertThat(error.getMessage(), allOf(containsString("environments/broken.yaml, line 3"),
                containsString("not valid YAML")));
    }

    @Test
    void aMissingRequiredFieldIsNamedWithItsLine() throws IOException {
        write("incomplete", VALID.replace("apiKey: ${TEST_GATEWAY_KEY}\n", ""));
        EnvironmentException error = assertThrows(EnvironmentException.class, () -> loader(Map.of()).load("incomplete"));
        assertThat(error.getMessage(), allOf(containsString("environments/incomplete.yaml, line 1"),
                containsString("required field \"apiKey\" is missing")));

        write("noprobe", VALID.replace("  model: ${TEST_PROBE_MODEL:-openai/gpt-4o-mini}\n", "  maxTokens: 2\n"));
        EnvironmentException nested = assertThrows(EnvironmentException.class,
                () -> loader(Map.of("TEST_GATEWAY_KEY", "k")).load("noprobe"));
        assertThat(nested.getMessage(), allOf(containsString("line 6"), containsString("\"probe.model\" is missing")));
    }

    @Test
    void aBaseUrlIsRequiredUnlessTheSimulatorIsTargeted() throws IOException {
        write("nourl", VALID.replace("baseUrl: https://gateway.example/\n", ""));
        EnvironmentException error = assertThrows(EnvironmentException.class,
                () -> loader(Map.of("TEST_GATEWAY_KEY", "k")).load("nourl"));
        assertThat(error.getMessage(), containsString("required field \"baseUrl\" is missing"));

        write("simulated", VALID.replace("baseUrl: https://gateway.example/\n", "simulator:\n  team: team-blocked\n"));
        Environment environment = loader(Map.of("TEST_GATEWAY_KEY", "k")).load("simulated");
        assertThat(environment.simulator().team(), equalTo("team-blocked"));
    }

    @Test
    void anUnknownFieldIsNamedWithTheKnownOnes() throws IOException {
        write("typo", VALID + "alowBillable: true\n");
        EnvironmentException error = assertThrows(EnvironmentException.class,
                () -> loader(Map.of("TEST_GATEWAY_KEY", "k")).load("typo"));
        assertThat(error.getMessage(), allOf(containsString("line 8"), containsString("unknown field \"alowBillable\""),
                containsString("allowBillable")));
    }

    @Test
    void aWrongTypeNamesTheFieldAndLine() throws IOException {
        write("wrongtype", VALID.replace("probe:\n", "probe:\n  maxTokens: lots\n"));
        EnvironmentException error = assertThrows(EnvironmentException.class,
                () -> loader(Map.of("TEST_GATEWAY_KEY", "k")).load("wrongtype"));
        assertThat(error.getMessage(), allOf(containsString("line 7"), containsString("probe.maxTokens")));
    }

    @Test
    void aNameThatIsNotAFileNameIsRefused() {
        EnvironmentException error = assertThrows(EnvironmentException.class, () -> loader(Map.of()).load("../pom"));
        assertThat(error.getMessage(), containsString("is not an environment name"));
    }

    @Test
    void theShippedEnvironmentsAllLoad() {
        EnvironmentLoader shipped = new EnvironmentLoader(Path.of(System.getProperty("contract.root", ".")),
                Map.of("AI_GATEWAY_API_KEY", "vck_test_key_0000", "OPENROUTER_API_KEY", "sk-or-v1-test_key_0000",
                        "PORTKEY_PROVIDER_API_KEY", "sk-test_key_FAKE_0000", "LITELLM_API_KEY", "sk-test_key_FAKE_0000"));
        List<String> names = shipped.names();
        assertThat(names, not(List.of()));
        for (String name : names) {
            Environment environment = shipped.load(name);
            assertThat(name + " has a description", environment.description(), not(nullValue()));
        }
    }

    @Test
    void aSimulatedGatewayMayAnswerLateAndNeverEarly() throws IOException {
        String simulated = VALID.replace("baseUrl: https://gateway.example/\n", "simulator:\n  team: healthy\n  latencyMs: 300\n");
        write("slowly", simulated);
        assertThat(loader(Map.of("TEST_GATEWAY_KEY", "k")).load("slowly").simulator().latencyMs(), equalTo(300));

        write("promptly", simulated.replace("  latencyMs: 300\n", ""));
        assertThat(loader(Map.of("TEST_GATEWAY_KEY", "k")).load("promptly").simulator().latencyMs(), equalTo(0));

        write("early", simulated.replace("latencyMs: 300", "latencyMs: -5"));
        EnvironmentException error = assertThrows(EnvironmentException.class,
                () -> loader(Map.of("TEST_GATEWAY_KEY", "k")).load("early"));
        assertThat(error.getMessage(), equalTo("environments/early.yaml, line 4 (simulator.latencyMs): expected a whole number"
                + " of 0 or more, or a variable, ${VAR} or ${VAR:-default}."));
        write("early-by-variable", simulated.replace("latencyMs: 300", "latencyMs: ${TEST_LATENCY:--5}"));
        EnvironmentException byVariable = assertThrows(EnvironmentException.class,
                () -> loader(Map.of("TEST_GATEWAY_KEY", "k")).load("early-by-variable"));
        assertThat(byVariable.getMessage(), allOf(containsString("environments/early-by-variable.yaml, line 4"),
                containsString("simulator.latencyMs is a delay in milliseconds, 0 or more")));
    }

    @Test
    void anAnswerIsKeptUpToFourMibUnlessTheEnvironmentSaysOtherwise() throws IOException {
        write("capped", VALID);
        assertThat(loader(Map.of("TEST_GATEWAY_KEY", "k")).load("capped").limits().answerBytes(), equalTo(4L * 1024 * 1024));

        write("roomy", VALID + "limits:\n  answerBytes: 16777216\n");
        assertThat(loader(Map.of("TEST_GATEWAY_KEY", "k")).load("roomy").limits().answerBytes(), equalTo(16777216L));

        write("tiny", VALID + "limits:\n  answerBytes: 10\n");
        EnvironmentException error = assertThrows(EnvironmentException.class,
                () -> loader(Map.of("TEST_GATEWAY_KEY", "k")).load("tiny"));
        assertThat(error.getMessage(), equalTo("environments/tiny.yaml, line 9 (limits.answerBytes): expected a whole number of 1024 or more."));
    }

    @Test
    void aRefusedRequestGetsAtMostEightVariantsUnlessTheEnvironmentSaysOtherwise() throws IOException {
        write("plain", VALID);
        assertThat(loader(Map.of("TEST_GATEWAY_KEY", "k")).load("plain").request().maxVariants(), equalTo(8));

        write("frugal", VALID + "request:\n  maxVariants: ${TEST_MAX_VARIANTS:-2}\n");
        assertThat(loader(Map.of("TEST_GATEWAY_KEY", "k")).load("frugal").request().maxVariants(), equalTo(2));
        assertThat(loader(Map.of("TEST_GATEWAY_KEY", "k", "TEST_MAX_VARIANTS", "0")).load("frugal").request().maxVariants(), equalTo(0));

        write("negative", VALID + "request:\n  maxVariants: -1\n");
        EnvironmentException error = assertThrows(EnvironmentException.class,
                () -> loader(Map.of("TEST_GATEWAY_KEY", "k")).load("negative"));
        assertThat(error.getMessage(), allOf(containsString("environments/negative.yaml, line 9"),
                containsString("(request.maxVariants): expected a whole number of 0 or more")));
    }

    // Issue 8, finding 8: bad values are refused with one sentence naming the field and the line, never the value.

    private EnvironmentException refused(String yaml, Map<String, String> variables) throws IOException {
        write("bad", yaml);
        return assertThrows(EnvironmentException.class, () -> loader(variables).load("bad"));
    }

    @Test
    void aBaseUrlWithoutSchemeOrHostIsRefusedNamingTheLine() throws IOException {
        for (String baseUrl : List.of("ai-gateway.vercel.sh", "ai-gateway.vercel.sh/v1", "ftp://gateway.example", "https://")) {
            EnvironmentException refusal = refused(VALID.replace("https://gateway.example/", baseUrl),
                    Map.of("TEST_GATEWAY_KEY", "vck_abc123456789"));
            assertThat(baseUrl, refusal.getMessage(), allOf(containsString("environments/bad.yaml, line 2: baseUrl"),
                    containsString("https://ai-gateway.vercel.sh")));
        }
    }

    @Test
    void aKeyWithWhitespaceControlOrNonAsciiCharactersIsRefusedNotChanged() throws IOException {
        Map<String, String> keys = Map.of(
                "vck_abc123456789\n", "ends with a newline (character 17 of 17)",
                " vck_abc123456789", "starts with a space (character 1 of 17)",
                "vck_abc\u0007123456789", "has a control character (U+0007) inside it (character 8 of 17)",
                "vck_\u00c4bc123456789", "has a non-ASCII character (U+00C4) (character 5 of 16)");
        for (Map.Entry<String, String> key : keys.entrySet()) {
            EnvironmentException refusal = refused(VALID, Map.of("TEST_GATEWAY_KEY", key.getKey()));
            assertThat(refusal.getMessage(), allOf(
                    containsString("line 4 (apiKey): environment variable TEST_GATEWAY_KEY " + key.getValue()),
                    not(containsString("bc123456789"))));
        }
    }

    @Test
    void anEmptyVariableIsReportedAsEmptyNotAsUnset() throws IOException {
        EnvironmentException refusal = refused(VALID, Map.of("TEST_GATEWAY_KEY", ""));
        assertThat(refusal.getMessage(), containsString("environment variable TEST_GATEWAY_KEY is set but empty"));
    }

    @Test
    void aTextFieldOverAThousandCharactersIsRefusedNamingTheField() throws IOException {
        EnvironmentException refusal = refused(VALID.replace("A test gateway", "x".repeat(2_000_000)),
                Map.of("TEST_GATEWAY_KEY", "vck_abc123456789"));
        assertThat(refusal.getMessage(), allOf(containsString("line 1 (description)"),
                containsString("is 2000000 characters long; an environment value may have at most 1000")));
        assertThat(refusal.getMessage().length(), org.hamcrest.Matchers.lessThan(300));
    }

    @Test
    void theRunDeadlineDefaultsToSixtySeconds() throws IOException {
        write("mine", VALID);
        assertThat(loader(Map.of("TEST_GATEWAY_KEY", "vck_abc123456789")).load("mine").timeouts().runSeconds(), equalTo(60));
    }

    @Test
    void anUnknownRouteIsRefusedListingTheRoutesThatExist() throws IOException {
        EnvironmentException refusal = refused(VALID + "routes: [chat-completions, chat]\n", Map.of("TEST_GATEWAY_KEY", "vck_abc123456789"));
        assertThat(refusal.getMessage(), equalTo("environments/bad.yaml, line 8 (routes, item 2): expected one of"
                + " chat-completions, messages, responses, embeddings, ai-sdk-v1, ai-sdk-v3, ai-sdk-v4."));
    }

    @Test
    void withoutRoutesTheRunChecksChatCompletions() throws IOException {
        write("mine", VALID);
        assertThat(loader(Map.of("TEST_GATEWAY_KEY", "vck_abc123456789")).load("mine").routes(), equalTo(Route.DEFAULT));
    }

    @Test
    void theGatewayIsVercelUnlessTheEnvironmentNamesAnother() throws IOException {
        write("mine", VALID);
        assertThat(loader(Map.of("TEST_GATEWAY_KEY", "vck_abc123456789")).load("mine").profile().name(), equalTo("vercel"));
        write("named", "gateway: vercel\n" + VALID);
        assertThat(loader(Map.of("TEST_GATEWAY_KEY", "vck_abc123456789")).load("named").gateway(), equalTo("vercel"));
    }

    @Test
    void anUnknownGatewayIsRefusedWithTheProfilesThatExist() throws IOException {
        write("bad", VALID + "gateway: no-such-gateway\n");
        EnvironmentException refusal = assertThrows(EnvironmentException.class,
                () -> loader(Map.of("TEST_GATEWAY_KEY", "vck_abc123456789")).load("bad"));
        assertThat(refusal.getMessage(), equalTo("environments/bad.yaml, line 8 (gateway): unknown gateway \"no-such-gateway\"."
                + " Gateways that exist: " + String.join(", ", dev.aigateway.contract.gateway.GatewayProfile.names()) + "."));
        assertThat(refusal.getMessage(), containsString("Gateways that exist: vercel, openrouter"));
    }

    @Test
    void anEnvironmentTargetsOpenRouterByItsProfile() throws IOException {
        write("mine", VALID + "gateway: openrouter\n");
        Environment environment = loader(Map.of("TEST_GATEWAY_KEY", "sk-or-v1-abc123456789")).load("mine");
        assertThat(environment.profile().name(), equalTo("openrouter"));
        assertThat(environment.profile().keyCheckRoute().path(), equalTo("/api/v1/key"));
    }

    /**
     * baseUrl as users write it: each gateway's documented API base (its profile's links.apiBase) is read as the
     * host its routes are on, and the loader says so; the host alone, or any other path, is used as written.
     */
    @org.junit.jupiter.params.ParameterizedTest(name = "{0}: {1} -> {2}")
    @org.junit.jupiter.params.provider.CsvSource({
            "openrouter, https://openrouter.ai/api/v1,                 https://openrouter.ai,               true",
            "openrouter, https://openrouter.ai/api/v1/,                https://openrouter.ai,               true",
            "openrouter, https://openrouter.ai,                        https://openrouter.ai,               false",
            "openrouter, https://proxy.example/openrouter/api/v1,      https://proxy.example/openrouter,    true",
            "openrouter, https://openrouter.ai/api,                    https://openrouter.ai/api,           false",
            "vercel,     https://ai-gateway.vercel.sh/v1,              https://ai-gateway.vercel.sh,        true",
            "vercel,     https://ai-gateway.vercel.sh,                 https://ai-gateway.vercel.sh,        false",
    })
    void theDocumentedApiBaseIsReadAsTheHost(String gateway, String written, String used, boolean said) throws IOException {
        write("mine", VALID.replace("https://gateway.example/", "${BASE}") + "gateway: " + gateway + "\n");
        EnvironmentLoader loader = loader(Map.of("TEST_GATEWAY_KEY", "sk-or-v1-abc123456789", "BASE", written));
        assertThat(loader.load("mine").baseUrl(), equalTo(used));
        assertThat(loader.baseUrlNote(), said ? equalTo("baseUrl " + written + " ends with "
                + dev.aigateway.contract.gateway.GatewayProfile.named(gateway).words().get("theGateway") + "'s documented API base, "
                + dev.aigateway.contract.gateway.GatewayProfile.named(gateway).apiBasePath() + ", which its routes carry: the run calls them on "
                + used) : equalTo(""));
    }

    @Test
    void aClientsBaseUrlMayAddEachPartOfTheDocumentedBase() {
        assertThat(dev.aigateway.contract.gateway.GatewayProfile.named("openrouter").clientBasePaths(),
                equalTo(java.util.List.of("", "/api", "/api/v1")));
        assertThat(dev.aigateway.contract.gateway.GatewayProfile.named("vercel").clientBasePaths(), equalTo(java.util.List.of("", "/v1")));
    }

    @Test
    void theShippedOpenRouterTemplateReadsItsKeyAndNeedsNoTeamId() {
        Environment environment = new EnvironmentLoader(java.nio.file.Path.of(System.getProperty("contract.root", ".")),
                Map.of("OPENROUTER_API_KEY", "sk-or-v1-abc123456789")).load("openrouter");
        assertThat(environment.profile().name(), equalTo("openrouter"));
        assertThat(environment.apiKey(), equalTo("sk-or-v1-abc123456789"));
        assertThat(environment.baseUrl(), equalTo("https://openrouter.ai"));
        assertThat(environment.secrets(), contains(new Environment.Secret("OPENROUTER_API_KEY", "sk-or-v1-abc123456789")));
    }
    @Test
    void theApplicationsRequestFilesAreListedAsWrittenAndNoneWhenTheFieldIsAbsent() throws IOException {
        write("mine", VALID);
        assertThat(loader(Map.of("TEST_GATEWAY_KEY", "vck_abc123456789")).load("mine").requests(), equalTo(List.of()));
        write("requests", VALID + "requests:\n  - requests/app.curl\n  - ${TEST_HAR:-requests/app.har}#2\n");
        assertThat(loader(Map.of("TEST_GATEWAY_KEY", "vck_abc123456789")).load("requests").requests(),
                equalTo(List.of("requests/app.curl", "requests/app.har#2")));
    }

    @Test
    void anEmptyRequestFileItemIsRefusedWithItsLine() throws IOException {
        write("bad", VALID + "requests:\n  - requests/app.curl\n  - \"\"\n");
        EnvironmentException refusal = assertThrows(EnvironmentException.class,
                () -> loader(Map.of("TEST_GATEWAY_KEY", "vck_abc123456789")).load("bad"));
        assertThat(refusal.getMessage(), equalTo("environments/bad.yaml, line 10 (requests, item 2): expected text, not empty."));
        write("unset", VALID + "requests:\n  - requests/app.curl\n  - ${TEST_HAR:-}\n");
        EnvironmentException fromAVariable = assertThrows(EnvironmentException.class,
                () -> loader(Map.of("TEST_GATEWAY_KEY", "vck_abc123456789")).load("unset"));
        assertThat(fromAVariable.getMessage(), startsWith("environments/unset.yaml, line 10 (requests): item 2 is empty; each item is a request file"));
    }

    @Test
    void aValueTheSchemaRefusesGetsOneSentenceWithWhatTheFieldTakesAndNeverTheValue() throws IOException {
        EnvironmentException model = refused(VALID.replace("${TEST_PROBE_MODEL:-openai/gpt-4o-mini}", "gpt-4o-mini-secret"),
                Map.of("TEST_GATEWAY_KEY", "vck_abc123456789"));
        assertThat(model.getMessage(), equalTo("environments/bad.yaml, line 7 (probe.model): expected a value of the form its"
                + " description gives. Its description: The model every billable call asks for (creator/model), e.g. openai/gpt-4o-mini."));
        EnvironmentException funded = refused(VALID + "funded: maybe-secret\n", Map.of("TEST_GATEWAY_KEY", "vck_abc123456789"));
        assertThat(funded.getMessage(), equalTo("environments/bad.yaml, line 8 (funded): expected true or false, or a variable,"
                + " ${VAR} or ${VAR:-default}."));
        assertThat(model.getMessage() + funded.getMessage(), not(containsString("secret")));
    }

    @Test
    void ofTwoProblemsTheOneHigherInTheFileIsNamed() throws IOException {
        EnvironmentException refusal = refused(VALID.replace("probe:\n", "probe:\n  maxTokens: lots\n") + "routes: [chat]\n",
                Map.of("TEST_GATEWAY_KEY", "vck_abc123456789"));
        assertThat(refusal.getMessage(), startsWith("environments/bad.yaml, line 7 (probe.maxTokens): expected a whole number of 1 or more"));
    }

    @Test
    void aKeyWrittenInTheFileIsStillTakenAsBeforeTheSchema() throws IOException {
        write("literal", VALID.replace("apiKey: ${TEST_GATEWAY_KEY}", "apiKey: vck_written_in_the_file"));
        Environment environment = loader(Map.of()).load("literal");
        assertThat(environment.apiKey(), equalTo("vck_written_in_the_file"));
        assertThat(environment.secrets(), contains(new Environment.Secret("apiKey", "vck_written_in_the_file")));
    }
}
