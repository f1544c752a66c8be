package dev.aigateway.contract.simulator;

import com.github.tomakehurst.wiremock.extension.ResponseTransformerV2;
import com.github.tomakehurst.wiremock.http.HttpHeader;
import com.github.tomakehurst.wiremock.http.HttpHeaders;
import com.github.tomakehurst.wiremock.http.Response;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The headers the simulated gateway's edge puts on every response, errors included, in order: the
 * profile's {@code simulator.edgeHeaders} ({@code gateways/<name>.yaml}), the request id among them.
 * In a value, {@code {alnum:N}} is N random characters of a-z0-9, {@code {hex:N}} N random hex digits
 * and {@code {epochMs}} the time, drawn afresh for each answer; {@code {request:NAME}} the request's header NAME
 * ("" without one), as a gateway echoes a trace id. A mapping whose {@code transformerParameters} say
 * {@code edgeHeaders: false} is answered without them: a gateway's refusal sent before it routes the request
 * (Portkey's request validator) carries none.
 */
public final class EdgeHeaders implements ResponseTransformerV2 {

    public static final String NAME = "edge-headers";
    private static final String ALNUM = "abcdefghijklmnopqrstuvwxyz0123456789";
    private static final String HEX = "0123456789abcdef";
    private static final Pattern DRAWN = Pattern.compile("\\{(?:(alnum|hex):(\\d+)|(epochMs)|request:([A-Za-z0-9-]+))}");

    /** One part of a header's value: text as written, or drawn for each answer. */
    private interface Part {
        void appendTo(StringBuilder value, ThreadLocalRandom random, com.github.tomakehurst.wiremock.http.Request request);
    }

    private record Header(String name, List<Part> parts) {
        String value(com.github.tomakehurst.wiremock.http.Request request) {
            StringBuilder value = new StringBuilder();
            ThreadLocalRandom random = ThreadLocalRandom.current();
            for (Part part : parts) {
                part.appendTo(value, random, request);
            }
            return value.toString();
        }
    }

    private final List<Header> headers;

    /** {@code headers}: name to value, in the order they are sent. */
    public EdgeHeaders(Map<String, String> headers) {
        List<Header> compiled = new ArrayList<>();
        headers.forEach((name, value) -> compiled.add(new Header(name, parts(value))));
        this.headers = List.copyOf(compiled);
    }

    @Override
    public String getName() {
        return NAME;
    }

    @Override
    public boolean applyGlobally() {
        return true;
    }

    @Override
    public Response transform(Response response, ServeEvent serveEvent) {
        HttpHeaders answered = new HttpHeaders(response.getHeaders().all().stream()
                .filter(header -> !header.key().startsWith("Matched-Stub"))
                .toList());
        boolean edge = serveEvent.getTransformerParameters() == null
                || !Boolean.FALSE.equals(serveEvent.getTransformerParameters().getBoolean("edgeHeaders", true));
        for (Header header : edge ? headers : List.<Header>of()) {
            answered = answered.plus(new HttpHeader(header.name(), header.value(serveEvent.getRequest())));
        }
        return Response.Builder.like(response).but().headers(answered).build();
    }

    /** The value of header {@code name} as the next answer would carry it, or null when there is no such header. */
    String next(String name) {
        return headers.stream().filter(header -> header.name().equalsIgnoreCase(name)).findFirst()
                .map(header -> header.value(null)).orElse(null);
    }

    private static List<Part> parts(String value) {
        List<Part> parts = new ArrayList<>();
        Matcher drawn = DRAWN.matcher(value);
        int from = 0;
        while (drawn.find()) {
            String text = value.substring(from, drawn.start());
            if (!text.isEmpty()) {
                parts.add((out, random, request) -> out.append(text));
            }
            if (drawn.group(4) != null) {
                String name = drawn.group(4);
                parts.add((out, random, request) -> {
                    String sent = request == null ? null : request.getHeader(name);
                    out.append(sent == null ? "" : sent);
                });
            } else if (drawn.group(3) != null) {
                parts.add((out, random, request) -> out.append(System.currentTimeMillis()));
            } else {
                String alphabet = drawn.group(1).equals("hex") ? HEX : ALNUM;
                int length = Integer.parseInt(drawn.group(2));
                parts.add((out, random, request) -> {
                    for (int i = 0; i < length; i++) {
                        out.append(alphabet.charAt(random.nextInt(alphabet.length())));
                    }
                });
            }
            from = drawn.end();
        }
        String rest = value.substring(from);
        if (!rest.isEmpty()) {
            parts.add((out, random, request) -> out.append(rest));
        }
        return List.copyOf(parts);
    }
}
