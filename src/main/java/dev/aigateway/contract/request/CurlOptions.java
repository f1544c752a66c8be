package dev.aigateway.contract.request;

import dev.aigateway.contract.request.ApplicationRequest.Header;
import dev.aigateway.contract.request.CommandText.Word;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A curl command's options, read as curl would read them into the request it sends: its method, URL, headers and
 * body. The options are those browsers' "Copy as cURL", Vercel's docs and support use; curl's own settings
 * (output, timeouts, TLS) are read and left out, any other option is refused in one sentence.
 */
final class CurlOptions {

    private static final Set<String> FLAGS = Set.of("silent", "show-error", "verbose", "include", "location",
            "location-trusted", "insecure", "fail", "fail-with-body", "fail-early", "compressed", "no-buffer",
            "http1.0", "http1.1", "http2", "http2-prior-knowledge", "http3", "progress-bar", "globoff",
            "no-progress-meter", "raw", "tr-encoding", "ipv4", "ipv6", "remote-name", "remote-header-name",
            "no-keepalive", "tcp-nodelay", "path-as-is", "ssl-no-revoke", "tlsv1.2", "tlsv1.3", "get", "head",
            "styled-output", "no-styled-output", "no-progress-bar", "no-compressed", "no-silent", "no-verbose");
    private static final Set<String> IGNORED_WITH_VALUE = Set.of("output", "write-out", "max-time", "connect-timeout",
            "retry", "retry-delay", "retry-max-time", "proxy", "resolve", "cacert", "capath", "cert", "key",
            "cert-type", "key-type", "limit-rate", "speed-time", "speed-limit", "interface", "dns-servers",
            "cookie-jar", "dump-header", "trace", "trace-ascii", "stderr", "max-filesize", "keepalive-time",
            "expect100-timeout", "unix-socket", "abstract-unix-socket", "noproxy", "connect-to", "ciphers",
            "tls-max", "proxy-user", "max-redirs", "retry-all-errors");
    private static final Set<String> WITH_VALUE = Set.of("request", "header", "data", "data-raw", "data-binary",
            "data-ascii", "data-urlencode", "json", "url", "user-agent", "referer", "cookie", "user", "oauth2-bearer",
            "form", "form-string", "upload-file", "config");
    private static final Map<Character, String> SHORT = Map.ofEntries(Map.entry('s', "silent"), Map.entry('S', "show-error"),
            Map.entry('v', "verbose"), Map.entry('i', "include"), Map.entry('L', "location"), Map.entry('k', "insecure"),
            Map.entry('f', "fail"), Map.entry('N', "no-buffer"), Map.entry('#', "progress-bar"), Map.entry('g', "globoff"),
            Map.entry('4', "ipv4"), Map.entry('6', "ipv6"), Map.entry('O', "remote-name"), Map.entry('J', "remote-header-name"),
            Map.entry('G', "get"), Map.entry('I', "head"), Map.entry('X', "request"), Map.entry('H', "header"),
            Map.entry('d', "data"), Map.entry('A', "user-agent"), Map.entry('e', "referer"), Map.entry('b', "cookie"),
            Map.entry('u', "user"), Map.entry('F', "form"), Map.entry('T', "upload-file"), Map.entry('K', "config"),
            Map.entry('o', "output"), Map.entry('w', "write-out"), Map.entry('m', "max-time"), Map.entry('x', "proxy"),
            Map.entry('E', "cert"), Map.entry('c', "cookie-jar"), Map.entry('D', "dump-header"), Map.entry('y', "speed-time"),
            Map.entry('Y', "speed-limit"), Map.entry('U', "proxy-user"));
    private final CommandText source;

    CurlOptions(CommandText source) {
        this.source = source;
    }

    CurlCommand.Parsed read(List<Word> words, Map<String, String> fileSecrets) {
        String method = null;
        String url = null;
        boolean get = false;
        boolean head = false;
        boolean json = false;
        List<String> data = new ArrayList<>();
        List<Header> headers = new ArrayList<>();
        boolean optionsEnded = false;
        for (int k = 0; k < words.size(); k++) {
            Word word = words.get(k);
            String t = word.text();
            List<String[]> found = new ArrayList<>();
            if (!optionsEnded && t.equals("--")) {
                optionsEnded = true;
                continue;
            } else if (!optionsEnded && t.startsWith("--")) {
                String name = t.substring(2);
                if (!FLAGS.contains(name) && !IGNORED_WITH_VALUE.contains(name) && !WITH_VALUE.contains(name)) {
                    throw unknown(word, t);
                }
                String value = null;
                if (!FLAGS.contains(name)) {
                    value = valueAfter(words, k++, t);
                }
                found.add(new String[] {name, value});
            } else if (!optionsEnded && t.startsWith("-") && t.length() > 1) {
                for (int j = 1; j < t.length(); j++) {
                    String name = SHORT.get(t.charAt(j));
                    if (name == null) {
                        throw unknown(word, "-" + t.charAt(j));
                    }
                    if (FLAGS.contains(name)) {
                        found.add(new String[] {name, null});
                        continue;
                    }
                    String value = j + 1 < t.length() ? t.substring(j + 1) : valueAfter(words, k++, "-" + t.charAt(j));
                    found.add(new String[] {name, value});
                    break;
                }
            } else {
                if (url != null) {
                    throw new RequestFileException(source.at(word) + ": a second URL; a request file holds one request, so keep one URL.");
                }
                url = t;
                continue;
            }
            for (String[] option : found) {
                String name = option[0];
                String value = option[1];
                switch (name) {
                    case "request" -> method = value.toUpperCase(Locale.ROOT);
                    case "get" -> get = true;
                    case "head" -> head = true;
                    case "url" -> {
                        if (url != null) {
                            throw new RequestFileException(source.at(word) + ": a second URL; a request file holds one request, so keep one URL.");
                        }
                        url = value;
                    }
                    case "header" -> header(word, value, headers);
                    case "data", "data-binary", "data-ascii" -> {
                        if (value.startsWith("@")) {
                            throw new RequestFileException(source.at(word) + ": the body is read from a file (" + optionName(t)
                                    + " @...); put the body itself in the command, or use a HAR or JSON request file.");
                        }
                        data.add(value);
                    }
                    case "data-raw" -> data.add(value);
                    case "data-urlencode" -> data.add(urlEncoded(word, value));
                    case "json" -> {
                        if (value.startsWith("@")) {
                            throw new RequestFileException(source.at(word) + ": the body is read from a file (--json @...); put the"
                                    + " body itself in the command, or use a HAR or JSON request file.");
                        }
                        json = true;
                        data.add(value);
                    }
                    case "user-agent" -> headers.add(new Header("User-Agent", value));
                    case "referer" -> headers.add(new Header("Referer", value));
                    case "cookie" -> {
                        if (value.contains("=")) {
                            headers.add(new Header("Cookie", value));
                        }
                    }
                    case "user" -> headers.add(new Header("Authorization",
                            "Basic " + Base64.getEncoder().encodeToString(value.getBytes(StandardCharsets.UTF_8))));
                    case "oauth2-bearer" -> headers.add(new Header("Authorization", "Bearer " + value));
                    case "form", "form-string", "upload-file", "config" -> throw new RequestFileException(source.at(word) + ": "
                            + optionName(t) + " (" + name + ") is not something a request file can replay; give the"
                            + " request as a HAR or JSON request file instead.");
                    default -> {
                        // A setting of curl's own (output, timeouts, TLS): nothing of the request.
                    }
                }
            }
        }
        if (url == null) {
            throw new RequestFileException(source.file + " line " + source.line(words.isEmpty() ? 0 : words.get(0).offset())
                    + ": the curl command has no URL.");
        }
        String body = null;
        if (!data.isEmpty()) {
            body = json && data.size() > 1 ? String.join("", data) : String.join("&", data);
        }
        if (get && body != null) {
            url = url + (url.contains("?") ? "&" : "?") + body;
            body = null;
        }
        if (json) {
            addIfAbsent(headers, "Content-Type", "application/json");
            addIfAbsent(headers, "Accept", "application/json");
        } else if (body != null) {
            addIfAbsent(headers, "Content-Type", "application/x-www-form-urlencoded");
        }
        if (method == null) {
            method = head ? "HEAD" : get || body == null ? "GET" : "POST";
        }
        return new CurlCommand.Parsed(method, url, headers, body, fileSecrets);
    }

    private String valueAfter(List<Word> words, int k, String option) {
        if (k + 1 >= words.size()) {
            throw new RequestFileException(source.at(words.get(k)) + ": " + option + " needs a value after it.");
        }
        return words.get(k + 1).text();
    }

    private void header(Word word, String value, List<Header> headers) {
        if (value.startsWith("@")) {
            throw new RequestFileException(source.at(word) + ": the headers are read from a file (-H @...); write each"
                    + " header in the command as -H 'Name: value'.");
        }
        int colon = value.indexOf(':');
        if (colon <= 0) {
            if (value.endsWith(";") && value.length() > 1) {
                headers.add(new Header(value.substring(0, value.length() - 1).strip(), ""));
                return;
            }
            throw new RequestFileException(source.at(word) + ": a header is written 'Name: value', and this one has no colon.");
        }
        String headerValue = value.substring(colon + 1).strip();
        if (!headerValue.isEmpty()) {
            headers.add(new Header(value.substring(0, colon).strip(), headerValue));
        }
    }

    private String urlEncoded(Word word, String value) {
        int equals = value.indexOf('=');
        if (value.startsWith("@") || (equals > 0 && value.charAt(equals - 1) == '@') || (equals < 0 && value.contains("@"))) {
            throw new RequestFileException(source.at(word) + ": --data-urlencode reads from a file here; put the value itself in the command.");
        }
        if (equals < 0) {
            return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
        }
        return (equals == 0 ? "" : value.substring(0, equals) + "=")
                + URLEncoder.encode(value.substring(equals + 1), StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static void addIfAbsent(List<Header> headers, String name, String value) {
        if (headers.stream().noneMatch(header -> header.name().equalsIgnoreCase(name))) {
            headers.add(new Header(name, value));
        }
    }

    private RequestFileException unknown(Word word, String option) {
        return new RequestFileException(source.at(word) + ": curl option " + optionName(option) + " is not one this reader knows;"
                + " it reads -X, -H, -d, --data-raw, --data-binary, --json, --url and curl's output and connection settings.");
    }

    /** The option as written, when it looks like one; never a value that might be a key. */
    static String optionName(String text) {
        return text.matches("--?[A-Za-z0-9#][A-Za-z0-9.-]{0,30}") ? text : "an option";
    }
}
