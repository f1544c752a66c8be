package dev.aigateway.contract.evidence;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;

import dev.aigateway.contract.gateway.GatewayProfile;
import dev.aigateway.contract.record.Exchange;
import dev.aigateway.contract.record.RunRecord;
import dev.aigateway.contract.run.ContractSuite;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What an OpenRouter run's evidence says and hides: the generation id (X-Generation-Id, what OpenRouter's
 * support asks for) in summary.md, the account id (user_id, creator_user_id) masked in the public bundle,
 * the key's label (a prefix and a suffix of the key) never recorded.
 */
class OpenRouterEvidenceTest {

    @TempDir
    Path output;

    @Test
    void theSummaryHasAGenerationIdColumnForOpenRouterAndNoneForVercel() throws Exception {
        RunRecord run = ContractSuite.run("local-openrouter", output);
        String summary = Summary.markdown(run);
        assertThat(summary, containsString("| cf-ray | X-Generation-Id | ms |"));
        String generationId = run.exchanges().stream().filter(e -> e.generationId() != null).map(Exchange::generationId)
                .findFirst().orElseThrow();
        assertThat(generationId, matchesPattern("gen-[0-9A-Z]{26}"));
        assertThat(summary, containsString("| `" + generationId + "` |"));
        assertThat(Summary.markdown(ContractSuite.run("local", output)), not(containsString("X-Generation-Id")));
    }

    @Test
    void theKeysLabelIsNeverRecorded() throws Exception {
        RunRecord run = ContractSuite.run("local-openrouter", output);
        Exchange keyCheck = run.exchanges().stream().filter(e -> e.path().equals("/api/v1/key") && e.status() == 200)
                .findFirst().orElseThrow();
        assertThat(keyCheck.responseBody(), containsString("\"label\":\"[redacted: part of the key]\""));
        assertThat(keyCheck.responseBody(), not(containsString("sk-or-v1-sim...emo")));
        assertThat(GatewayProfile.named("vercel").withoutKeyEchoes("{\"label\":\"x\"}"), equalTo("{\"label\":\"x\"}"));
    }

    @Test
    void theAccountIdsTheAnswersNameAreMaskedInThePublicBundle() throws Exception {
        RunRecord run = ContractSuite.run("local-openrouter-credits-below-request", output);
        List<String> ids = dev.aigateway.contract.gateway.GatewayProfile.of(run).accountIdsIn(run.exchanges().stream().map(Exchange::responseBody).toList());
        assertThat(ids, equalTo(List.of("user_sim_creditsbelow000000000")));
        Path summary = Files.writeString(output.resolve("summary.md"), Summary.markdown(run));
        Path privateZip = output.resolve("bundle.zip");
        Map<String, Path> entries = new LinkedHashMap<>();
        entries.put(EvidenceBundle.FOLDER + "/summary.md", summary);
        Path publicZip = PublicBundle.write(privateZip, entries, "account not given", ids);
        String published = read(publicZip).get(EvidenceBundle.FOLDER + "/summary.md");
        assertThat(Files.readString(summary), containsString("| Account id | `user_sim_creditsbelow000000000` (as the gateway's answers name it) |"));
        assertThat(published, not(containsString("user_sim_creditsbelow000000000")));
        assertThat(published, containsString("user_…0000"));
        assertThat(GatewayProfile.named("vercel").accountIdsIn(List.of("{\"user_id\":\"user_x\"}")), equalTo(List.of()));
    }

    private static Map<String, String> read(Path zip) throws Exception {
        Map<String, String> entries = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
            for (var entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                entries.put(entry.getName(), new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        return entries;
    }
}
