package org.dmpgateway.server;

import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import org.dmpgateway.model.PatientRecordState;
import org.dmpgateway.server.support.AdminClient;
import org.dmpgateway.server.support.FhirClient;
import org.dmpgateway.server.support.FhirToken;
import org.dmpgateway.server.support.SampleSubmissions;
import org.dmpgateway.server.support.TestPatients;
import org.dmpgateway.server.support.Vihf;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Patient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The FHIR endpoint outside sandbox mode: {@code dmp.fhir.token.algorithm=RS256} with the public key
 * of a token issuer (a PEM file) and an expected issuer. A token that issuer signed is read; one
 * signed by another key, one with another issuer, and an HS256 token made with the sandbox secret
 * are refused 401.
 */
@SpringBootTest(classes = DmpGatewayApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.datasource.url=jdbc:h2:mem:fhir-rs256;DB_CLOSE_DELAY=-1")
@DirtiesContext
class FhirRs256TokenEndToEndTest {
    static final String ISSUER = "https://idp.example.test";
    static final KeyPair ISSUER_KEYS = rsa();
    static Path publicKeyFile;

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void rs256(DynamicPropertyRegistry registry) throws IOException {
        publicKeyFile = Files.createTempFile("idp-", ".pem");
        Files.writeString(publicKeyFile, "-----BEGIN PUBLIC KEY-----\n"
                + Base64.getMimeEncoder().encodeToString(ISSUER_KEYS.getPublic().getEncoded())
                + "\n-----END PUBLIC KEY-----\n");
        registry.add("dmp.fhir.token.algorithm", () -> "RS256");
        registry.add("dmp.fhir.token.public-keys", () -> "file:" + publicKeyFile);
        registry.add("dmp.fhir.token.issuer", () -> ISSUER);
    }

    @AfterAll
    static void removeKeyFile() throws IOException {
        Files.deleteIfExists(publicKeyFile);
    }

    @Test
    void onlyTokensOfTheConfiguredIssuerAreRead() {
        String ins = TestPatients.newIns();
        new AdminClient(port).createPatient(ins, PatientRecordState.ACTIVATED);
        Vihf durant = Vihf.doctor(ins);

        Bundle found = search(FhirToken.rs256(FhirToken.claims(durant).issuer(ISSUER).build(), ISSUER_KEYS.getPrivate()), ins);
        assertEquals(ins, ((Patient) found.getEntryFirstRep().getResource()).getIdentifierFirstRep().getValue());

        String otherKey = FhirToken.rs256(FhirToken.claims(durant).issuer(ISSUER).build(), rsa().getPrivate());
        String otherIssuer = FhirToken.rs256(FhirToken.claims(durant).issuer("https://evil.example").build(),
                ISSUER_KEYS.getPrivate());
        String sandbox = FhirToken.of(durant);
        for (String token : new String[]{otherKey, otherIssuer, sandbox}) {
            BaseServerResponseException e = assertThrows(BaseServerResponseException.class, () -> search(token, ins));
            assertEquals(401, e.getStatusCode(), e.getMessage());
            assertTrue(e.getMessage().contains("IDENTITY_UNTRUSTED") || e.getResponseBody().contains("IDENTITY_UNTRUSTED"),
                    e.getMessage());
        }
    }

    Bundle search(String token, String ins) {
        return FhirClient.withToken(port, token).search().forResource(Patient.class)
                .where(Patient.IDENTIFIER.exactly().systemAndCode("urn:oid:" + SampleSubmissions.INS_OID, ins))
                .returnBundle(Bundle.class).execute();
    }

    static KeyPair rsa() {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
            g.initialize(2048);
            return g.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
