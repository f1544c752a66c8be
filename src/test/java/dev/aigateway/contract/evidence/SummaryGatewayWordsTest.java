package dev.aigateway.contract.evidence;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;

import dev.aigateway.contract.run.ContractSuite;
import dev.aigateway.contract.record.RunRecord;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** summary.md and the failed-scenario lines quote each refusal by the gateway's own message, whole, its link included. */
class SummaryGatewayWordsTest {

    private static final String CARD_GATE = "AI Gateway requires a valid credit card on file to service requests. Please visit "
            + "https://vercel.com/d?to=%2F%5Bteam%5D%2F%7E%2Fai%3Fmodal%3Dadd-credit-card to add a card and unlock your free credits.";

    @TempDir
    Path folder;

    @Test
    void theCardGatesMessageIsQuotedWholeWithItsLink() throws Exception {
        RunRecord run = ContractSuite.run("local-no-card", folder);
        String summary = Summary.markdown(run);
        assertThat(summary, containsString("## What the gateway said"));
        assertThat(summary, containsString("POST /v1/chat/completions: 403 `customer_verification_required`: \"" + CARD_GATE + "\""));
        assertThat(summary, containsString("**The smallest chat completion** ("));
        assertThat(summary, containsString("`): POST /v1/chat/completions answered 403 customer_verification_required: \""
                + CARD_GATE + "\""));
    }
}
