package dev.aigateway.contract.evidence;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The public zip's manifest, recomputed in memory, is what sha256sum prints: the hash, two spaces, the path, sorted by path. */
class ManifestTextTest {

    @Test
    void itIsSha256sumsLinesSortedByPath() {
        Map<String, byte[]> contents = new LinkedHashMap<>();
        contents.put("evidence/summary.md", "abc".getBytes(StandardCharsets.UTF_8));
        contents.put("evidence/empty.txt", new byte[0]);
        assertThat(Manifest.text(contents), equalTo(
                "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855  evidence/empty.txt\n"
                        + "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad  evidence/summary.md\n"));
    }
}
