package dev.aigateway.contract.http;

import dev.aigateway.contract.gateway.GatewayProfile;
import dev.aigateway.contract.record.Caller;

/** Who a request claims to be ({@code caller}): the team's key, a key the gateway never issued, or nobody. */
public record Credential(Caller caller, String apiKey) {

    public static Credential teamKey(String apiKey) {
        return new Credential(Caller.TEAM_KEY, apiKey);
    }

    /** A key the gateway of {@code profile} never issued. */
    public static Credential notIssued(GatewayProfile profile) {
        return new Credential(Caller.NOT_ISSUED_KEY, profile.keys().notIssued());
    }

    public static Credential none() {
        return new Credential(Caller.NO_KEY, null);
    }
}
