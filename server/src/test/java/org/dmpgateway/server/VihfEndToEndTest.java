package org.dmpgateway.server;

import org.apache.camel.ProducerTemplate;
import org.dmpgateway.repository.RegistryRepository;
import org.dmpgateway.server.support.Vihf;
import org.dmpgateway.server.support.XdsClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openehealth.ipf.commons.ihe.xds.core.metadata.AvailabilityStatus;
import org.openehealth.ipf.commons.ihe.xds.core.requests.ProvideAndRegisterDocumentSet;
import org.openehealth.ipf.commons.ihe.xds.core.requests.query.FindDocumentsQuery;
import org.openehealth.ipf.commons.ihe.xds.core.responses.ErrorInfo;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static org.dmpgateway.server.support.XdsAnswers.refusedWith;
import static org.dmpgateway.server.support.SampleSubmissions.*;
import static org.junit.jupiter.api.Assertions.*;

/**
 * The VIHF over real SOAP, unsigned (the sandbox setting): a request without a VIHF, or with an
 * incomplete one, is refused by the adapter before the core sees it, whatever the access policy.
 * A wsse:Security header marked mustUnderstand reaches the route (no MustUnderstand fault).
 */
@SpringBootTest(classes = DmpGatewayApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestPropertySource(properties = "spring.datasource.url=jdbc:h2:mem:vihf-e2e;DB_CLOSE_DELAY=-1")
@DirtiesContext
class VihfEndToEndTest {
    @LocalServerPort
    int port;

    @Autowired
    ProducerTemplate producer;

    @Autowired
    RegistryRepository registry;

    @Value("${dmp.xds.repository-unique-id}")
    String repositoryUniqueId;

    XdsClient xds;

    @BeforeEach
    void client() {
        xds = new XdsClient(producer, port);
    }

    /** The one error of a failed answer, checked to be a DMP refusal with {@code dmpCode}. */

    void assertNotStored(ProvideAndRegisterDocumentSet pnr) {
        List<String> uids = List.of(pnr.getDocuments().get(0).getDocumentEntry().getUniqueId(),
                pnr.getSubmissionSet().getUniqueId());
        assertEquals(List.of(), registry.findUniqueIdUses(uids));
    }

    @Test
    void eachTransactionWithoutVihfIsRefusedAsIdentityMissing() {
        ProvideAndRegisterDocumentSet pnr = single(PATIENT_ACTIVATED, text("sans identité"));
        ErrorInfo e = refusedWith(xds.anonymous().submit(pnr), "IDENTITY_MISSING");
        assertEquals("IDENTITY_MISSING: the request carries no VIHF assertion in its WS-Security header", e.getCodeContext());
        assertNotStored(pnr);

        FindDocumentsQuery q = new FindDocumentsQuery();
        q.setPatientId(patient(PATIENT_ACTIVATED));
        q.setStatus(List.of(AvailabilityStatus.APPROVED));
        refusedWith(xds.anonymous().query(q), "IDENTITY_MISSING");

        refusedWith(xds.anonymous().retrieve(repositoryUniqueId, newOid()), "IDENTITY_MISSING");
    }

    @Test
    void aVihfWithoutSubjectIdIsRefusedNamingTheAttribute() {
        Vihf nameless = Vihf.doctor(PATIENT_ACTIVATED).as(Vihf.DURANT, null, Vihf.MEDECIN, Vihf.MEDECINE_GENERALE);
        ProvideAndRegisterDocumentSet pnr = single(PATIENT_ACTIVATED, text("identité incomplète"));
        ErrorInfo e = refusedWith(xds.as(nameless).submit(pnr), "IDENTITY_INVALID");
        assertTrue(e.getCodeContext().contains("urn:oasis:names:tc:xspa:1.0:subject:subject-id"), e.getCodeContext());
        assertNotStored(pnr);
    }

    // ------------------------------------------------------------------ hand-written envelopes

    HttpResponse<String> postRaw(String envelope) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/services/iti41"))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/soap+xml; charset=UTF-8; action=\"urn:ihe:iti:2007:ProvideAndRegisterDocumentSet-b\"")
                .POST(HttpRequest.BodyPublishers.ofString(envelope, StandardCharsets.UTF_8)).build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    }

    String rawEnvelope() throws Exception {
        return RawSoapEnvelopeTest.template().replace("${MESSAGE_ID}", UUID.randomUUID().toString())
                .replace("${ENDPOINT}", "http://localhost:" + port + "/services/iti41").replace("${INS}", PATIENT_ACTIVATED)
                .replace("${DOC_UNIQUE_ID}", newOid()).replace("${SET_UNIQUE_ID}", newOid()).replace("${BASE64}", "QUJD");
    }

    @Test
    void aSecurityHeaderMarkedMustUnderstandIsReadByTheRoute() throws Exception {
        String envelope = rawEnvelope()
                .replace("<wsse:Security xmlns:wsse", "<wsse:Security s:mustUnderstand=\"1\" xmlns:wsse")
                .replace("<PurposeOfUse xmlns=\"urn:hl7-org:v3\" code=\"normal\"", "<PurposeOfUse xmlns=\"urn:hl7-org:v3\" code=\"urgence\"");
        HttpResponse<String> response = postRaw(envelope);
        assertEquals(200, response.statusCode(), response.body());
        assertFalse(response.body().contains("MustUnderstand"), response.body());
        assertTrue(response.body().contains("IDENTITY_INVALID: the attribute urn:oasis:names:tc:xspa:1.0:subject:purposeofuse has the code 'urgence'"),
                response.body());
    }

    @Test
    void twoSecurityHeadersAreRefused() throws Exception {
        String envelope = rawEnvelope();
        java.util.regex.Matcher security = java.util.regex.Pattern.compile("(?s)<wsse:Security.*</wsse:Security>")
                .matcher(envelope);
        assertTrue(security.find());
        String another = security.group().replace("<saml2:NameID Format=\"urn:oasis:names:tc:SAML:1.1:nameid-format:unspecified\">810002345678<",
                "<saml2:NameID Format=\"urn:oasis:names:tc:SAML:1.1:nameid-format:unspecified\">810009999999<");
        HttpResponse<String> response = postRaw(envelope.replace(security.group(), security.group() + another));
        assertEquals(200, response.statusCode(), response.body());
        assertTrue(response.body().contains("IDENTITY_INVALID: the request carries 2 wsse:Security headers"),
                response.body());
        assertTrue(response.body().contains("ResponseStatusType:Failure"), response.body());
    }

    @Test
    void aHandWrittenEnvelopeWithoutSecurityHeaderIsRefused() throws Exception {
        String envelope = rawEnvelope().replaceAll("(?s)<wsse:Security.*</wsse:Security>", "");
        HttpResponse<String> response = postRaw(envelope);
        assertEquals(200, response.statusCode(), response.body());
        assertTrue(response.body().contains("IDENTITY_MISSING: the request carries no VIHF assertion in its WS-Security header"),
                response.body());
    }

    // ------------------------------------------------------------------ REST (TD0.2, TD0.3)

    @Test
    void theRestEndpointsAreServedAndRefuseARequestWithoutVihf() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/dmp/status")).timeout(Duration.ofSeconds(30))
                        .header("Authorization", "Bearer not-a-vihf").GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(401, response.statusCode(), response.body());
        assertEquals("IHE-SAML", response.headers().firstValue("WWW-Authenticate").orElse(null));
        assertTrue(response.body().startsWith("{\"code\":\"IDENTITY_MISSING\",\"message\":"), response.body());
    }
}
