package dev.aigateway.contract.record;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.in;

import dev.aigateway.contract.Json;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** A caller is written as the words the verdict rules match, and read back from them. */
class CallerTest {

    @Test
    void everyCallerTheVerdictRulesNameIsOneTheRunWrites() throws Exception {
        String rules;
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("diagnosis/verdicts.yaml")) {
            rules = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        List<String> named = new java.util.ArrayList<>();
        Matcher caller = Pattern.compile("caller: \"?([a-z|-]+)\"?").matcher(rules);
        while (caller.find()) {
            named.addAll(Arrays.asList(caller.group(1).split("\\|")));
        }
        List<String> written = Arrays.stream(Caller.values()).map(Caller::id).toList();
        assertThat(named, everyItem(in(written)));
        assertThat(written, everyItem(in(named)));
    }

    @Test
    void anExchangeWritesItsCallerAsItsIdAndReadsItBack() throws Exception {
        Exchange exchange = Exchange.builder().sequence(1).scenario("s").startedAt(Instant.EPOCH).method("GET")
                .url("http://127.0.0.1:1/v1/credits").path("/v1/credits").status(401).responseBody("{}").durationMs(3)
                .caller(Caller.NOT_ISSUED_KEY).build();
        String json = Json.RECORDS.writeValueAsString(exchange);
        assertThat(json, containsString("\"caller\" : \"not-issued-key\""));
        assertThat(Json.RECORDS.readValue(json, Exchange.class).caller(), equalTo(Caller.NOT_ISSUED_KEY));
        assertThat(Caller.PROVIDER_DIRECT + " GET", equalTo("provider-direct GET"));
    }
}
