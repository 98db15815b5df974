package org.dmpgateway.server.support;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.dmpgateway.fhir.FhirServerConfiguration;
import org.dmpgateway.model.CodedValue;

import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The FHIR bearer token of a test {@link Vihf}: the same professional, patient and mode, as the JWT
 * claims of docs/fhir.md, signed HS256 with the sandbox secret unless told otherwise.
 */
public final class FhirToken {
    private FhirToken() {
    }

    public static JWTClaimsSet.Builder claims(Vihf vihf) {
        List<Map<String, Object>> roles = new ArrayList<>();
        roles.add(role(vihf.profession()));
        if (vihf.specialty() != null) {
            roles.add(role(vihf.specialty()));
        }
        Instant now = Instant.now();
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .subject(vihf.actorId())
                .claim("name", vihf.actorName())
                .claim("subject_role", roles)
                .claim("structure_id", vihf.structureId())
                .claim("resource_id", vihf.patientCx())
                .claim("purpose_of_use", vihf.mode().code())
                .claim("software", "DMP Gateway tests 1.0")
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(Duration.ofMinutes(10))));
        if (vihf.activitySector() != null) {
            claims.claim("activity_sector", vihf.activitySector());
        }
        if (vihf.justification() != null) {
            claims.claim("access_reason", vihf.justification());
        }
        return claims;
    }

    /** The token of this VIHF, HS256 with the documented sandbox secret. */
    public static String of(Vihf vihf) {
        return hs256(claims(vihf).build(), FhirServerConfiguration.SANDBOX_SECRET);
    }

    public static String hs256(JWTClaimsSet claims, String secret) {
        try {
            return sign(claims, new JWSHeader(JWSAlgorithm.HS256), new MACSigner(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String rs256(JWTClaimsSet claims, PrivateKey key) {
        return sign(claims, new JWSHeader(JWSAlgorithm.RS256), new RSASSASigner(key));
    }

    private static String sign(JWTClaimsSet claims, JWSHeader header, JWSSigner signer) {
        SignedJWT jwt = new SignedJWT(header, claims);
        try {
            jwt.sign(signer);
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        return jwt.serialize();
    }

    private static Map<String, Object> role(CodedValue role) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("code", role.code());
        map.put("system", role.codeSystem());
        if (role.displayName() != null) {
            map.put("display", role.displayName());
        }
        return map;
    }
}
