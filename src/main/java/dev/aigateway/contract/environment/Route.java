package dev.aigateway.contract.environment;

import dev.aigateway.contract.gateway.GatewayProfile;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The gateway's routes an application can call, as {@code routes:} names them. Each one's feature
 * files carry its name as a tag ({@code @messages}); a run checks the routes its environment lists,
 * {@code chat-completions} alone by default. Where each one lives is the gateway profile's route table.
 */
public enum Route {

    CHAT_COMPLETIONS("chat-completions"),
    MESSAGES("messages"),
    RESPONSES("responses"),
    EMBEDDINGS("embeddings"),
    AI_SDK_V1("ai-sdk-v1"),
    AI_SDK_V3("ai-sdk-v3"),
    AI_SDK_V4("ai-sdk-v4");

    public static final List<Route> DEFAULT = List.of(CHAT_COMPLETIONS);

    private final String id;

    Route(String id) {
        this.id = id;
    }

    /** The name in {@code routes:} and the feature tag without its {@code @}. */
    public String id() {
        return id;
    }

    /** The path that serves the route's inference on the gateway of {@code profile}. */
    public String path(GatewayProfile profile) {
        return profile.path(id);
    }

    public static Optional<Route> named(String id) {
        return Arrays.stream(values()).filter(route -> route.id.equals(id.trim().toLowerCase(Locale.ROOT))).findFirst();
    }

    /** The route whose inference {@code path} is on the gateway of {@code profile}, if any ("/v1/messages" is messages). */
    public static Optional<Route> servingPath(String path, GatewayProfile profile) {
        return profile.routeServing(path).flatMap(entry -> named(entry.id()));
    }

    /**
     * The Cucumber tag expression that keeps the features of {@code selected} routes and drops the
     * others', combined with the run's own expression ({@code not @wip} by default).
     */
    public static String tagExpression(List<Route> selected, String runExpression) {
        return tagExpression(selected, runExpression, GatewayProfile.defaultName());
    }

    /**
     * As {@link #tagExpression(List, String)}, and without the features of other gateways than
     * {@code gateway}: a feature that exists for one gateway only carries its name as a tag ({@code @vercel}).
     */
    public static String tagExpression(List<Route> selected, String runExpression, String gateway) {
        String others = java.util.stream.Stream.concat(
                Arrays.stream(values()).filter(route -> !selected.contains(route)).map(route -> "not @" + route.id),
                GatewayProfile.names().stream().filter(name -> !name.equals(gateway)).map(name -> "not @" + name))
                .collect(Collectors.joining(" and "));
        String base = runExpression == null || runExpression.isBlank() ? "not @wip" : runExpression;
        return others.isEmpty() ? base : "(" + base + ") and " + others;
    }
}
