package dev.aigateway.contract.request;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import dev.aigateway.contract.environment.Environment.Secret;
import dev.aigateway.contract.request.ApplicationRequest.Replaced;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Keys a file holds outside its headers: the query, curl's -u, a variable's default, an export before the command. */
class RequestCredentialsTest {

    private static final String GATEWAY_KEY = "vck_FAKE7hQ2mX9pL4sV8nR1tK6wB3zY5cF0dG2jA9eU4iO";
    private static final String GOOGLE_KEY = "AIzaSyD4fAkE1234567890abcdEFGhijKLmno";

    @TempDir
    Path dir;

    private ApplicationRequest read(String text) throws IOException {
        return RequestFile.read(Files.writeString(dir.resolve("request.curl"), text), null);
    }

    @Test
    void aKeyInTheQueryAndCurlsUserAreTakenOut() throws IOException {
        ApplicationRequest request = read("curl -u bob:hunter2hunter2 'https://ai-gateway.vercel.sh/v1/chat/completions?key="
                + GOOGLE_KEY + "&alt=sse' --json '{\"model\":\"openai/gpt-5\"}'\n");
        assertThat(request.pathAndQuery(), equalTo("/v1/chat/completions?alt=sse"));
        assertThat(request.secrets().stream().map(Secret::value).toList(),
                containsInAnyOrder("Ym9iOmh1bnRlcjJodW50ZXIy", "bob:hunter2hunter2", "hunter2hunter2", GOOGLE_KEY));
        assertThat(request.replaced(), contains(new Replaced("header Authorization", "Basic $REQUEST_AUTHORIZATION", true),
                new Replaced("query parameter key", "$REQUEST_QUERY_KEY", true)));
        assertThat(request.headers().toString(), not(containsString("Authorization")));
    }

    @Test
    void aGatewaysOwnCredentialHeaderIsTakenOutWhateverItHolds() throws IOException {
        // Short, and named like no key: only the profile's keys.requestHeaders (gateways/vercel.yaml) knows it is a credential.
        ApplicationRequest request = read("curl https://ai-gateway.vercel.sh/v1/models -H 'x-vercel-protection-bypass: bypass01'"
                + " -H 'x-request-tag: bypass02'\n");
        assertThat(request.headers().toString(), not(containsString("bypass01")));
        assertThat(request.headers().toString(), containsString("bypass02"));
        assertThat(request.secrets().stream().map(Secret::value).toList(), contains("bypass01"));
    }

    @Test
    void anExportedKeyIsASecretAndTheReferenceToItIsNot() throws IOException {
        ApplicationRequest request = read("export AI_GATEWAY_API_KEY=\"" + GATEWAY_KEY + "\"\n"
                + "curl https://ai-gateway.vercel.sh/v1/models -H \"Authorization: Bearer $AI_GATEWAY_API_KEY\"\n");
        assertThat(request.secrets(), contains(new Secret("REQUEST_FILE_AI_GATEWAY_API_KEY", GATEWAY_KEY)));
        assertThat(request.replaced(), contains(new Replaced("header Authorization", "Bearer $AI_GATEWAY_API_KEY", false)));
    }

    @Test
    void aVariablesDefaultIsALiteral() throws IOException {
        ApplicationRequest request = read("curl https://ai-gateway.vercel.sh/v1/models"
                + " -H \"Authorization: Bearer ${AI_GATEWAY_API_KEY:-" + GATEWAY_KEY + "}\"\n");
        assertThat(request.secrets(), contains(new Secret("REQUEST_AUTHORIZATION", GATEWAY_KEY)));
        assertThat(request.replaced().toString(), not(containsString(GATEWAY_KEY)));
    }

    @Test
    void aHeaderOfAnyNameIsTakenOutWhenItsValueIsAKey() throws IOException {
        ApplicationRequest request = read("curl https://x/v1/models -H 'x-trace: 4bf92f35-77b3-4da6-a3ce-929d0e0e4736'"
                + " -H 'x-custom-auth: " + GATEWAY_KEY + "' -H 'helicone-auth: Bearer sk-proj-FAKEXk9mP2qL7vN4rT8wB1zC6yD3'\n");
        assertThat(request.headers().toString(), equalTo("[Header[name=x-trace, value=4bf92f35-77b3-4da6-a3ce-929d0e0e4736]]"));
        assertThat(request.secrets().size(), equalTo(2));
    }

    @Test
    void aCredentialObjectUnderByokGoesWholeAndAKeyNamedFieldWithNoKeyInItStays() throws IOException {
        ApplicationRequest request = read("curl https://x/v1/chat/completions --json '{\"tools\":[{\"key\":\"weather\"}],"
                + "\"providerOptions\":{\"gateway\":{\"byok\":{\"vertex\":[{\"googleCredentials\":{\"privateKey\":\"-----BEGIN"
                + " PRIVATE KEY-----abc\",\"clientEmail\":\"svc@example.iam.gserviceaccount.com\"},\"location\":\"us\"}]}}}}'\n");
        assertThat(request.body(), equalTo("{\"tools\":[{\"key\":\"weather\"}],\"providerOptions\":{\"gateway\":{\"byok\":"
                + "{\"vertex\":[{\"location\":\"us\"}]}}}}"));
        assertThat(request.secrets().stream().map(Secret::value).toList(),
                containsInAnyOrder("-----BEGIN PRIVATE KEY-----abc", "svc@example.iam.gserviceaccount.com"));
    }

    @Test
    void aFileWithNoCredentialRegistersNothing() {
        assertThat(RequestFile.read(RequestFileTest.REQUESTS.resolve("r4.json").toString()).secrets(), empty());
    }
}
