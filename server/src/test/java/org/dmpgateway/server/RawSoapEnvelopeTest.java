package org.dmpgateway.server;

import org.apache.camel.ProducerTemplate;
import org.dmpgateway.server.support.TestRecord;
import org.dmpgateway.server.support.XdsClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openehealth.ipf.commons.ihe.xds.core.metadata.DocumentEntry;
import org.openehealth.ipf.commons.ihe.xds.core.requests.query.GetDocumentsQuery;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import static org.dmpgateway.server.support.SampleSubmissions.PATIENT_ACTIVATED;
import static org.dmpgateway.server.support.SampleSubmissions.newOid;
import static org.junit.jupiter.api.Assertions.*;

/**
 * Envelopes written by hand and posted with a plain HTTP client, as a software editor's own SOAP
 * stack would: a SOAP 1.2 ITI-41 carrying Dr DURANT's VIHF in its wsse:Security header is
 * accepted; malformed XML, external entities and entity expansion bombs are refused with a SOAP
 * fault, without leaking anything.
 */
@SpringBootTest(classes = DmpGatewayApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestPropertySource(properties = "spring.datasource.url=jdbc:h2:mem:raw-soap;DB_CLOSE_DELAY=-1")
@DirtiesContext
class RawSoapEnvelopeTest {
    private static final String SOAP12 = "application/soap+xml; charset=UTF-8; action=\"urn:ihe:iti:2007:ProvideAndRegisterDocumentSet-b\"";

    @LocalServerPort
    int port;

    @Autowired
    ProducerTemplate producer;

    @Value("${dmp.xds.repository-unique-id}")
    String repositoryUniqueId;

    HttpClient http;
    String endpoint;
    /** Reads back what the raw envelopes stored, as Dr DURANT in PATIENT_ACTIVATED's record. */
    XdsClient xds;

    @BeforeEach
    void setUp() {
        http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        endpoint = "http://localhost:" + port + "/services/iti41";
        xds = new XdsClient(producer, port).forPatient(PATIENT_ACTIVATED);
        TestRecord.seeded(port, PATIENT_ACTIVATED);
    }

    HttpResponse<String> post(String body) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(endpoint)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", SOAP12).POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    static String template() throws IOException {
        try (InputStream in = RawSoapEnvelopeTest.class.getResourceAsStream("/raw/iti41-soap12.xml")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void handWrittenSoap12ProvideAndRegisterIsAccepted() throws Exception {
        byte[] content = "Compte rendu envoyé par un client SOAP écrit à la main".getBytes(StandardCharsets.UTF_8);
        String docUid = newOid();
        String envelope = template().replace("${MESSAGE_ID}", UUID.randomUUID().toString())
                .replace("${ENDPOINT}", endpoint).replace("${INS}", PATIENT_ACTIVATED)
                .replace("${DOC_UNIQUE_ID}", docUid).replace("${SET_UNIQUE_ID}", newOid())
                .replace("${BASE64}", Base64.getEncoder().encodeToString(content));

        HttpResponse<String> response = post(envelope);

        assertEquals(200, response.statusCode(), response.body());
        assertTrue(response.body().contains("urn:oasis:names:tc:ebxml-regrep:ResponseStatusType:Success"), response.body());
        GetDocumentsQuery q = new GetDocumentsQuery();
        q.setUniqueIds(List.of(docUid));
        List<DocumentEntry> found = xds.query(q).getDocumentEntries();
        assertEquals(1, found.size());
        assertEquals((long) content.length, found.get(0).getSize());
        byte[] retrieved = xds.retrieve(repositoryUniqueId, docUid).getDocuments().get(0)
                .getDataHandler().getInputStream().readAllBytes();
        assertArrayEquals(content, retrieved);
    }

    @Test
    void aDocumentEntryWithoutItsContentIsRefusedAndNothingIsStored() throws Exception {
        String docUid = newOid();
        String envelope = template().replace("${MESSAGE_ID}", UUID.randomUUID().toString())
                .replace("${ENDPOINT}", endpoint).replace("${INS}", PATIENT_ACTIVATED)
                .replace("${DOC_UNIQUE_ID}", docUid).replace("${SET_UNIQUE_ID}", newOid())
                .replaceAll("<xdsb:Document id=\"Document01\">[^<]*</xdsb:Document>", "");

        HttpResponse<String> response = post(envelope);

        assertEquals(200, response.statusCode(), response.body());
        assertTrue(response.body().contains("ResponseStatusType:Failure"), response.body());
        assertTrue(response.body().contains("errorCode=\"XDSMissingDocument\""), response.body());
        GetDocumentsQuery q = new GetDocumentsQuery();
        q.setUniqueIds(List.of(docUid));
        assertTrue(xds.query(q).getDocumentEntries().isEmpty());
    }

    @Test
    void malformedXmlGetsASoapFault() throws Exception {
        HttpResponse<String> response = post("<s:Envelope xmlns:s=\"http://www.w3.org/2003/05/soap-envelope\"><s:Body><unclosed>");
        assertSoapFault(response);
    }

    @Test
    void externalEntitiesAreRefused() throws Exception {
        String xxe = "<?xml version=\"1.0\"?>\n<!DOCTYPE s:Envelope [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>\n"
                + template().substring(template().indexOf("<s:Envelope")).replace("${BASE64}", "&xxe;")
                .replace("${MESSAGE_ID}", UUID.randomUUID().toString()).replace("${ENDPOINT}", endpoint)
                .replace("${INS}", PATIENT_ACTIVATED).replace("${DOC_UNIQUE_ID}", newOid()).replace("${SET_UNIQUE_ID}", newOid());
        HttpResponse<String> response = post(xxe);
        assertSoapFault(response);
        assertFalse(response.body().contains("root:"), "the content of a local file leaked into the answer");
    }

    @Test
    void entityExpansionBombIsRefusedQuickly() throws Exception {
        StringBuilder dtd = new StringBuilder("<?xml version=\"1.0\"?>\n<!DOCTYPE lolz [<!ENTITY lol \"lol\">");
        dtd.append("<!ENTITY lol1 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">");
        for (int i = 2; i <= 9; i++) {
            dtd.append("<!ENTITY lol").append(i).append(" \"");
            dtd.append(("&lol" + (i - 1) + ";").repeat(10)).append("\">");
        }
        dtd.append("]>\n<s:Envelope xmlns:s=\"http://www.w3.org/2003/05/soap-envelope\"><s:Body><x>&lol9;</x></s:Body></s:Envelope>");
        HttpResponse<String> response = post(dtd.toString()); // bounded by the request timeout
        assertSoapFault(response);
        assertTrue(response.body().length() < 10_000, "the answer must not carry the expansion");
    }

    static void assertSoapFault(HttpResponse<String> response) {
        assertTrue(response.statusCode() == 400 || response.statusCode() == 500,
                "a SOAP fault comes with HTTP 400 or 500, got " + response.statusCode() + ": " + response.body());
        assertTrue(response.body().contains("Fault"), "expected a SOAP fault: " + response.body());
        assertFalse(response.body().contains("\tat "), "no stack trace in the answer: " + response.body());
    }
}
