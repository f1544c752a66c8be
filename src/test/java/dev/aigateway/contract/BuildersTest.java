package dev.aigateway.contract;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import dev.aigateway.contract.environment.Environment;
import dev.aigateway.contract.environment.Route;
import dev.aigateway.contract.record.Caller;
import dev.aigateway.contract.record.Exchange;
import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * An exchange and an environment are built by naming their components, so a new component is one edit in the
 * record and its builder, not in every test that makes one: the builder names every component, a copy keeps them,
 * and no other file calls the canonical constructor.
 */
class BuildersTest {

    private static final Path ROOT = Path.of(System.getProperty("contract.root", "."));
    private static final Pattern POSITIONAL = Pattern.compile("new\\s+(?:[a-z]+\\.)*(Exchange|Environment)\\s*\\(");

    @Test
    void noFileButTheRecordsOwnCallsTheCanonicalConstructor() throws IOException {
        List<String> callers = new ArrayList<>();
        for (String tree : List.of("src/main/java", "src/test/java")) {
            try (Stream<Path> files = Files.walk(ROOT.resolve(tree))) {
                for (Path file : files.filter(f -> f.toString().endsWith(".java") && !f.endsWith("BuildersTest.java")).toList()) {
                    var matcher = POSITIONAL.matcher(Files.readString(file));
                    while (matcher.find()) {
                        if (!file.getFileName().toString().equals(matcher.group(1) + ".java")) {
                            callers.add(ROOT.relativize(file) + ": " + matcher.group());
                        }
                    }
                }
            }
        }
        assertThat("files that call new Exchange(...) or new Environment(...) instead of the builder", callers, empty());
    }

    @Test
    void theCheckSeesAPositionalCall() {
        assertThat(POSITIONAL.matcher("x = new dev.aigateway.contract.record.Exchange(1, \"s\"").find(), equalTo(true));
        assertThat(POSITIONAL.matcher("x = Exchange.builder().sequence(1)").find(), equalTo(false));
    }

    @Test
    void anExchangeBuiltWithEveryComponentNamedHoldsEachAndACopyKeepsThemAll() throws Exception {
        Exchange.Builder builder = Exchange.builder();
        Object[] values = {7, "scenario", Instant.EPOCH, "POST", "https://gateway.example/v1/x", "/v1/x",
                List.of(new Exchange.Header("x-a", "1")), "{}", 418, Map.of("x-b", "2"), "body", 12L, "req-1", "gen-1",
                "teapot", "failure", Caller.NO_KEY, true, "stream: true", "finding", "max_tokens", 99L,
                List.of(new Exchange.Placeholder(Exchange.Placeholder.BODY, 1, "AI_GATEWAY_API_KEY"))};
        Exchange built = everyComponent(Exchange.class, builder, values);
        assertThat(built.toBuilder().build(), equalTo(built));
        assertThat(built.toBuilder().variant(null).build(), not(equalTo(built)));
    }

    @Test
    void anEnvironmentBuiltWithEveryComponentNamedHoldsEachAndACopyKeepsThemAll() throws Exception {
        Environment.Builder builder = Environment.builder();
        Object[] values = {"name", "description", "https://gateway.example", "team_1", "key_FAKE", true,
                List.of("openai/gpt-4o-mini"), new Environment.Probe("openai/gpt-4o-mini", 2, "openai/e"), true,
                new Environment.Timeouts(1, 2, 3), new Environment.Simulator("healthy", 4),
                new Environment.Byok(Map.of("anthropic", "sk-FAKE"), "anthropic/claude", true, "claude"), BigDecimal.TEN,
                List.of(new Environment.Secret("V", "FAKE")), List.of(Route.MESSAGES),
                new Environment.Auth("oidc", null, Instant.EPOCH), "https://hooks.example/FAKE", new Environment.Limits(5),
                "openrouter", List.of("requests/a.json"), new Environment.RequestSettings(2), Map.of("x-c", "3")};
        Environment built = everyComponent(Environment.class, builder, values);
        assertThat(built.toBuilder().build(), equalTo(built));
        assertThat(built.toBuilder().baseUrl("https://other.example").build(), not(equalTo(built)));
    }

    @Test
    void aNewEnvironmentStartsWhereAFileThatLeavesTheFieldsOutStarts() {
        Environment bare = Environment.builder().name("bare").build();
        assertThat(bare.routes(), equalTo(Route.DEFAULT));
        assertThat(bare.auth(), equalTo(Environment.Auth.API_KEY));
        assertThat(bare.limits(), equalTo(Environment.Limits.DEFAULT));
        assertThat(bare.request(), equalTo(Environment.RequestSettings.DEFAULT));
        assertThat(bare.profile().name(), equalTo(dev.aigateway.contract.gateway.GatewayProfile.defaultName()));
    }

    /**
     * Sets each of {@code type}'s components on {@code builder} through the setter of its name, from {@code values}
     * in the record's order, and checks the built record's accessor gives each back.
     */
    private static <R extends Record> R everyComponent(Class<R> type, Object builder, Object[] values) throws Exception {
        RecordComponent[] components = type.getRecordComponents();
        assertThat("one value a component", values.length, equalTo(components.length));
        for (int i = 0; i < components.length; i++) {
            Method setter = builder.getClass().getMethod(components[i].getName(), components[i].getType());
            setter.invoke(builder, values[i]);
        }
        R built = type.cast(builder.getClass().getMethod("build").invoke(builder));
        for (int i = 0; i < components.length; i++) {
            assertThat(components[i].getName(), components[i].getAccessor().invoke(built), equalTo(values[i]));
        }
        return built;
    }
}
