package dev.aigateway.contract.steps;

import dev.aigateway.contract.Skipped;
import dev.aigateway.contract.diagnosis.Diagnosis;
import dev.aigateway.contract.environment.Environment;
import dev.aigateway.contract.environment.EnvironmentException;
import dev.aigateway.contract.environment.EnvironmentLoader;
import dev.aigateway.contract.gateway.GatewayProfile;
import dev.aigateway.contract.http.Redactor;
import dev.aigateway.contract.record.Exchange;
import dev.aigateway.contract.record.RunRecord.ScenarioResult;
import dev.aigateway.contract.record.RunRecord;
import dev.aigateway.contract.record.Verdict;
import dev.aigateway.contract.request.ApplicationRequest;
import dev.aigateway.contract.run.AllureRunFiles;
import dev.aigateway.contract.run.ContractRun;
import io.cucumber.plugin.ConcurrentEventListener;
import io.cucumber.plugin.event.EventPublisher;
import io.cucumber.plugin.event.Status;
import io.cucumber.plugin.event.TestCaseFinished;
import io.cucumber.plugin.event.TestRunFinished;
import io.cucumber.plugin.event.TestRunStarted;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Collects each scenario's outcome and, when the run finishes, diagnoses the run, writes the
 * {@link RunRecord} (every message redacted) and Allure's run files, and stops the simulated gateway.
 */
public final class ContractRunPlugin implements ConcurrentEventListener {

    /** Scenarios by feature and line, whatever order they finished in when they ran at once. */
    private final Map<String, ScenarioResult> scenarios = new TreeMap<>();
    /** The statuses a scenario fails with: its check failed, or a step is missing, ambiguous or pending. */
    private static final Set<String> FAILED = Set.of(Status.FAILED.name(), Status.UNDEFINED.name(), Status.AMBIGUOUS.name(),
            Status.PENDING.name());
    /** The tag of the scenarios that ask a model for inference (and cost money), as the features and {@link Hooks} name it. */
    static final String BILLABLE = "@billable";
    /** The billable scenarios, by name, that held: none when the environment left inference out. */
    private final Set<String> billableHeld = new java.util.HashSet<>();
    private Instant startedAt;

    @Override
    public void setEventPublisher(EventPublisher publisher) {
        publisher.registerHandlerFor(TestRunStarted.class, event -> startedAt = event.getInstant());
        publisher.registerHandlerFor(TestCaseFinished.class, this::scenarioFinished);
        publisher.registerHandlerFor(TestRunFinished.class, this::runFinished);
    }

    private synchronized void scenarioFinished(TestCaseFinished event) {
        Status status = event.getResult().getStatus();
        Throwable error = event.getResult().getError();
        String feature = FeatureFile.path(event.getTestCase().getUri());
        if (status == Status.PASSED && event.getTestCase().getTags().contains(BILLABLE)) {
            billableHeld.add(event.getTestCase().getName());
        }
        scenarios.put(feature + String.format("#%09d", event.getTestCase().getLocation().getLine()),
                new ScenarioResult(feature, event.getTestCase().getName(),
                        error instanceof Skipped left && left.isNotApplicable() ? ScenarioResult.NOT_APPLICABLE : status.name(),
                        error == null ? null : String.valueOf(error.getMessage())));
    }

    private synchronized void runFinished(TestRunFinished event) {
        ContractRun run = CurrentRun.current();
        if (run != null) {
            // The one extra wave, after every scenario and only after a refused probe: before the log is read.
            run.sendOtherModelWave();
        }
        List<String> simulatorLog = run == null ? List.of() : run.simulatorLog();
        CurrentRun.close();
        Environment environment = run == null ? loadQuietly() : run.environment();
        Redactor redactor = run != null ? run.redactor()
                : new Redactor(environment == null ? List.of() : environment.secrets(), Set.of());
        List<ScenarioResult> redacted = scenarios.values().stream()
                .map(s -> new ScenarioResult(s.feature(), s.name(), s.status(), redactor.redact(s.message())))
                .toList();
        List<Exchange> exchanges = run == null ? List.of() : run.exchanges().all();
        int failed = (int) scenarios.values().stream().filter(s -> FAILED.contains(s.status())).count();
        Diagnosis diagnosis = Diagnosis.load();
        Verdict verdict = environment == null ? null : diagnosis.diagnose(exchanges, scenariosOf(redacted, failed, !billableHeld.isEmpty()), environment);
        RunRecord record = new RunRecord(
                System.getProperty("env", "local"),
                environment == null ? "(environment could not be read)" : environment.description(),
                environment == null ? null : environment.baseUrl(),
                environment == null ? null : environment.teamId(),
                environment != null && environment.usesSimulator(),
                run == null ? startedAt : run.startedAt(),
                event.getInstant(),
                count(Status.PASSED),
                failed,
                count(Status.SKIPPED),
                (int) scenarios.values().stream().filter(s -> s.status().equals(ScenarioResult.NOT_APPLICABLE)).count(),
                redacted,
                exchanges,
                verdict,
                simulatorLog,
                applicationRequests(run, redactor),
                environment == null ? GatewayProfile.defaultName() : environment.profile().name());
        try {
            record.write(CurrentRun.root());
            AllureRunFiles.write(Path.of(System.getProperty("allure.results.directory", "allure-results")), record);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the run's record", e);
        }
    }

    /** The application's requests the run sent, each by the scenario that sent it (the feature's N-th for the N-th). */
    private static List<RunRecord.ApplicationRequestSent> applicationRequests(ContractRun run, Redactor redactor) {
        if (run == null) {
            return List.of();
        }
        List<RunRecord.ApplicationRequestSent> sent = new ArrayList<>();
        for (int i = 0; i < run.requests().size(); i++) {
            ApplicationRequest request = run.requests().get(i);
            var reduction = run.reduction(i + 1);
            sent.add(new RunRecord.ApplicationRequestSent("Your application's request " + (i + 1), request.sourceIn(CurrentRun.root()),
                    request.method() + " " + redactor.redact(request.path()), request.host(),
                    request.replaced().stream().map(replaced -> redactor.redact(replaced.sentence())).toList(),
                    reduction.map(found -> found.finding().sentence()).orElse(null),
                    reduction.map(found -> found.finding().trigger()).orElse(null),
                    reduction.map(found -> found.tried().stream().map(tried -> redactor.redact(tried.line())).toList()).orElse(List.of()),
                    reduction.map(found -> found.requests()).orElse(0), reduction.map(found -> found.waves()).orElse(0),
                    reduction.map(found -> found.wallMs()).orElse(0L)));
        }
        return sent;
    }

    /** What the diagnosis reads of the scenarios: how many failed, which held, which were left out and why, whether inference held. */
    private static Diagnosis.Scenarios scenariosOf(List<ScenarioResult> scenarios, int failed, boolean inference) {
        return new Diagnosis.Scenarios(failed,
                scenarios.stream().filter(s -> s.status().equals(Status.PASSED.name())).map(ScenarioResult::name).toList(),
                reasons(scenarios, ScenarioResult.NOT_APPLICABLE), reasons(scenarios, Status.SKIPPED.name()), inference,
                failedChecks(scenarios));
    }

    /** Each failed scenario by name, with its check's message (redacted already). */
    private static Map<String, String> failedChecks(List<ScenarioResult> scenarios) {
        Map<String, String> checks = new java.util.LinkedHashMap<>();
        scenarios.stream().filter(s -> FAILED.contains(s.status())).forEach(s -> checks.put(s.name(), s.message() == null ? "" : s.message()));
        return checks;
    }

    /** Each scenario of {@code status} by name, with the reason it was left out. */
    private static Map<String, String> reasons(List<ScenarioResult> scenarios, String status) {
        Map<String, String> reasons = new java.util.LinkedHashMap<>();
        scenarios.stream().filter(s -> s.status().equals(status)).forEach(s -> reasons.put(s.name(), Skipped.reasonOf(s.message())));
        return reasons;
    }

    private int count(Status status) {
        return (int) scenarios.values().stream().filter(s -> s.status().equals(status.name())).count();
    }

    private static Environment loadQuietly() {
        try {
            return new EnvironmentLoader(CurrentRun.root(), CurrentRun.variables()).load(System.getProperty("env", "local"));
        } catch (EnvironmentException e) {
            return null;
        }
    }
}
