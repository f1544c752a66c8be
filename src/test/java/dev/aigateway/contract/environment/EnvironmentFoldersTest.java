package dev.aigateway.contract.environment;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.aigateway.contract.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Where environments live: the user's own and the templates to copy in {@code environments/}, those that run on this
 * machine in {@code environments/local/}; {@code -Denv=NAME} finds either, the user's own first.
 */
class EnvironmentFoldersTest {

    private static final Path PROJECT = Path.of(System.getProperty("contract.root", "."));
    private static final String VALID = """
            description: %s
            baseUrl: https://gateway.example/
            teamId: team_123
            apiKey: key_FAKE_0123456789
            probe:
              model: openai/gpt-4o-mini
            """;

    @TempDir
    Path root;

    private void write(String path, String description) throws IOException {
        Path file = root.resolve("environments").resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, VALID.formatted(description));
    }

    @Test
    void aNameIsFoundInTheLocalFolderAndItsMessagesNameTheFileThere() throws IOException {
        write("local/local-x.yaml", "on this machine");
        assertThat(new EnvironmentLoader(root, Map.of()).load("local-x").description(), equalTo("on this machine"));
        Files.writeString(root.resolve("environments/local/local-x.yaml"), "description: [\n");
        EnvironmentException broken = assertThrows(EnvironmentException.class,
                () -> new EnvironmentLoader(root, Map.of()).load("local-x"));
        assertThat(broken.getMessage(), containsString("environments/local/local-x.yaml"));
    }

    @Test
    void theUsersOwnFileWinsOverTheLocalOneOfTheSameName() throws IOException {
        write("local/team.yaml", "the shipped one");
        write("team.yaml", "mine");
        assertThat(new EnvironmentLoader(root, Map.of()).load("team").description(), equalTo("mine"));
        assertThat(EnvironmentFolders.display(root, "team"), equalTo("environments/team.yaml"));
        assertThat(new EnvironmentLoader(root, Map.of()).names(), equalTo(List.of("team")));
    }

    @Test
    void aMissingEnvironmentListsBothFoldersAndHowToStartOne() throws IOException {
        write("vercel.yaml", "template");
        write("local/local.yaml", "simulated");
        write("local/local-team-blocked.yaml", "simulated");
        EnvironmentException missing = assertThrows(EnvironmentException.class,
                () -> new EnvironmentLoader(root, Map.of()).load("myteam"));
        assertThat(missing.getMessage(), allOf(containsString("environments/myteam.yaml does not exist"),
                containsString("yours and the templates (environments/): vercel; on this machine (environments/local/):"
                        + " local, local-team-blocked."),
                containsString("cp environments/vercel.yaml environments/myteam.yaml")));
    }

    /** The templates a user copies are the only shipped files at the top: nothing simulated, none named local. */
    @Test
    void theTopOfTheFolderHoldsTemplatesAndTheSimulatedOnesAreInLocal() throws IOException {
        List<String> misplaced = new ArrayList<>();
        try (Stream<Path> files = Files.list(PROJECT.resolve("environments"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).toList()) {
                String name = file.getFileName().toString();
                if (name.startsWith("local") || Json.YAML.readTree(file.toFile()).has("simulator")) {
                    misplaced.add(name);
                }
            }
        }
        assertThat("simulated or local environments at the top of environments/ (move them to environments/local/)",
                misplaced, empty());
        assertThat(new EnvironmentLoader(PROJECT, Map.of()).names(), allOf(
                org.hamcrest.Matchers.hasItems("local", "local-team-blocked", "simulator-url", "vercel", "openrouter")));
        assertThat(Files.exists(PROJECT.resolve("environments/environment.schema.json")), equalTo(true));
    }

    /** environments.md's table of templates names files that exist at the top of environments/. */
    @Test
    void theTemplatesThePageListsExistWhereTheUserLooks() throws IOException {
        String page = Files.readString(PROJECT.resolve("src/site/markdown/environments.md"));
        String templates = page.substring(page.indexOf("The templates, in `environments/`"), page.indexOf("On this machine, in `environments/local/`"));
        Matcher row = Pattern.compile("(?m)^\\| `([a-z0-9-]+)` \\|").matcher(templates);
        List<String> listed = new ArrayList<>();
        while (row.find()) {
            listed.add(row.group(1));
        }
        assertThat(listed, not(empty()));
        for (String template : listed) {
            assertThat(template, Files.isRegularFile(PROJECT.resolve("environments/" + template + ".yaml")), equalTo(true));
        }
    }
}
