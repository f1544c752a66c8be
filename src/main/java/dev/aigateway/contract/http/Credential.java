package dev.aigateway.contract.http;

/** Who a request claims to be ({@code caller}): the team's key, a key the gateway never issued, or nobody. */
public record Credential(String caller, String apiKey) {

    /** Obviously not a key the gateway issued; public, so it is shown in evidence as is. */
    public static final String NOT_ISSUED_KEY = "vck_not_issued_by_the_gateway_0000000000";

    public static Credential teamKey(String apiKey) {
        return new Credential("team-key", apiKey);
    }

    public static Credential notIssued() {
        return new Credential("not-issued-key", NOT_ISSUED_KEY);
    }

    public static Credential none() {
        return new Credential("no-key", null);
    }
}
