package dev.aigateway.contract.request;

import dev.aigateway.contract.request.ApplicationRequest.Header;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A request written the way Chrome's DevTools "Copy as ..." writes it, by the rules of Chromium DevTools'
 * front_end/panels/network/NetworkLogView.ts (ChromeDevTools/devtools-frontend, read at 0149ea0c7567de0d63f8f4b66e07040de0519733:
 * {@code generateCurlCommand} with {@code escapeStringPosix} and {@code escapeStringWin}, {@code generatePowerShellCommand},
 * {@code generateFetchCall}), restated here; {@code escapeStringWin} as Chrome writes it since it always quotes with
 * {@code ^"} and escapes {@code &} (the form Playwright copies from devtools-frontend 83cbe41b). One liberty: the
 * cmd form escapes a character outside the BMP as one {@code ^} and the character, where Chrome puts a {@code ^}
 * between its two UTF-16 halves, which no UTF-8 file can hold.
 */
record DevToolsCopy(String method, String url, List<Header> headers, String body) {

    /** Cookies as the page's cookie jar gives them to "Copy as PowerShell": name, value. */
    private Map<String, String> cookies() {
        Map<String, String> cookies = new LinkedHashMap<>();
        headers.stream().filter(header -> header.name().equalsIgnoreCase("cookie")).forEach(header -> {
            for (String cookie : header.value().split(";\\s*")) {
                int equals = cookie.indexOf('=');
                cookies.put(cookie.substring(0, equals), cookie.substring(equals + 1));
            }
        });
        return cookies;
    }

    private String header(String name) {
        return headers.stream().filter(header -> header.name().equalsIgnoreCase(name)).map(Header::value).findFirst().orElse(null);
    }

    // ---- Copy as cURL (bash) and (cmd) -----------------------------------------------------------

    String bash() {
        return curl(DevToolsCopy::posix, " \\\n  ");
    }

    String cmd() {
        return curl(DevToolsCopy::win, " ^\n  ");
    }

    /** "Copy as cURL (cmd)" as Chrome wrote it before it always quoted with ^" (devtools-frontend at 0149ea0c). */
    String legacyCmd() {
        return curl(DevToolsCopy::legacyWin, " ^\n  ");
    }

    private interface Escape {
        String apply(String text);
    }

    private String curl(Escape escape, String join) {
        Set<String> ignored = new java.util.HashSet<>(Set.of("accept-encoding", "host", "method", "path", "scheme", "version",
                "authority", "protocol"));
        List<String> command = new ArrayList<>();
        command.add(escape.apply(url).replaceAll("[\\[{}\\]]", "\\\\$0"));
        String inferred = "GET";
        List<String> data = new ArrayList<>();
        if (body != null) {
            data.add("--data-raw " + escape.apply(body));
            ignored.add("content-length");
            inferred = "POST";
        }
        if (!method.equals(inferred)) {
            command.add("-X " + escape.apply(method));
        }
        for (Header header : headers) {
            String name = header.name().replaceFirst("^:", "");
            if (ignored.contains(name.toLowerCase(Locale.ROOT))) {
                continue;
            }
            command.add("-H " + escape.apply(header.value().strip().isEmpty() ? name + ";" : name + ": " + header.value()));
        }
        command.addAll(data);
        command.add("--compressed");
        return "curl " + String.join(command.size() >= 3 ? join : " ", command);
    }

    /** Single quotes, or bash's $'...' when the text holds a control character, a ! or a '. */
    static String posix(String text) {
        if (!text.matches("(?s).*[\\x00-\\x1F\\x7F-\\x9F!'].*")) {
            return "'" + text + "'";
        }
        StringBuilder quoted = new StringBuilder("$'");
        String escaped = text.replace("\\", "\\\\").replace("'", "\\'").replace("\n", "\\n").replace("\r", "\\r");
        for (char c : escaped.toCharArray()) {
            quoted.append(c <= 0x1F || (c >= 0x7F && c <= 0x9F) || c == '!' ? String.format("\\u%04x", (int) c) : String.valueOf(c));
        }
        return quoted.append("'").toString();
    }

    /** cmd's ^"...^": \ doubled, " as \", then ^ before every character not known safe, %^ before a name, newlines as ^ and two. */
    static String win(String text) {
        String escaped = text.replace("\\", "\\\\").replace("\"", "\\\"");
        StringBuilder careted = new StringBuilder();
        escaped.codePoints().forEach(c -> {
            boolean safe = (c < 128 && (Character.isLetterOrDigit(c) || "_-:=+~'/.,?;()*`".indexOf(c) >= 0))
                    || Character.isWhitespace(c) || c == 0xA0;
            careted.append(safe ? "" : "^").appendCodePoint(c);
        });
        String result = careted.toString().replaceAll("%(?=[a-zA-Z0-9_])", "%^").replaceAll("\\r?\\n", "^\n\n");
        return "^\"" + result + "^\"";
    }

    /** The older escapeStringWin: plain " unless the text holds a newline, and & left as it is. */
    static String legacyWin(String text) {
        String quote = text.matches("(?s).*[\r\n].*") ? "^\"" : "\"";
        String escaped = text.replace("\\", "\\\\").replace("\"", "\\\"");
        StringBuilder careted = new StringBuilder();
        escaped.codePoints().forEach(c -> {
            boolean safe = (c < 128 && (Character.isLetterOrDigit(c) || "_-:=+~'/.,?;()*`&".indexOf(c) >= 0))
                    || Character.isWhitespace(c) || c == 0xA0;
            careted.append(safe ? "" : "^").appendCodePoint(c);
        });
        String result = careted.toString().replaceAll("%(?=[a-zA-Z0-9_])", "%^").replaceAll("\\r?\\n", "^\n\n");
        return quote + result + quote;
    }

    // ---- Copy as PowerShell ---------------------------------------------------------------------

    String powerShell() {
        Set<String> ignored = Set.of("host", "connection", "proxy-connection", "content-length", "expect", "range",
                "content-type", "user-agent", "cookie");
        List<String> props = new ArrayList<>();
        String userAgent = header("user-agent");
        if (userAgent != null) {
            props.add("$session.UserAgent = " + ps(userAgent));
        }
        cookies().forEach((name, value) -> props.add("$session.Cookies.Add((New-Object System.Net.Cookie(" + ps(name) + ", "
                + ps(value) + ", \"/\", " + ps(".vercel.sh") + ")))"));
        String session = props.isEmpty() ? null
                : "$session = New-Object Microsoft.PowerShell.Commands.WebRequestSession\n" + String.join("\n", props) + "\n";
        List<String> command = new ArrayList<>();
        command.add("-Uri " + ps(url));
        if (!method.equals("GET")) {
            command.add("-Method " + ps(method));
        }
        if (session != null) {
            command.add("-WebSession $session");
        }
        List<String> pairs = new ArrayList<>();
        for (Header header : headers) {
            String name = header.name().replaceFirst("^:", "");
            if (!ignored.contains(name.toLowerCase(Locale.ROOT))) {
                pairs.add(ps(name) + "=" + ps(header.value()));
            }
        }
        if (!pairs.isEmpty()) {
            command.add("-Headers @{\n" + String.join("\n  ", pairs) + "\n}");
        }
        String contentType = header("content-type");
        if (contentType != null) {
            command.add("-ContentType " + ps(contentType));
        }
        if (body != null) {
            command.add(body.matches("[\\x20-\\x7E]*") ? "-Body " + ps(body)
                    : "-Body ([System.Text.Encoding]::UTF8.GetBytes(" + ps(body) + "))");
        }
        return (session == null ? "" : session) + "Invoke-WebRequest -UseBasicParsing "
                + String.join(command.size() >= 3 ? " `\n" : " ", command);
    }

    /** PowerShell's "...": ` before ` $ and ", every character outside printable ASCII as $([char]N), one per UTF-16 unit. */
    static String ps(String text) {
        StringBuilder quoted = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            if (c == '`' || c == '$' || c == '"') {
                quoted.append('`').append(c);
            } else if (c < 0x20 || c > 0x7E) {
                quoted.append("$([char]").append((int) c).append(')');
            } else {
                quoted.append(c);
            }
        }
        return quoted.append('"').toString();
    }

    // ---- Copy as fetch, Copy as Node.js fetch ---------------------------------------------------

    String fetch(boolean node) {
        Set<String> ignored = Set.of("method", "path", "scheme", "version", "accept-charset", "accept-encoding",
                "access-control-request-headers", "access-control-request-method", "connection", "content-length", "cookie",
                "cookie2", "date", "dnt", "expect", "host", "keep-alive", "origin", "referer", "te", "trailer",
                "transfer-encoding", "upgrade", "via", "user-agent");
        Map<String, String> kept = new LinkedHashMap<>();
        headers.stream().filter(header -> !ignored.contains(header.name().toLowerCase(Locale.ROOT)) && !header.name().contains(":"))
                .forEach(header -> kept.put(header.name().toLowerCase(Locale.ROOT), header.value()));
        String referrer = header("referer");
        String referrerPolicy = "strict-origin-when-cross-origin";
        Map<String, String> fields = new LinkedHashMap<>();
        if (node) {
            String cookie = header("cookie");
            if (cookie != null) {
                kept.put("cookie", cookie);
            }
            if (referrer != null) {
                kept.put("Referer", referrer);
                kept.put("Referrer-Policy", referrerPolicy);
            }
        }
        if (!kept.isEmpty()) {
            fields.put("headers", "{\n" + kept.entrySet().stream().map(entry -> "    " + js(entry.getKey()) + ": " + js(entry.getValue()))
                    .collect(Collectors.joining(",\n")) + "\n  }");
        }
        if (!node && referrer != null) {
            fields.put("referrer", js(referrer));
            fields.put("referrerPolicy", js(referrerPolicy));
        }
        fields.put("body", body == null ? "null" : js(body));
        fields.put("method", js(method));
        if (!node) {
            fields.put("mode", js("cors"));
            boolean credentials = headers.stream().anyMatch(header -> Set.of("cookie", "authorization")
                    .contains(header.name().toLowerCase(Locale.ROOT)));
            fields.put("credentials", js(credentials ? "include" : "omit"));
        }
        return "fetch(" + js(url) + ", {\n" + fields.entrySet().stream().map(entry -> "  " + js(entry.getKey()) + ": " + entry.getValue())
                .collect(Collectors.joining(",\n")) + "\n});";
    }

    /** JSON.stringify of a string. */
    static String js(String text) {
        StringBuilder quoted = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> quoted.append("\\\"");
                case '\\' -> quoted.append("\\\\");
                case '\n' -> quoted.append("\\n");
                case '\r' -> quoted.append("\\r");
                case '\t' -> quoted.append("\\t");
                case '\b' -> quoted.append("\\b");
                case '\f' -> quoted.append("\\f");
                default -> quoted.append(c < 0x20 ? String.format("\\u%04x", (int) c) : String.valueOf(c));
            }
        }
        return quoted.append('"').toString();
    }
}
