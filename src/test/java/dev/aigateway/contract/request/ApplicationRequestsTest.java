package dev.aigateway.contract.request;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.aigateway.contract.environment.Environment;
import dev.aigateway.contract.environment.Environment.Secret;
import dev.aigateway.contract.environment.HandMadeEnvironment;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which of the application's requests a run sends, read from the project root, and the scenarios kept for them. */
class ApplicationRequestsTest {

    @TempDir
    Path root;

    private static Environment listing(List<String> requests) {
        return HandMadeEnvironment.mine().requests(requests).build();
    }

    @Test
    void drequestReplacesTheEnvironmentsListAndWithoutItTheListIsSent() {
        Environment environment = listing(List.of("a.curl", "b.har#2"));
        assertThat(ApplicationRequests.named(environment, null), equalTo(List.of("a.curl", "b.har#2")));
        assertThat(ApplicationRequests.named(environment, "  "), equalTo(List.of("a.curl", "b.har#2")));
        assertThat(ApplicationRequests.named(environment, "c.json"), equalTo(List.of("c.json")));
        assertThat(ApplicationRequests.named(listing(List.of()), null), equalTo(List.of()));
    }

    @Test
    void aRelativeFileIsReadFromTheProjectRootAndNamedAsGiven() throws Exception {
        Files.createDirectories(root.resolve("requests"));
        Files.writeString(root.resolve("requests/app.curl"), "curl https://ai-gateway.vercel.sh/v1/credits"
                + " -H 'authorization: Bearer vck_FAKE7hQ2mX9pL4sV8nR1tK6wB3zY5cF0dG2jA9eU4iO'\n");
        List<ApplicationRequest> read = ApplicationRequests.read(root, List.of("requests/app.curl"));
        assertThat(read.get(0).source(), equalTo("requests/app.curl"));
        assertThat(read.get(0).path(), equalTo("/v1/credits"));
        assertThat(ApplicationRequests.secrets(read),
                equalTo(List.of(new Secret("REQUEST_AUTHORIZATION", "vck_FAKE7hQ2mX9pL4sV8nR1tK6wB3zY5cF0dG2jA9eU4iO"))));
    }

    @Test
    void aFileThatCannotBeReadIsTheReadersOneSentence() {
        RequestFileException missing = assertThrows(RequestFileException.class,
                () -> ApplicationRequests.read(root, List.of("requests/none.curl")));
        assertThat(missing.getMessage(), equalTo("No request file requests/none.curl: it does not exist (relative to "
                + root.toAbsolutePath().normalize() + ")."));
    }

    @Test
    void moreRequestsThanTheFeatureHasScenariosAreRefusedBeforeAnyIsRead() {
        List<String> six = List.of("1.curl", "2.curl", "3.curl", "4.curl", "5.curl", "6.curl");
        RequestFileException refusal = assertThrows(RequestFileException.class, () -> ApplicationRequests.read(root, six));
        assertThat(refusal.getMessage(), startsWith("requests: names 6 request files; a run sends at most 5"));
    }

    @Test
    void withNoRequestTheFeatureIsLeftOutAndWithSomeOnlyItsFirstScenariosAreKept() {
        assertThat(ApplicationRequests.tagExpression(0, "not @wip"), equalTo("(not @wip) and not @application-request"));
        assertThat(ApplicationRequests.tagExpression(0, null), equalTo("not @application-request"));
        assertThat(ApplicationRequests.tagExpression(3, "not @wip"),
                equalTo("(not @wip) and not @application-request-4 and not @application-request-5"));
        assertThat(ApplicationRequests.tagExpression(5, "not @wip"), equalTo("not @wip"));
    }
}
