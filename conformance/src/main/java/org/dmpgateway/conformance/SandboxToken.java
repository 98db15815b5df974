package org.dmpgateway.conformance;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;

/**
 * The FHIR bearer token of a scenario: the claims of its {@code *.token.json} file, with {@code exp}
 * one hour ahead when the file has none, signed HS256 with the server's sandbox secret.
 */
final class SandboxToken {
    static final String DEFAULT_SECRET = "sandbox-fhir-token-secret-change-me-0123456789";

    private SandboxToken() {
    }

    static String sign(String claimsJson, String secret, Instant now) {
        try {
            JWTClaimsSet claims = JWTClaimsSet.parse(claimsJson);
            if (claims.getExpirationTime() == null) {
                claims = new JWTClaimsSet.Builder(claims).expirationTime(Date.from(now.plus(Duration.ofHours(1)))).build();
            }
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).type(JOSEObjectType.JWT).build(), claims);
            jwt.sign(new MACSigner(secret.getBytes(StandardCharsets.UTF_8)));
            return jwt.serialize();
        } catch (ParseException e) {
            throw new IllegalArgumentException("the token claims are not a JSON object: " + e.getMessage(), e);
        } catch (JOSEException e) {
            throw new IllegalArgumentException("cannot sign the token (the HS256 secret needs at least 32 bytes): " + e.getMessage(), e);
        }
    }
}
