package dev.aigateway.contract.environment;

import dev.aigateway.contract.gateway.GatewayProfile;
import io.cucumber.gherkin.GherkinParser;
import io.cucumber.messages.types.Envelope;
import io.cucumber.messages.types.Pickle;
import io.cucumber.messages.types.PickleTag;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * The features each route of an environment runs on its gateway: a scenario checks route {@code r} on gateway
 * {@code g} when it carries the tag {@code @r} (its feature's, its own or its examples') and no other gateway's
 * name as a tag, as the run's tag expression selects it ({@link Route#tagExpression(List, String, String)}). A
 * route whose scenarios all belong to other gateways would check nothing: the environment is refused.
 */
public final class RouteFeatures {

    /** The folder of the contract's features, under the project root. */
    public static final String FOLDER = "features";

    private RouteFeatures() {}

    /**
     * Refuses, in one sentence, a route of {@code environment} (read from {@code display}) that has scenarios under
     * {@code root}'s {@code features/} but none for its gateway; a project without that folder is not checked.
     */
    public static void check(Path root, Environment environment, String display) {
        Path features = root.resolve(FOLDER);
        if (!Files.isDirectory(features)) {
            return;
        }
        List<Pickle> pickles = pickles(features);
        GatewayProfile profile = environment.profile();
        for (Route route : environment.routes()) {
            List<Pickle> tagged = pickles.stream().filter(pickle -> tags(pickle).contains("@" + route.id())).toList();
            if (tagged.isEmpty() || tagged.stream().anyMatch(pickle -> runsOn(pickle, profile.name()))) {
                continue;
            }
            Set<String> owners = new TreeSet<>();
            Set<String> files = new TreeSet<>();
            for (Pickle pickle : tagged) {
                GatewayProfile.names().stream().filter(name -> tags(pickle).contains("@" + name)).forEach(owners::add);
                files.add(root.relativize(Path.of(java.net.URI.create(pickle.getUri()))).toString().replace('\\', '/'));
            }
            throw new EnvironmentException(display + " (routes): the features of route " + route.id() + " ("
                    + String.join(", ", files) + ") are for " + String.join(", ", owners) + " only, so on "
                    + profile.title() + " it would check nothing; routes " + profile.title() + " has features for: "
                    + String.join(", ", routesWithFeatures(pickles, profile.name())) + ".");
        }
    }

    /** The routes (of {@link Route}) with at least one scenario that runs on {@code gateway}. */
    static List<String> routesWithFeatures(List<Pickle> pickles, String gateway) {
        List<String> routes = new ArrayList<>();
        for (Route route : Route.values()) {
            if (pickles.stream().anyMatch(pickle -> tags(pickle).contains("@" + route.id()) && runsOn(pickle, gateway))) {
                routes.add(route.id());
            }
        }
        return routes;
    }

    private static boolean runsOn(Pickle pickle, String gateway) {
        return GatewayProfile.names().stream().filter(name -> !name.equals(gateway)).noneMatch(name -> tags(pickle).contains("@" + name));
    }

    private static List<String> tags(Pickle pickle) {
        return pickle.getTags().stream().map(PickleTag::getName).toList();
    }

    private static List<Pickle> pickles(Path features) {
        GherkinParser parser = GherkinParser.builder().includeSource(false).includeGherkinDocument(false).includePickles(true).build();
        try (Stream<Path> files = Files.walk(features)) {
            List<Pickle> pickles = new ArrayList<>();
            for (Path file : files.filter(path -> path.toString().endsWith(".feature")).sorted().toList()) {
                try (Stream<Envelope> envelopes = parser.parse(file.toAbsolutePath())) {
                    envelopes.map(Envelope::getPickle).flatMap(java.util.Optional::stream).forEach(pickles::add);
                }
            }
            return pickles;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
