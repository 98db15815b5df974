package org.dmpgateway.server;

import org.apache.camel.ProducerTemplate;
import org.dmpgateway.server.support.TestRecord;
import org.dmpgateway.server.support.FhirAnswerValidator;
import org.dmpgateway.server.support.FhirClient;
import org.dmpgateway.server.support.FhirToken;
import org.dmpgateway.server.support.FhirWriteSamples;
import org.dmpgateway.server.support.Vihf;
import org.dmpgateway.server.support.XdsClient;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openehealth.ipf.commons.ihe.xds.core.metadata.AssociationLabel;
import org.openehealth.ipf.commons.ihe.xds.core.metadata.AvailabilityStatus;
import org.openehealth.ipf.commons.ihe.xds.core.metadata.Document;
import org.openehealth.ipf.commons.ihe.xds.core.requests.ProvideAndRegisterDocumentSet;
import org.openehealth.ipf.commons.ihe.xds.core.requests.query.FindDocumentsQuery;
import org.openehealth.ipf.commons.ihe.xds.core.requests.query.GetDocumentsQuery;
import org.openehealth.ipf.commons.ihe.xds.core.responses.ErrorCode;
import org.openehealth.ipf.commons.ihe.xds.core.responses.ErrorInfo;
import org.openehealth.ipf.commons.ihe.xds.core.responses.QueryResponse;
import org.openehealth.ipf.commons.ihe.xds.core.responses.Response;
import org.openehealth.ipf.commons.ihe.xds.core.responses.RetrievedDocumentSet;
import org.openehealth.ipf.commons.ihe.xds.core.responses.Status;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import static org.dmpgateway.server.support.SampleSubmissions.*;
import static org.junit.jupiter.api.Assertions.*;

/**
 * Hostile input against the running server (issue 13): requests above each configured limit,
 * requests cheap to send and costly to serve, malformed values and wrong content types. Each is
 * refused early with an answer naming the limit or the parameter (an XDS error or a SOAP fault on
 * /services, an OperationOutcome on /fhir), never a 500; nothing is stored; and after each the server
 * still answers a normal ITI-18 and says it is healthy.
 * <p>
 * The limits are set small here (1 MB per request, 256 KB per document...) so that the test sends
 * megabytes, not the hundreds of megabytes of the attacks they stand for.
 */
@SpringBootTest(classes = DmpGatewayApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestPropertySource(properties = {"spring.datasource.url=jdbc:h2:mem:hostile-input;DB_CLOSE_DELAY=-1",
        "dmp.sandbox=true",
        "dmp.limits.request-bytes=1MB",
        "dmp.limits.document-bytes=256KB",
        "dmp.limits.retrieve-documents=5",
        "dmp.limits.retrieve-bytes=600KB",
        "dmp.limits.bundle-entries=50"})
@DirtiesContext
@ExtendWith(OutputCaptureExtension.class)
class HostileInputTest {
    private static final String SOAP12 = "application/soap+xml; charset=UTF-8; action=\"urn:ihe:iti:2007:ProvideAndRegisterDocumentSet-b\"";
    private static final String FHIR_JSON = "application/fhir+json";

    @LocalServerPort
    int port;

    @Autowired
    ProducerTemplate producer;

    @Value("${dmp.xds.repository-unique-id}")
    String repositoryUniqueId;

    HttpClient http;
    XdsClient xds;
    String token;

    @BeforeEach
    void setUp() {
        http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        TestRecord.seeded(port, PATIENT_ACTIVATED);
        xds = new XdsClient(producer, port).forPatient(PATIENT_ACTIVATED);
        token = FhirToken.of(Vihf.doctor(PATIENT_ACTIVATED));
    }

    /** After every hostile request: a normal ITI-18 is answered, and health says UP. */
    @AfterEach
    void serverStillServes() throws Exception {
        FindDocumentsQuery q = new FindDocumentsQuery();
        q.setPatientId(patient(PATIENT_ACTIVATED));
        q.setStatus(List.of(AvailabilityStatus.APPROVED));
        QueryResponse answer = xds.query(q);
        assertEquals(Status.SUCCESS, answer.getStatus(), "ITI-18 after the hostile request: " + answer.getErrors());
        HttpResponse<String> health = http.send(HttpRequest.newBuilder(URI.create(base() + "/actuator/health")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, health.statusCode(), health.body());
        assertTrue(health.body().contains("\"UP\""), health.body());
    }

    // ------------------------------------------------------------------ item 1: limits

    @Test
    void anMtomProvideAndRegisterAboveTheRequestLimitIsRefusedAndNothingIsStored() {
        String docUid = newOid();
        var request = single(PATIENT_ACTIVATED, random(1536 * 1024)); // 1.5 MB: the CXF client streams it chunked
        request.getDocuments().get(0).getDocumentEntry().setUniqueId(docUid);

        String refusal = refusalOf(request);
        // the content is streamed into the database and counted as it goes: the document's own limit
        // (256 KB here) is passed before the request's (1 MB), and whichever stops the read refuses it
        assertTrue(refusal.contains("LIMIT_EXCEEDED") && (refusal.contains("dmp.limits.request-bytes")
                || refusal.contains("dmp.limits.document-bytes")), refusal);
        assertNothingStored(docUid);
    }

    @Test
    void aRawSoapRequestWhoseContentLengthIsAboveTheLimitIsRefused413BeforeItIsRead() throws Exception {
        String envelope = "<s:Envelope xmlns:s=\"http://www.w3.org/2003/05/soap-envelope\"><s:Body><x>"
                + "a".repeat(1536 * 1024) + "</x></s:Body></s:Envelope>";
        HttpResponse<String> response = post("/services/iti41", SOAP12, envelope);
        assertEquals(413, response.statusCode(), response.body());
        assertTrue(response.body().contains("Fault") && response.body().contains("Sender"), response.body());
        assertTrue(response.body().contains("dmp.limits.request-bytes"), response.body());
    }

    @Test
    void aDocumentAboveTheDocumentLimitIsRefusedWithAnXdsErrorNamingTheLimit() {
        String docUid = newOid();
        var request = single(PATIENT_ACTIVATED, random(300 * 1024)); // under 1 MB per request, over 256 KB per document
        request.getDocuments().get(0).getDocumentEntry().setUniqueId(docUid);

        Response response = xds.submit(request);

        assertEquals(Status.FAILURE, response.getStatus());
        ErrorInfo error = response.getErrors().get(0);
        assertEquals(ErrorCode.REPOSITORY_ERROR, error.getErrorCode());
        assertTrue(error.getCodeContext().startsWith("LIMIT_EXCEEDED: "), error.getCodeContext());
        assertTrue(error.getCodeContext().contains("dmp.limits.document-bytes"), error.getCodeContext());
        assertNothingStored(docUid);
    }

    @Test
    void aFhirBundleAboveTheRequestLimitIsRefused413WithAnOperationOutcome() throws Exception {
        byte[] big = random(900 * 1024); // base64: 1.2 MB of JSON
        String bundle = FhirClient.context().newJsonParser().encodeResourceToString(FhirWriteSamples.provideBundle(
                PATIENT_ACTIVATED, Vihf.doctor(PATIENT_ACTIVATED),
                FhirWriteSamples.document(PATIENT_ACTIVATED, Vihf.doctor(PATIENT_ACTIVATED), newOid(), "Trop gros"), big));

        HttpResponse<String> declared = post("/fhir", FHIR_JSON, bundle); // with its Content-Length
        assertLimitOutcome(declared, "dmp.limits.request-bytes");

        HttpRequest chunked = HttpRequest.newBuilder(URI.create(base() + "/fhir")).timeout(Duration.ofSeconds(60))
                .header("Content-Type", FHIR_JSON).header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.ofInputStream(
                        () -> new ByteArrayInputStream(bundle.getBytes(StandardCharsets.UTF_8)))).build();
        assertLimitOutcome(http.send(chunked, HttpResponse.BodyHandlers.ofString()), "dmp.limits.request-bytes");
    }

    @Test
    void aBundleWithMoreEntriesThanTheLimitIsRefused413NamingTheLimitAndStoresNothing() throws Exception {
        // 100,000 empty entries: 300 KB of request, under dmp.limits.request-bytes (200,000 took 68 s
        // before the limit existed); what it costs is the benchmark's business, not this test's
        int before = documentsOf(PATIENT_ACTIVATED);
        String bundle = "{\"resourceType\":\"Bundle\",\"type\":\"transaction\",\"entry\":["
                + String.join(",", java.util.Collections.nCopies(100_000, "{}")) + "]}";

        HttpResponse<String> response = post("/fhir", FHIR_JSON, bundle);

        assertLimitOutcome(response, "dmp.limits.bundle-entries");
        assertTrue(response.body().contains("100000 entries"), "the refusal counts the entries: " + response.body());
        assertEquals(before, documentsOf(PATIENT_ACTIVATED), "nothing of the refused Bundle is stored");
    }

    @Test
    void aChunkedMtomSubmissionAboveTheRequestLimitWhoseDocumentsAreEachUnderTheirLimitIsRefusedNamingRequestBytes() {
        // five documents of 240 KB: each under dmp.limits.document-bytes (256 KB), 1.2 MB in all, over
        // dmp.limits.request-bytes (1 MB); the CXF client streams the MTOM request chunked (no Content-Length),
        // so the request's limit is passed while the server reads the fourth or fifth document
        int before = documentsOf(PATIENT_ACTIVATED);
        var request = new ProvideAndRegisterDocumentSet();
        request.setSubmissionSet(submissionSet(PATIENT_ACTIVATED));
        List<String> uniqueIds = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            var entry = entry("Document0" + i, PATIENT_ACTIVATED, CLASS_CR, TYPE_CR_CONSULTATION, FORMAT_TEXT, "text/plain",
                    "20251120093000");
            uniqueIds.add(entry.getUniqueId());
            request.getDocuments().add(new Document(entry,
                    content(random(240 * 1024 + i), "text/plain")));
            request.getAssociations().add(hasMember("Assoc0" + i, "SubmissionSet01", "Document0" + i,
                    AssociationLabel.ORIGINAL));
        }

        String refusal = refusalOf(request);

        assertTrue(refusal.contains("LIMIT_EXCEEDED") && refusal.contains("dmp.limits.request-bytes"), refusal);
        assertFalse(refusal.contains("dmp.limits.document-bytes"), "no document is over its own limit: " + refusal);
        uniqueIds.forEach(this::assertNothingStored);
        assertEquals(before, documentsOf(PATIENT_ACTIVATED), "no document of the refused submission is stored");
    }

    @Test
    void aRetrieveNamingOneDocumentManyTimesServesItOnce() {
        String docUid = submitted(text("Compte rendu demandé trois cents fois"));
        String[] same = new String[300];
        Arrays.fill(same, docUid);

        RetrievedDocumentSet answer = xds.retrieve(repositoryUniqueId, same);

        assertEquals(Status.SUCCESS, answer.getStatus(), String.valueOf(answer.getErrors()));
        assertEquals(1, answer.getDocuments().size(), "duplicates are removed: the document is served once");
    }

    @Test
    void aRetrieveOfMoreDistinctDocumentsThanTheLimitIsRefused() {
        List<String> uids = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            uids.add(submitted(text("document " + i)));
        }

        RetrievedDocumentSet answer = xds.retrieve(repositoryUniqueId, uids.toArray(String[]::new));

        assertEquals(Status.FAILURE, answer.getStatus());
        assertTrue(answer.getDocuments().isEmpty());
        String context = answer.getErrors().get(0).getCodeContext();
        assertTrue(context.startsWith("LIMIT_EXCEEDED: ") && context.contains("dmp.limits.retrieve-documents"), context);
        assertEquals(5, xds.retrieve(repositoryUniqueId, uids.subList(0, 5).toArray(String[]::new)).getDocuments().size());
    }

    @Test
    void aRetrieveAnswerIsKeptWithinTheRetrieveBytesLimit() {
        // three documents of 250 KB against 600 KB per answer: two are served, the third is refused on its own
        List<String> uids = List.of(submitted(random(250 * 1024)), submitted(random(250 * 1024)),
                submitted(random(250 * 1024)));

        RetrievedDocumentSet answer = xds.retrieve(repositoryUniqueId, uids.toArray(String[]::new));

        assertEquals(Status.PARTIAL_SUCCESS, answer.getStatus());
        assertEquals(2, answer.getDocuments().size());
        assertEquals(1, answer.getErrors().size());
        assertEquals(uids.get(2), answer.getErrors().get(0).getLocation());
        assertTrue(answer.getErrors().get(0).getCodeContext().contains("dmp.limits.retrieve-bytes"),
                answer.getErrors().get(0).getCodeContext());
    }

    // ------------------------------------------------------------------ item 2: cheap requests that cost a lot

    @Test
    void anUnknownElementArrayCostsNoLogBeforeOrAfterAuthentication(CapturedOutput output) throws Exception {
        String values = String.join(",", java.util.Collections.nCopies(5_000, "\"x\""));
        String body = "{\"resourceType\":\"Bundle\",\"type\":\"transaction\",\"unknownElement\":[" + values + "]}";
        int before = output.getAll().length();

        HttpResponse<String> anonymous = http.send(HttpRequest.newBuilder(URI.create(base() + "/fhir"))
                .header("Content-Type", FHIR_JSON).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(401, anonymous.statusCode(), anonymous.body());

        HttpResponse<String> authenticated = post("/fhir", FHIR_JSON, body);
        assertTrue(authenticated.statusCode() >= 400 && authenticated.statusCode() < 500, authenticated.body());

        String logged = output.getAll().substring(before);
        assertTrue(logged.length() < 20_000, "the two requests wrote " + logged.length() + " characters of log");
        assertFalse(logged.contains("unknownElement"), "no log line per unknown element: " + logged.substring(0,
                Math.min(2000, logged.length())));
    }

    // ------------------------------------------------------------------ item 3: errors

    static final String BY_PATIENT = "patient.identifier=urn:oid:" + INS_OID + "%7C" + PATIENT_ACTIVATED;

    @ParameterizedTest(name = "{0}?{1}")
    @CsvSource({
            "DocumentReference, date=not-a-date, date",
            "DocumentReference, creation=2025-13-45, creation",
            "DocumentReference, creation=garbage, creation",
            "DocumentReference, period=ge2025-99, period",
            "DocumentReference, period-start=xx, period-start",
            "DocumentReference, period-end=2025-02-30, period-end",
            "DocumentReference, status=nonsense, status",
            "DocumentReference, _count=abc, _count",
            "List, date=32-01-2025, date",
    })
    void aMalformedFhirSearchValueIsRefused400NamingTheParameter(String resource, String malformed, String parameter)
            throws Exception {
        HttpResponse<String> response = get("/fhir/" + resource + "?" + BY_PATIENT + "&" + malformed);
        assertEquals(400, response.statusCode(), malformed + " -> " + response.body());
        OperationOutcome outcome = FhirClient.context().newJsonParser().parseResource(OperationOutcome.class, response.body());
        assertTrue(outcome.getIssueFirstRep().getDiagnostics().contains(parameter), malformed + " -> " + response.body());
    }

    /** Other malformed or odd search values: an answer or a client error, never a 500. */
    static Stream<String> oddFhirSearches() {
        return Stream.of("DocumentReference?" + BY_PATIENT + "&no-such-parameter=1",
                "DocumentReference?patient.identifier=garbage",
                "DocumentReference?patient=Patient/",
                "DocumentReference?" + BY_PATIENT + "&type=%7C",
                "DocumentReference?" + BY_PATIENT + "&security-label=%7C%7C",
                "DocumentReference?" + BY_PATIENT + "&related=:::",
                "DocumentReference?" + BY_PATIENT + "&author.given=",
                "DocumentReference?" + BY_PATIENT + "&event=a%7Cb%7Cc",
                "DocumentReference?" + BY_PATIENT + "&period=ne2025",
                "DocumentReference?" + BY_PATIENT + "&_sort=-nonsense",
                "DocumentReference?" + BY_PATIENT + "&_include=DocumentReference:nonsense",
                "List?" + BY_PATIENT + "&code=%7C&status=%7C",
                "Patient?identifier=%7C",
                "AuditEvent?patient=xx");
    }

    @ParameterizedTest
    @MethodSource("oddFhirSearches")
    void anOddFhirSearchIsAnsweredOrRefusedNeverA500(String query) throws Exception {
        HttpResponse<String> response = get("/fhir/" + query);
        assertTrue(response.statusCode() < 500, query + " -> " + response.statusCode() + " " + response.body());
    }

    @Test
    void soapSenderFaultsAreAnswered400() throws Exception {
        HttpResponse<String> malformed = post("/services/iti41", SOAP12,
                "<s:Envelope xmlns:s=\"http://www.w3.org/2003/05/soap-envelope\"><s:Body><unclosed>");
        assertEquals(400, malformed.statusCode(), malformed.body());
        assertTrue(malformed.body().contains("Sender"), malformed.body());
        assertFalse(malformed.body().contains("\tat "), malformed.body());
    }

    @Test
    void wrongContentTypesAreClientErrors() throws Exception {
        HttpResponse<String> json = post("/services/iti41", "application/json", "{\"a\":1}");
        assertClientError(json);
        HttpResponse<String> text = post("/services/iti18", "text/plain", "hello");
        assertClientError(text);
        HttpResponse<String> fhirText = post("/fhir", "text/plain", "hello");
        assertClientError(fhirText);
        HttpResponse<String> fhirXmlGarbage = post("/fhir", "application/fhir+xml", "<Bundle");
        assertClientError(fhirXmlGarbage);
        HttpResponse<String> fhirJsonGarbage = post("/fhir/DocumentReference", FHIR_JSON, "{\"resourceType\":");
        assertClientError(fhirJsonGarbage);
    }

    // ------------------------------------------------------------------ helpers

    private String base() {
        return "http://localhost:" + port;
    }

    private HttpResponse<String> post(String path, String contentType, String body) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base() + path)).timeout(Duration.ofSeconds(60))
                .header("Content-Type", contentType).header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build();
        return FhirAnswerValidator.assertValid(http.send(request, HttpResponse.BodyHandlers.ofString()));
    }

    private HttpResponse<String> get(String pathAndQuery) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base() + pathAndQuery)).timeout(Duration.ofSeconds(60))
                .header("Accept", FHIR_JSON).header("Authorization", "Bearer " + token).GET().build();
        return FhirAnswerValidator.assertValid(http.send(request, HttpResponse.BodyHandlers.ofString()));
    }

    private static void assertLimitOutcome(HttpResponse<String> response, String property) {
        assertEquals(413, response.statusCode(), response.body());
        OperationOutcome outcome = FhirClient.context().newJsonParser().parseResource(OperationOutcome.class, response.body());
        OperationOutcome.OperationOutcomeIssueComponent issue = outcome.getIssueFirstRep();
        assertEquals("LIMIT_EXCEEDED", issue.getDetails().getCodingFirstRep().getCode(), response.body());
        assertTrue(issue.getDiagnostics().contains(property), response.body());
    }

    private static void assertClientError(HttpResponse<String> response) {
        assertTrue(response.statusCode() >= 400 && response.statusCode() < 500,
                "bad input is a client error, got " + response.statusCode() + ": " + response.body());
        assertFalse(response.body().contains("\tat "), "no stack trace: " + response.body());
    }

    /** The refusal of an ITI-41: its XDS error's codeContext, or a SOAP fault's text when CXF was still reading the request. */
    private String refusalOf(ProvideAndRegisterDocumentSet request) {
        try {
            Response response = xds.submit(request);
            assertEquals(Status.FAILURE, response.getStatus());
            return response.getErrors().get(0).getCodeContext();
        } catch (RuntimeException fault) {
            return fault.getMessage() + " " + fault.getCause();
        }
    }

    /** How many approved documents ITI-18 lists for the patient. */
    private int documentsOf(String patient) {
        FindDocumentsQuery q = new FindDocumentsQuery();
        q.setPatientId(patient(patient));
        q.setStatus(List.of(AvailabilityStatus.APPROVED));
        QueryResponse answer = xds.query(q);
        assertEquals(Status.SUCCESS, answer.getStatus(), String.valueOf(answer.getErrors()));
        return answer.getDocumentEntries().size();
    }

    private void assertNothingStored(String docUid) {
        GetDocumentsQuery q = new GetDocumentsQuery();
        q.setUniqueIds(List.of(docUid));
        assertTrue(xds.query(q).getDocumentEntries().isEmpty(), "nothing of the refused submission is stored");
    }

    /** Submits one document to PATIENT_ACTIVATED's record and returns its uniqueId. */
    private String submitted(byte[] content) {
        String docUid = newOid();
        var request = single(PATIENT_ACTIVATED, content);
        request.getDocuments().get(0).getDocumentEntry().setUniqueId(docUid);
        Response response = xds.submit(request);
        assertEquals(Status.SUCCESS, response.getStatus(), String.valueOf(response.getErrors()));
        return docUid;
    }

    private static byte[] random(int size) {
        byte[] bytes = new byte[size];
        new java.util.Random(size).nextBytes(bytes);
        return bytes;
    }
}
