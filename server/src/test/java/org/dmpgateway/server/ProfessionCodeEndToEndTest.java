package org.dmpgateway.server;

import ca.uhn.fhir.rest.client.api.IGenericClient;
import ca.uhn.fhir.rest.gclient.TokenClientParam;
import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import org.apache.camel.ProducerTemplate;
import org.dmpgateway.mappings.fhir.error.FhirErrorMapper;
import org.dmpgateway.model.CodedValue;
import org.dmpgateway.repository.RegistryRepository;
import org.dmpgateway.server.support.TestRecord;
import org.dmpgateway.server.support.FhirClient;
import org.dmpgateway.server.support.Vihf;
import org.dmpgateway.server.support.XdsClient;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.DocumentReference;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openehealth.ipf.commons.ihe.xds.core.metadata.AvailabilityStatus;
import org.openehealth.ipf.commons.ihe.xds.core.requests.ProvideAndRegisterDocumentSet;
import org.openehealth.ipf.commons.ihe.xds.core.requests.query.FindDocumentsQuery;
import org.openehealth.ipf.commons.ihe.xds.core.responses.ErrorInfo;
import org.openehealth.ipf.commons.ihe.xds.core.responses.QueryResponse;
import org.openehealth.ipf.commons.ihe.xds.core.responses.Status;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

import java.util.List;

import static org.dmpgateway.server.support.XdsAnswers.refusedWith;
import static org.dmpgateway.server.support.SampleSubmissions.*;
import static org.junit.jupiter.api.Assertions.*;

/**
 * A typo in the caller's profession (issue 12): a code system or a code outside
 * JDV_J65-SubjectRole-DMP, in the VIHF's subject:role or the FHIR token's subject_role, is refused
 * IDENTITY_INVALID naming the attribute and the value, by the core, with the same words over SOAP
 * and FHIR. Before, the habilitation matrix matched no row and ITI-18 answered Success with no
 * document. The same professional with the right code finds the document.
 */
@SpringBootTest(classes = DmpGatewayApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestPropertySource(properties = "spring.datasource.url=jdbc:h2:mem:profession-code-e2e;DB_CLOSE_DELAY=-1")
@DirtiesContext
class ProfessionCodeEndToEndTest {
    static final String ROLE = "urn:oasis:names:tc:xacml:2.0:subject:role";
    static final CodedValue MEDECIN_WRONG_SYSTEM = new CodedValue("10", "1.2.250.1.71.1.2.77", "Médecin");

    @LocalServerPort
    int port;

    @Autowired
    ProducerTemplate producer;

    @Autowired
    RegistryRepository registry;

    String ins;
    Vihf durant;

    @BeforeEach
    void recordWithOneDocument() {
        TestRecord record = TestRecord.create(port);
        ins = record.ins();
        durant = record.durant();
        ProvideAndRegisterDocumentSet pnr = single(ins, text("Compte rendu de consultation"));
        assertEquals(Status.SUCCESS, xds(durant).submit(pnr).getStatus());
    }

    XdsClient xds(Vihf who) {
        return new XdsClient(producer, port).as(who);
    }

    QueryResponse findDocuments(Vihf who) {
        FindDocumentsQuery q = new FindDocumentsQuery();
        q.setPatientId(patient(ins));
        q.setStatus(List.of(AvailabilityStatus.APPROVED));
        return xds(who).query(q);
    }

    Bundle searchDocuments(IGenericClient client) {
        return client.search().forResource(DocumentReference.class)
                .where(new TokenClientParam("patient.identifier").exactly().systemAndCode("urn:oid:" + INS_OID, ins))
                .and(DocumentReference.STATUS.exactly().code("current"))
                .returnBundle(Bundle.class).execute();
    }

    /** The XDS answer is a Failure with one IDENTITY_INVALID error whose text holds every fragment. */
    static void assertIdentityInvalid(QueryResponse response, String... fragments) {
        assertEquals(Status.FAILURE, response.getStatus(), "a typo in the role must not answer Success");
        assertEquals(List.of(), response.getDocumentEntries());
        ErrorInfo error = refusedWith(response, "IDENTITY_INVALID");
        for (String fragment : fragments) {
            assertTrue(error.getCodeContext().contains(fragment), error.getCodeContext());
        }
    }

    @Test
    void theRightRoleFindsTheDocumentOverSoapAndFhir() {
        QueryResponse response = findDocuments(durant);
        assertEquals(Status.SUCCESS, response.getStatus());
        assertEquals(1, response.getDocumentEntries().size());
        assertEquals(1, searchDocuments(FhirClient.as(port, durant)).getEntry().size());
    }

    @ParameterizedTest(name = "{0} / {1} then {2} / {3}")
    @CsvSource(nullValues = "-", value = {
            // a wrong code system for the profession (one digit more)
            "10, 1.2.250.1.71.1.2.77, SM54, 1.2.250.1.71.4.2.5, 'code=\"10\" codeSystem=\"1.2.250.1.71.1.2.77\"'",
            // an unknown profession code of TRE_G15
            "11, 1.2.250.1.71.1.2.7, SM54, 1.2.250.1.71.4.2.5, 'code ''11'' is not in TRE_G15-ProfessionSante'",
            // an unknown specialty code of TRE_R01
            "10, 1.2.250.1.71.1.2.7, SM540, 1.2.250.1.71.4.2.5, 'code ''SM540'' is not in TRE_R01-EnsembleSavoirFaire'",
            // profession and specialty swapped
            "SM54, 1.2.250.1.71.4.2.5, 10, 1.2.250.1.71.1.2.7, 'the specialty comes second'"})
    void aRoleOutsideTheValueSetIsRefusedOverSoapNamingTheAttributeAndTheValue(String code, String system,
            String specialtyCode, String specialtySystem, String expected) {
        Vihf typo = durant.as(Vihf.DURANT, Vihf.DURANT_NAME, new CodedValue(code, system, null),
                new CodedValue(specialtyCode, specialtySystem, null));
        assertIdentityInvalid(findDocuments(typo), ROLE, expected);
    }

    @Test
    void aWrongCodeSystemIsRefusedOverFhirWith401AndTheSameRuleNamingTheTokenClaim() {
        Vihf typo = durant.as(Vihf.DURANT, Vihf.DURANT_NAME, MEDECIN_WRONG_SYSTEM, Vihf.MEDECINE_GENERALE);
        String soap = refusedWith(findDocuments(typo), "IDENTITY_INVALID").getCodeContext();

        BaseServerResponseException e = assertThrows(BaseServerResponseException.class,
                () -> searchDocuments(FhirClient.as(port, typo)));
        assertEquals(401, e.getStatusCode(), e::getMessage);
        OperationOutcome outcome = (OperationOutcome) e.getOperationOutcome();
        assertNotNull(outcome);
        OperationOutcome.OperationOutcomeIssueComponent issue = outcome.getIssueFirstRep();
        assertEquals(List.of("IDENTITY_INVALID"), issue.getDetails().getCoding().stream()
                .filter(c -> FhirErrorMapper.CODE_SYSTEM.equals(c.getSystem())).map(c -> c.getCode()).toList());
        String fhir = issue.getDiagnostics() + " " + issue.getDetails().getText();
        assertTrue(fhir.contains("(token claim subject_role)") && !fhir.contains(ROLE) && !fhir.contains("VIHF"), fhir);
        assertTrue(soap.endsWith("(VIHF attribute " + ROLE + ")"), soap);
        assertTrue(fhir.contains("code=\"10\" codeSystem=\"1.2.250.1.71.1.2.77\""), fhir);
        assertEquals(soap.replace(" (VIHF attribute " + ROLE + ")", ""),
                "IDENTITY_INVALID: " + issue.getDiagnostics().replace(" (token claim subject_role)", ""),
                "the same rule over SOAP and FHIR, each naming its own field");
    }

    @Test
    void aSubmissionWithAWrongRoleIsRefusedAndNothingIsStored() {
        Vihf typo = durant.as(Vihf.DURANT, Vihf.DURANT_NAME, new CodedValue("60", "1.2.250.1.71.1.2.8", null), null);
        ProvideAndRegisterDocumentSet pnr = single(ins, text("Compte rendu refusé"));
        ErrorInfo error = refusedWith(xds(typo).submit(pnr), "IDENTITY_INVALID");
        assertTrue(error.getCodeContext().contains("code '60' is not in TRE_G16-ProfessionFormation"),
                error.getCodeContext());
        assertEquals(List.of(), registry.findUniqueIdUses(List.of(
                pnr.getDocuments().get(0).getDocumentEntry().getUniqueId(), pnr.getSubmissionSet().getUniqueId())));
    }
}
