package dev.aigateway.contract.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * An inference route whose answer is a body file of the simulator's {@code __files/}: {@code body} for a
 * plain request, {@code stream} for a streamed one (the profile's terminator appended), with
 * {@code {generationId}}, {@code {model}}, {@code {provider}}, {@code {created}}, {@code {text}},
 * {@code {finishReason}} (Anthropic's {@code {stopReason}}), {@code {promptTokens}}, {@code {completionTokens}}, {@code {totalTokens}} and
 * {@code {cost}} filled in from a reply computed as every simulated completion is. Before it: the request's
 * check (400), the team's refusals, the model (the profile's answer to an unknown one). The generation id
 * also goes in the profile's generation-id header, where it has one; the mapping's {@code headers}, filled in the
 * same way, go on the answer too.
 */
final class TemplatedCompletionRoute implements SimulatedRoute {

    @Override
    public ResponseDefinition serve(RouteCall call) {
        JsonNode body = Replies.body(call.request().getBodyAsString());
        ResponseDefinition invalid = Replies.invalidInference(body, true);
        if (invalid != null) {
            return invalid;
        }
        boolean streaming = body.path("stream").asBoolean(false);
        RouteCall.Admission admission = call.admitInference(body.path("model").asText(), streaming);
        if (admission.refused()) {
            return admission.refusal();
        }
        Completion completion = Completion.of(call.gateway().newGenerationId(), admission.model(), body);
        call.gateway().remember(completion.generationId(), completion.usageEvent(streaming));
        return templated(call, completion, streaming, true);
    }

    /** True when the mapping names body files ({@code body}, {@code stream}) the route answers with. */
    static boolean templated(RouteCall call) {
        return call.parameters().getString("body", null) != null;
    }

    /**
     * {@code completion} as the mapping's body file ({@code stream} when {@code streaming}, the profile's
     * terminator appended where {@code terminated}), the generation id in the profile's header where it has one.
     */
    static ResponseDefinition templated(RouteCall call, Completion completion, boolean streaming, boolean terminated) {
        String text = fill(file(call, call.parameters().getString(streaming ? "stream" : "body")), completion);
        ResponseDefinition reply = streaming ? Replies.eventStream(terminated ? text + call.gateway().streamEnd() : text)
                : ResponseDefinitionBuilder.like(Replies.json(200, Replies.JSON.createObjectNode())).withBody(text).build();
        return withGenerationIdHeader(call, withHeaders(call, reply, value -> fill(value, completion)), completion.generationId());
    }

    /** {@code reply} with the mapping's own {@code headers} (a gateway that states the cost in one), each value {@code filled}. */
    static ResponseDefinition withHeaders(RouteCall call, ResponseDefinition reply, java.util.function.UnaryOperator<String> filled) {
        if (!(call.parameters().get("headers") instanceof java.util.Map<?, ?> named)) {
            return reply;
        }
        ResponseDefinitionBuilder builder = ResponseDefinitionBuilder.like(reply);
        named.forEach((name, value) -> builder.withHeader(String.valueOf(name), filled.apply(String.valueOf(value))));
        return builder.build();
    }

    static ResponseDefinition withGenerationIdHeader(RouteCall call, ResponseDefinition reply, String generationId) {
        String header = call.gateway().profile.generationId().header();
        return header == null ? reply : ResponseDefinitionBuilder.like(reply).withHeader(header, generationId).build();
    }

    /** The body file {@code name} of the simulator's {@code __files/}. */
    static String file(RouteCall call, String name) {
        return read(call.gateway().profile.simulator().folder() + "/__files/" + name);
    }

    static String fill(String template, Completion completion) {
        int completionTokens = completion.words().size();
        return template.replace("{generationId}", completion.generationId())
                .replace("{model}", completion.model().id())
                .replace("{provider}", completion.model().creator())
                .replace("{created}", String.valueOf(completion.created()))
                .replace("{text}", completion.text())
                .replace("{finishReason}", completion.finishReason())
                .replace("{stopReason}", "length".equals(completion.finishReason()) ? "max_tokens" : "end_turn")
                .replace("{promptTokens}", String.valueOf(completion.promptTokens()))
                .replace("{completionTokens}", String.valueOf(completionTokens))
                .replace("{totalTokens}", String.valueOf(completion.promptTokens() + completionTokens))
                .replace("{cost}", completion.cost().toPlainString());
    }

    private static String read(String resource) {
        try (InputStream in = TemplatedCompletionRoute.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("no body file " + resource + " on the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
