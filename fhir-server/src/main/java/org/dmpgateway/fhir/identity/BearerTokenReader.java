package org.dmpgateway.fhir.identity;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.dmpgateway.model.access.AccessContext;
import org.dmpgateway.model.access.CallerSoftware;
import org.dmpgateway.model.access.AccessMode;
import org.dmpgateway.model.error.DmpErrorCode;
import org.dmpgateway.model.error.DmpException;
import org.dmpgateway.model.CodedValue;
import org.dmpgateway.model.PatientRef;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.cert.CertificateFactory;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.text.ParseException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Reads the caller's identity from the FHIR bearer token: a JWT signed with HS256 (sandbox) or
 * RS256, whose claims ({@link TokenClaims}) are those of the VIHF. The result is the same
 * {@link AccessContext} the SOAP side reads from the VIHF, so the core decides alike.
 * <p>
 * Refusals: no token, IDENTITY_MISSING; a token that is not a JWS, is signed with another
 * algorithm, has a bad signature, is expired or not yet valid, or has another issuer or audience,
 * IDENTITY_UNTRUSTED; a missing or malformed claim, IDENTITY_INVALID naming the claim.
 */
public class BearerTokenReader {
    private final TokenSettings settings;
    private final JWSAlgorithm algorithm;
    private final List<JWSVerifier> verifiers;
    private final Clock clock;
    private final VerifiedTokens verifiedTokens;

    public BearerTokenReader(TokenSettings settings) {
        this(settings, Clock.systemUTC());
    }

    BearerTokenReader(TokenSettings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
        this.algorithm = JWSAlgorithm.parse(settings.algorithm());
        this.verifiers = verifiers(settings);
        this.verifiedTokens = new VerifiedTokens(settings.cacheSize());
    }

    public TokenSettings settings() {
        return settings;
    }

    /**
     * The identity of a compact-serialised token (the value after {@code Bearer }): verified in full
     * the first time, then taken from {@link VerifiedTokens} while the token is valid.
     */
    public AccessContext read(String token) {
        if (token == null || token.isBlank()) {
            throw new DmpException(DmpErrorCode.IDENTITY_MISSING, "the request carries no bearer token: send "
                    + "'Authorization: Bearer <JWT>' (docs/fhir.md)", "Authorization");
        }
        String compact = token.trim();
        Instant now = clock.instant();
        AccessContext known = verifiedTokens.find(compact, now);
        if (known != null) {
            return known;
        }
        SignedJWT jwt;
        try {
            jwt = SignedJWT.parse(compact);
        } catch (ParseException e) {
            throw untrusted("the bearer token is not a signed JWT (JWS compact serialisation): " + e.getMessage());
        }
        if (!algorithm.equals(jwt.getHeader().getAlgorithm())) {
            throw untrusted("the bearer token is signed with " + jwt.getHeader().getAlgorithm()
                    + ", this gateway accepts " + algorithm + " only");
        }
        if (!verified(jwt)) {
            throw untrusted("the bearer token's signature does not verify with the configured "
                    + (algorithm.equals(JWSAlgorithm.HS256) ? "secret" : "public keys"));
        }
        JWTClaimsSet claims;
        try {
            claims = jwt.getJWTClaimsSet();
        } catch (ParseException e) {
            throw invalid("the bearer token's claims are not a JSON object: " + e.getMessage(), "token");
        }
        checkValidity(claims, now);
        AccessContext context = context(claims);
        Date nbf = claims.getNotBeforeTime();
        verifiedTokens.keep(compact, context, nbf == null ? Instant.MIN : nbf.toInstant().minus(settings.clockSkew()),
                claims.getExpirationTime().toInstant().plus(settings.clockSkew()), now);
        return context;
    }

    private boolean verified(SignedJWT jwt) {
        for (JWSVerifier verifier : verifiers) {
            try {
                if (jwt.verify(verifier)) {
                    return true;
                }
            } catch (JOSEException e) {
                // try the next key
            }
        }
        return false;
    }

    private void checkValidity(JWTClaimsSet claims, Instant now) {
        Date exp = claims.getExpirationTime();
        if (exp == null) {
            throw invalid("the bearer token has no 'exp' claim: a token must expire", "exp");
        }
        if (exp.toInstant().plus(settings.clockSkew()).isBefore(now)) {
            throw untrusted("the bearer token expired at " + exp.toInstant());
        }
        Date nbf = claims.getNotBeforeTime();
        if (nbf != null && nbf.toInstant().minus(settings.clockSkew()).isAfter(now)) {
            throw untrusted("the bearer token is not valid before " + nbf.toInstant());
        }
        if (settings.issuer() != null && !settings.issuer().isBlank() && !settings.issuer().equals(claims.getIssuer())) {
            throw untrusted("the bearer token's issuer '" + claims.getIssuer() + "' is not the expected one");
        }
        if (settings.audience() != null && !settings.audience().isBlank()
                && (claims.getAudience() == null || !claims.getAudience().contains(settings.audience()))) {
            throw untrusted("the bearer token's audience " + claims.getAudience() + " does not include "
                    + settings.audience());
        }
    }

    private static AccessContext context(JWTClaimsSet claims) {
        String actorId = text(claims, TokenClaims.SUBJECT, true);
        String actorName = text(claims, TokenClaims.NAME, true);
        List<CodedValue> roles = roles(claims);
        String structureId = text(claims, TokenClaims.STRUCTURE_ID, !isPatientRole(roles.get(0)));
        String sector = text(claims, TokenClaims.ACTIVITY_SECTOR, false);
        PatientRef patient;
        try {
            patient = PatientRef.fromCx(text(claims, TokenClaims.RESOURCE_ID, true));
        } catch (IllegalArgumentException e) {
            throw invalid("the claim '" + TokenClaims.RESOURCE_ID + "' is " + e.getMessage(), TokenClaims.RESOURCE_ID);
        }
        String modeCode = text(claims, TokenClaims.PURPOSE_OF_USE, true);
        AccessMode mode = AccessMode.fromCode(modeCode);
        if (mode == null) {
            throw invalid("the claim '" + TokenClaims.PURPOSE_OF_USE + "' is '" + modeCode + "', expected one of "
                    + Arrays.stream(AccessMode.values()).map(AccessMode::code).collect(Collectors.joining(", "))
                    + " (TRE_R248_ModeAcces)", TokenClaims.PURPOSE_OF_USE);
        }
        return new AccessContext(actorId, actorName, roles.get(0), roles.size() > 1 ? roles.get(1) : null,
                structureId, sector, patient, mode, text(claims, TokenClaims.ACCESS_REASON, false),
                CallerSoftware.of(text(claims, TokenClaims.SOFTWARE, false),
                        text(claims, TokenClaims.SOFTWARE_ID, false), text(claims, TokenClaims.SOFTWARE_HOMOLOGATION, false)));
    }

    /** The patient-side role (the patient reads their own record): no care structure then. */
    private static boolean isPatientRole(CodedValue role) {
        return AccessContext.PATIENT_ROLE.code().equals(role.code())
                && AccessContext.PATIENT_ROLE.codeSystem().equals(role.codeSystem());
    }

    private static List<CodedValue> roles(JWTClaimsSet claims) {
        Object value = claims.getClaim(TokenClaims.SUBJECT_ROLE);
        if (!(value instanceof List<?> list) || list.isEmpty()) {
            throw invalid("the claim '" + TokenClaims.SUBJECT_ROLE + "' must be a non-empty array of {\"code\", "
                    + "\"system\", \"display\"} objects, the profession first", TokenClaims.SUBJECT_ROLE);
        }
        if (list.size() > 2) {
            throw invalid("the claim '" + TokenClaims.SUBJECT_ROLE + "' holds " + list.size() + " roles: at most two, "
                    + "the profession then the specialty, as in the VIHF", TokenClaims.SUBJECT_ROLE);
        }
        List<CodedValue> roles = new ArrayList<>();
        for (Object item : list) {
            if (!(item instanceof Map<?, ?> map) || !(map.get("code") instanceof String code) || code.isBlank()
                    || !(map.get("system") instanceof String system) || system.isBlank()) {
                throw invalid("each value of the claim '" + TokenClaims.SUBJECT_ROLE + "' needs a 'code' and a "
                        + "'system' (the OID of its code system, e.g. 1.2.250.1.71.1.2.7 for TRE_G15)",
                        TokenClaims.SUBJECT_ROLE);
            }
            Object display = map.get("display");
            roles.add(new CodedValue(code.trim(), system.trim(), display instanceof String d ? d : null));
        }
        return roles;
    }

    private static String text(JWTClaimsSet claims, String name, boolean mandatory) {
        Object value = claims.getClaim(name);
        if (value == null || (value instanceof String s && s.isBlank())) {
            if (mandatory) {
                throw invalid("the bearer token has no '" + name + "' claim", name);
            }
            return null;
        }
        if (!(value instanceof String s)) {
            throw invalid("the claim '" + name + "' must be a string", name);
        }
        return s.trim();
    }

    private static List<JWSVerifier> verifiers(TokenSettings settings) {
        List<JWSVerifier> verifiers = new ArrayList<>();
        try {
            if (TokenSettings.HS256.equals(settings.algorithm())) {
                verifiers.add(new MACVerifier(settings.secret().getBytes(StandardCharsets.UTF_8)));
            } else {
                for (String pem : settings.publicKeys()) {
                    verifiers.add(new RSASSAVerifier((RSAPublicKey) publicKey(pem)));
                }
            }
        } catch (JOSEException | ClassCastException e) {
            throw new IllegalArgumentException("dmp.fhir.token: unusable key: " + e.getMessage(), e);
        }
        return verifiers;
    }

    /** A PEM "PUBLIC KEY" (X.509 SubjectPublicKeyInfo) or "CERTIFICATE". */
    static PublicKey publicKey(String pem) {
        try {
            if (pem.contains("BEGIN CERTIFICATE")) {
                return CertificateFactory.getInstance("X.509")
                        .generateCertificate(new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII)))
                        .getPublicKey();
            }
            String base64 = pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
            return KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(base64)));
        } catch (Exception e) {
            throw new IllegalArgumentException("dmp.fhir.token.public-keys: not a PEM RSA public key or certificate ("
                    + e.getMessage() + ")", e);
        }
    }

    private static DmpException untrusted(String message) {
        return new DmpException(DmpErrorCode.IDENTITY_UNTRUSTED, message, "Authorization");
    }

    private static DmpException invalid(String message, String claim) {
        return new DmpException(DmpErrorCode.IDENTITY_INVALID, message, claim);
    }
}
