package dev.aigateway.contract.run;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.aigateway.contract.Stop;
import dev.aigateway.contract.environment.EnvironmentFolders;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An environment's {@code routes:} are checked against its gateway's profile when the build's environment check
 * reads it (as {@code ./mvnw verify -Denv=NAME} runs {@link EnvironmentCheck}), in a checkout of this project's
 * features: a route the profile does not list, or whose features are all another gateway's, stops the build in
 * one sentence naming the file, the field and the routes the gateway has, before anything is sent.
 */
class RoutesOfTheProfileTest {

    @TempDir
    Path root;

    @BeforeEach
    void aCheckoutWithTheFeatures() throws IOException {
        Files.createDirectories(root.resolve("environments"));
        ContractSuite.copyFeaturesTo(root);
    }

    @AfterEach
    void releaseTheLock() throws IOException {
        RunLock.release(root);
    }

    @Test
    void anOpenRouterEnvironmentNamingAnAiSdkRouteIsRefusedWithTheRoutesOpenRouterHas() throws IOException {
        environment("openrouter-ai-sdk", "local-openrouter", "routes:\n  - chat-completions\n  - ai-sdk-v4\n");

        String said = refused("openrouter-ai-sdk");

        long line = Files.readAllLines(EnvironmentFolders.file(Path.of("."), "local-openrouter")).size() + 3;
        assertThat(said, equalTo("environments/openrouter-ai-sdk.yaml, line " + line + " (routes, item 2): OpenRouter has no route"
                + " ai-sdk-v4 (gateways/openrouter.yaml); the routes it has are chat-completions, messages, responses, embeddings."));
    }

    @Test
    void everyRouteEachProfileListsPassesTheCheck() throws IOException {
        for (String env : new String[] {"local-all-routes", "local-openrouter-all-routes"}) {
            environment(env, env, "");
            EnvironmentCheck.main(new String[] {root.toString(), env, "true"});
        }
    }

    @Test
    void aVercelRouteWhoseFeaturesAreAllAnotherGatewaysIsRefused() throws IOException {
        tagFeature("features/embeddings/embeddings.feature", "@openrouter");
        environment("vercel-embeddings", "local", "routes:\n  - chat-completions\n  - embeddings\n");

        String said = refused("vercel-embeddings");

        assertThat(said, equalTo("environments/vercel-embeddings.yaml (routes): the features of route embeddings"
                + " (features/embeddings/embeddings.feature) are for openrouter only, so on Vercel AI Gateway it would check"
                + " nothing; routes Vercel AI Gateway has features for: chat-completions, messages, responses, ai-sdk-v1,"
                + " ai-sdk-v3, ai-sdk-v4."));
    }

    @Test
    void anOpenRouterRouteWhoseFeaturesAreAllAnotherGatewaysIsRefused() throws IOException {
        tagFeature("features/responses/openai-responses.feature", "@vercel");
        environment("openrouter-responses", "local-openrouter-all-routes", "");

        String said = refused("openrouter-responses");

        assertThat(said, containsString("environments/openrouter-responses.yaml (routes): the features of route responses"
                + " (features/responses/openai-responses.feature) are for vercel only, so on OpenRouter it would check nothing;"
                + " routes OpenRouter has features for: chat-completions, messages, embeddings."));
    }

    /** The check's sentence, after checking it is one line with no trace. */
    private String refused(String env) {
        Stop stop = assertThrows(Stop.class, () -> EnvironmentCheck.main(new String[] {root.toString(), env, "false"}));
        String said = stop.getMessage();
        assertThat(said, not(containsString("\n")));
        assertThat(said, not(containsString("Exception")));
        return said;
    }

    /** {@code environments/<name>.yaml}: this project's environment {@code template} with {@code extra} appended. */
    private void environment(String name, String template, String extra) throws IOException {
        Files.writeString(root.resolve("environments/" + name + ".yaml"),
                Files.readString(EnvironmentFolders.file(Path.of("."), template)) + extra);
    }

    private void tagFeature(String feature, String tag) throws IOException {
        Path file = root.resolve(feature);
        Files.writeString(file, tag + " " + Files.readString(file));
    }
}
