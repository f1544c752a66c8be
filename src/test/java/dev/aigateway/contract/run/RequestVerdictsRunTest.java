package dev.aigateway.contract.run;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import dev.aigateway.contract.record.Exchange;
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
        String path = dev.aigateway.contract.request.RequestFile.read(ApplicationRequestRunTest.REQUESTS + request).path();
        List<Exchange> sent = run.exchanges().stream().filter(e -> SCENARIO.equals(e.scenario()))
                .filter(e -> e.variant() == null) // the variants that find what it refuses are exchanges of their own
                .filter(e -> e.path().equals(path)).toList();
        assertThat(request + " went out once", sent.size(), equalTo(1));
        assertThat(run.verdict().id(), equalTo(verdict));
        assertThat(run.verdict().evidence(), hasItem(sent.get(0).sequence()));
        assertThat("the probes held", run.scenarios().stream().filter(s -> !s.name().equals(SCENARIO))
                .filter(s -> s.status().equals("FAILED")).toList(), org.hamcrest.Matchers.empty());
    }

    /**
     * A wrong base URL is confirmed by sending the same request once to the corrected path: served, the
     * verdict says so; refused there too (R3's model is not in the simulated catalog), it says nothing of it.
     */
    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource({
            "r3-haiku.json, 200, 'Sent once to /v1/messages, the same request was served (200)'",
            "r3.curl,       404, it must be https://ai-gateway.vercel.sh."
    })
    void aWrongBaseUrlIsCheckedOnceAtTheCorrectedPath(String request, int correctedStatus, String says) throws Exception {
        RunRecord run = ContractSuite.runWithRequest("local-request-refusals", output, ApplicationRequestRunTest.REQUESTS + request);
        List<Exchange> sent = run.exchanges().stream().filter(e -> SCENARIO.equals(e.scenario()))
                .filter(e -> e.method().equals("POST")).toList();
        assertThat(sent.stream().map(e -> e.path() + " " + e.status()).toList(),
                equalTo(List.of("/v1/v1/messages 405", "/v1/messages " + correctedStatus)));
        assertThat(run.verdict().id(), equalTo("wrong-base-url"));
        assertThat(run.verdict().meaning(), org.hamcrest.Matchers.allOf(org.hamcrest.Matchers.containsString(says),
                org.hamcrest.Matchers.containsString("it was https://ai-gateway.vercel.sh/v1, and it must be https://ai-gateway.vercel.sh.")));
        assertThat(run.verdict().meaning().contains("Sent once"), equalTo(correctedStatus == 200));
        assertThat(run.scenarios().stream().filter(s -> s.name().equals(SCENARIO)).findFirst().orElseThrow().status(),
                equalTo("FAILED"));
    }
}
