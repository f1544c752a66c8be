package dev.aigateway.contract.diagnosis;

import dev.aigateway.contract.http.AnswerJson;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aigateway.contract.environment.Environment;
import dev.aigateway.contract.environment.Route;
import dev.aigateway.contract.gateway.Envelope;
import dev.aigateway.contract.gateway.GatewayProfile;
import dev.aigateway.contract.http.ServerSentEvents;
import dev.aigateway.contract.record.Exchange;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** An exchange as the facts the diagnosis rules read (see the header of {@code diagnosis/verdicts.yaml}). */
final class Facts {

    /**
     * The name every scenario of the application's own request starts with (features/request/): its
     * exchanges are request-level evidence, never an account's or a route's.
     */
    static final String APPLICATION_REQUEST_SCENARIO = "Your application's request";


    private Facts() {}

    /**
     * {@code unknownModelOnRoute}, the comparison that tells a route the gateway does not serve from a model it
     * does not serve there: {@code same} when the team's request for a model that does not exist, on the same
     * path, got the same answer (status, type and message) as this exchange, {@code different} when it got
     * another (the route is served: it told that model apart), empty when no such request was sent or this is it.
     */
    private static void unknownModelOnRoute(List<Map<String, String>> facts) {
        for (Map<String, String> fact : facts) {
            fact.put("unknownModelOnRoute", "");
            if (!Layer.own(fact)) {
                continue;
            }
            facts.stream()
                    .filter(other -> "team-key".equals(other.get("caller")) && other.get("path").equals(fact.get("path"))
                            && Environment.Probe.MODEL_THAT_DOES_NOT_EXIST.equals(other.get("model"))
                            && "true".equals(other.get("answered")))
                    .findFirst()
                    .ifPresent(unknown -> fact.put("unknownModelOnRoute", unknown.get("status").equals(fact.get("status"))
                            && unknown.get("type").equals(fact.get("type")) && unknown.get("message").equals(fact.get("message"))
                            ? "same" : "different"));
        }
    }

    /**
     * The facts of every exchange of a run, with what only the whole run tells: {@code otherRouteServed}
     * is true when the gateway itself served the team's key on a route other than this exchange's.
     */
    static List<Map<String, String>> ofRun(List<Exchange> exchanges, Environment environment) {
        List<Map<String, String>> facts = exchanges.stream().map(exchange -> of(exchange, environment)).toList();
        String budget = exhaustedBudget(exchanges, environment.profile());
        facts.forEach(fact -> fact.put("exhaustedBudget", budget));
        keyLimit(exchanges, facts, environment.profile(), !budget.isEmpty());
        // A route served only on another model, after its refusal (OtherModel), is not another route served.
        Set<String> served = exchanges.stream().filter(exchange -> !OtherModel.SCENARIO.equals(exchange.scenario()))
                .flatMap(exchange -> RouteServed.by(exchange, environment.profile()).stream())
                .map(Route::id).collect(Collectors.toSet());
        for (Map<String, String> fact : facts) {
            String route = fact.get("route");
            fact.put("otherRouteServed", String.valueOf(!route.isEmpty() && served.stream().anyMatch(other -> !other.equals(route))));
        }
        unknownModelOnRoute(facts);
        OtherModel.of(exchanges, facts, environment.profile());
        // The team's key against itself: served anywhere by the gateway, a 401 elsewhere is not about the key.
        String keyServed = String.valueOf(exchanges.stream().anyMatch(exchange -> exchange.caller() == dev.aigateway.contract.record.Caller.TEAM_KEY
                && exchange.answered() && exchange.status() / 100 == 2 && RouteServed.fromGateway(exchange, environment.profile())));
        facts.forEach(fact -> fact.put("keyServed", keyServed));
        // The corrected path sent once after a wrong base URL, in the same scenario: what it answered.
        for (int i = 0; i < facts.size(); i++) {
            String corrected = facts.get(i).get("correctedPath");
            for (int later = i + 1; later < facts.size() && !corrected.isEmpty(); later++) {
                if (corrected.equals(facts.get(later).get("path"))
                        && java.util.Objects.equals(exchanges.get(i).scenario(), exchanges.get(later).scenario())) {
                    facts.get(i).put("correctedStatus", facts.get(later).get("status"));
                    break;
                }
            }
        }
        // Last: it reads every fact above (and otherModel, the other-model experiment's) by name.
        Layer.place(facts, environment.profile());
        return facts;
    }

    /**
     * " GET /api/v1/key names the budget that blocks the key: ..." for the first budget a 200 answer lists (the
     * profile's {@code credits.budgets}) whose remaining amount is zero or less; "" when none does.
     */
    static String exhaustedBudget(List<Exchange> exchanges, GatewayProfile profile) {
        GatewayProfile.Budgets budgets = profile.credits().budgets();
        if (budgets == null) {
            return "";
        }
        for (Exchange exchange : exchanges) {
            if (exchange.status() == null || exchange.status() != 200) {
                continue;
            }
            for (JsonNode budget : json(exchange.responseBody()).at(budgets.entries())) {
                JsonNode remaining = budget.at(budgets.remaining());
                if (remaining.isNumber() && remaining.decimalValue().signum() <= 0) {
                    String interval = budget.at(budgets.interval()).asText("");
                    String resets = budget.at(budgets.resets()).asText("");
                    return " " + exchange.method() + " " + RouteServed.pathOf(exchange) + " names the budget that blocks the key: "
                            + budget.at(budgets.name()).asText("?") + " (" + (interval.isEmpty() || interval.equals("null") ? "lifetime" : interval)
                            + "), " + budget.at(budgets.spent()).asText("?") + " of " + budget.at(budgets.limit()).asText("?")
                            + " US dollars spent" + (resets.isEmpty() || resets.equals("null") ? ", never resets" : ", resets " + resets) + ".";
                }
            }
        }
        return "";
    }

    /**
     * {@code keyLimitRemaining}: what the balance route's 200 answer reads at the profile's {@code credits.balance}
     * (OpenRouter's /key: the key's own limit_remaining), "" when it reads no number (a key without a limit); and, on
     * each 402, {@code keyLimitUsedUp}: true when that remaining is zero or less, a budget of the key is used up, or
     * it is less than the request's worst-case cost (the tokens the 402 says were requested, or the request's
     * max_tokens, at the run's own catalog price of its model).
     */
    static void keyLimit(List<Exchange> exchanges, List<Map<String, String>> facts, GatewayProfile profile, boolean budgetUsedUp) {
        String balanceRoute = profile.route(profile.credits().balanceRoute()).map(GatewayProfile.RouteEntry::path).orElse("");
        java.math.BigDecimal remaining = null;
        String catalog = null;
        String models = profile.route("models").map(GatewayProfile.RouteEntry::path).orElse("");
        for (Exchange exchange : exchanges) {
            if (exchange.status() == null || exchange.status() != 200) {
                continue;
            }
            String path = RouteServed.pathOf(exchange);
            JsonNode balance = profile.credits().balanceIn(json(exchange.responseBody()));
            if (remaining == null && path.equals(balanceRoute) && balance.isNumber()) {
                remaining = balance.decimalValue();
            }
            if (catalog == null && path.equals(models)) {
                catalog = exchange.responseBody();
            }
        }
        for (int i = 0; i < facts.size(); i++) {
            Map<String, String> fact = facts.get(i);
            fact.put("keyLimitRemaining", remaining == null ? "" : remaining.toPlainString());
            boolean usedUp = false;
            if ("402".equals(fact.get("status")) && (remaining != null || budgetUsedUp)) {
                usedUp = budgetUsedUp || remaining.signum() <= 0;
                if (!usedUp) {
                    java.math.BigDecimal cost = dev.aigateway.contract.http.CatalogPrices.worstCaseUsd(profile, catalog,
                            fact.get("model"), requestedTokens(fact.get("message"), exchanges.get(i)), 0);
                    usedUp = cost != null && remaining.compareTo(cost) < 0;
                }
            }
            fact.put("keyLimitUsedUp", String.valueOf(usedUp));
        }
    }

    /** The tokens a refusal says were requested ("You requested up to 32000 tokens"), else the request's max_tokens, else null. */
    private static Integer requestedTokens(String message, Exchange exchange) {
        java.util.regex.Matcher quoted = java.util.regex.Pattern.compile("requested up to (\\d+) tokens").matcher(message == null ? "" : message);
        if (quoted.find()) {
            return Integer.valueOf(quoted.group(1));
        }
        JsonNode maxTokens = json(exchange.requestBody()).path("max_tokens");
        return maxTokens.canConvertToInt() ? maxTokens.intValue() : null;
    }

    static Map<String, String> of(Exchange exchange, Environment environment) {
        GatewayProfile profile = environment.profile();
        Map<String, String> facts = new LinkedHashMap<>();
        facts.put("exhaustedBudget", "");
        facts.put("caller", exchange.caller() == null ? "" : exchange.caller().id());
        facts.put("method", exchange.method());
        facts.put("path", RouteServed.pathOf(exchange));
        facts.put("route", RouteServed.routeOf(exchange, profile).map(Route::id).orElse(""));
        facts.put("routeServed", String.valueOf(RouteServed.by(exchange, profile).isPresent()));
        JsonNode request = json(exchange.requestBody());
        // The body's model, or the header the AI SDK's own protocol names it in.
        String model = OtherModel.modelOf(exchange, profile);
        facts.put("model", model);
        facts.put("expectedModel", String.valueOf(!model.isEmpty()
                && (environment.expectedModels().contains(model) || environment.probe().model().equals(model))));
        facts.put("byok", String.valueOf(profile.byok() != null && !request.at(profile.byok().keys()).isMissingNode()));
        facts.put("dataPolicy", profile.dataPolicy() == null ? "" : profile.dataPolicy().fields().stream()
                .filter(field -> request.at(field.pointer()).isValueNode() && request.at(field.pointer()).asText().equals(field.equals()))
                .map(GatewayProfile.PolicyField::name).findFirst().orElse(""));
        facts.put("applicationRequest", String.valueOf(exchange.scenario() != null
                && exchange.scenario().startsWith(APPLICATION_REQUEST_SCENARIO)));
        wrongBase(facts.get("path"), profile, facts);
        facts.put("baseUrlToUse", originOf(exchange.url()) + profile.apiBasePath());
        facts.put("otherGateway", otherGateway(exchange, profile));
        facts.put("answered", String.valueOf(exchange.answered()));
        facts.put("failure", exchange.failure() == null ? "" : exchange.failure());
        facts.put("neverSent", String.valueOf(exchange.neverSent()));
        facts.put("status", exchange.status() == null ? "" : String.valueOf(exchange.status()));
        facts.put("type", exchange.errorType() == null ? "" : exchange.errorType());
        JsonNode answer = json(exchange.responseBody());
        Envelope envelope = profile.envelopeOf(answer);
        facts.put("message", envelope.message());
        facts.put("paidBalance", String.valueOf(paidBalance(exchange, answer, profile.credits())));
        stream(exchange, facts, profile);
        facts.put("failedProvider", failedProvider(exchange, envelope, profile));
        facts.put("credentialType", envelope.failedCredentialType());
        facts.put("providerMessage", envelope.providerMessage());
        facts.put("providerWords", providerWords(envelope.providerMessage(), profile));
        facts.put("providerRequestId", envelope.providerRequestId());
        for (String field : GatewayProfile.ErrorFields.NAMES) {
            facts.put(field, profile.errorFields() == null ? "" : profile.errorFields().read(field, answer));
        }
        facts.put("contentType", header(exchange, "content-type"));
        facts.put("mitigated", String.valueOf(!header(exchange, profile.mitigatedHeader().header()).isEmpty()));
        facts.put("requestId", String.valueOf(RouteServed.carriesRequestId(exchange)));
        facts.put("fromGateway", String.valueOf(RouteServed.fromGateway(exchange, profile)));
        facts.put("complete", String.valueOf(exchange.answered() && exchange.failure() == null));
        facts.put("location", hostOf(header(exchange, "location")));
        facts.put("proxy", proxyFor(exchange.url()));
        facts.put("requestFinding", exchange.requestFinding() == null ? "" : exchange.requestFinding());
        facts.put("requestTrigger", exchange.requestTrigger() == null ? "" : exchange.requestTrigger());
        facts.put("variant", exchange.variant() == null ? "" : exchange.variant());
        return facts;
    }

    /**
     * {@link BaseUrlCorrection}'s {@code correctedPath}, {@code givenBaseUrl} and {@code clientBaseUrl}
     * for a path the gateway serves no route at that ends like one it serves, all empty otherwise;
     * {@code parentRoute} is a served route's path that {@code path} extends by a sub-endpoint
     * ({@code /v1/messages} for {@code /v1/messages/count_tokens}), or empty.
     */
    private static void wrongBase(String path, GatewayProfile profile, Map<String, String> facts) {
        java.util.Optional<BaseUrlCorrection> correction = BaseUrlCorrection.of(path, profile);
        facts.put("correctedPath", correction.map(BaseUrlCorrection::correctedPath).orElse(""));
        facts.put("givenBaseUrl", correction.map(BaseUrlCorrection::givenBaseUrl).orElse(""));
        facts.put("clientBaseUrl", correction.map(BaseUrlCorrection::clientBaseUrl).orElse(""));
        facts.put("correctedStatus", "");
        facts.put("parentRoute", profile.routes().stream().map(GatewayProfile.RouteEntry::path)
                .filter(route -> path.startsWith(route + "/")).findFirst().orElse(""));
    }

    /**
     * A streamed answer (200, text/event-stream): {@code streamBroken} when it carries an error event or
     * ends without the profile's terminator; {@code streamProblem} says which, {@code streamArrived} what
     * came before it; the error event's message becomes {@code message}.
     */
    private static void stream(Exchange exchange, Map<String, String> facts, GatewayProfile profile) {
        String terminator = profile.stream().terminator();
        facts.put("streamBroken", "false");
        facts.put("streamProblem", "");
        facts.put("streamArrived", "");
        if (!Integer.valueOf(200).equals(exchange.status()) || !header(exchange, "content-type").startsWith("text/event-stream")
                || exchange.responseBody() == null) {
            return;
        }
        // A route whose whole stream ends with an event of its own (Anthropic's message_stop, the AI SDK's
        // finish part) has no terminator; every other route's ends with the profile's.
        Optional<GatewayProfile.StreamEnd> end = profile.stream().endOf(facts.get("route"));
        String expected = end.map(GatewayProfile.StreamEnd::named).orElse(terminator);
        StringBuilder text = new StringBuilder();
        int chunks = 0;
        for (ServerSentEvents.Event event : ServerSentEvents.events(exchange.responseBody())) {
            JsonNode chunk = json(event.data());
            if (end.isPresent() ? end.get().endsWith(event.name(), chunk) : event.data().equals(terminator)) {
                return;
            }
            Envelope envelope = profile.envelopeOf(chunk);
            if (envelope.hasError()) {
                String message = envelope.message();
                facts.put("streamBroken", "true");
                facts.put("streamProblem", "carried an error event: \"" + message + "\"");
                facts.put("streamArrived", arrived(chunks, text));
                if (facts.get("message").isEmpty()) {
                    facts.put("message", message);
                }
                return;
            }
            chunks++;
            text.append(chunk.at(profile.stream().text()).asText(""));
        }
        facts.put("streamBroken", "true");
        String last = end.isPresent() ? "its last event (" + expected + ")" : "data: " + terminator;
        facts.put("streamProblem", exchange.failure() == null ? "ended without " + last
                : "was cut off without " + last + " (" + exchange.failure() + ")");
        facts.put("streamArrived", arrived(chunks, text));
    }

    private static String arrived(int chunks, StringBuilder text) {
        return chunks + (chunks == 1 ? " chunk" : " chunks") + " arrived first, with the text \"" + text + "\"";
    }

    /**
     * True when a 200 answer reads a balance above the free credits the profile names (US dollars, what
     * a team gets for nothing): credits were bought.
     */
    private static boolean paidBalance(Exchange exchange, JsonNode answer, GatewayProfile.Credits credits) {
        JsonNode balance = credits.balanceIn(answer);
        if (exchange.status() == null || exchange.status() != 200 || !balance.isTextual()) {
            return false;
        }
        try {
            return new java.math.BigDecimal(balance.asText()).compareTo(credits.freeUsd()) > 0;
        } catch (NumberFormatException notADecimal) {
            return false;
        }
    }

    /**
     * What the environment says before anything is sent: {@code gateway} (its profile's name), {@code authKind},
     * {@code allowBillable} (true or false, as the environment says), and for a token whose expiry
     * it read ({@code auth: oidc}), {@code tokenExpired} and {@code tokenExpiresAt}.
     */
    static Map<String, String> ofEnvironment(Environment environment) {
        Map<String, String> facts = new LinkedHashMap<>();
        Environment.Auth auth = environment.auth() == null ? Environment.Auth.API_KEY : environment.auth();
        facts.put("gateway", environment.profile().name());
        facts.put("authKind", auth.kind());
        facts.put("allowBillable", String.valueOf(environment.allowBillable()));
        facts.put("tokenExpired", String.valueOf(auth.expired(java.time.Instant.now())));
        facts.put("tokenExpiresAt", auth.expiresAt() == null ? "" : auth.expiresAt().toString());
        facts.putAll(ofProfile(environment.profile()));
        return facts;
    }

    /**
     * What a verdict's advice names in the gateway's own words, from its profile: {@code gatewayTitle},
     * {@code gatewayBaseUrl} (links.baseUrl, the host its routes' paths are on), {@code gatewayCatalogUrl} (its
     * public catalog there), {@code gatewayDocs}, {@code gatewayStatus} (links.status, else its docs) and
     * {@code requestIdHeader}, and each of the profile's {@code words} by its name, so that one rule serves every gateway.
     */
    static Map<String, String> ofProfile(GatewayProfile profile) {
        Map<String, String> facts = new LinkedHashMap<>();
        Map<String, String> links = profile.links() == null ? Map.of() : profile.links();
        String baseUrl = links.getOrDefault("baseUrl", "");
        facts.put("gatewayTitle", profile.title());
        facts.put("gatewayBaseUrl", baseUrl);
        facts.put("gatewayApiBase", links.getOrDefault("apiBase", baseUrl));
        facts.put("gatewayCatalogUrl", baseUrl + profile.route("models").map(GatewayProfile.RouteEntry::path).orElse(""));
        facts.put("gatewayDocs", links.getOrDefault("docs", baseUrl));
        facts.put("gatewayStatus", links.getOrDefault("status", facts.get("gatewayDocs")));
        facts.put("requestIdHeader", profile.requestId().header());
        if (profile.words() != null) {
            profile.words().forEach((name, text) -> {
                if (!name.equals("source") && !name.equals("guess")) {
                    facts.put(name, text);
                }
            });
        }
        return facts;
    }

    /**
     * Another gateway whose answer this is, in its own words ({@code words.theGateway}, else its title), "" when none: its host is that gateway's ({@code links}), or
     * the answer carries that gateway's request-id header, where its profile sources it rather than guesses it, and
     * not this one's (an OpenRouter key sent to Vercel's host is answered with an x-vercel-id and no cf-ray).
     */
    static String otherGateway(Exchange exchange, GatewayProfile profile) {
        if (!exchange.answered()) {
            return "";
        }
        String host = hostOf(exchange.url() == null ? "" : exchange.url());
        boolean ours = !RouteServed.header(exchange, profile.requestId().header()).isBlank();
        for (String name : GatewayProfile.names()) {
            GatewayProfile other = GatewayProfile.named(name);
            if (name.equals(profile.name())) {
                continue;
            }
            boolean itsHost = other.links() != null && other.links().values().stream()
                    .anyMatch(link -> link.startsWith("https://") && hostOf(link).equals(host));
            // Only a header the other profile sources as its own (x-vercel-id), not one it guesses at (a cf-ray is any Cloudflare site's).
            boolean itsHeader = !ours && (other.requestId().guess() == null || other.requestId().guess().isBlank())
                    && !RouteServed.header(exchange, other.requestId().header()).isBlank();
            if (itsHost || itsHeader) {
                return other.words() != null && other.words().containsKey("theGateway") ? other.words().get("theGateway") : other.title();
            }
        }
        return "";
    }

    /**
     * The provider the answer names as failed ({@link Envelope#failedProvider()}), else, on a refusal (4xx or 5xx), the
     * provider the profile's {@code envelope.providerHeader} names (Portkey's x-portkey-provider, where its 408 or a
     * wrapped page keeps no provider in the body); "" when neither does.
     */
    static String failedProvider(Exchange exchange, Envelope envelope, GatewayProfile profile) {
        String named = envelope.failedProvider();
        String header = profile.envelope().providerHeader();
        if (!named.isEmpty() || header == null || exchange.status() == null || exchange.status() < 400) {
            return named;
        }
        return header(exchange, header).strip();
    }

    /**
     * The provider's own words passed through ({@code providerMessage}) read as the provider's own envelope when
     * they are one (OpenRouter's metadata.raw: OpenAI's, Anthropic's or Google's error JSON as a string), with the
     * profile's envelope pointers: its message, then its code and type in brackets ("Country, region, or territory
     * not supported (unsupported_country_region_territory, request_forbidden)"); as they are otherwise.
     */
    static String providerWords(String providerMessage, GatewayProfile profile) {
        JsonNode own = json(providerMessage == null ? "" : providerMessage.strip());
        Envelope envelope = profile.envelopeOf(own);
        if (own.isMissingNode() || envelope.message() == null || envelope.message().isBlank()) {
            return providerMessage == null ? "" : providerMessage;
        }
        String code = profile.envelope().code() == null ? "" : own.at(profile.envelope().code()).asText("");
        String type = envelope.type() == null ? "" : envelope.type();
        String named = java.util.stream.Stream.of(code, type).filter(text -> !text.isBlank() && !text.equals("null"))
                .distinct().collect(Collectors.joining(", "));
        return envelope.message() + (named.isEmpty() ? "" : " (" + named + ")");
    }

    /** scheme://host[:port] of {@code url}, or "" when it is not one. */
    private static String originOf(String url) {
        try {
            URI uri = URI.create(url == null ? "" : url);
            return uri.getHost() == null ? "" : uri.getScheme() + "://" + uri.getRawAuthority();
        } catch (IllegalArgumentException notAUri) {
            return "";
        }
    }

    /** "host:port" of a Location header, or the header as it is when it names no host. */
    private static String hostOf(String location) {
        try {
            URI uri = URI.create(location.strip());
            if (uri.getHost() == null) {
                return location.strip();
            }
            return uri.getHost() + ":" + (uri.getPort() > 0 ? uri.getPort() : "https".equals(uri.getScheme()) ? 443 : 80);
        } catch (IllegalArgumentException notAUri) {
            return location.strip();
        }
    }

    /**
     * The proxy this JVM sends a request for {@code url} through ({@code https.proxyHost} and
     * {@code https.proxyPort}, or the {@code http.} ones), or "" when there is none or the host is loopback.
     */
    static String proxyFor(String url) {
        try {
            URI uri = URI.create(url);
            String host = uri.getHost() == null ? "" : uri.getHost();
            if (host.equals("localhost") || host.startsWith("127.") || host.equals("[::1]")) {
                return "";
            }
            String scheme = "https".equals(uri.getScheme()) ? "https" : "http";
            String proxyHost = System.getProperty(scheme + ".proxyHost", "");
            return proxyHost.isBlank() ? "" : proxyHost + ":" + System.getProperty(scheme + ".proxyPort", scheme.equals("https") ? "443" : "80");
        } catch (IllegalArgumentException | NullPointerException notAUrl) {
            return "";
        }
    }

    private static String header(Exchange exchange, String name) {
        return RouteServed.header(exchange, name);
    }

    private static JsonNode json(String text) {
        return AnswerJson.object(text);
    }
}
