package dev.aigateway.contract.simulator;

import com.github.tomakehurst.wiremock.extension.ResponseTransformerV2;
import com.github.tomakehurst.wiremock.http.HttpHeader;
import com.github.tomakehurst.wiremock.http.HttpHeaders;
import com.github.tomakehurst.wiremock.http.Response;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The headers Vercel's edge puts on every response, errors included: {@code server: Vercel} and an
 * {@code x-vercel-id} request id in the real format ({@code <edge>::<region>::<5 chars>-<epoch ms>-<12 hex>}).
 */
public final class VercelEdgeHeaders implements ResponseTransformerV2 {

    public static final String NAME = "vercel-edge-headers";
    private static final String LETTERS = "abcdefghijklmnopqrstuvwxyz0123456789";

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
        HttpHeaders headers = new HttpHeaders(response.getHeaders().all().stream()
                        .filter(header -> !header.key().startsWith("Matched-Stub"))
                        .toList())
                .plus(new HttpHeader("server", "Vercel"))
                .plus(new HttpHeader("x-vercel-id", vercelId()))
                .plus(new HttpHeader("x-vercel-cache", "MISS"))
                .plus(new HttpHeader("cache-control", "public, max-age=0, must-revalidate"))
                .plus(new HttpHeader("strict-transport-security", "max-age=63072000; includeSubDomains; preload"));
        return Response.Builder.like(response).but().headers(headers).build();
    }

    static String vercelId() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        StringBuilder shortId = new StringBuilder();
        for (int i = 0; i < 5; i++) {
            shortId.append(LETTERS.charAt(random.nextInt(LETTERS.length())));
        }
        byte[] tail = new byte[6];
        random.nextBytes(tail);
        return "sim1::iad1::" + shortId + "-" + System.currentTimeMillis() + "-" + HexFormat.of().formatHex(tail);
    }
}
