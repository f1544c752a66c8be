package dev.aigateway.contract.evidence;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The public zip of a run whose gateway's answers name an account id, and of a run without team id. */
class PublicBundleMutationsTest {

    private static final String TEAM = "team_a1B2c3D4e5F6g7H8i9J0wxyz";
    private static final String ACCOUNT = "user_Zq9Rk2Lm7Np4Xy3Vb8Ct5abcd";

    @TempDir
    Path reports;

    private Map<String, Path> files(String summary) throws Exception {
        Files.createDirectories(reports.resolve("evidence"));
        Map<String, Path> files = new LinkedHashMap<>();
        files.put("evidence/summary.md", Files.writeString(reports.resolve("evidence/summary.md"), summary));
        return files;
    }

    private static String entry(Path zip, String name) throws Exception {
        try (ZipFile file = new ZipFile(zip.toFile())) {
            return new String(file.getInputStream(file.getEntry(name)).readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void anIdWithItsOwnPrefixKeepsItAndTheLastFourCharactersShowOnlyPastEight() {
        assertThat(PublicBundle.masked(ACCOUNT), equalTo("user_…abcd"));
        assertThat(PublicBundle.masked("acct_123"), equalTo("acct_…"));
        assertThat(PublicBundle.masked("acct_1234"), equalTo("acct_…1234"));
        assertThat(PublicBundle.masked("Team-without-prefix-1234"), equalTo("team_…1234"));
    }

    @Test
    void theAccountIdsTheAnswersNamedAreMaskedBesideTheTeamId() throws Exception {
        Path privateZip = reports.resolve("ai-gateway-evidence-myteam-20261126T100000Z.zip");
        Path publicZip = PublicBundle.write(privateZip, files("team `" + TEAM + "`, account `" + ACCOUNT + "`\n"), TEAM,
                List.of(ACCOUNT, TEAM));
        assertThat(entry(publicZip, "evidence/summary.md"), equalTo("team `team_…wxyz`, account `user_…abcd`\n"));
    }

    @Test
    void aRunWithoutTeamIdIsCopiedAsItIs() throws Exception {
        Path privateZip = reports.resolve("ai-gateway-evidence-local-20261126T100000Z.zip");
        Path publicZip = PublicBundle.write(privateZip, files("no team " + TEAM + "\n"), " ");
        assertThat(entry(publicZip, "evidence/summary.md"), equalTo("no team " + TEAM + "\n"));
        assertThat(PublicBundle.teamIdIn(publicZip, null), empty());
        assertThat(PublicBundle.teamIdIn(publicZip, ""), empty());
    }

    @Test
    void anEntryNamedByTheTeamIdIsFound() throws Exception {
        Files.createDirectories(reports.resolve("evidence"));
        Path named = Files.writeString(reports.resolve("evidence/" + TEAM + ".txt"), "nothing");
        Path zip = BundleZip.write(reports.resolve("z.zip"), reports, List.of(named));
        assertThat(PublicBundle.teamIdIn(zip, TEAM), equalTo(List.of(zip.toString())));
    }

    @Test
    void anAccountIdLeftInAFormNotMaskedLeavesNoPublicZip() throws Exception {
        Path privateZip = reports.resolve("ai-gateway-evidence-myteam-20261126T100000Z.zip");
        // The account id URL-encoded with its underscore as %5F: the scan finds the form, the masking does not.
        String encoded = ACCOUNT.replace("_", "%5F");
        IllegalStateException failure = assertThrows(IllegalStateException.class,
                () -> PublicBundle.write(privateZip, files("account " + encoded + "\n"), TEAM, List.of(ACCOUNT)));
        assertThat(failure.getMessage(), allOf(containsString("the account id is still in"), containsString("evidence/summary.md"),
                not(containsString(ACCOUNT))));
        assertThat(Files.exists(PublicBundle.pathOf(privateZip)), equalTo(false));
    }

    @Test
    void theCheckNamesEveryEntryThatStillHoldsTheId() throws Exception {
        Map<String, Path> files = files("`" + TEAM + "`");
        Path privateZip = BundleZip.write(reports.resolve("p.zip"), files);
        assertThat(PublicBundle.teamIdIn(privateZip, TEAM), hasItem(privateZip + "!evidence/summary.md"));
    }
}
