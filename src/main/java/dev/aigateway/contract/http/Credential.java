package dev.aigateway.contract.http;

import dev.aigateway.contract.gateway.GatewayProfile;

/** Who a request claims to be ({@code caller}): the team's key, a key the gateway never issued, or nobody. */
public record Credential(String caller, String apiKey) {

    /** Obviously not a key the default gateway issued; public, so it is shown in evidence as is (its profile's {@code keys.notIssued}). */
    public static final String NOT_ISSUED_KEY = GatewayProfile.standard().keys().notIssued();

    public static Credential teamKey(String apiKey) {
        return new Credential("team-key", apiKey);
    }

    public static Credential notIssued() {
        return notIssued(GatewayProfile.standard());
    }

    /** A key the gateway of {@code profile} never issued. */
    public static Credential notIssued(GatewayProfile profile) {
        return new Credential("not-issued-key", profile.keys().notIssued());
    }

    public static Credential none() {
        return new Credential("no-key", null);
    }
}
