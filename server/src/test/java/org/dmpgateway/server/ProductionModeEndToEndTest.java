package org.dmpgateway.server;

import org.dmpgateway.model.PatientRef;
import org.dmpgateway.repository.PatientRecordRepository;
import org.dmpgateway.server.support.FhirAnswerValidator;
import org.dmpgateway.server.support.FhirToken;
import org.dmpgateway.server.support.SampleSubmissions;
import org.dmpgateway.server.support.TestKeys;
import org.dmpgateway.server.support.TestPatients;
import org.dmpgateway.server.support.Vihf;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The server in production mode ({@code dmp.sandbox=false}) with a configuration of its own (a FHIR
 * secret, a VIHF trust store, a management token; no admin token), over plain HTTP: /admin is off,
 * even for the documented sandbox token; only /actuator/health is public; a FHIR token minted with
 * the documented sandbox secret and an unsigned VIHF are refused; the bundled test patients are not
 * loaded.
 */
@SpringBootTest(classes = DmpGatewayApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"dmp.sandbox=false",
                "spring.datasource.url=jdbc:h2:mem:production-mode-e2e;DB_CLOSE_DELAY=-1",
                "dmp.fhir.token.secret=" + ProductionModeEndToEndTest.FHIR_SECRET,
                "dmp.vihf.trust-store=" + TestKeys.TRUST_STORE, "dmp.vihf.trust-store-password=" + TestKeys.PASSWORD,
                "dmp.management.token=" + ProductionModeEndToEndTest.MANAGEMENT_TOKEN})
@DirtiesContext
class ProductionModeEndToEndTest {
    static final String FHIR_SECRET = "a-production-secret-of-this-test-only-0123456789";
    static final String MANAGEMENT_TOKEN = "management-token-of-this-test";

    @LocalServerPort
    int port;

    @Autowired
    PatientRecordRepository records;

    final HttpClient http = HttpClient.newHttpClient();

    @Test
    void theBundledTestPatientsAreASandboxsOnly() {
        // patients-sample.json: a sample patient and the official DMP test patient
        for (String ins : new String[] {"279035121518989", "207058575627097"}) {
            assertTrue(records.findPatient(new PatientRef(ins, SampleSubmissions.INS_OID)).isEmpty(),
                    "test patient " + ins + " loaded outside a sandbox");
        }
    }

    HttpResponse<String> get(String path, String authorization) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET();
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return FhirAnswerValidator.assertValid(http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8)));
    }

    @Test
    void adminIsOffWithoutATokenOfItsOwn() throws Exception {
        String path = "/admin/patients/" + SampleSubmissions.INS_OID + "/" + TestPatients.newIns();
        for (String authorization : new String[] {"Bearer sandbox-admin-token", null}) {
            HttpResponse<String> r = get(path, authorization);
            assertEquals(403, r.statusCode(), r.body());
            assertTrue(r.body().contains("ADMIN_DISABLED"), r.body());
        }
    }

    @Test
    void onlyHealthIsPublic() throws Exception {
        HttpResponse<String> health = get("/actuator/health", null);
        assertEquals(200, health.statusCode(), health.body());
        assertTrue(health.body().contains("UP"), health.body());
        for (String path : new String[] {"/actuator/metrics", "/actuator/metrics/jvm.memory.used", "/actuator/info",
                "/actuator"}) {
            HttpResponse<String> anonymous = get(path, null);
            assertEquals(401, anonymous.statusCode(), path + ": " + anonymous.body());
            assertTrue(anonymous.body().contains("MANAGEMENT_UNAUTHORIZED"), anonymous.body());
            assertEquals(401, get(path, "Bearer sandbox-admin-token").statusCode(), path);
        }
        HttpResponse<String> metrics = get("/actuator/metrics/jvm.memory.used", "Bearer " + MANAGEMENT_TOKEN);
        assertEquals(200, metrics.statusCode(), metrics.body());
        assertTrue(metrics.body().contains("jvm.memory.used"), metrics.body());
    }

    @Test
    void aTokenMintedWithTheDocumentedSecretIsRefused() throws Exception {
        Vihf durant = Vihf.doctor(TestPatients.newIns());
        String search = "/fhir/DocumentReference?patient.identifier=" + URLEncoder.encode("urn:oid:"
                + SampleSubmissions.INS_OID + "|" + durant.patientIns(), StandardCharsets.UTF_8);
        HttpResponse<String> forged = get(search, "Bearer " + FhirToken.of(durant));
        assertEquals(401, forged.statusCode(), forged.body());
        assertTrue(forged.body().contains("IDENTITY_UNTRUSTED"), forged.body());
        HttpResponse<String> own = get(search, "Bearer " + FhirToken.hs256(FhirToken.claims(durant).build(), FHIR_SECRET));
        assertNotEquals(401, own.statusCode(), "a token signed with the configured secret is read: " + own.body());
    }

    @Test
    void anUnsignedVihfIsRefused() throws Exception {
        Vihf durant = Vihf.doctor(TestPatients.newIns());
        HttpResponse<String> r = get("/dmp/status", durant.authorizationHeader());
        assertTrue(r.statusCode() == 401 || r.statusCode() == 403, r.statusCode() + " " + r.body());
        assertTrue(r.body().contains("IDENTITY_UNTRUSTED"), r.body());
    }
}
