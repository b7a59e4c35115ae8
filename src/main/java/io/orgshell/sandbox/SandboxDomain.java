package io.orgshell.sandbox;

/**
 * A domain claimed (or once claimed) by the org.
 *
 * @param claimType   {@code dns} or {@code http}
 * @param claimStatus {@code verified}, {@code unverified}, {@code superseded}, {@code deleted} or {@code missing_token}
 */
public record SandboxDomain(String id, String name, String claimType, String claimStatus) {
    public boolean verified() {
        return "verified".equals(claimStatus);
    }
}
