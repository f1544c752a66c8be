package dev.aigateway.contract.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.aigateway.contract.Json;
import dev.aigateway.contract.Skipped;
import dev.aigateway.contract.environment.Environment;
import dev.aigateway.contract.gateway.GatewayProfile;
import dev.aigateway.contract.record.Exchange;
import dev.aigateway.contract.request.ApplicationRequest;
import dev.aigateway.contract.request.RequestFinding;
import dev.aigateway.contract.request.RequestRoute;
import dev.aigateway.contract.request.RequestVariant;
import dev.aigateway.contract.request.VariantPlan;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Finds what the gateway refuses in the application's request, by sending variants that each change one
 * thing ({@link VariantPlan}), at most {@code request.maxVariants} of them, each held under the spend cap
 * like any billable request, and stopping at the first wave that settles it:
 * <ol>
 *   <li>the probe's smallest request on the same route and model: refused too, it is the model or the
 *       account, not the request;</li>
 *   <li>in one wave, {@code stream} flipped and each top-level field halved (a numeric limit) or dropped;</li>
 *   <li>when none of those is served, in one wave, each item of {@code messages} (or {@code input}) dropped,
 *       then each part of a message's content.</li>
 * </ol>
 * Of the variants of one wave that are served, the smallest change is the finding. A variant that does not
 * fit under {@code maxSpendUsd} is not sent, and is named with the figure.
 */
public final class RefusalReduction {

    /** The variant standing for the probe's smallest request: it changes the whole request but its route and model. */
    static final String SMALLEST = "the probe's smallest request on the same route and model";

    /**
     * One variant as it went: {@code sequence} of its exchange (null when it was not sent), its status and error
     * type, whether it was served, and why it was not sent ({@code skipped}, with the figure) or got no answer.
     */
    public record Tried(RequestVariant variant, Integer sequence, Integer status, String errorType, boolean served,
                        String skipped) {

        /** "#14 stream: true: 200, served", "max_tokens: 10667: not sent (skipped: ...)": one line of the evidence. */
        public String line() {
            String outcome = sequence == null ? "not sent (" + skipped + ")"
                    : (status == null ? "no answer" + (skipped == null ? "" : " (" + skipped + ")") : status + (errorType == null ? "" : " " + errorType))
                    + (served ? ", served" : ", refused");
            return (sequence == null ? "" : "#" + sequence + " ") + variant.change() + ": " + outcome;
        }
    }

    /**
     * What the variants found: the finding (null when the request was not refused by the gateway itself, or
     * request.maxVariants is 0, or the request has nothing to vary: then none was sent), every variant tried, how many requests they took (retries included), in how many waves, in how long.
     */
    public record Outcome(RequestFinding finding, List<Tried> tried, int requests, int waves, long wallMs) {

        public static final Outcome NONE = new Outcome(null, List.of(), 0, 0, 0);

        public boolean found() {
            return finding != null;
        }
    }

    /**
     * Where the same request can be sent directly, with the user's own key for its model's provider (a BYOK key
     * in the environment): the provider's slug, its API's base URL, the key.
     */
    public record Direct(String provider, String baseUrl, String apiKey) {

        /** The provider's own id of a gateway model id: anthropic/claude-haiku-4.5 is claude-haiku-4-5 at Anthropic. */
        String providerModel(String model) {
            return model.substring(model.indexOf('/') + 1).replace('.', '-');
        }
    }

    /** Routes whose request the provider's own API takes as it is (Anthropic's Messages API and its OpenAI SDK compatibility). */
    private static final java.util.Set<String> DIRECT_ROUTES = java.util.Set.of("chat-completions", "messages");

    private RefusalReduction() {}

    /**
     * True when {@code answer} is a refusal the request itself may explain: a 4xx the gateway itself sent (its
     * own header and a JSON body, as its profile says), but not 401 (the key: nothing in the request changes it),
     * 405 (the method or the path, not the body) nor 429 (more requests would only add to it).
     */
    public static boolean refusedByTheGateway(Response answer, GatewayProfile profile) {
        int status = answer.statusCode();
        if (status < 400 || status >= 500 || status == 401 || status == 429 || status == 405) {
            return false;
        }
        GatewayProfile.OwnAnswer own = profile.ownAnswer();
        String header = answer.getHeader(own.header());
        String contentType = answer.getContentType();
        return header != null && !header.isBlank() && contentType != null && contentType.contains(own.contentType())
                && own.bodySays(answer.asString());
    }

    /**
     * Sends the variants of {@code request}, refused, through {@code variants} (a client of the same scenario,
     * whose exchanges are marked as variants), as {@code credential}.
     */
    public static Outcome find(GatewayClient variants, Credential credential, ApplicationRequest request) {
        return find(variants, credential, request, null);
    }

    /**
     * As {@link #find(GatewayClient, Credential, ApplicationRequest)}; then, when a change of the request itself is
     * served and {@code direct} is given (null: not), the request once more, directly at the provider, within
     * {@code request.maxVariants}: whose limit it is.
     */
    public static Outcome find(GatewayClient variants, Credential credential, ApplicationRequest request, Direct direct) {
        RequestRoute route = request.route(variants.environment().profile());
        if (!route.known() || !route.inference()) {
            // A path the gateway does not serve, or one that runs no model: no change of the body speaks to it.
            return Outcome.NONE;
        }
        Outcome outcome = reduce(variants, credential, request);
        String trigger = outcome.found() ? outcome.finding().trigger() : "";
        if (direct == null || trigger.isEmpty() || trigger.equals("model") || !DIRECT_ROUTES.contains(route.id())
                || request.model() == null || outcome.tried().size() >= variants.environment().request().maxVariants()) {
            return outcome;
        }
        long started = System.nanoTime() - outcome.wallMs() * 1_000_000;
        String change = "directly at " + direct.provider() + " with your own key";
        RequestVariant same = new RequestVariant(RequestVariant.Kind.DIRECT, "provider", change, "this request", "directly",
                request.body(), 1);
        List<Tried> tried = new ArrayList<>(outcome.tried());
        Tried there;
        try {
            Response answer = variants.applicationRequestDirect(direct.baseUrl(), direct.apiKey(), request,
                    direct.providerModel(request.model()), change);
            Exchange exchange = last(variants, change);
            there = new Tried(same, exchange == null ? null : exchange.sequence(), answer.statusCode(),
                    exchange == null ? null : exchange.errorType(), answer.statusCode() >= 200 && answer.statusCode() < 300, null);
        } catch (Skipped notSent) {
            there = new Tried(same, null, null, null, false, notSent.getMessage());
        } catch (GatewayUnreachableException noAnswer) {
            Exchange exchange = last(variants, change);
            there = new Tried(same, exchange == null ? null : exchange.sequence(), null, null, false, noAnswer.getMessage());
        }
        tried.add(there);
        RequestFinding finding = there.status() == null ? outcome.finding()
                : outcome.finding().directly(direct.provider(), there.status(), there.status() + (there.errorType() == null ? "" : " " + there.errorType()));
        return outcome(finding, tried, variants, outcome.waves() + 1, started);
    }

    private static Outcome reduce(GatewayClient variants, Credential credential, ApplicationRequest request) {
        long started = System.nanoTime();
        Environment environment = variants.environment();
        int budget = environment.request().maxVariants();
        String model = request.model() == null ? "its model" : request.model();
        List<Tried> tried = new ArrayList<>();
        int waves = 0;
        boolean smallestServed = false;
        Optional<RequestVariant> smallest = smallest(request, environment);
        if (smallest.isPresent() && budget > tried.size()) {
            Tried probe = send(variants, credential, request, List.of(smallest.get())).get(0);
            tried.add(probe);
            waves++;
            smallestServed = probe.served();
            if (probe.sequence() != null && !probe.served()) {
                return outcome(RequestFinding.model(request.path(), model, probe.status() == null ? "no answer"
                        : probe.status() + (probe.errorType() == null ? "" : " " + probe.errorType())), tried, variants, waves, started);
            }
        }
        // The AI SDK's native protocol asks for a stream in a header, not in the body; embeddings do not stream.
        String route = request.route(environment.profile()).id();
        Optional<RequestVariant> stream = route.startsWith("ai-sdk-") || route.equals("embeddings") ? Optional.empty()
                : VariantPlan.streamFlipped(request);
        List<RequestVariant> topLevel = new ArrayList<>();
        stream.ifPresent(topLevel::add);
        topLevel.addAll(VariantPlan.topLevel(request));
        List<RequestVariant> items = VariantPlan.items(request);
        int room = Math.max(0, budget - tried.size());
        List<Tried> first = send(variants, credential, request, topLevel.subList(0, Math.min(room, topLevel.size())));
        tried.addAll(first);
        waves += first.isEmpty() ? 0 : 1;
        Optional<Tried> streamed = first.stream().filter(t -> t.variant().kind() == RequestVariant.Kind.STREAM && t.served()).findFirst();
        Optional<Tried> field = smallestServed(first, RequestVariant.Kind.TOP_LEVEL);
        if (field.isPresent()) {
            return outcome(RequestFinding.field(field.get().variant(), streamed.map(Tried::variant).orElse(null), model), tried,
                    variants, waves, started);
        }
        if (streamed.isPresent()) {
            return outcome(RequestFinding.stream(streamed.get().variant(), model), tried, variants, waves, started);
        }
        room = Math.max(0, budget - tried.size());
        List<Tried> second = send(variants, credential, request, items.subList(0, Math.min(room, items.size())));
        tried.addAll(second);
        waves += second.isEmpty() ? 0 : 1;
        Optional<Tried> item = smallestServed(second, RequestVariant.Kind.ITEM);
        if (item.isPresent()) {
            return outcome(RequestFinding.field(item.get().variant(), null, model), tried, variants, waves, started);
        }
        if (tried.isEmpty()) {
            return Outcome.NONE;
        }
        int notTried = topLevel.size() + items.size() + (smallest.isPresent() ? 1 : 0) - tried.size();
        int sent = (int) tried.stream().filter(t -> t.sequence() != null && t.variant().kind() != RequestVariant.Kind.SMALLEST).count();
        return outcome(RequestFinding.none(model, sent, smallestServed, notTried, budget), tried, variants, waves, started);
    }

    private static Optional<Tried> smallestServed(List<Tried> wave, RequestVariant.Kind kind) {
        return wave.stream().filter(t -> t.variant().kind() == kind && t.served())
                .min(Comparator.comparingInt(t -> t.variant().size()));
    }

    private static Outcome outcome(RequestFinding finding, List<Tried> tried, GatewayClient variants, int waves, long started) {
        int requests = (int) variants.exchanges().stream().filter(exchange -> exchange.variant() != null).count();
        return new Outcome(finding, List.copyOf(tried), requests, waves, (System.nanoTime() - started) / 1_000_000);
    }

    /**
     * The probe's own smallest request on the request's route and model (the environment's probe.maxTokens),
     * for the routes the probes call; none for another route, or a request that names no model.
     */
    static Optional<RequestVariant> smallest(ApplicationRequest request, Environment environment) {
        String model = request.model();
        if (model == null || request.body() == null) {
            return Optional.empty();
        }
        int maxTokens = environment.probe().maxTokens();
        String route = request.route(environment.profile()).id();
        Object body = switch (route) {
            case "chat-completions" -> ChatCompletionRequest.smallest(model, maxTokens);
            case "messages" -> AnthropicMessageRequest.smallest(model, maxTokens);
            case "messages-count-tokens" -> CountTokensRequest.smallest(model);
            case "responses" -> ResponsesRequest.smallest(model, maxTokens);
            case "embeddings" -> EmbeddingsRequest.smallest(model);
            // The AI SDK's native protocol names the model in a header, which the file's headers keep.
            default -> route.matches("ai-sdk-v\\d-language-model|ai-sdk-v\\d") ? LanguageModelCall.smallest(maxTokens) : null;
        };
        if (body == null) {
            return Optional.empty();
        }
        try {
            String json = Json.DATA.writeValueAsString(body);
            return Optional.of(new RequestVariant(RequestVariant.Kind.SMALLEST, "model", SMALLEST, "this request",
                    "the probe's smallest request", json, Math.max(1, Math.abs(request.body().length() - json.length()))));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the probe's smallest request cannot be written as JSON", e);
        }
    }

    /** One wave: every variant at once, each held under the spend cap by the client as it is sent. */
    private static List<Tried> send(GatewayClient variants, Credential credential, ApplicationRequest request,
                                    List<RequestVariant> wave) {
        if (wave.isEmpty()) {
            return List.of();
        }
        if (wave.size() == 1) {
            return List.of(sendOne(variants, credential, request, wave.get(0)));
        }
        ExecutorService senders = Executors.newFixedThreadPool(wave.size());
        try {
            List<Future<Tried>> sent = new ArrayList<>();
            for (RequestVariant variant : wave) {
                sent.add(senders.submit(() -> sendOne(variants, credential, request, variant)));
            }
            List<Tried> tried = new ArrayList<>();
            for (Future<Tried> each : sent) {
                tried.add(each.get());
            }
            return tried;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Skipped("interrupted while the variants of the application's request were under way");
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException runtime ? runtime : new IllegalStateException(e.getCause());
        } finally {
            senders.shutdownNow();
        }
    }

    private static Tried sendOne(GatewayClient variants, Credential credential, ApplicationRequest request, RequestVariant variant) {
        try {
            Response answer = variants.applicationRequest(credential, variant.applyTo(request), variant.change());
            Exchange exchange = last(variants, variant.change());
            return new Tried(variant, exchange == null ? null : exchange.sequence(), answer.statusCode(),
                    exchange == null ? null : exchange.errorType(), served(answer, variants.environment().profile()), null);
        } catch (Skipped notSent) {
            return new Tried(variant, null, null, null, false, notSent.getMessage());
        } catch (GatewayUnreachableException noAnswer) {
            Exchange exchange = last(variants, variant.change());
            return new Tried(variant, exchange == null ? null : exchange.sequence(), null, null, false, noAnswer.getMessage());
        }
    }

    private static Exchange last(GatewayClient variants, String change) {
        List<Exchange> all = variants.exchanges();
        for (int i = all.size() - 1; i >= 0; i--) {
            if (change.equals(all.get(i).variant())) {
                return all.get(i);
            }
        }
        return null;
    }

    /** Served: a 2xx whose event stream, if it is one, carries no error event. */
    static boolean served(Response answer, GatewayProfile profile) {
        if (answer.statusCode() < 200 || answer.statusCode() >= 300) {
            return false;
        }
        String contentType = answer.getContentType();
        if (contentType == null || !contentType.startsWith("text/event-stream")) {
            return true;
        }
        for (String event : ServerSentEvents.data(answer.asString())) {
            if (!event.equals(profile.stream().terminator()) && profile.envelopeOf(AnswerJson.object(event)).hasError()) {
                return false;
            }
        }
        return true;
    }
}
