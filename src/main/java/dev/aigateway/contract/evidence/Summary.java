package dev.aigateway.contract.evidence;

import dev.aigateway.contract.Skipped;

import dev.aigateway.contract.gateway.GatewayProfile;
import dev.aigateway.contract.history.HistoryEntry;
import dev.aigateway.contract.history.Standing;
import dev.aigateway.contract.http.CurlLine;
import dev.aigateway.contract.http.Spending;
import dev.aigateway.contract.record.Caller;
import dev.aigateway.contract.record.Exchange;
import dev.aigateway.contract.record.RunRecord.ScenarioResult;
import dev.aigateway.contract.record.RunRecord;
import dev.aigateway.contract.record.Spend;
import dev.aigateway.contract.record.ToolVersion;
import dev.aigateway.contract.record.Verdict;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** {@code summary.md}: the run told to a support engineer who has never seen this tool. */
final class Summary {

    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSS").withZone(ZoneOffset.UTC);

    private Summary() {}

    static String markdown(RunRecord run) {
        return markdown(run, null);
    }

    /** {@code history}: what the verdict history says of this run, or null without one. */
    static String markdown(RunRecord run, Standing history) {
        Verdict verdict = run.verdict();
        GatewayProfile profile = GatewayProfile.of(run);
        Spend spend = Spending.of(run.exchanges(), profile);
        String requestIdHeader = profile.requestId().header();
        // Where the gateway sends the generation id as a header of its own, its support asks for it: a column.
        String generationIdHeader = profile.generationId().header();
        StringBuilder md = new StringBuilder();
        md.append("# AI gateway evidence: ").append(verdict == null ? "no verdict" : verdict.id() + " (" + verdict.title() + ")")
                .append("\n\n");
        md.append("| | |\n|---|---|\n");
        row(md, "Verdict", verdict == null ? "none: the run did not finish" : "`" + verdict.id() + "`: " + verdict.title());
        if (history != null) {
            row(md, "History", history.line());
        }
        if (run.teamId() != null) {
            row(md, "Team id", "`" + run.teamId() + "`");
        }
        // The account the gateway's own answers name (where its profile says they do): what its support asks for.
        List<String> accountIds = GatewayProfile.of(run).accountIdsIn(run.exchanges().stream().map(Exchange::responseBody).toList());
        if (!accountIds.isEmpty()) {
            row(md, "Account id", accountIds.stream().map(id -> "`" + id + "`").collect(java.util.stream.Collectors.joining(", "))
                    + " (as the gateway's answers name it)");
        }
        row(md, "Environment", "`" + run.env() + "`: " + run.description());
        row(md, "Gateway", run.simulated() ? run.targetUrl() + " (embedded simulated gateway)" : run.targetUrl());
        // An answer that came through two gateways (one in front relaying the other's): both, and which one refused.
        Chain.of(run).ifPresent(chain -> row(md, "Gateways", chain.sentence()));
        row(md, "Started", time(run.startedAt()));
        row(md, "Finished", time(run.finishedAt()));
        row(md, "Scenarios", run.scenarioCounts());
        row(md, "Requests", spend.requests() + " sent, " + spend.billableRequests() + " billable, " + spend.tokens()
                + " tokens, $" + spend.usd().toPlainString() + " spent" + spend.unknownCostNote());
        List<String> routes = RouteOutcomes.of(run.exchanges(), profile);
        if (!routes.isEmpty()) {
            row(md, "Routes", String.join("; ", routes));
        }
        if (verdict != null) {
            md.append("\n## What this means\n\n").append(verdict.meaning()).append("\n");
            md.append("\n## What this rules out\n\n");
            if (verdict.ruledOut().isEmpty()) {
                md.append("Nothing: the run saw too little to rule anything out.\n");
            }
            for (Verdict.RuledOut point : verdict.ruledOut()) {
                md.append("- ").append(point.says()).append(" (").append(point.cited()).append(").\n");
            }
            md.append("\n## Next steps\n\n");
            verdict.nextSteps().forEach(step -> md.append("- ").append(step).append("\n"));
        }
        if (history != null) {
            md.append("\n## Earlier runs\n\n")
                    .append("The last ").append(history.recent().size()).append(" runs of `").append(history.series())
                    .append("`, newest first (from `reports/history/verdicts.jsonl`):\n\n")
                    .append("| finished (UTC) | environment | verdict | requests | billable | deciding " + requestIdHeader + " |\n")
                    .append("|---|---|---|---|---|---|\n");
            for (int i = history.recent().size() - 1; i >= 0; i--) {
                HistoryEntry entry = history.recent().get(i);
                md.append("| ").append(time(entry.at())).append(" | `").append(entry.env()).append("` | `")
                        .append(entry.verdict()).append("` | ").append(entry.requests()).append(" | ")
                        .append(entry.billableRequests()).append(" | ")
                        .append(entry.requestId() == null ? "" : "`" + entry.requestId() + "`").append(" |\n");
            }
        }
        applicationRequests(md, run);
        md.append("\n## Every exchange\n\n");
        md.append("| # | time (UTC) | as | method | path | status | error type | " + requestIdHeader + " | "
                + (generationIdHeader == null ? "" : generationIdHeader + " | ") + "ms |\n");
        md.append("|---|---|---|---|---|---|---|---|" + (generationIdHeader == null ? "" : "---|") + "---|\n");
        for (Exchange exchange : run.exchanges()) {
            md.append("| ").append(exchange.sequence())
                    .append(" | ").append(TIME.format(exchange.startedAt()))
                    .append(" | ").append(exchange.caller() == null ? "" : exchange.caller().words())
                    .append(" | ").append(exchange.method())
                    .append(" | `").append(exchange.path()).append('`')
                    .append(exchange.variant() == null ? "" : " (variant: " + exchange.variant().replace("|", "\\|") + ")")
                    .append(exchange.requestBodyCut() == null ? "" : " (request body of " + exchange.requestBodyCut() + " bytes, recorded cut)")
                    .append(" | ").append(exchange.answered() ? exchange.status() : "no answer: " + exchange.failure())
                    .append(" | ").append(exchange.errorType() == null ? "" : "`" + exchange.errorType() + "`")
                    .append(" | ").append(exchange.requestId() == null ? "" : "`" + exchange.requestId() + "`")
                    .append(generationIdHeader == null ? "" : " | " + (exchange.generationId() == null ? "" : "`" + exchange.generationId() + "`"))
                    .append(" | ").append(exchange.durationMs())
                    .append(" |\n");
        }
        md.append("\n## What the gateway said\n\n");
        java.util.Set<String> quoted = new java.util.LinkedHashSet<>();
        for (Exchange exchange : run.exchanges()) {
            String message = GatewayWords.message(exchange, profile);
            if (!message.isEmpty() && quoted.add(exchange.status() + " " + exchange.errorType() + " " + message)) {
                md.append("- #").append(exchange.sequence()).append(" ").append(exchange.method()).append(" ")
                        .append(exchange.path()).append(": ").append(exchange.status())
                        .append(exchange.errorType() == null ? "" : " `" + exchange.errorType() + "`")
                        .append(": \"").append(message.replace("\n", " ")).append("\"\n");
            }
        }
        if (quoted.isEmpty()) {
            md.append("No refusal.\n");
        }
        md.append("\n## Failed scenarios\n\n");
        boolean anyFailed = false;
        for (ScenarioResult scenario : run.scenarios()) {
            if ("FAILED".equals(scenario.status())) {
                anyFailed = true;
                md.append("- **").append(scenario.name()).append("** (`").append(scenario.feature()).append("`): ")
                        .append(firstLine(scenario.message())).append("\n");
            }
        }
        if (!anyFailed) {
            md.append("None.\n");
        }
        // What this run does not show: what it could not carry out, and what the environment left out.
        md.append("\n## Scenarios not run\n\n");
        boolean anyLeftOut = false;
        for (ScenarioResult scenario : run.scenarios()) {
            boolean notApplicable = ScenarioResult.NOT_APPLICABLE.equals(scenario.status());
            if ("SKIPPED".equals(scenario.status()) || notApplicable) {
                anyLeftOut = true;
                md.append("- **").append(scenario.name()).append("**: ").append(notApplicable ? "not applicable, " : "not run, ")
                        .append(firstLine(Skipped.reasonOf(scenario.message()))).append("\n");
            }
        }
        if (!anyLeftOut) {
            md.append("None.\n");
        }
        md.append("\n## Reproduce\n\n");
        List<String> variables = placeholders(run);
        if (run.simulated()) {
            md.append("These ran against the embedded simulated gateway. Start it standalone, export the keys of\n")
                    .append("this environment (the file of `-Denv=").append(run.env()).append("` names their defaults), then run the lines:\n\n")
                    .append("    ./mvnw -q compile exec:java -Dsimulator.port=8080\n");
        } else {
            md.append("Export the keys first, in your own shell (never paste a key into a ticket):\n\n");
        }
        variables.forEach(variable -> md.append("    export ").append(variable).append("=...\n"));
        md.append('\n');
        md.append("```sh\n");
        for (Exchange exchange : run.exchanges()) {
            Exchange target = run.simulated() ? exchange.rebased(run.targetUrl(), EvidenceBundle.STANDALONE_SIMULATOR) : exchange;
            md.append("# #").append(exchange.sequence()).append(' ').append(exchange.method()).append(' ')
                    .append(exchange.path()).append(": ")
                    .append(exchange.answered() ? String.valueOf(exchange.status()) : "no answer").append('\n')
                    .append(CurlLine.of(target)).append("\n\n");
        }
        md.append("```\n");
        if (verdict != null && !verdict.references().isEmpty()) {
            md.append("\n## References\n\n");
            verdict.references().forEach(reference -> md.append("- ").append(reference).append("\n"));
        }
        md.append("\n## Tool\n\n")
                .append("ai-gateway-contract ").append(ToolVersion.get())
                .append(", Java ").append(System.getProperty("java.version"))
                .append(", ").append(System.getProperty("os.name")).append(' ').append(System.getProperty("os.version"))
                .append(' ').append(System.getProperty("os.arch")).append("\n");
        return md.toString();
    }

    /**
     * The application's own requests ({@code -Drequest}, {@code requests:}): which file and entry, that its
     * credentials were replaced by the environment's, and where it was sent when the file named another host.
     */
    private static void applicationRequests(StringBuilder md, RunRecord run) {
        if (run.applicationRequests().isEmpty()) {
            return;
        }
        md.append("\n## Your application's request\n\n");
        String target = hostOf(run.targetUrl());
        for (RunRecord.ApplicationRequestSent request : run.applicationRequests()) {
            md.append("- **").append(request.scenario()).append("**: `").append(request.source()).append("`, `")
                    .append(request.request()).append("`.\n");
            if (request.fileHost() != null && !request.fileHost().equalsIgnoreCase(target)) {
                md.append("  - The file names the host `").append(request.fileHost()).append("`; it was sent to ")
                        .append(run.targetUrl()).append(" (the environment's baseUrl) instead.\n");
            }
            if (request.replaced().isEmpty()) {
                md.append("  - The file carries no credential; the environment's was sent.\n");
            }
            request.replaced().forEach(sentence -> md.append("  - ").append(capitalised(sentence)).append(".\n"));
            if (request.finding() != null) {
                md.append("  - **What the gateway refuses**: ").append(capitalised(request.finding())).append(".\n")
                        .append("  - Found with ").append(request.extraRequests()).append(request.extraRequests() == 1 ? " extra request" : " extra requests")
                        .append(" in ").append(request.waves()).append(request.waves() == 1 ? " wave" : " waves").append(", ")
                        .append(request.wallMs()).append(" ms; each variant changes one thing:\n");
                request.variants().forEach(line -> md.append("    - ").append(line).append("\n"));
            }
        }
    }

    private static String hostOf(String url) {
        try {
            java.net.URI uri = java.net.URI.create(url == null ? "" : url);
            return uri.getHost() == null ? "" : uri.getHost() + (uri.getPort() > 0 ? ":" + uri.getPort() : "");
        } catch (IllegalArgumentException notAUrl) {
            return "";
        }
    }

    private static String capitalised(String sentence) {
        return sentence.isEmpty() ? sentence : Character.toUpperCase(sentence.charAt(0)) + sentence.substring(1);
    }

    /** The variables the curl lines expand ({@code $AI_GATEWAY_API_KEY}: placeholders the redactor wrote), in order of first use. */
    private static List<String> placeholders(RunRecord run) {
        Set<String> variables = new LinkedHashSet<>();
        for (Exchange exchange : run.exchanges()) {
            variables.addAll(CurlLine.variables(exchange));
        }
        return List.copyOf(variables);
    }

    private static void row(StringBuilder md, String label, String value) {
        md.append("| ").append(label).append(" | ").append(value == null ? "" : value.replace("|", "\\|")).append(" |\n");
    }

    private static String time(Instant instant) {
        return instant == null ? "" : UTC.format(instant);
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "";
        }
        return message.strip().lines().findFirst().orElse("").replace("|", "\\|");
    }
}
