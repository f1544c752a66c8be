package dev.aigateway.contract.run;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.comparesEqualTo;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.not;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aigateway.contract.DataFiles;
import dev.aigateway.contract.Json;
import dev.aigateway.contract.evidence.EvidenceBundle;
import dev.aigateway.contract.gateway.GatewayProfile;
import dev.aigateway.contract.http.ServerSentEvents;
import dev.aigateway.contract.http.Spending;
import dev.aigateway.contract.record.Caller;
import dev.aigateway.contract.record.Exchange;
import dev.aigateway.contract.record.RunRecord;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The reported spend ({@code verdict.json}'s {@code spendUsd}) is the sum of what the answers carried, on every
 * billable route the environment runs: computed here from the raw answer bodies without the profile's pointers
 * (every field named {@code cost} in an answer, its events included, or a header named {@code ...response-cost},
 * holding the same amount), and it stops
 * holding once one route's pointer is taken out of the profile.
 */
class SpendCountedTest {

    private static final ObjectReader EXACT = Json.ANSWERS.reader().with(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    @TempDir
    Path output;

    /** Every simulated gateway's environment of every route ({@code local-all-routes}, {@code local-<gateway>-all-routes}), and OpenRouter's default one. */
    static java.util.stream.Stream<String> environments() throws Exception {
        Set<String> names = new java.util.TreeSet<>(List.of("local-all-routes", "local-openrouter"));
        try (java.util.stream.Stream<Path> files = java.nio.file.Files.list(Path.of(System.getProperty("contract.root", "."), "environments"))) {
            files.map(file -> file.getFileName().toString()).filter(name -> name.matches("local(-[a-z]+)?-all-routes\\.yaml"))
                    .forEach(name -> names.add(name.replace(".yaml", "")));
        }
        return names.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("environments")
    void theReportedSpendIsTheSumOfWhatTheAnswersCarried(String env) throws Exception {
        RunRecord run = ContractSuite.run(env, output);
        GatewayProfile profile = GatewayProfile.of(run);
        Path reports = output.resolve("reports");
        EvidenceBundle.writeFiles(reports, run, null);
        JsonNode verdict = EXACT.readTree(java.nio.file.Files.readString(reports.resolve("evidence/verdict.json")));

        Map<String, List<BigDecimal>> carried = new LinkedHashMap<>();
        List<String> withoutOneCost = new ArrayList<>();
        for (Exchange exchange : run.exchanges()) {
            String route = billableRoute(exchange, profile);
            if (route == null) {
                continue;
            }
            Set<BigDecimal> costs = costsIn(exchange.responseBody());
            costs.addAll(costsIn(exchange.responseHeaders()));
            if (costs.size() != 1) {
                withoutOneCost.add("#" + exchange.sequence() + " " + exchange.path() + ": " + costs);
                continue;
            }
            carried.computeIfAbsent(route, id -> new ArrayList<>()).add(costs.iterator().next());
        }
        assertThat("every billable answer carries one cost", withoutOneCost, empty());
        assertThat("the billable routes answered: " + run.scenarios().stream().map(RunRecord.ScenarioResult::message).distinct().toList(),
                carried.keySet(), equalTo(routesRun(env, profile)));
        BigDecimal sum = carried.values().stream().flatMap(List::stream).reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat("the answers cost something", sum.signum(), greaterThan(0));

        assertThat(verdict.path("billableRequestsOfUnknownCost").asInt(-1), equalTo(0));
        assertThat(verdict.path("billableRequestsOfUnknownCostNamed").size(), equalTo(0));
        assertThat(verdict.path("billableRequests").asInt(), equalTo(carried.values().stream().mapToInt(List::size).sum()));
        assertThat("spendUsd in verdict.json", verdict.path("spendUsd").decimalValue(), comparesEqualTo(sum));
        assertThat("the run's closing figure", Spending.of(run.exchanges(), profile).usd(), comparesEqualTo(sum));
        System.out.printf("figures spend %s: %d billable answers on %s, they carried $%s, verdict.json spendUsd %s%n", env,
                carried.values().stream().mapToInt(List::size).sum(), carried.keySet(), sum.toPlainString(),
                verdict.path("spendUsd").decimalValue().toPlainString());

        for (String route : carried.keySet()) {
            GatewayProfile blind = withoutCostOf(profile, route);
            assertThat("with " + route + "'s cost pointers gone, its answers are of unknown cost",
                    Spending.of(run.exchanges(), blind).unknownCost(), equalTo(carried.get(route).size()));
            assertThat("with " + route + "'s cost pointers gone, the spend is not the answers' sum",
                    Spending.of(run.exchanges(), blind).usd(), not(comparesEqualTo(sum)));
            assertThat("and the closing block names them", Spending.of(run.exchanges(), blind).unknownCostNote(),
                    org.hamcrest.Matchers.containsString(" POST " + profile.path(route)));
        }
    }

    /** The id of the profile's billable route that served {@code exchange} for the team's key (2xx), or null. */
    private static String billableRoute(Exchange exchange, GatewayProfile profile) {
        if (exchange.caller() != Caller.TEAM_KEY || exchange.status() == null || exchange.status() / 100 != 2) {
            return null;
        }
        return profile.routes().stream().filter(route -> route.billable() && route.method().equals(exchange.method())
                        && route.path().equals(exchange.path().replaceFirst("\\?.*", "")))
                .map(GatewayProfile.RouteEntry::id).findFirst().orElse(null);
    }

    /** The environment's routes (chat-completions when it lists none) that its profile bills. */
    private static Set<String> routesRun(String env, GatewayProfile profile) throws Exception {
        JsonNode listed = Json.YAML.readTree(Path.of(System.getProperty("contract.root", "."), "environments", env + ".yaml").toFile())
                .path("routes");
        Set<String> routes = new LinkedHashSet<>();
        if (listed.isArray() && !listed.isEmpty()) {
            listed.forEach(route -> routes.add(route.asText()));
        } else {
            routes.add("chat-completions");
        }
        routes.removeIf(id -> profile.route(id).map(route -> !route.billable()).orElse(true));
        return routes;
    }

    /** Every value of a field named cost, anywhere in the answer or in any of its events, as an amount. */
    private static Set<BigDecimal> costsIn(String body) throws Exception {
        Set<BigDecimal> costs = new LinkedHashSet<>();
        List<String> documents = body.strip().startsWith("{") ? List.of(body) : ServerSentEvents.data(body);
        for (String document : documents) {
            if (document.startsWith("{")) {
                for (JsonNode cost : EXACT.readTree(document).findValues("cost")) {
                    if (cost.isNumber() || cost.isTextual()) {
                        costs.add(new BigDecimal(cost.asText()).stripTrailingZeros());
                    }
                }
            }
        }
        return costs;
    }

    /** Every value of a response header named ...response-cost (a gateway that states the cost there), as an amount. */
    private static Set<BigDecimal> costsIn(Map<String, String> headers) {
        Set<BigDecimal> costs = new LinkedHashSet<>();
        if (headers != null) {
            headers.forEach((name, value) -> {
                if (name.toLowerCase(java.util.Locale.ROOT).endsWith("response-cost")) {
                    costs.add(new BigDecimal(value.strip()).stripTrailingZeros());
                }
            });
        }
        return costs;
    }

    /** The profile as shipped, with route {@code id}'s cost pointers taken out. */
    private static GatewayProfile withoutCostOf(GatewayProfile profile, String id) throws Exception {
        JsonNode data = DataFiles.read("gateways/" + profile.name() + ".yaml").deepCopy();
        ((ObjectNode) data.path("cost").path(id)).remove(List.of("answer", "stream", "header"));
        return Json.DATA.treeToValue(data, GatewayProfile.class);
    }
}
