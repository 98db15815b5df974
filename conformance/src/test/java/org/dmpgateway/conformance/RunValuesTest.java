package org.dmpgateway.conformance;

import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.*;

class RunValuesTest {
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-23T10:15:30Z"), ZoneOffset.UTC);

    @Test
    void theInsIsFifteenDigitsWithTheKeyTheServerChecks() {
        Random random = new Random(42);
        for (int i = 0; i < 1000; i++) {
            String ins = TestIns.next(random);
            assertTrue(ins.matches("[12][0-9]{14}"), ins);
            long thirteen = Long.parseLong(ins.substring(0, 13));
            assertEquals(97 - thirteen % 97, Long.parseLong(ins.substring(13)), ins);
        }
        assertEquals("89", TestIns.key("2790351215189"), "the seeded patient DUPONT Marie, 279035121518989");
    }

    @Test
    void aPlaceholderHasOneValuePerRunAndFreshValuesInTheNextRun(@TempDir Path folder) {
        RunValues run = new RunValues(folder, RunnerOptions.parse(), CLOCK);
        String text = run.fill("${INS} ${INS} ${UID_DOC} ${UID_DOC} ${UUID_A} ${UUID_A} ${INS2}", "http://x/services/iti41");
        String[] v = text.split(" ");
        assertEquals(v[0], v[1]);
        assertEquals(v[2], v[3]);
        assertEquals(v[4], v[5]);
        assertNotEquals(v[0], v[6], "INS2 is another patient");
        assertTrue(v[2].startsWith("2.25.") && new BigInteger(v[2].substring(5)).bitLength() <= 128, v[2]);
        assertTrue(v[4].matches("[0-9a-f-]{36}"), v[4]);
        RunValues next = new RunValues(folder, RunnerOptions.parse(), CLOCK);
        assertNotEquals(v[0], next.fill("${INS}", null));
        assertNotEquals(v[2], next.fill("${UID_DOC}", null));
        assertEquals("http://x/services/iti41 20261123101530 1.2.250.1.213.1.4.10",
                run.fill("${ENDPOINT} ${NOW} ${INS_OID}", "http://x/services/iti41"));
        String[] ids = run.fill("${MESSAGE_ID} ${MESSAGE_ID}", null).split(" ");
        assertEquals(ids[0], ids[1], "one MessageID in every part of a request");
        run.newRequest();
        assertNotEquals(ids[0], run.fill("${MESSAGE_ID}", null), "a new MessageID for the next request");
    }

    @Test
    void aCapturedValueFillsItsPlaceholderOnceCaptured(@TempDir Path folder) {
        RunValues run = new RunValues(folder, RunnerOptions.parse(), CLOCK);
        IllegalArgumentException none = assertThrows(IllegalArgumentException.class,
                () -> run.fill("<id>${CAPTURED_entry}</id>", null));
        assertTrue(none.getMessage().contains("no earlier step captured entry"), none.getMessage());
        run.capture("entry", "urn:uuid:5c1f0c8e-52a4-4e0c-9d61-1f0b2a3c4d5e");
        assertEquals("<id>urn:uuid:5c1f0c8e-52a4-4e0c-9d61-1f0b2a3c4d5e</id>", run.fill("<id>${CAPTURED_entry}</id>", null));
        assertDoesNotThrow(() -> RunValues.checkKnown("${CAPTURED_entry}", "x"));
    }

    @Test
    void unknownPlaceholdersAreNamed() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> RunValues.checkKnown("<a>${DOC_UNIQUE_ID}</a>", "xds-x iti41.xml"));
        assertTrue(e.getMessage().contains("${DOC_UNIQUE_ID}") && e.getMessage().contains("xds-x iti41.xml"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> RunValues.checkKnown("${TOKEN}", "x"), "TOKEN names its claims file");
        RunValues.checkKnown("${INS} ${INS3} ${UID_X} ${UUID_Y} ${TOKEN:a.token.json} ${REPOSITORY_ID}", "x");
    }

    @Test
    void theTokenCarriesTheClaimsOfItsFileSignedWithTheSandboxSecret(@TempDir Path folder) throws Exception {
        Files.writeString(folder.resolve("durant.token.json"),
                "{\"sub\":\"810002345678\",\"resource_id\":\"${INS}^^^&1.2.250.1.213.1.4.10&ISO^NH\",\"purpose_of_use\":\"normal\"}",
                StandardCharsets.UTF_8);
        RunValues run = new RunValues(folder, RunnerOptions.parse(), CLOCK);

        SignedJWT jwt = SignedJWT.parse(run.fill("${TOKEN:durant.token.json}", null));

        assertTrue(jwt.verify(new MACVerifier(SandboxToken.DEFAULT_SECRET.getBytes(StandardCharsets.UTF_8))));
        assertEquals("810002345678", jwt.getJWTClaimsSet().getSubject());
        assertEquals(run.ins() + "^^^&1.2.250.1.213.1.4.10&ISO^NH", jwt.getJWTClaimsSet().getStringClaim("resource_id"));
        assertEquals(CLOCK.instant().plusSeconds(3600), jwt.getJWTClaimsSet().getExpirationTime().toInstant());
        assertThrows(IllegalArgumentException.class, () -> run.fill("${TOKEN:missing.json}", null));
    }

    @Test
    void base64EncodesAFileWithItsPlaceholdersFilledAndTheControlIdIsFreshPerRequest(@TempDir Path folder) throws Exception {
        Files.writeString(folder.resolve("cda.xml"), "<id extension=\"${INS}\"/>", StandardCharsets.UTF_8);
        RunValues run = new RunValues(folder, RunnerOptions.parse(), CLOCK);

        String encoded = run.fill("OBX|1|ED|||^text^XML^Base64^${BASE64:cda.xml}", null);

        String cda = new String(java.util.Base64.getDecoder().decode(encoded.substring(encoded.lastIndexOf('^') + 1)),
                StandardCharsets.UTF_8);
        assertEquals("<id extension=\"" + run.fill("${INS}", null) + "\"/>", cda);
        String first = run.fill("${CONTROL_ID}", null);
        assertEquals(first, run.fill("${CONTROL_ID}", null), "one control id in a request");
        assertEquals(20, first.length(), "MSH-10 is 20 characters at most");
        run.newRequest();
        assertNotEquals(first, run.fill("${CONTROL_ID}", null), "a fresh one in the next request");
        assertThrows(IllegalArgumentException.class, () -> run.fill("${BASE64:missing.xml}", null));
        RunValues.checkKnown("${BASE64:cda.xml} ${CONTROL_ID}", "here");
        assertThrows(IllegalArgumentException.class, () -> RunValues.checkKnown("${BASE64}", "here"));
    }
}
