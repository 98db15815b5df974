package org.dmpgateway.identity;

import org.dmpgateway.config.DmpProperties;
import org.dmpgateway.model.error.DmpErrorCode;
import org.dmpgateway.model.error.DmpException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.core.io.DefaultResourceLoader;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;

import static org.dmpgateway.identity.VihfFixture.*;
import static org.junit.jupiter.api.Assertions.*;

/**
 * dmp.vihf.require-signature=true: only assertions signed (enveloped XML-DSig) by a trust-store
 * certificate, or by one it issued, are read. Keys and certificates are made by keytool at test
 * time ({@link TestPki}).
 */
class VihfSignatureTest {
    /** Inside the Conditions of vihf/durant.xml (10:14 to 12:15 on 2025-11-23). */
    static final Clock DURING = Clock.fixed(Instant.parse("2025-11-23T10:30:00Z"), ZoneOffset.UTC);

    @TempDir
    static Path dir;

    static TestPki.Signer structure;
    static TestPki.Signer issuedByCa;
    static TestPki.Signer intruder;
    static KeyStore trustStore;

    @BeforeAll
    static void makeKeys() throws Exception {
        TestPki pki = new TestPki(dir);
        structure = pki.selfSigned("structure", "CN=CABINET MEDICAL DR DURANT,OU=1750100125,O=DMP Gateway tests,C=FR");
        issuedByCa = pki.issuedBy("test-ca", "clinic", "CN=CLINIQUE DES TESTS,O=DMP Gateway tests,C=FR");
        intruder = pki.selfSigned("intruder", "CN=CABINET MEDICAL DR DURANT,OU=1750100125,O=DMP Gateway tests,C=FR");
        trustStore = TestPki.trustStoreOf(structure.certificate(), issuedByCa.chain().get(1));
    }

    static VihfReader signedOnly() {
        return new VihfReader(true, trustStore, DURING);
    }

    static Element signed(TestPki.Signer signer) {
        return sign(assertion(durant()), signer.key(), signer.certificate());
    }

    static DmpException untrusted(Element assertion) {
        DmpException e = assertThrows(DmpException.class, () -> signedOnly().read(assertion));
        assertEquals(DmpErrorCode.IDENTITY_UNTRUSTED, e.code(), e::getMessage);
        return e;
    }

    @Test
    void anAssertionSignedByATrustedCertificateIsRead() {
        assertEquals("810002345678", signedOnly().read(signed(structure)).actorId());
    }

    @Test
    void anAssertionSignedByACertificateIssuedByATrustedOneIsRead() {
        assertEquals(2, issuedByCa.chain().size(), "the clinic's certificate is issued by the test CA");
        assertEquals("810002345678", signedOnly().read(signed(issuedByCa)).actorId());
    }

    @Test
    void theSignatureSurvivesSerialisationAndTheBase64Route() {
        String xml = toXml(signed(structure).getOwnerDocument());
        String b64 = Base64.getEncoder().encodeToString(xml.getBytes(StandardCharsets.UTF_8));
        assertEquals("279035121518989", signedOnly().readBase64(b64).patient().id());
    }

    @Test
    void anUnsignedAssertionIsRefused() {
        DmpException e = untrusted(assertion(durant()));
        assertTrue(e.getMessage().contains("not signed"), e.getMessage());
    }

    @Test
    void anAssertionSignedByAnUntrustedKeyIsRefused() {
        DmpException e = untrusted(signed(intruder));
        assertTrue(e.getMessage().contains("neither in the VIHF trust store nor issued by one of its certificates"),
                e.getMessage());
    }

    @Test
    void anAssertionChangedAfterSigningIsRefused() {
        Element assertion = signed(structure);
        withText(assertion.getOwnerDocument(), VihfNames.RESOURCE_ID, "124018852493334^^^&1.2.250.1.213.1.4.10&ISO^NH");
        DmpException e = untrusted(assertion);
        assertTrue(e.getMessage().contains("modified after it was signed"), e.getMessage());
    }

    @Test
    void aTrustedCertificateCannotVouchForAnotherKey() {
        Element assertion = sign(assertion(durant()), intruder.key(), structure.certificate());
        DmpException e = untrusted(assertion);
        assertTrue(e.getMessage().contains("signature value does not match"), e.getMessage());
    }

    @Test
    void aSignatureThatDoesNotReferToTheAssertionIsRefused() {
        Element assertion = sign(assertion(durant()), structure.key(), structure.certificate(), "");
        DmpException e = untrusted(assertion);
        assertTrue(e.getMessage().contains("not to the assertion"), e.getMessage());
    }

    @Test
    void anExpiredAssertionIsRefused() {
        VihfReader later = new VihfReader(true, trustStore, Clock.fixed(Instant.parse("2025-11-23T12:30:00Z"), ZoneOffset.UTC));
        DmpException e = assertThrows(DmpException.class, () -> later.read(signed(structure)));
        assertEquals(DmpErrorCode.IDENTITY_UNTRUSTED, e.code());
        assertTrue(e.getMessage().contains("expired"), e.getMessage());
    }

    @Test
    void withoutRequiredSignaturesASignatureIsNotChecked() {
        Element tampered = signed(intruder);
        Document d = tampered.getOwnerDocument();
        withText(d, VihfNames.SUBJECT_ID, "DURANT, R.");
        assertEquals("DURANT, R.", VihfReader.unsigned().read(tampered).actorName());
    }

    // ------------------------------------------------------------------ configuration

    @Test
    void requiredSignaturesWithoutATrustStoreStopTheStart() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> configured("", ""));
        assertTrue(e.getMessage().contains("dmp.vihf.require-signature is true but no dmp.vihf.trust-store"), e.getMessage());
    }

    @Test
    void theTrustStoreIsLoadedFromASpringResourceLocation() throws Exception {
        Path file = new TestPki(dir).trustStore("trust", structure.certificate());
        VihfReader reader = configured(file.toUri().toString(), TestPki.PASSWORD);
        assertTrue(reader.requiresSignature());
        DmpException e = assertThrows(DmpException.class, () -> reader.read(assertion(durant())));
        assertEquals(DmpErrorCode.IDENTITY_UNTRUSTED, e.code());

        IllegalStateException wrongPassword = assertThrows(IllegalStateException.class,
                () -> configured(file.toUri().toString(), "wrong"));
        assertTrue(wrongPassword.getMessage().contains("cannot be loaded"), wrongPassword.getMessage());
        IllegalStateException absent = assertThrows(IllegalStateException.class,
                () -> configured("file:/nonexistent/vihf.p12", "x"));
        assertTrue(absent.getMessage().contains("does not exist"), absent.getMessage());
    }

    @Test
    void anEmptyTrustStoreIsAConfigurationError() throws Exception {
        assertThrows(IllegalStateException.class, () -> new VihfReader(true, TestPki.trustStoreOf()));
    }

    private static VihfReader configured(String trustStore, String password) {
        return VihfReader.configured(new DmpProperties.Vihf(true, trustStore, password, "PKCS12"),
                new DefaultResourceLoader());
    }
}
