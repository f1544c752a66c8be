package dev.aigateway.contract.request;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import dev.aigateway.contract.environment.Environment.Secret;
import dev.aigateway.contract.request.ApplicationRequest.Header;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The request as people copy it from a browser (issue 25, item 7): "Copy as cURL (cmd)", "Copy as PowerShell",
 * "Copy as fetch" and "Copy as Node.js fetch" read to the request "Copy as cURL (bash)" reads to, whatever the
 * body holds; the key pasted in each form is taken out and registered as a secret.
 */
class CopiedFormsTest {

    private static final String KEY = "vck_FAKE7hQ2mX9pL4sV8nR1tK6wB3zY5cF0dG2jA9eU4iO";
    private static final String URL = "https://ai-gateway.vercel.sh/v1/chat/completions?alt=sse&q=50%25";
    static final Path COPIED = RequestFileTest.REQUESTS.resolve("copied");

    @TempDir
    Path dir;

    /** Bodies with what each form escapes: quotes, ^, %, backticks, $, !, &, |, <, >, backslashes, newlines, unicode. */
    static Stream<String> bodies() {
        return Stream.of(
                "{\"model\":\"openai/gpt-4o-mini\",\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}]}",
                "{\"model\":\"openai/gpt-4o-mini\",\"messages\":[{\"role\":\"user\",\"content\":\"She said \\\"it's 100% ^done^\\\""
                        + " & echo %PATH% | more > nul < in, `whoami` $HOME $(id) ${USER} $env:PATH !! %%^\"}]}",
                "{\"model\":\"openai/gpt-4o-mini\",\"messages\":[{\"role\":\"user\",\"content\":\"line one\\nline two\\t\\\\n"
                        + " C:\\\\Users\\\\me \\\\\\\" end\"}]}",
                "{\"model\":\"openai/gpt-4o-mini\",\"messages\":[{\"role\":\"user\",\"content\":\"été 2026, naïve café, Grüße,"
                        + " 東京, 🙂 \\u00e9\"}]}",
                "prompt=100%25 ^caret^ `tick` $HOME \"quoted\" it's\nsecond line & more | é 🙂 \\back\\slash\\",
                "{\"a\":\"%HOME%\",\"b\":\"%^\",\"c\":\"^%\",\"d\":\"\\\\\\\\server\\\\share\",\"e\":\"\\\"\\\"\",\"f\":\"^\\\"\"}",
                // A 100 KiB prompt: the evidence cap's size, every form still read whole.
                "{\"model\":\"openai/gpt-4o-mini\",\"messages\":[{\"role\":\"user\",\"content\":\""
                        + "été \\\"q\\\" ^ % ` $ & | \\\\ 🙂 line\\n".repeat(3000) + "\"}]}");
    }

    static Stream<Arguments> formsAndBodies() {
        // Chrome's older cmd form left & bare in a ^"..."^ word (a value with a newline), where cmd.exe ends the command:
        // that copy is broken (the reason Chrome changed it), so it is not among these.
        return bodies().flatMap(body -> Stream.of("cmd", "legacy-cmd", "powershell", "fetch", "node-fetch")
                .filter(form -> !(form.equals("legacy-cmd") && body.contains("\n") && body.contains("&")))
                .map(form -> Arguments.of(form, body)));
    }

    private static DevToolsCopy request(String body) {
        return new DevToolsCopy("POST", URL, List.of(new Header("accept", "*/*"), new Header("authorization", "Bearer " + KEY),
                new Header("content-type", body.startsWith("{") ? "application/json" : "application/x-www-form-urlencoded"),
                new Header("x-request-tag", "copied ^%HOME% `$x`")), body);
    }

    private static String copy(DevToolsCopy request, String form) {
        return switch (form) {
            case "bash" -> request.bash();
            case "cmd" -> request.cmd();
            case "legacy-cmd" -> request.legacyCmd();
            case "powershell" -> request.powerShell();
            case "fetch" -> request.fetch(false);
            case "node-fetch" -> request.fetch(true);
            default -> throw new IllegalArgumentException(form);
        };
    }

    private ApplicationRequest read(String name, String text) throws IOException {
        return RequestFile.read(Files.writeString(dir.resolve(name), text), null);
    }

    /** What is sent, headers without case in their names and in a fixed order (PowerShell moves Content-Type last). */
    static List<Object> sent(ApplicationRequest request) {
        return sent(request, Set.of());
    }

    static List<Object> sent(ApplicationRequest request, Set<String> without) {
        List<String> headers = request.headers().stream().filter(header -> !without.contains(header.name().toLowerCase(Locale.ROOT)))
                .map(header -> header.name().toLowerCase(Locale.ROOT) + ": " + header.value()).sorted(Comparator.naturalOrder()).toList();
        return List.of(request.method(), request.pathAndQuery(), headers, String.valueOf(request.body()));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("formsAndBodies")
    void eachFormReadsToTheRequestOfTheBashCurl(String form, String body) throws IOException {
        DevToolsCopy request = request(body);
        ApplicationRequest bash = read("bash.curl", request.bash());
        ApplicationRequest copied = read(form, copy(request, form));
        assertThat(copy(request, form), sent(copied), equalTo(sent(bash)));
        assertThat(bash.pathAndQuery(), equalTo("/v1/chat/completions?alt=sse&q=50%25"));
        if (!body.startsWith("{")) {
            assertThat("a body that is not JSON arrives byte for byte", copied.body(), equalTo(body));
        }
        assertThat(copied.secrets(), contains(new Secret("REQUEST_AUTHORIZATION", KEY)));
        assertThat(copied.headers().toString() + copied.replaced() + copied.body(), not(containsString(KEY.substring(8))));
    }

    @Test
    void theBashCurlKeepsEveryCharacterOfTheBody() throws IOException {
        bodies().forEach(body -> {
            try {
                String read = read("bash.curl", request(body).bash()).body();
                assertThat(read, equalTo(body.startsWith("{") ? RequestFile.json(body, "body").toString() : body));
            } catch (IOException e) {
                throw new AssertionError(e);
            }
        });
    }

    // ---- the copies of one request, as files (src/test/resources/requests/copied) --------------------
    // Chrome's, by DevToolsCopy; firefox-powershell.ps1 in the form Firefox's own test expects of "Copy as PowerShell"
    // (mozilla devtools/client/netmonitor/test, browser_net_copy_as_powershell.js: -Method POST bare, -UserAgent, "Name" = "value").

    /** The headers a form cannot carry: fetch in a browser sets no cookie, origin or user agent; Node's adds Referrer-Policy. */
    private static final Set<String> NOT_IN_FETCH = Set.of("cookie", "origin", "user-agent", "referrer-policy");

    @ParameterizedTest
    @ValueSource(strings = {"cmd.curl", "powershell.ps1", "firefox-powershell.ps1", "fetch.js", "node-fetch.js"})
    void eachCopyOfTheFileReadsToTheBashCopy(String name) {
        ApplicationRequest bash = RequestFile.read(COPIED.resolve("bash.curl").toString());
        ApplicationRequest copied = RequestFile.read(COPIED.resolve(name).toString());
        Set<String> without = name.contains("fetch") ? NOT_IN_FETCH : Set.of();
        assertThat(sent(copied, without), equalTo(sent(bash, without)));
        assertThat(copied.host(), equalTo("ai-gateway.vercel.sh"));
        assertThat(copied.route(dev.aigateway.contract.gateway.GatewayProfile.named("vercel")).id(), equalTo("chat-completions"));
        assertThat(copied.secrets().stream().map(Secret::value).toList(), hasItem(KEY));
        String kept = copied.headers().toString() + copied.replaced() + copied.body() + copied;
        assertThat(kept, not(containsString(KEY.substring(8))));
        assertThat(kept, not(containsString("FAKE_Gx81KqP0aLm2nB7vC4dF9gH3jS6tY1uW5eR8")));
    }

    @Test
    void theBashCopyIsTheRequestTheBrowserSent() {
        ApplicationRequest bash = RequestFile.read(COPIED.resolve("bash.curl").toString());
        assertThat(bash.method(), equalTo("POST"));
        assertThat(bash.pathAndQuery(), equalTo("/v1/chat/completions"));
        assertThat(bash.body(), equalTo("{\"model\":\"openai/gpt-4o-mini\",\"max_tokens\":16,\"stream\":false,\"messages\":[{\"role\":"
                + "\"user\",\"content\":\"Résume \\\"l'été\\\" en 5 mots : 100% ^_^ `ok` $HOME & %PATH%\"}]}"));
        assertThat(bash.headers().stream().map(Header::name).toList(), not(hasItem("authorization")));
        assertThat(bash.secrets().stream().map(Secret::value).toList(), equalTo(List.of(KEY, "FAKE_Gx81KqP0aLm2nB7vC4dF9gH3jS6tY1uW5eR8")));
    }

    // ---- keys outside the headers, references, and the same forms written by hand -----------------

    @Test
    void aKeySetBeforeTheCommandIsASecretAndItsReferenceIsNot() throws IOException {
        ApplicationRequest cmd = read("cmd.curl", "set \"AI_GATEWAY_API_KEY=" + KEY + "\"\r\n"
                + "curl ^\"https://ai-gateway.vercel.sh/v1/models^\" ^\r\n  -H ^\"Authorization: Bearer %AI_GATEWAY_API_KEY%^\"\r\n");
        assertThat(cmd.secrets(), contains(new Secret("REQUEST_FILE_AI_GATEWAY_API_KEY", KEY)));
        assertThat(cmd.replaced().toString(), containsString("Bearer %AI_GATEWAY_API_KEY%"));
        ApplicationRequest ps = read("app.ps1", "$env:AI_GATEWAY_API_KEY = \"" + KEY + "\"\n"
                + "Invoke-RestMethod -Uri 'https://ai-gateway.vercel.sh/v1/models' -Headers @{ Authorization = \"Bearer $env:AI_GATEWAY_API_KEY\" }\n");
        assertThat(ps.secrets(), contains(new Secret("REQUEST_FILE_AI_GATEWAY_API_KEY", KEY)));
        assertThat(ps.replaced().toString(), containsString("Bearer $env:AI_GATEWAY_API_KEY"));
        assertThat(ps.method() + " " + ps.pathAndQuery(), equalTo("GET /v1/models"));
    }

    @Test
    void aKeyInTheBodyOfEachFormIsTakenOut() throws IOException {
        String body = "{\"model\":\"anthropic/claude-haiku-4.5\",\"providerOptions\":{\"gateway\":{\"byok\":{\"anthropic\":[{\"apiKey\":"
                + "\"sk-ant-api03-FAKEXk9mP2qL7vN4rT8wB1zC6yD3fG5hJ0aS-eU2iO4\"}]}}}}";
        DevToolsCopy request = new DevToolsCopy("POST", URL, List.of(new Header("content-type", "application/json")), body);
        for (String form : List.of("bash", "cmd", "powershell", "fetch", "node-fetch")) {
            ApplicationRequest read = read(form, copy(request, form));
            assertThat(form, read.body(), equalTo("{\"model\":\"anthropic/claude-haiku-4.5\",\"providerOptions\":{\"gateway\":"
                    + "{\"byok\":{\"anthropic\":[{}]}}}}"));
            assertThat(form, read.secrets().stream().map(Secret::value).toList(),
                    contains("sk-ant-api03-FAKEXk9mP2qL7vN4rT8wB1zC6yD3fG5hJ0aS-eU2iO4"));
        }
    }

    @Test
    void theSameFormsWrittenByHandReadTheSame() throws IOException {
        List<Object> expected = sent(read("bash.curl", "curl https://ai-gateway.vercel.sh/v1/chat/completions"
                + " -H 'Content-Type: application/json' -d '{\"model\":\"openai/gpt-4o-mini\",\"messages\":[{\"role\":\"user\",\"content\":\"50% \\\"off\\\"\"}]}'\n"));
        // Firefox's older "Copy as cURL (Windows)": "" for a quote inside quotes, "%" for a percent sign.
        assertThat(sent(read("firefox.curl", "curl \"https://ai-gateway.vercel.sh/v1/chat/completions\" -H \"Content-Type: application/json\""
                + " --data \"{\"\"model\"\":\"\"openai/gpt-4o-mini\"\",\"\"messages\"\":[{\"\"role\"\":\"\"user\"\",\"\"content\"\":\"\"50\"%\" \\\\\"\"off\\\\\"\"\"\"}]}\"\r\n")),
                equalTo(expected));
        assertThat(sent(read("by-hand.cmd", "curl https://ai-gateway.vercel.sh/v1/chat/completions ^\n"
                + "  -H \"Content-Type: application/json\" ^\n"
                + "  -d \"{\\\"model\\\":\\\"openai/gpt-4o-mini\\\",\\\"messages\\\":[{\\\"role\\\":\\\"user\\\",\\\"content\\\":\\\"50% \\\\\\\"off\\\\\\\"\\\"}]}\"\n")),
                equalTo(expected));
        assertThat(sent(read("redirected.cmd", "curl https://ai-gateway.vercel.sh/v1/chat/completions -H \"Content-Type: application/json\""
                + " -d \"{\\\"model\\\":\\\"openai/gpt-4o-mini\\\",\\\"messages\\\":[{\\\"role\\\":\\\"user\\\",\\\"content\\\":\\\"50% \\\\\\\"off\\\\\\\"\\\"}]}\" ^\n"
                + "  --silent > answer.json 2>nul\n")), equalTo(expected));
        assertThat(sent(read("by-hand.ps1", "Invoke-RestMethod -Method Post -Uri 'https://ai-gateway.vercel.sh/v1/chat/completions' `\n"
                + "  -ContentType 'application/json' `\n"
                + "  -Body '{\"model\":\"openai/gpt-4o-mini\",\"messages\":[{\"role\":\"user\",\"content\":\"50% \\\"off\\\"\"}]}'\n")),
                equalTo(expected));
        assertThat(sent(read("by-hand.js", "// what my app sends\nconst response = await fetch('https://ai-gateway.vercel.sh/v1/chat/completions', {\n"
                + "  method: 'POST',\n  headers: { 'Content-Type': 'application/json' },\n"
                + "  body: '{\"model\":\"openai/gpt-4o-mini\",\"messages\":[{\"role\":\"user\",\"content\":\"50% \\\\\"off\\\\\"\"}]}',\n});\n")),
                equalTo(expected));
    }

    @Test
    void powerShellVariablesSetInTheFileAreReadAndAnExpressionIsRefused() throws IOException {
        ApplicationRequest request = read("vars.ps1", "$apiKey = \"" + KEY + "\"\n"
                + "$headers = @{ \"Authorization\" = \"Bearer $apiKey\"; \"x-request-tag\" = \"by-hand\" }\n"
                + "$body = '{\"model\":\"openai/gpt-4o-mini\",\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}]}'\n"
                + "Invoke-RestMethod -Uri \"https://ai-gateway.vercel.sh/v1/chat/completions\" -Method Post -Headers $headers `\n"
                + "  -ContentType \"application/json\" -Body $body\n");
        assertThat(sent(request), equalTo(List.of("POST", "/v1/chat/completions",
                List.of("content-type: application/json", "x-request-tag: by-hand"),
                "{\"model\":\"openai/gpt-4o-mini\",\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}]}")));
        assertThat(request.secrets(), contains(new Secret("REQUEST_FILE_APIKEY", KEY)));
        ApplicationRequest here = read("here.ps1", "$body = @\"\n{\"model\":\"openai/gpt-4o-mini\",\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}]}\n\"@\n"
                + "Invoke-RestMethod -Uri \"https://ai-gateway.vercel.sh/v1/chat/completions\" -Method Post -Body $body\n");
        assertThat(here.body(), equalTo("{\"model\":\"openai/gpt-4o-mini\",\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}]}"));
        Path converted = Files.writeString(dir.resolve("converted.ps1"), "$body = @{ model = \"openai/gpt-4o-mini\" } | ConvertTo-Json\n"
                + "Invoke-RestMethod -Uri \"https://ai-gateway.vercel.sh/v1/chat/completions\" -Method Post -Body $body\n");
        RequestFileException refused = org.junit.jupiter.api.Assertions.assertThrows(RequestFileException.class,
                () -> RequestFile.read(converted, null));
        assertThat(refused.getMessage(), equalTo(converted + " line 2 (column 94): $body is made by an expression here (such as"
                + " ConvertTo-Json); put the text it makes in the command as a quoted string."));
    }

    @Test
    void aFetchWrittenByHandWithATemplateJsonStringifyAndProcessEnvReadsAsItsCurl() throws IOException {
        ApplicationRequest node = read("app.mjs", """
                // the call my application makes
                const response = await fetch(`https://ai-gateway.vercel.sh/v1/chat/completions`, {
                  method: "post",
                  headers: {
                    Authorization: `Bearer ${process.env.AI_GATEWAY_API_KEY}`,
                    "Content-Type": "application/json",
                    'x-api-key': process.env.AI_GATEWAY_API_KEY,
                  },
                  body: JSON.stringify({
                    model: "openai/gpt-4o-mini",
                    temperature: 0.70,
                    messages: [{ role: 'user', content: `It's "quoted", 100% ^_^ $HOME` }],
                  }, null, 2),
                });
                const data = await response.json();
                """);
        ApplicationRequest curl = read("app.curl", "curl https://ai-gateway.vercel.sh/v1/chat/completions -H 'Content-Type: application/json'"
                + " -H 'Authorization: Bearer $AI_GATEWAY_API_KEY' -d '{\"model\":\"openai/gpt-4o-mini\",\"temperature\":0.7,"
                + "\"messages\":[{\"role\":\"user\",\"content\":\"It'\\''s \\\"quoted\\\", 100% ^_^ $HOME\"}]}'\n");
        assertThat(sent(node), equalTo(sent(curl)));
        assertThat(node.secrets(), org.hamcrest.Matchers.empty());
        assertThat(node.replaced().toString(), containsString("Bearer ${process.env.AI_GATEWAY_API_KEY}"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"by-hand.mjs", "by-hand.ps1"})
    void aCallWrittenByHandReadsAsItsCurl(String name) throws IOException {
        ApplicationRequest curl = read("by-hand.curl", "curl https://ai-gateway.vercel.sh/v1/chat/completions"
                + " -H \"Authorization: Bearer $AI_GATEWAY_API_KEY\" -H 'Content-Type: application/json' -H \"x-request-tag: it's mine\""
                + " -d $'{\"model\":\"openai/gpt-4o-mini\",\"max_tokens\":16,\"messages\":[{\"role\":\"user\",\"content\":"
                + "\"Line one\\\\nIt\\'s \\\\\"quoted\\\\\", 100% ^_^ $HOME\"}]}'\n");
        ApplicationRequest byHand = RequestFile.read(COPIED.resolve(name).toString());
        assertThat(sent(byHand), equalTo(sent(curl)));
        assertThat(byHand.secrets(), org.hamcrest.Matchers.empty());
    }

    @Test
    void aPowerShellFileSavedAsUtf16ByWindowsPowerShellIsRead() throws IOException {
        DevToolsCopy request = request("{\"model\":\"openai/gpt-4o-mini\",\"messages\":[{\"role\":\"user\",\"content\":\"été\"}]}");
        Path file = dir.resolve("utf16.ps1");
        Files.write(file, ("\uFEFF" + request.powerShell().replace("\n", "\r\n")).getBytes(java.nio.charset.StandardCharsets.UTF_16LE));
        assertThat(sent(RequestFile.read(file, null)), equalTo(sent(read("bash.curl", request.bash()))));
    }

    @ParameterizedTest
    @ValueSource(strings = {"bash.curl", "cmd.curl", "powershell.ps1", "firefox-powershell.ps1", "fetch.js", "node-fetch.js",
        "by-hand.mjs", "by-hand.ps1"})
    void aCopyCutAnywhereIsReadOrGetsOneSentenceNeverAStackTrace(String name) throws IOException {
        String whole = Files.readString(COPIED.resolve(name));
        Path cut = dir.resolve(name);
        for (int end = 1; end < whole.length(); end++) {
            if (Character.isLetterOrDigit(whole.charAt(end - 1)) && Character.isLetterOrDigit(whole.charAt(end))) {
                continue; // inside a word the parsers' state does not change
            }
            Files.writeString(cut, whole.substring(0, end));
            try {
                RequestFile.read(cut, null);
            } catch (RequestFileException sentence) {
                assertThat(whole.substring(0, end), sentence.getMessage(), not(containsString("\n")));
                assertThat(sentence.getMessage(), not(containsString(KEY.substring(8))));
            } catch (RuntimeException other) {
                throw new AssertionError(name + " cut at " + end + ": " + other, other);
            }
        }
    }
}
