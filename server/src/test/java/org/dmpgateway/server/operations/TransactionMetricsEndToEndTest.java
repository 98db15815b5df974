package org.dmpgateway.server.operations;

import ca.uhn.fhir.rest.client.api.IGenericClient;
import org.apache.camel.ProducerTemplate;
import org.dmpgateway.mappings.fhir.common.FhirCodeSystems;
import org.dmpgateway.server.DmpGatewayApplication;
import org.dmpgateway.server.support.TestRecord;
import org.dmpgateway.server.support.FhirAnswerValidator;
import org.dmpgateway.server.support.AdminClient;
import org.dmpgateway.server.support.FhirClient;
import org.dmpgateway.server.support.TestPatients;
import org.dmpgateway.server.support.Vihf;
import org.dmpgateway.server.support.XdsClient;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.DocumentReference;
import org.hl7.fhir.r4.model.Patient;
import org.junit.jupiter.api.Test;
import org.openehealth.ipf.commons.ihe.xds.core.metadata.AvailabilityStatus;
import org.openehealth.ipf.commons.ihe.xds.core.requests.query.FindDocumentsQuery;
import org.openehealth.ipf.commons.ihe.xds.core.requests.query.GetDocumentsQuery;
import org.openehealth.ipf.commons.ihe.xds.core.responses.QueryResponse;
import org.openehealth.ipf.commons.ihe.xds.core.responses.Status;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.dmpgateway.server.support.SampleSubmissions.INS_OID;
import static org.dmpgateway.server.support.SampleSubmissions.patient;
import static org.dmpgateway.server.support.SampleSubmissions.single;
import static org.dmpgateway.server.support.SampleSubmissions.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The per-transaction metrics as an operator reads them: an ITI-41, ITI-18 queries (one refused),
 * a FHIR search and a refused FHIR read are sent with the real clients, then /actuator/prometheus
 * shows dmp_transactions_seconds with their transaction, query, outcome and error tags, and the
 * http_server_requests of the SOAP and FHIR servlets carry their route instead of UNKNOWN.
 */
@SpringBootTest(classes = DmpGatewayApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
// Spring Boot's tests leave metrics export (and so /actuator/prometheus) off unless asked
@AutoConfigureObservability(tracing = false)
@TestPropertySource(properties = {"spring.datasource.url=jdbc:h2:mem:metrics-e2e;DB_CLOSE_DELAY=-1",
        "dmp.sandbox=true", "dmp.notifications.enabled=false"})
@DirtiesContext
class TransactionMetricsEndToEndTest {
    private static final Pattern SAMPLE = Pattern.compile("^(\\w+)\\{(.*)} (\\S+)$");
    private static final Pattern LABEL = Pattern.compile("(\\w+)=\"((?:[^\"\\\\]|\\\\.)*)\",?");

    @LocalServerPort
    int port;

    @Autowired
    ProducerTemplate producer;

    @Test
    void eachTransactionIsCountedAndTimedWithItsQueryAndOutcome() throws Exception {
        TestRecord record = TestRecord.create(port);
        String ins = record.ins();
        AdminClient admin = record.admin();
        Vihf durant = Vihf.doctor(ins);
        XdsClient xds = new XdsClient(producer, port).as(durant);

        // ITI-41 and an ITI-18 FindDocuments that succeed
        assertEquals(Status.SUCCESS, xds.submit(single(ins, text("Compte rendu, métriques"))).getStatus());
        FindDocumentsQuery find = new FindDocumentsQuery();
        find.setPatientId(patient(ins));
        find.setStatus(List.of(AvailabilityStatus.APPROVED));
        QueryResponse found = xds.query(find);
        assertEquals(Status.SUCCESS, found.getStatus());
        // an ITI-18 GetDocuments for a patient the caller may not read: refused
        GetDocumentsQuery get = new GetDocumentsQuery();
        get.setUniqueIds(List.of("2.25.1"));
        QueryResponse refused = new XdsClient(producer, port).as(Vihf.doctor(TestPatients.newIns())).query(get);
        assertEquals(Status.FAILURE, refused.getStatus());
        String refusedCode = refused.getErrors().get(0).getCustomErrorCode() != null
                ? refused.getErrors().get(0).getCustomErrorCode() : refused.getErrors().get(0).getErrorCode().getOpcode();

        // ITI-67 search over FHIR
        IGenericClient fhir = FhirClient.as(port, durant);
        Bundle bundle = fhir.search().forResource(DocumentReference.class)
                .where(DocumentReference.PATIENT.hasChainedProperty(
                        Patient.IDENTIFIER.exactly().systemAndIdentifier(FhirCodeSystems.URN_OID + INS_OID, ins)))
                .and(DocumentReference.STATUS.exactly().code("current"))
                .returnBundle(Bundle.class).execute();
        assertEquals(1, bundle.getEntry().size());
        // ITI-68 without a token: refused with IDENTITY_MISSING
        HttpResponse<String> anonymous = get("/fhir/Binary/unknown");
        assertEquals(401, anonymous.statusCode());

        HttpResponse<String> scrape = get("/actuator/prometheus");
        assertEquals(200, scrape.statusCode());
        assertTrue(scrape.headers().firstValue("Content-Type").orElse("").startsWith("text/plain"),
                scrape.headers().toString());
        List<Map<String, String>> samples = samples(scrape.body(), "dmp_transactions_seconds_count");

        assertCounted(samples, Map.of("protocol", "SOAP", "transaction", "ITI-41", "query", "none",
                "outcome", "success", "error", "none"));
        assertCounted(samples, Map.of("protocol", "SOAP", "transaction", "ITI-18", "query", "FindDocuments",
                "outcome", "success", "error", "none"));
        assertCounted(samples, Map.of("protocol", "SOAP", "transaction", "ITI-18", "query", "GetDocuments",
                "outcome", "failure", "error", refusedCode));
        assertCounted(samples, Map.of("protocol", "FHIR", "transaction", "ITI-67", "query", "search",
                "outcome", "success", "error", "none"));
        assertCounted(samples, Map.of("protocol", "FHIR", "transaction", "ITI-68", "outcome", "failure",
                "error", "IDENTITY_MISSING"));
        // the timer has its sum beside the count
        assertFalse(samples(scrape.body(), "dmp_transactions_seconds_sum").isEmpty());

        // the SOAP and FHIR servlets' requests are named, not UNKNOWN
        List<Map<String, String>> http = samples(scrape.body(), "http_server_requests_seconds_count");
        assertCounted(http, Map.of("uri", "/services/iti41", "method", "POST", "status", "200"));
        assertCounted(http, Map.of("uri", "/services/iti18", "method", "POST"));
        assertCounted(http, Map.of("uri", "/fhir/DocumentReference", "method", "GET", "status", "200"));
        assertCounted(http, Map.of("uri", "/fhir/Binary/{id}", "status", "401"));
        assertTrue(http.stream().noneMatch(s -> "UNKNOWN".equals(s.get("uri"))),
                "requests tagged uri=UNKNOWN: " + http);
    }

    private static void assertCounted(List<Map<String, String>> samples, Map<String, String> tags) {
        boolean present = samples.stream().anyMatch(s -> s.entrySet().containsAll(tags.entrySet())
                && Double.parseDouble(s.get("_value")) >= 1);
        assertTrue(present, "no sample with " + tags + " among " + samples);
    }

    /** The labels (and the value, as _value) of every sample of one metric in the Prometheus text format. */
    static List<Map<String, String>> samples(String exposition, String metric) {
        List<Map<String, String>> out = new ArrayList<>();
        for (String line : exposition.split("\n")) {
            Matcher m = SAMPLE.matcher(line);
            if (!m.matches() || !m.group(1).equals(metric)) {
                continue;
            }
            Map<String, String> labels = new LinkedHashMap<>();
            Matcher l = LABEL.matcher(m.group(2));
            while (l.find()) {
                labels.put(l.group(1), l.group(2));
            }
            labels.put("_value", m.group(3));
            out.add(labels);
        }
        return out;
    }

    private HttpResponse<String> get(String path) throws Exception {
        return FhirAnswerValidator.assertValid(HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString()));
    }
}
