package dev.aigateway.contract.diagnosis;

import dev.aigateway.contract.environment.Environment;
import dev.aigateway.contract.environment.EnvironmentLoader;
import dev.aigateway.contract.gateway.GatewayProfile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * The environment the tests of the same probe on another model run: {@code environments/wave.yaml} under
 * {@code root}, a gateway at {@code baseUrl}, a simulated team's key (the key form of the gateway's simulator),
 * the probe's model, the gates.
 */
public final class OtherModelEnvironment {

    public static final String NAME = "wave";

    /** Portkey's routing headers, as its template sends them (the provider behind it), for {@code more}. */
    public static final String PORTKEY_HEADERS = "headers: { x-portkey-provider: openai, x-portkey-custom-host: 'http://127.0.0.1:8080/v1' }";

    private OtherModelEnvironment() {}

    public static Environment write(Path root, String gateway, String baseUrl, String team, String probe,
                                    boolean allowBillable, String maxSpendUsd) throws Exception {
        return write(root, gateway, baseUrl, team, probe, allowBillable, maxSpendUsd, "");
    }

    /**
     * As {@link #write(Path, String, String, String, String, boolean, String)}, with {@code more}: further lines of
     * the file (a gateway's routing {@code headers:}, the {@code routes:} checked).
     */
    public static Environment write(Path root, String gateway, String baseUrl, String team, String probe,
                                    boolean allowBillable, String maxSpendUsd, String more) throws Exception {
        String key = GatewayProfile.named(gateway).simulator().teamKeyPrefix() + team + "_FAKE";
        Files.createDirectories(root.resolve("environments"));
        Files.writeString(root.resolve("environments/" + NAME + ".yaml"), """
                description: the same probe on another model
                gateway: %s
                baseUrl: %s
                teamId: team_wave
                apiKey: %s
                funded: true
                expectedModels: [%s]
                probe: { model: %s, maxTokens: 1 }
                allowBillable: %s
                maxSpendUsd: %s
                %s
                """.formatted(gateway, baseUrl, key, probe, probe, allowBillable, maxSpendUsd, more));
        return new EnvironmentLoader(root, Map.of()).load(NAME);
    }
}
