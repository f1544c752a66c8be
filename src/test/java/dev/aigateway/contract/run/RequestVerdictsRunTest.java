package dev.aigateway.contract.run;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import dev.aigateway.contract.http.Exchange;
import dev.aigateway.contract.record.RunRecord;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The request-level verdicts reached end to end through the embedded simulator: a team whose probes
 * pass (local-request-refusals) refuses the application's own request as each source shows, and the
 * run's verdict comes from that request's exchange, never from the probes.
 */
class RequestVerdictsRunTest {

    private static final String SCENARIO = "Your application's request 1";

    @TempDir
    Path output;

    @ParameterizedTest(name = "{0} with {1} gives {2}")
    @CsvSource({
            "local-request-refusals, r1.json,          request-rejected",
            "local-request-refusals, r2.curl,          data-policy-no-provider",
            "local-request-refusals, r2-no-training.json, data-policy-no-provider",
            "local-request-refusals, r3.curl,          wrong-base-url",
            "local-request-refusals, r5-thinking.json, provider-rejected-request"
    })
    void theApplicationsRequestGetsItsRequestLevelVerdict(String env, String request, String verdict) throws Exception {
        RunRecord run = ContractSuite.runWithRequest(env, output, ApplicationRequestRunTest.REQUESTS + request);
        List<Exchange> sent = run.exchanges().stream().filter(e -> SCENARIO.equals(e.scenario()))
                .filter(e -> !(e.method().equals("GET") && e.path().equals("/v1/models"))).toList();
        assertThat(request + " went out once", sent.size(), equalTo(1));
        assertThat(run.verdict().id(), equalTo(verdict));
        assertThat(run.verdict().evidence(), hasItem(sent.get(0).sequence()));
        assertThat("the probes held", run.scenarios().stream().filter(s -> !s.name().equals(SCENARIO))
                .filter(s -> s.status().equals("FAILED")).toList(), org.hamcrest.Matchers.empty());
    }
}
