package dev.aigateway.contract.request;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The evidence names the request file with no absolute path of this machine: relative to the checkout, or by its name. */
class RequestSourceShownTest {

    private static final String CURL = "curl https://gw.example/v1/chat/completions -H 'content-type: application/json'"
            + " --data-raw '{\"model\":\"openai/gpt-4o-mini\",\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}]}'\n";

    @TempDir
    Path root;

    @TempDir
    Path elsewhere;

    @Test
    void insideTheCheckoutRelativeToItOutsideByItsName() throws Exception {
        Files.createDirectories(root.resolve("requests"));
        Files.writeString(root.resolve("requests/app.curl"), CURL);
        Files.writeString(elsewhere.resolve("mine.curl"), CURL);

        assertThat(RequestFile.readFrom(root, "requests/app.curl").sourceIn(root), equalTo("requests/app.curl"));
        assertThat(RequestFile.readFrom(root, root.resolve("requests/app.curl").toAbsolutePath().toString()).sourceIn(root),
                equalTo("requests/app.curl"));
        assertThat(RequestFile.readFrom(root, elsewhere.resolve("mine.curl").toAbsolutePath().toString()).sourceIn(root),
                equalTo("mine.curl"));
        assertThat(RequestFile.readFrom(root, root.relativize(elsewhere.resolve("mine.curl")).toString()).sourceIn(root),
                equalTo("mine.curl"));
    }
}
