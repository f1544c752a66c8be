package dev.aigateway.contract.environment;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/** The fields of an environment file as written, before defaults; see src/site/markdown/environments.md, "Fields". */
record EnvironmentFile(
        String description,
        String gateway,
        String baseUrl,
        String teamId,
        String apiKey,
        Boolean funded,
        List<String> expectedModels,
        ProbeFields probe,
        Boolean allowBillable,
        TimeoutFields timeouts,
        SimulatorFields simulator,
        Map<String, Map<String, String>> credentials,
        ByokFields byok,
        BigDecimal maxSpendUsd,
        List<String> routes,
        AuthFields auth,
        @JsonProperty("notify") NotifyFields notifyFields,
        LimitFields limits,
        List<String> requests,
        RequestFields request,
        Map<String, String> headers) {

    record RequestFields(Integer maxVariants) {}

    record LimitFields(Long answerBytes) {}

    record NotifyFields(String webhookUrl) {}

    record AuthFields(String kind, String team) {}

    record ByokFields(String model, Boolean verifyDirect, String directModel, String directBaseUrl) {}

    record ProbeFields(String model, Integer maxTokens, String embeddingModel) {}

    record TimeoutFields(Integer connectMs, Integer readMs, Integer runSeconds) {}

    record SimulatorFields(String team, Integer latencyMs) {}
}
