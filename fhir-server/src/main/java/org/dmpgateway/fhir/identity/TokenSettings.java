package org.dmpgateway.fhir.identity;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

/**
 * How the FHIR bearer token is verified.
 *
 * @param algorithm  HS256 (sandbox: a shared secret) or RS256 (public keys of the token issuers)
 * @param secret     the HS256 secret (at least 32 bytes)
 * @param publicKeys the RS256 public keys, PEM texts ("PUBLIC KEY" or "CERTIFICATE")
 * @param issuer     when set, the token's {@code iss} must equal it
 * @param audience   when set, the token's {@code aud} must contain it
 * @param clockSkew  tolerance on {@code exp} and {@code nbf}
 * @param cacheSize  how many verified tokens are kept until they expire ({@link VerifiedTokens}); 0: none
 */
public record TokenSettings(String algorithm, String secret, List<String> publicKeys, String issuer, String audience,
                            Duration clockSkew, int cacheSize) {
    public static final String HS256 = "HS256";
    public static final String RS256 = "RS256";

    public TokenSettings {
        publicKeys = List.copyOf(publicKeys == null ? List.of() : publicKeys);
        clockSkew = clockSkew == null ? Duration.ofMinutes(5) : clockSkew;
        if (!HS256.equals(algorithm) && !RS256.equals(algorithm)) {
            throw new IllegalArgumentException("dmp.fhir.token.algorithm must be HS256 or RS256, not " + algorithm);
        }
        if (HS256.equals(algorithm) && (secret == null || secret.getBytes(StandardCharsets.UTF_8).length < 32)) {
            throw new IllegalArgumentException("dmp.fhir.token.secret must hold at least 32 bytes for HS256");
        }
        if (RS256.equals(algorithm) && publicKeys.isEmpty()) {
            throw new IllegalArgumentException("dmp.fhir.token.public-keys must name at least one PEM public key for RS256");
        }
    }
}
