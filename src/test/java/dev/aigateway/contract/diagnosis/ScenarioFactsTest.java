package dev.aigateway.contract.diagnosis;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What a verdict's text says of the run's scenarios: those that held, those left out and those not carried out, grouped by reason. */
class ScenarioFactsTest {

    @Test
    void scenariosAreNamedGroupedUnderTheReasonTheyShare() {
        Map<String, String> notCarriedOut = new LinkedHashMap<>();
        notCarriedOut.put("A", "the run's deadline");
        notCarriedOut.put("B", "maxSpendUsd");
        notCarriedOut.put("C", "the run's deadline");
        notCarriedOut.put("D", "");
        Map<String, String> facts = new Diagnosis.Scenarios(0, List.of("H1", "H2"), Map.of("N", "allowBillable: false"), notCarriedOut, true).facts();
        assertThat(facts, equalTo(Map.of(
                "held", "H1; H2",
                "notApplicable", " Not applicable here, so this run shows nothing of them: N (allowBillable: false).",
                "notCarriedOut", "A; C (the run's deadline); B (maxSpendUsd); D",
                "notCarriedOutCount", "4",
                "failedChecks", "the failed scenario's own check")));
    }

    @Test
    void failedChecksAreNamedWithTheirMessageOnOneLine() {
        Map<String, String> checks = new LinkedHashMap<>();
        checks.put("F1", "#3 GET /v1/credits\nExpected: is <401>\n     but: was <403>");
        checks.put("F2", "");
        assertThat(new Diagnosis.Scenarios(2, List.of(), Map.of(), Map.of(), true, checks).facts().get("failedChecks"),
                equalTo("\"F1\": #3 GET /v1/credits Expected: is <401> but: was <403>; \"F2\""));
    }

    @Test
    void noScenariosAreSaidAsNoneOrNothing() {
        assertThat(Diagnosis.Scenarios.failed(2).facts(), equalTo(Map.of(
                "held", "none", "notApplicable", "", "notCarriedOut", "", "notCarriedOutCount", "0",
                "failedChecks", "the failed scenario's own check")));
    }
}
