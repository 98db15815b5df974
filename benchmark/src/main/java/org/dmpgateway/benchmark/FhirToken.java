package org.dmpgateway.benchmark;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.Base64;

/**
 * The FHIR equivalent of {@link Vihf}: the bearer JWT a professional's software sends to
 * {@code /fhir}, with the VIHF's attributes as claims (docs/identity.md, "FHIR: the bearer token"):
 * the same professional, profession and specialty, structure, patient (resource_id) and access mode
 * (normal). Signed HS256 with the sandbox secret the server accepts by default, with the JDK's
 * HMAC rather than a JOSE library, so that the client costs a few microseconds per token. Like the
 * VIHF of the SOAP scenarios, a new token is made for every request.
 */
final class FhirToken {
    /** The documented sandbox secret ({@code dmp.fhir.token.secret} as shipped). */
    static final String SANDBOX_SECRET = "sandbox-fhir-token-secret-change-me-0123456789";
    /** How long a token is valid. */
    static final long VALIDITY_SECONDS = 3600;

    private static final Base64.Encoder B64URL = Base64.getUrlEncoder().withoutPadding();
    private static final String HEADER = B64URL.encodeToString("{\"alg\":\"HS256\",\"typ\":\"JWT\"}"
            .getBytes(StandardCharsets.UTF_8));
    private static final ThreadLocal<Mac> MAC = ThreadLocal.withInitial(() -> {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(SANDBOX_SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    });

    private FhirToken() {
    }

    /** A token for a request about this patient, valid from now for {@value #VALIDITY_SECONDS} seconds. */
    static String bearer(String ins) {
        return bearer(ins, Instant.now().getEpochSecond());
    }

    static String bearer(String ins, long nowEpochSeconds) {
        String payload = B64URL.encodeToString(claims(ins, nowEpochSeconds).getBytes(StandardCharsets.UTF_8));
        String signingInput = HEADER + "." + payload;
        byte[] signature = MAC.get().doFinal(signingInput.getBytes(StandardCharsets.US_ASCII));
        return signingInput + "." + B64URL.encodeToString(signature);
    }

    /** The claims, as JSON: the VIHF attributes of {@link Vihf#assertion(String)}. */
    static String claims(String ins, long nowEpochSeconds) {
        return "{\"sub\":\"" + Catalog.ACTOR_ID + "\""
                + ",\"name\":\"" + Catalog.ACTOR_NAME + "\""
                + ",\"subject_role\":[{\"code\":\"10\",\"system\":\"1.2.250.1.71.1.2.7\",\"display\":\"Médecin\"},"
                + "{\"code\":\"SM54\",\"system\":\"1.2.250.1.71.4.2.5\",\"display\":\"Médecine générale (SM)\"}]"
                + ",\"structure_id\":\"" + Catalog.STRUCTURE_ID + "\""
                + ",\"activity_sector\":\"SA07^1.2.250.1.71.4.2.4\""
                + ",\"resource_id\":\"" + ins + "^^^&" + Ins.AUTHORITY + "&ISO^NH\""
                + ",\"purpose_of_use\":\"normal\""
                + ",\"software\":\"DMP-BENCHMARK 0.1\""
                + ",\"iat\":" + nowEpochSeconds
                + ",\"exp\":" + (nowEpochSeconds + VALIDITY_SECONDS) + "}";
    }
}
