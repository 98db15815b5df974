package org.dmpgateway.fhir.identity;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import org.dmpgateway.model.access.AccessContext;
import org.dmpgateway.model.access.AccessMode;
import org.dmpgateway.model.error.DmpErrorCode;
import org.dmpgateway.model.error.DmpException;
import org.dmpgateway.model.PatientRef;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

class BearerTokenReaderTest {
    private static final String SECRET = "a-test-secret-of-at-least-32-bytes-long!";
    private final BearerTokenReader hs256 = new BearerTokenReader(
            new TokenSettings("HS256", SECRET, List.of(), null, null, Duration.ofMinutes(1), 100));

    private static JWTClaimsSet.Builder doctor() {
        return new JWTClaimsSet.Builder()
                .subject("810002345678")
                .claim("name", "DURANT, Romuald")
                .claim("subject_role", List.of(Map.of("code", "10", "system", "1.2.250.1.71.1.2.7", "display", "Médecin"),
                        Map.of("code", "SM54", "system", "1.2.250.1.71.4.2.5")))
                .claim("structure_id", "1750100125")
                .claim("activity_sector", "SA07^1.2.250.1.71.4.2.4")
                .claim("resource_id", "279035121518989^^^&1.2.250.1.213.1.4.10&ISO^NH")
                .claim("purpose_of_use", "bris_de_glace")
                .claim("access_reason", "patient inconscient")
                .expirationTime(Date.from(Instant.now().plusSeconds(600)));
    }

    private static String hs(JWTClaimsSet claims, String secret) throws Exception {
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
        jwt.sign(new MACSigner(secret.getBytes(StandardCharsets.UTF_8)));
        return jwt.serialize();
    }

    private static DmpException refused(BearerTokenReader reader, String token) {
        return assertThrows(DmpException.class, () -> reader.read(token));
    }

    @Test
    void readsTheSameIdentityAsTheVihf() throws Exception {
        AccessContext c = hs256.read(hs(doctor().build(), SECRET));
        assertEquals("810002345678", c.actorId());
        assertEquals("DURANT, Romuald", c.actorName());
        assertEquals("10", c.professionCode());
        assertEquals("1.2.250.1.71.1.2.7", c.profession().codeSystem());
        assertEquals("SM54", c.specialtyCode());
        assertEquals("1750100125", c.structureId());
        assertEquals(new PatientRef("279035121518989", "1.2.250.1.213.1.4.10"), c.patient());
        assertEquals(AccessMode.BREAK_GLASS, c.mode());
        assertEquals("patient inconscient", c.justification());
    }

    @Test
    void noTokenIsIdentityMissing() {
        assertEquals(DmpErrorCode.IDENTITY_MISSING, refused(hs256, " ").code());
    }

    @Test
    void aTokenSignedWithAnotherSecretIsUntrusted() throws Exception {
        DmpException e = refused(hs256, hs(doctor().build(), "another-secret-of-at-least-32-bytes-long"));
        assertEquals(DmpErrorCode.IDENTITY_UNTRUSTED, e.code());
        assertTrue(e.getMessage().contains("signature"), e.getMessage());
    }

    @Test
    void anUnsignedTokenIsUntrusted() {
        String plain = new PlainJWT(doctor().build()).serialize();
        assertEquals(DmpErrorCode.IDENTITY_UNTRUSTED, refused(hs256, plain).code());
    }

    @Test
    void anAlgorithmOtherThanTheConfiguredOneIsUntrusted() throws Exception {
        KeyPair keys = rsa();
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.RS256), doctor().build());
        jwt.sign(new RSASSASigner(keys.getPrivate()));
        DmpException e = refused(hs256, jwt.serialize());
        assertEquals(DmpErrorCode.IDENTITY_UNTRUSTED, e.code());
        assertTrue(e.getMessage().contains("RS256"), e.getMessage());
    }

    @Test
    void anExpiredTokenIsUntrusted() throws Exception {
        String token = hs(doctor().expirationTime(Date.from(Instant.now().minusSeconds(3600))).build(), SECRET);
        DmpException e = refused(hs256, token);
        assertEquals(DmpErrorCode.IDENTITY_UNTRUSTED, e.code());
        assertTrue(e.getMessage().contains("expired"), e.getMessage());
    }

    @Test
    void aTokenWithoutExpiryIsInvalid() throws Exception {
        String token = hs(doctor().expirationTime(null).build(), SECRET);
        assertEquals(DmpErrorCode.IDENTITY_INVALID, refused(hs256, token).code());
    }

    @ParameterizedTest
    @ValueSource(strings = {"sub", "name", "subject_role", "structure_id", "resource_id", "purpose_of_use"})
    void eachMandatoryClaimIsNamedWhenMissing(String claim) throws Exception {
        JWTClaimsSet.Builder b = doctor();
        if ("sub".equals(claim)) {
            b.subject(null);
        } else {
            b.claim(claim, null);
        }
        DmpException e = refused(hs256, hs(b.build(), SECRET));
        assertEquals(DmpErrorCode.IDENTITY_INVALID, e.code());
        assertTrue(e.getMessage().contains("'" + claim + "'"), e.getMessage());
        assertEquals(claim, e.errors().get(0).location());
    }

    @Test
    void anUnknownAccessModeIsInvalid() throws Exception {
        DmpException e = refused(hs256, hs(doctor().claim("purpose_of_use", "urgence").build(), SECRET));
        assertEquals(DmpErrorCode.IDENTITY_INVALID, e.code());
        assertTrue(e.getMessage().contains("normal, bris_de_glace, centre_15"), e.getMessage());
    }

    @Test
    void aMalformedPatientIsInvalid() throws Exception {
        DmpException e = refused(hs256, hs(doctor().claim("resource_id", "279035121518989").build(), SECRET));
        assertEquals(DmpErrorCode.IDENTITY_INVALID, e.code());
        assertTrue(e.getMessage().contains("resource_id"), e.getMessage());
    }

    @Test
    void rs256VerifiesWithTheConfiguredPublicKeyOnly() throws Exception {
        KeyPair trusted = rsa();
        KeyPair other = rsa();
        String pem = "-----BEGIN PUBLIC KEY-----\n"
                + Base64.getMimeEncoder().encodeToString(trusted.getPublic().getEncoded()) + "\n-----END PUBLIC KEY-----\n";
        BearerTokenReader rs256 = new BearerTokenReader(new TokenSettings("RS256", null, List.of(pem), "https://idp.example",
                "dmp-gateway", Duration.ofMinutes(1), 100));
        JWTClaimsSet claims = doctor().issuer("https://idp.example").audience("dmp-gateway").build();

        SignedJWT good = new SignedJWT(new JWSHeader(JWSAlgorithm.RS256), claims);
        good.sign(new RSASSASigner(trusted.getPrivate()));
        assertEquals("810002345678", rs256.read(good.serialize()).actorId());

        SignedJWT forged = new SignedJWT(new JWSHeader(JWSAlgorithm.RS256), claims);
        forged.sign(new RSASSASigner(other.getPrivate()));
        assertEquals(DmpErrorCode.IDENTITY_UNTRUSTED, refused(rs256, forged.serialize()).code());

        SignedJWT wrongIssuer = new SignedJWT(new JWSHeader(JWSAlgorithm.RS256),
                doctor().issuer("https://evil.example").audience("dmp-gateway").build());
        wrongIssuer.sign(new RSASSASigner(trusted.getPrivate()));
        assertTrue(refused(rs256, wrongIssuer.serialize()).getMessage().contains("issuer"));

        // an HS256 token whose secret is the public key (algorithm confusion) is refused
        SignedJWT confused = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
        confused.sign(new MACSigner(pem.getBytes(StandardCharsets.US_ASCII)));
        assertEquals(DmpErrorCode.IDENTITY_UNTRUSTED, refused(rs256, confused.serialize()).code());
    }

    @Test
    void settingsRefuseAShortSecret() {
        assertThrows(IllegalArgumentException.class,
                () -> new TokenSettings("HS256", "short", List.of(), null, null, null, 0));
    }

    @Test
    void aVerifiedTokenIsKeptUntilItExpiresThenRefusedAsExpired() throws Exception {
        Instant start = Instant.parse("2026-12-02T10:00:00Z");
        MovingClock clock = new MovingClock(start);
        BearerTokenReader reader = new BearerTokenReader(
                new TokenSettings("HS256", SECRET, List.of(), null, null, Duration.ofMinutes(1), 100), clock);
        String token = hs(doctor().expirationTime(Date.from(start.plusSeconds(600))).build(), SECRET);

        AccessContext first = reader.read(token);
        assertSame(first, reader.read(" " + token + " "), "the second read is the kept identity");
        clock.now = start.plusSeconds(660);
        assertSame(first, reader.read(token), "exp plus the clock skew: still valid");
        clock.now = start.plusSeconds(661);
        DmpException e = refused(reader, token);
        assertEquals(DmpErrorCode.IDENTITY_UNTRUSTED, e.code());
        assertTrue(e.getMessage().contains("expired"), e.getMessage());
        assertEquals(DmpErrorCode.IDENTITY_UNTRUSTED, refused(reader, token).code(), "and from then on");
    }

    @Test
    void aRefusedTokenIsNeverKeptAndAnAlteredOneIsVerifiedInFull() throws Exception {
        String forged = hs(doctor().build(), "another-secret-of-at-least-32-bytes-long");
        assertEquals(DmpErrorCode.IDENTITY_UNTRUSTED, refused(hs256, forged).code());
        assertEquals(DmpErrorCode.IDENTITY_UNTRUSTED, refused(hs256, forged).code(), "refused again, not kept");

        String token = hs(doctor().build(), SECRET);
        assertEquals("810002345678", hs256.read(token).actorId());
        String[] parts = token.split("\\.");
        String otherClaims = Base64.getUrlEncoder().withoutPadding().encodeToString(
                doctor().subject("810000000099").build().toString().getBytes(StandardCharsets.UTF_8));
        assertEquals(DmpErrorCode.IDENTITY_UNTRUSTED, refused(hs256, parts[0] + "." + otherClaims + "." + parts[2]).code(),
                "the kept token's signature on other claims");
        String otherSignature = parts[0] + "." + parts[1] + "." + (parts[2].charAt(0) == 'A' ? 'B' : 'A')
                + parts[2].substring(1);
        assertEquals(DmpErrorCode.IDENTITY_UNTRUSTED, refused(hs256, otherSignature).code(),
                "the kept token's claims with another signature");
    }

    @Test
    void withoutACacheEveryReadVerifiesInFull() throws Exception {
        BearerTokenReader uncached = new BearerTokenReader(
                new TokenSettings("HS256", SECRET, List.of(), null, null, Duration.ofMinutes(1), 0));
        String token = hs(doctor().build(), SECRET);
        AccessContext first = uncached.read(token);
        AccessContext second = uncached.read(token);
        assertEquals(first, second);
        assertNotSame(first, second);
    }

    @Test
    void theCacheDropsTheExpiredTokensWhenFullThenAllOfThem() throws Exception {
        Instant t = Instant.parse("2026-12-02T10:00:00Z");
        AccessContext who = hs256.read(hs(doctor().build(), SECRET));
        VerifiedTokens kept = new VerifiedTokens(2);
        kept.keep("a", who, Instant.MIN, t.plusSeconds(1), t);
        kept.keep("b", who, Instant.MIN, t.plusSeconds(100), t);
        kept.keep("c", who, Instant.MIN, t.plusSeconds(100), t.plusSeconds(50));
        assertEquals(2, kept.size());
        assertNull(kept.find("a", t), "a, expired when c came, was dropped");
        assertSame(who, kept.find("b", t.plusSeconds(50)));
        kept.keep("d", who, Instant.MIN, t.plusSeconds(100), t.plusSeconds(60));
        assertEquals(1, kept.size(), "none had expired: all dropped, then d kept");
        assertSame(who, kept.find("d", t.plusSeconds(60)));
        assertThrows(IllegalArgumentException.class, () -> new VerifiedTokens(-1));
    }

    /** A clock the test moves. */
    private static final class MovingClock extends Clock {
        private Instant now;

        MovingClock(Instant now) {
            this.now = now;
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }

    private static KeyPair rsa() throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
        g.initialize(2048);
        return g.generateKeyPair();
    }
}
