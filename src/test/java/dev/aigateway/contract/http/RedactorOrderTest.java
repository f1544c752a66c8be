package dev.aigateway.contract.http;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import dev.aigateway.contract.environment.Environment.Secret;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** A secret that contains another is replaced whole, by its own name, whichever order they were given in. */
class RedactorOrderTest {

    @Test
    void theLongerSecretIsReplacedBeforeOneItContains() {
        String inner = "FAKE_inner_secret_1234";
        String outer = "sk-outer-" + inner + "-tail";
        for (List<Secret> secrets : List.of(List.of(new Secret("INNER_KEY", inner), new Secret("OUTER_KEY", outer)),
                List.of(new Secret("OUTER_KEY", outer), new Secret("INNER_KEY", inner)))) {
            Redactor redactor = new Redactor(secrets, Set.of());
            assertThat(redactor.redact("a " + outer + " b " + inner), equalTo("a $OUTER_KEY b $INNER_KEY"));
            assertThat(redactor.redact(null), nullValue());
        }
    }
}
