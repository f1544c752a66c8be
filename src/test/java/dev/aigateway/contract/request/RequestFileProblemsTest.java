package dev.aigateway.contract.request;

import dev.aigateway.contract.gateway.GatewayProfile;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.aigateway.contract.Stop;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A file that cannot be read gets one sentence: the file, the line (and column), what was expected; never a value from it. */
class RequestFileProblemsTest {

    @TempDir
    Path dir;

    private Path file(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text);
    }

    private static String sentence(String argument) {
        Stop stop = assertThrows(RequestFileException.class, () -> RequestFile.read(argument));
        assertThat(stop.getMessage(), not(containsString("\n")));
        assertThat(stop.getMessage(), not(containsString("Exception")));
        return stop.getMessage();
    }

    private static String sentence(Path file) {
        return sentence(file.toString());
    }

    @Test
    void anUnclosedSingleQuoteIsNamedWhereItOpens() throws IOException {
        Path file = file("request.curl", "curl https://ai-gateway.vercel.sh/v1/chat/completions \\\n"
                + "  -H 'content-type: application/json' \\\n"
                + "  --data-raw '{\"model\":\"openai/gpt-5\",\"messages\":[]}\n");
        assertThat(sentence(file), equalTo(file + " line 3: an unclosed single quote that opens at column 14."));
    }

    @Test
    void anUnclosedDoubleQuoteIsNamedWhereItOpens() throws IOException {
        Path file = file("request.curl", "curl -X POST \"https://ai-gateway.vercel.sh/v1/chat/completions\" \\\n"
                + "  -H \"Authorization: Bearer $AI_GATEWAY_API_KEY\" \\\n  -d \"{\\\"model\\\": \\\"x\\\"}\n");
        assertThat(sentence(file), equalTo(file + " line 3: an unclosed double quote that opens at column 6."));
    }

    @Test
    void aLineThatLostItsBackslashIsNamed() throws IOException {
        Path file = file("request.curl", "curl https://ai-gateway.vercel.sh/v1/chat/completions \\\n"
                + "  -H \"Content-Type: application/json\"\n  -d '{}'\n");
        assertThat(sentence(file), equalTo(file + " line 3: this line's -d belongs to the curl command above, but line 2"
                + " does not end with \\, so the command ends there."));
        Path spaced = file("spaced.curl", "curl https://ai-gateway.vercel.sh/v1/chat/completions \\ \n  -d '{}'\n");
        assertThat(sentence(spaced), equalTo(spaced + " line 2: this line's -d belongs to the curl command above, but line 1"
                + " has a space after its closing \\, which ends the command."));
    }

    @Test
    void anOptionItDoesNotKnowIsNamedNotGuessed() throws IOException {
        Path file = file("request.curl", "curl --frobnicate 3 https://ai-gateway.vercel.sh/v1/chat/completions\n");
        assertThat(sentence(file), startsWith(file + " line 1 (column 6): curl option --frobnicate is not one this reader knows;"));
    }

    @Test
    void aBodyOrHeadersReadFromAnotherFileAreAskedForInline() throws IOException {
        assertThat(sentence(file("a.curl", "curl https://x/v1/chat/completions -d @body.json\n")),
                containsString("line 1 (column 36): the body is read from a file (-d @...); put the body itself in the command"));
        assertThat(sentence(file("b.curl", "curl https://x/v1/chat/completions -H @headers.txt\n")),
                containsString("the headers are read from a file (-H @...)"));
    }

    @Test
    void aFileThatIsNoRequestSaysWhatIsExpected() throws IOException {
        Path file = file("notes.txt", "the gateway says 403 every time\n");
        assertThat(sentence(file), equalTo(file + ": expected a curl command (bash or Windows cmd), PowerShell's Invoke-WebRequest,"
                + " a fetch(...) call, a HAR file or a JSON request {\"method\",\"path\",\"headers\",\"body\"}; it holds none of these."));
        Path python = file("app.py", "import requests\nrequests.post(\"https://ai-gateway.vercel.sh/v1/chat/completions\", json={})\n");
        assertThat(sentence(python), equalTo(python + ": expected a curl command (bash or Windows cmd), PowerShell's Invoke-WebRequest,"
                + " a fetch(...) call, a HAR file or a JSON request {\"method\",\"path\",\"headers\",\"body\"}; it holds none of these."));
        assertThat(sentence(dir.resolve("missing.curl")), startsWith("No request file " + dir.resolve("missing.curl") + ": it does not exist"));
        Path two = file("two.curl", "curl https://x/v1/models\n\ncurl https://x/v1/credits\n");
        assertThat(sentence(two), equalTo(two + " holds 2 curl commands (lines 1, 3); keep only the one your application sends."));
    }

    @Test
    void aCopyForWindowsPowerShellOrFetchSaysWhatIsWrongInOneSentence() throws IOException {
        Path cmd = file("cmd.curl", "curl ^\"https://ai-gateway.vercel.sh/v1/chat/completions^\" ^\n  -H ^\"accept: */*^\"\n"
                + "  --data-raw ^\"^{^}^\"\n");
        assertThat(sentence(cmd), equalTo(cmd + " line 3: this line's --data-raw belongs to the curl command above, but line 2"
                + " does not end with ^, so the command ends there."));
        Path ps = file("app.ps1", "Invoke-WebRequest -Uri \"https://ai-gateway.vercel.sh/v1/models\" -Credential $c\n");
        assertThat(sentence(ps), equalTo(ps + " line 1 (column 65): parameter -Credential is not one this reader knows;"
                + " it reads -Uri, -Method, -Headers, -ContentType, -Body, -UserAgent and -WebSession."));
        Path spaced = file("spaced.ps1", "Invoke-WebRequest -Uri \"https://x/v1/models\" ` \n-Method \"GET\"\n");
        assertThat(sentence(spaced), equalTo(spaced + " line 1: a space after the closing `, which ends the command there;"
                + " take the space out."));
        Path stringified = file("app.js", "fetch(\"https://ai-gateway.vercel.sh/v1/chat/completions\", {\n  method: \"POST\",\n"
                + "  body: JSON.stringify(payload)\n});\n");
        assertThat(sentence(stringified), equalTo(stringified + " line 3: fetch's options are read as \"Copy as fetch\" writes them"
                + " or as literals (text, numbers, objects, `templates`, JSON.stringify({...}), process.env.NAME); a variable or"
                + " another expression is not, so paste the value it makes."));
        Path variable = file("variable.js", "fetch(\"https://ai-gateway.vercel.sh/v1/models\", {\n  method: \"GET\",\n\n  headers\n});\n");
        assertThat(sentence(variable), startsWith(variable + " line 5: fetch's options are read as \"Copy as fetch\" writes them"));
        Path allCmd = file("all-cmd.curl", "curl ^\"https://x/v1/models^\" --compressed &\r\ncurl ^\"https://x/v1/credits^\" --compressed\r\n");
        assertThat(sentence(allCmd), equalTo(allCmd + " holds 2 curl commands (lines 1, 2); keep only the one your application sends."));
        Path allPs = file("all.ps1", "Invoke-WebRequest -UseBasicParsing -Uri \"https://x/v1/models\";\r\n"
                + "Invoke-WebRequest -UseBasicParsing -Uri \"https://x/v1/credits\"\r\n");
        assertThat(sentence(allPs), equalTo(allPs + " holds 2 Invoke-WebRequest commands (lines 1, 2); keep only the one your"
                + " application sends."));
        Path all = file("all.js", "fetch(\"https://x/v1/models\", {\"method\": \"GET\"}) ;\nfetch(\"https://x/v1/credits\", {});\n");
        assertThat(sentence(all), equalTo(all + " holds 2 fetch calls; keep only the one your application sends."));
        assertThat(sentence(file("unclosed.ps1", "Invoke-WebRequest -Uri \"https://x/v1/models\" -Body \"{`\"a`\":1}\n")),
                endsWith("line 1: an unclosed double quote that opens at column 52."));
    }

    @Test
    void aHarEntryThatIsNotThereListsTheEntries() throws IOException {
        Path har = file("app.har", har("GET", "/v1/models", "POST", "/v1/chat/completions?x=sk-secret-in-a-query", "POST", "/v1/messages"));
        assertThat(sentence(har + "#4"), equalTo(har + ": no entry #4, the file has 3: #1 GET /v1/models,"
                + " #2 POST /v1/chat/completions, #3 POST /v1/messages."));
        assertThat(sentence(har + "#0"), startsWith(har + "#0: an entry is a number from 1 to 3: #1 GET /v1/models"));
        assertThat(sentence(har.toString()), equalTo(har + ": 2 of its 3 entries call an inference path:"
                + " #2 POST /v1/chat/completions, #3 POST /v1/messages; pick one with -Drequest=" + har + "#N."));
        Path none = file("none.har", har("GET", "/v1/models", "GET", "/v1/credits"));
        assertThat(sentence(none), equalTo(none + ": none of its 2 entries calls an inference path of the gateway;"
                + " pick one with -Drequest=" + none + "#N: #1 GET /v1/models, #2 GET /v1/credits."));
    }

    @Test
    void theNumberPicksTheEntry() {
        ApplicationRequest models = RequestFile.read(RequestFileTest.REQUESTS.resolve("r1.har") + "#1");
        assertThat(models.method() + " " + models.pathAndQuery() + " " + models.route(GatewayProfile.standard()).id() + " #" + models.entry(),
                equalTo("GET /v1/models models #1"));
        ApplicationRequest counted = RequestFile.read(RequestFileTest.REQUESTS.resolve("r4.har"), "2");
        assertThat(counted.route(GatewayProfile.standard()).id(), equalTo("messages-count-tokens"));
    }

    @Test
    void anEntryNumberOnAFileOfOneRequestIsRefused() {
        Path curl = RequestFileTest.REQUESTS.resolve("r1.curl");
        assertThat(sentence(curl + "#2"), equalTo(curl + "#2: " + curl + " is a curl command, which holds one request;"
                + " #N picks an entry of a HAR file."));
    }

    @Test
    void brokenJsonIsPlacedByLineAndColumnWithoutQuotingIt() throws IOException {
        Path json = file("app.json", "{\n  \"method\": \"POST\",\n  \"path\": \"/v1/chat/completions\",\n"
                + "  \"headers\": {\"x-api-key\": fw_FAKEXk9mP2qL7vN4rT8wB1zC6yD3fG5hJ0aS}\n}\n");
        String sentence = sentence(json);
        assertThat(sentence, startsWith(json + " line 4, column "));
        assertThat(sentence, not(containsString("Xk9mP2qL7v")));
        Path comma = file("comma.json", "{\"method\":\"POST\",\"path\":\"/v1/x\",\"body\":{\"a\":1,}}");
        assertThat(sentence(comma), equalTo(comma + " line 1, column 47: not valid JSON here: '}' (code 125) where it"
                + " expected double-quote to start field name."));
        Path cut = file("cut.har", "{\"log\": {\"entries\": [\n");
        assertThat(sentence(cut), startsWith(cut + " line 2, column "));
        assertThat(sentence(cut), containsString("the JSON ends before its brackets and quotes are closed"));
    }

    @Test
    void aJsonRequestSaysWhichFieldIsWrong() throws IOException {
        Path body = file("body.json", "{\"model\": \"openai/gpt-5\", \"messages\": []}");
        assertThat(sentence(body), startsWith(body + ": this looks like a request body alone; a JSON request is"));
        Path extra = file("extra.json", "{\"method\": \"POST\",\n \"path\": \"/v1/responses\",\n \"hedaers\": {}}");
        assertThat(sentence(extra), equalTo(extra + ", line 3: unknown field \"hedaers\"; a JSON request has method, path, headers and body."));
        Path noPath = file("nopath.json", "{\"method\": \"POST\", \"headers\": {}}");
        assertThat(sentence(noPath), startsWith(noPath + ": expected \"path\""));
    }

    @Test
    void aKeyInABodyThatIsNotJsonIsRefusedNotSent() throws IOException {
        Path form = file("form.curl", "curl https://x/v1/chat/completions -d 'api_key=sk-proj-FAKEXk9mP2qL7vN4rT8wB1zC6yD3&q=hi'\n");
        assertThat(sentence(form), equalTo(form + ": the body is not JSON and holds what looks like a key; take it out of"
                + " the file (the environment's credential is the one sent)."));
    }

    private static String har(String... methodsAndPaths) {
        StringBuilder entries = new StringBuilder();
        for (int i = 0; i < methodsAndPaths.length; i += 2) {
            entries.append(i == 0 ? "" : ",").append("{\"request\": {\"method\": \"").append(methodsAndPaths[i])
                    .append("\", \"url\": \"https://ai-gateway.vercel.sh").append(methodsAndPaths[i + 1])
                    .append("\", \"headers\": []}}");
        }
        return "{\"log\": {\"version\": \"1.2\", \"entries\": [" + entries + "]}}";
    }
}
