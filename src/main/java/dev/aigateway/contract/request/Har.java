package dev.aigateway.contract.request;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aigateway.contract.request.ApplicationRequest.Header;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/** A HAR 1.2 file's entries, and the one a request file means: {@code #N}, its only entry, or its only entry on an inference path. */
final class Har {

    /** Listed in a sentence up to this many; the rest are counted. */
    private static final int LISTED = 12;

    private Har() {}

    static ApplicationRequest read(JsonNode root, Path file, String entry) {
        String name = file.toString();
        JsonNode entries = root.path("log").path("entries");
        if (!entries.isArray()) {
            throw new RequestFileException(name + ": a HAR file has log.entries, a list of requests; this one has none.");
        }
        if (entries.isEmpty()) {
            throw new RequestFileException(name + ": its log.entries is empty; record the request again with the browser's network tab open.");
        }
        List<String> labels = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            JsonNode request = entries.get(i).path("request");
            if (!request.path("url").isTextual() || !request.path("method").isTextual()) {
                throw new RequestFileException(name + ": entry #" + (i + 1) + " has no request.method and request.url;"
                        + " a HAR 1.2 entry has both.");
            }
            labels.add("#" + (i + 1) + " " + request.get("method").asText() + " " + path(request.get("url").asText()));
        }
        int chosen;
        if (entry != null) {
            if (!entry.matches("[0-9]{1,9}") || Integer.parseInt(entry) < 1) {
                throw new RequestFileException(name + "#" + entry + ": an entry is a number from 1 to " + entries.size()
                        + ": " + listed(labels, IntStream.range(0, labels.size()).boxed().toList()) + ".");
            }
            chosen = Integer.parseInt(entry);
            if (chosen > entries.size()) {
                throw new RequestFileException(name + ": no entry #" + chosen + ", the file has " + entries.size() + ": "
                        + listed(labels, IntStream.range(0, labels.size()).boxed().toList()) + ".");
            }
        } else {
            List<Integer> inference = IntStream.range(0, entries.size())
                    .filter(i -> RequestRoute.inferenceOnAnyGateway(path(entries.get(i).path("request").path("url").asText())))
                    .boxed().toList();
            if (entries.size() == 1) {
                chosen = 1;
            } else if (inference.size() == 1) {
                chosen = inference.get(0) + 1;
            } else if (inference.isEmpty()) {
                throw new RequestFileException(name + ": none of its " + entries.size() + " entries calls an inference path of"
                        + " the gateway; pick one with -Drequest=" + name + "#N: "
                        + listed(labels, IntStream.range(0, labels.size()).boxed().toList()) + ".");
            } else {
                throw new RequestFileException(name + ": " + inference.size() + " of its " + entries.size()
                        + " entries call an inference path: " + listed(labels, inference) + "; pick one with -Drequest="
                        + name + "#N.");
            }
        }
        JsonNode request = entries.get(chosen - 1).path("request");
        List<Header> headers = new ArrayList<>();
        for (JsonNode header : request.path("headers")) {
            headers.add(new Header(header.path("name").asText(), header.path("value").asText()));
        }
        JsonNode postData = request.path("postData");
        String body = null;
        if (postData.path("text").isTextual()) {
            body = postData.get("text").asText();
        } else if (postData.path("params").isArray() && !postData.get("params").isEmpty()) {
            List<String> params = new ArrayList<>();
            postData.get("params").forEach(param -> params.add(param.path("name").asText() + "=" + param.path("value").asText()));
            body = String.join("&", params);
        }
        return RequestFile.request(new Credentials(), request.get("method").asText(), request.get("url").asText(), headers,
                body, file, chosen);
    }

    /** The path of a URL, without its query: what a sentence may show of an entry (a query can hold a key). */
    private static String path(String url) {
        String rest = url.replaceFirst("^[A-Za-z][A-Za-z0-9+.-]*://[^/?#]*", "");
        rest = rest.replaceFirst("[?#].*$", "");
        return rest.isEmpty() ? "/" : rest;
    }

    private static String listed(List<String> labels, List<Integer> indexes) {
        String shown = indexes.stream().limit(LISTED).map(labels::get).collect(Collectors.joining(", "));
        return indexes.size() > LISTED ? shown + " and " + (indexes.size() - LISTED) + " more" : shown;
    }
}
