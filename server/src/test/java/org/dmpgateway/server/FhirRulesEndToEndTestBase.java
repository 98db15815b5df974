package org.dmpgateway.server;

import ca.uhn.fhir.rest.client.api.IGenericClient;
import ca.uhn.fhir.rest.gclient.TokenClientParam;
import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import org.dmpgateway.model.access.AccessMode;
import org.dmpgateway.mappings.fhir.error.FhirErrorMapper;
import org.dmpgateway.mappings.fhir.patient.PatientMapper;
import org.dmpgateway.model.CodedValue;
import org.dmpgateway.model.PatientRecordState;
import org.dmpgateway.server.support.TestRecord;
import org.dmpgateway.server.support.AdminClient;
import org.dmpgateway.server.support.FhirClient;
import org.dmpgateway.server.support.FhirSamples;
import org.dmpgateway.server.support.FhirToken;
import org.dmpgateway.server.support.SampleSubmissions;
import org.dmpgateway.server.support.TestPatients;
import org.dmpgateway.server.support.Vihf;
import org.hl7.fhir.instance.model.api.IBaseOperationOutcome;
import org.hl7.fhir.r4.model.AuditEvent;
import org.hl7.fhir.r4.model.Binary;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DocumentReference;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Patient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The DMP's rules end to end over FHIR (issue 4): every policy scenario of the SOAP suite
 * ({@link DmpRulesEndToEndTestBase}) once through /fhir with HAPI's generic client and bearer tokens
 * carrying the same identities. Each test sets up a record of its own through the admin API and
 * submits its documents over ITI-65; the expected answers come from what the test submitted. The leaves
 * choose the database ({@link FhirRulesEndToEndH2Test}, {@link FhirRulesEndToEndPostgresTest}).
 */
@SpringBootTest(classes = DmpGatewayApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext
abstract class FhirRulesEndToEndTestBase {
    static final String DENTIST = Vihf.DENTIST;
    static final String OTHER_DOCTOR = Vihf.OTHER_DOCTOR;
    static final String ADMIN_DOCTOR = Vihf.ADMIN_DOCTOR;
    static final Coding CLASS_CR = FhirSamples.oid("1.2.250.1.213.1.1.4.1", "10", "Compte rendu");
    static final Coding CLASS_SYNTHESE = FhirSamples.oid("1.2.250.1.213.1.1.4.1", "11", "Synthèse");
    static final Coding TYPE_CR = new Coding(FhirSamples.LOINC, "11488-4", "CR ou fiche de consultation ou de visite");
    static final Coding TYPE_PSY = new Coding(FhirSamples.LOINC, "68599-0", "Synthèse psychiatrique");
    static final String JUSTIFICATION = "patient inconscient aux urgences";

    @LocalServerPort
    int port;

    TestRecord record;
    AdminClient admin;
    String ins;

    @BeforeEach
    void newRecord() {
        record = TestRecord.create(port);
        admin = record.admin();
        ins = record.ins();
    }

    // ------------------------------------------------------------------ identities

    IGenericClient fhir(Vihf who) {
        return FhirClient.as(port, who);
    }

    // ------------------------------------------------------------------ requests

    /** ITI-65 by {@code who}, also the author; answers the document's uniqueId. */
    String submit(Vihf who, Coding classCode, Coding type, boolean masked) {
        String uniqueId = SampleSubmissions.newOid();
        Bundle response = fhir(who).transaction().withBundle(FhirSamples.provideBundle(ins, who, classCode, type, masked,
                ("Document " + type.getCode() + " de " + ins).getBytes(StandardCharsets.UTF_8), uniqueId)).execute();
        assertTrue(response.getEntry().stream().allMatch(e -> e.getResponse().getStatus().startsWith("201")),
                () -> FhirClient.context().newJsonParser().encodeResourceToString(response));
        return uniqueId;
    }

    String submitReport(boolean masked) {
        return submit(record.durant(), CLASS_CR, TYPE_CR, masked);
    }

    /** ITI-67: the current documents of the patient the caller may see, by uniqueId, sorted. */
    List<String> found(Vihf who) {
        return documents(who).keySet().stream().sorted().toList();
    }

    /** ITI-67 by {@code who}: uniqueId -> DocumentReference id. */
    Map<String, String> documents(Vihf who) {
        Bundle bundle = fhir(who).search().forResource(DocumentReference.class)
                .where(new TokenClientParam("patient.identifier").exactly()
                        .systemAndCode("urn:oid:" + SampleSubmissions.INS_OID, ins))
                .and(DocumentReference.STATUS.exactly().code("current"))
                .returnBundle(Bundle.class).execute();
        return bundle.getEntry().stream().map(e -> (DocumentReference) e.getResource())
                .collect(Collectors.toMap(d -> d.getMasterIdentifier().getValue().replace("urn:oid:", ""),
                        d -> d.getIdElement().getIdPart()));
    }

    /** ITI-68 by {@code who} of the document with this uniqueId, whose id {@code reader} found. */
    byte[] retrieve(Vihf who, String documentId) {
        Binary binary = fhir(who).read().resource(Binary.class).withId(documentId).execute();
        return binary.getData();
    }

    static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }

    /** The request fails with this HTTP status and gateway code (OperationOutcome details.coding). */
    static BaseServerResponseException assertRefused(int status, String code, Executable request) {
        BaseServerResponseException e = assertThrows(BaseServerResponseException.class, request);
        assertEquals(status, e.getStatusCode(), e::getMessage);
        IBaseOperationOutcome outcome = e.getOperationOutcome();
        assertNotNull(outcome, "an OperationOutcome is expected with " + code);
        List<String> codes = ((OperationOutcome) outcome).getIssue().stream()
                .flatMap(i -> i.getDetails().getCoding().stream())
                .filter(c -> FhirErrorMapper.CODE_SYSTEM.equals(c.getSystem())).map(Coding::getCode).toList();
        assertEquals(List.of(code), codes, e::getMessage);
        return e;
    }

    // ------------------------------------------------------------------ record states

    @ParameterizedTest
    @EnumSource(PatientRecordState.class)
    void eachRecordStateForSubmitSearchAndRetrieve(PatientRecordState state) {
        String before = submitReport(false);
        String beforeId = documents(record.durant()).get(before);
        admin.setState(ins, state);
        switch (state) {
            case CREATED, ACTIVATED -> {
                submitReport(false);
                assertEquals(2, found(record.durant()).size());
                assertEquals("Document 11488-4 de " + ins, text(retrieve(record.durant(), beforeId)));
            }
            case NOTIFIED -> {
                assertRefused(404, "DMP_UNKNOWN", () -> submitReport(false));
                assertRefused(404, "DMP_UNKNOWN", () -> found(record.durant()));
                assertRefused(404, "DMP_UNKNOWN", () -> retrieve(record.durant(), beforeId));
            }
            case OPPOSED, CLOSED -> {
                String code = "DMP_" + state.name();
                assertRefused(410, code, () -> submitReport(false));
                BaseServerResponseException e = assertRefused(410, code, () -> found(record.durant()));
                assertTrue(e.getMessage().contains("is closed"), e.getMessage());
                assertRefused(410, code, () -> retrieve(record.durant(), beforeId));
            }
        }
        if (state != PatientRecordState.CREATED && state != PatientRecordState.ACTIVATED) {
            admin.setState(ins, PatientRecordState.ACTIVATED);
            assertEquals(List.of(before), found(record.durant()), "the refused submission stored nothing");
        }
    }

    @Test
    void patientReportsTheRecordStateAsTheDmpProfileDoes() {
        Function<PatientRecordState, Patient> read = state -> {
            admin.setState(ins, state);
            Bundle b = fhir(record.durant()).search().forResource(Patient.class)
                    .where(Patient.IDENTIFIER.exactly().systemAndCode("urn:oid:" + SampleSubmissions.INS_OID, ins))
                    .returnBundle(Bundle.class).execute();
            return b.getEntry().isEmpty() ? null : (Patient) b.getEntryFirstRep().getResource();
        };
        Patient activated = read.apply(PatientRecordState.ACTIVATED);
        assertTrue(activated.getActive());
        assertEquals(ins, activated.getIdentifierFirstRep().getValue());
        assertEquals("authorized", activated.getExtensionByUrl(PatientMapper.CALLER_CONSENT).getValue().primitiveValue());
        assertNull(activated.getExtensionByUrl(PatientMapper.CLOSURE));

        Patient closed = read.apply(PatientRecordState.CLOSED);
        assertFalse(closed.getActive());
        Extension closure = closed.getExtensionByUrl(PatientMapper.CLOSURE);
        assertNotNull(closure, "a closed record carries dmp-fermeture");
        assertEquals("patient-demande", ((org.hl7.fhir.r4.model.CodeableConcept) closure
                .getExtensionByUrl("motifFermeture").getValue()).getCodingFirstRep().getCode());
        assertFalse(read.apply(PatientRecordState.OPPOSED).getActive());
        assertTrue(read.apply(PatientRecordState.CREATED).getActive());
        assertNull(read.apply(PatientRecordState.NOTIFIED), "no DMP yet: no entry");

        admin.setState(ins, PatientRecordState.ACTIVATED);
        Patient byId = fhir(record.durant()).read().resource(Patient.class).withId(ins + "-" + SampleSubmissions.INS_OID).execute();
        assertEquals(ins, byId.getIdentifierFirstRep().getValue());
        String unknown = TestPatients.newIns();
        Bundle none = fhir(record.durant().forPatient(unknown)).search().forResource(Patient.class)
                .where(Patient.IDENTIFIER.exactly().systemAndCode("urn:oid:" + SampleSubmissions.INS_OID, unknown))
                .returnBundle(Bundle.class).execute();
        assertEquals(0, none.getEntry().size(), "a patient without a record: an empty searchset");
    }

    // ------------------------------------------------------------------ blocked, authorisation

    @ParameterizedTest
    @EnumSource(AccessMode.class)
    void aBlockedProfessionalIsRefusedInEveryMode(AccessMode mode) {
        String doc = submitReport(false);
        String id = documents(record.durant()).get(doc);
        admin.block(ins, Vihf.DURANT);
        Vihf blocked = record.durant().withMode(mode).withJustification(JUSTIFICATION);
        assertRefused(403, "PS_BLOCKED", () -> found(blocked));
        assertRefused(403, "PS_BLOCKED", () -> retrieve(blocked, id));
        assertRefused(403, "PS_BLOCKED", () -> submit(blocked, CLASS_CR, TYPE_CR, false));
    }

    @Test
    void withoutTheAuthorisationNormalAccessIsRefused() {
        String doc = submitReport(false);
        String id = documents(record.durant()).get(doc);
        assertRefused(403, "PS_NOT_AUTHORIZED", () -> found(record.otherDoctor()));
        assertRefused(403, "PS_NOT_AUTHORIZED", () -> retrieve(record.otherDoctor(), id));
        Patient before = fhir(record.otherDoctor()).read().resource(Patient.class).withId(ins + "-" + SampleSubmissions.INS_OID)
                .execute();
        assertEquals("none", before.getExtensionByUrl(PatientMapper.CALLER_CONSENT).getValue().primitiveValue());
        record.authorise(record.otherDoctor());
        assertEquals(List.of(doc), found(record.otherDoctor()));
    }

    // ------------------------------------------------------------------ habilitation, masking

    @Test
    void theHabilitationMatrixDecidesWhichTypesAProfessionHandles() {
        String report = submitReport(false);
        String psy = submit(record.durant(), CLASS_SYNTHESE, TYPE_PSY, false);
        record.authorise(record.dentist());
        assertEquals(List.of(report), found(record.dentist()), "a dentist does not see the synthèse psychiatrique");
        assertEquals(List.of(psy, report).stream().sorted().toList(), found(record.durant()));
        String psyId = documents(record.durant()).get(psy);
        BaseServerResponseException e = assertRefused(403, "HABILITATION_DENIED", () -> retrieve(record.dentist(), psyId));
        assertTrue(e.getMessage().contains("68599-0"), e.getMessage());
        String traces = admin.traces(ins);
        assertTrue(traces.contains("\"action\":\"RETRIEVE\"") && traces.contains(psyId) && traces.contains("HABILITATION_DENIED"),
                "the refused ITI-68 retrieval is traced with the entryUUID it asked for: " + traces);
        assertEquals("Document 11488-4 de " + ins, text(retrieve(record.dentist(), documents(record.dentist()).get(report))));
        assertRefused(403, "HABILITATION_DENIED", () -> submit(record.dentist(), CLASS_SYNTHESE, TYPE_PSY, false));
        submit(record.dentist(), CLASS_CR, TYPE_CR, false);
    }

    @Test
    void aMaskedDocumentIsSeenByItsAuthorAndTheAdminDoctorOnly() {
        String visible = submitReport(false);
        String masked = submitReport(true);
        record.authorise(record.otherDoctor());
        record.authoriseAsAdminDoctor(record.adminDoctor());
        assertEquals(List.of(masked, visible).stream().sorted().toList(), found(record.durant()));
        assertEquals(List.of(masked, visible).stream().sorted().toList(), found(record.adminDoctor()));
        assertEquals(List.of(visible), found(record.otherDoctor()));
        String maskedId = documents(record.durant()).get(masked);
        assertRefused(404, "UNKNOWN_DOCUMENT", () -> fhir(record.otherDoctor()).read().resource(DocumentReference.class)
                .withId(maskedId).execute());
        assertRefused(404, "UNKNOWN_DOCUMENT", () -> retrieve(record.otherDoctor(), maskedId));
    }

    @Test
    void emergencyAccessShowsMaskedDocumentsOnlyWithThePatientsThirdSwitch() {
        String visible = submitReport(false);
        String masked = submitReport(true);
        Vihf emergency = record.otherDoctor().withMode(AccessMode.BREAK_GLASS).withJustification(JUSTIFICATION);
        Vihf samu = record.otherDoctor().withMode(AccessMode.SAMU_REGULATION);
        assertEquals(List.of(visible), found(emergency));
        assertEquals(List.of(visible), found(samu));
        admin.settings(ins, "{\"maskedVisibleInEmergency\": true}");
        assertEquals(List.of(masked, visible).stream().sorted().toList(), found(emergency));
        assertEquals(List.of(masked, visible).stream().sorted().toList(), found(samu));
    }

    @Test
    void whenThePatientMasksEverythingAProfessionalSeesOnlyTheirOwnDocuments() {
        String mine = submitReport(false);
        record.authorise(record.otherDoctor());
        String theirs = submit(record.otherDoctor(), CLASS_CR, TYPE_CR, false);
        admin.settings(ins, "{\"maskAll\": true}");
        assertEquals(List.of(mine), found(record.durant()));
        assertEquals(List.of(theirs), found(record.otherDoctor()));
    }

    // ------------------------------------------------------------------ emergency modes

    @Test
    void breakGlassNeedsAJustificationAndThePatientsSwitch() {
        String doc = submitReport(false);
        Vihf emergency = record.otherDoctor().withMode(AccessMode.BREAK_GLASS);
        assertRefused(403, "BREAK_GLASS_JUSTIFICATION_MISSING", () -> found(emergency));
        assertEquals(List.of(doc), found(emergency.withJustification(JUSTIFICATION)));
        admin.settings(ins, "{\"breakGlassAllowed\": false}");
        assertRefused(403, "BREAK_GLASS_DISABLED", () -> found(emergency.withJustification(JUSTIFICATION)));
    }

    @Test
    void samuNeedsTheSamuSwitchAndNoJustification() {
        String doc = submitReport(false);
        Vihf samu = record.otherDoctor().withMode(AccessMode.SAMU_REGULATION);
        assertEquals(List.of(doc), found(samu));
        admin.settings(ins, "{\"samuAccessAllowed\": false}");
        assertRefused(403, "SAMU_ACCESS_DISABLED", () -> found(samu));
    }

    // ------------------------------------------------------------------ patient scope

    @Test
    void theTokensPatientBoundsEveryRequest() {
        String doc = submitReport(false);
        String id = documents(record.durant()).get(doc);
        String other = TestRecord.create(admin).ins();
        Vihf forOther = record.durant().forPatient(other);
        // searching this record with a token for another patient
        assertRefused(400, "ACCESS_PATIENT_MISMATCH", () -> found(forOther));
        // reading this record's document by id with a token for another patient
        assertRefused(404, "UNKNOWN_DOCUMENT", () -> fhir(forOther).read().resource(DocumentReference.class)
                .withId(id).execute());
        assertRefused(404, "UNKNOWN_DOCUMENT", () -> retrieve(forOther, id));
        assertRefused(400, "ACCESS_PATIENT_MISMATCH", () -> fhir(forOther).read().resource(Patient.class)
                .withId(ins + "-" + SampleSubmissions.INS_OID).execute());
    }

    // ------------------------------------------------------------------ identity

    @Test
    void withoutAValidTokenTheAnswerIs401WithAnOperationOutcome() {
        assertRefused(401, "IDENTITY_MISSING", () -> FhirClient.anonymous(port).search().forResource(Patient.class)
                .where(Patient.IDENTIFIER.exactly().systemAndCode("urn:oid:" + SampleSubmissions.INS_OID, ins))
                .returnBundle(Bundle.class).execute());
        String forged = FhirToken.hs256(FhirToken.claims(record.durant()).build(), "not-the-secret-but-32-bytes-long-anyway");
        assertRefused(401, "IDENTITY_UNTRUSTED", () -> FhirClient.withToken(port, forged).search()
                .forResource(Patient.class)
                .where(Patient.IDENTIFIER.exactly().systemAndCode("urn:oid:" + SampleSubmissions.INS_OID, ins))
                .returnBundle(Bundle.class).execute());
        String noMode = FhirToken.hs256(FhirToken.claims(record.durant()).claim("purpose_of_use", null).build(),
                org.dmpgateway.fhir.FhirServerConfiguration.SANDBOX_SECRET);
        BaseServerResponseException e = assertRefused(401, "IDENTITY_INVALID", () -> FhirClient.withToken(port, noMode)
                .search().forResource(Patient.class)
                .where(Patient.IDENTIFIER.exactly().systemAndCode("urn:oid:" + SampleSubmissions.INS_OID, ins))
                .returnBundle(Bundle.class).execute());
        assertTrue(e.getMessage().contains("purpose_of_use"), e.getMessage());
        // the CapabilityStatement needs no token
        assertNotNull(FhirClient.anonymous(port).capabilities().ofType(org.hl7.fhir.r4.model.CapabilityStatement.class)
                .execute());
    }

    // ------------------------------------------------------------------ traces

    @Test
    void theAccessHistoryIsReadByTheAdminDoctorAndThePatientOnly() {
        String doc = submitReport(false);
        found(record.durant());
        Vihf emergency = record.otherDoctor().withMode(AccessMode.BREAK_GLASS);
        assertRefused(403, "BREAK_GLASS_JUSTIFICATION_MISSING", () -> found(emergency));
        record.authoriseAsAdminDoctor(record.adminDoctor());

        List<AuditEvent> events = auditEvents(record.adminDoctor());
        List<String> lines = events.stream().map(e -> e.getSubtypeFirstRep().getCode() + "/"
                + e.getAgentFirstRep().getWho().getIdentifier().getValue() + "/" + e.getOutcome().toCode()).toList();
        assertTrue(lines.contains("SUBMIT/" + Vihf.DURANT + "/0"), lines::toString);
        assertTrue(lines.contains("QUERY/" + Vihf.DURANT + "/0"), lines::toString);
        assertTrue(lines.contains("QUERY/" + OTHER_DOCTOR + "/4"), lines::toString);
        AuditEvent refused = events.stream().filter(e -> OTHER_DOCTOR.equals(
                e.getAgentFirstRep().getWho().getIdentifier().getValue())).findFirst().orElseThrow();
        assertEquals("bris_de_glace", refused.getPurposeOfEventFirstRep().getCodingFirstRep().getCode());
        assertTrue(refused.getOutcomeDesc().startsWith("BREAK_GLASS_JUSTIFICATION_MISSING"), refused.getOutcomeDesc());
        AuditEvent submitted = events.stream().filter(e -> "SUBMIT".equals(e.getSubtypeFirstRep().getCode()))
                .findFirst().orElseThrow();
        assertTrue(submitted.getEntity().stream().anyMatch(en -> ("urn:oid:" + doc).equals(
                en.getWhat().getIdentifier().getValue())), "the submitted document is named");

        assertRefused(403, "TRACE_ACCESS_DENIED", () -> auditEvents(record.durant()));

        Vihf patientSelf = new Vihf(ins, "DUPONT, Marie", new CodedValue("PATIENT", "urn:dmp-gateway:actor-kind", null),
                null, null, null, ins, SampleSubmissions.INS_OID, AccessMode.NORMAL, null);
        assertTrue(auditEvents(patientSelf).size() >= events.size(), "the patient reads their whole history");
        assertRefused(403, "HABILITATION_DENIED", () -> found(patientSelf));
    }

    List<AuditEvent> auditEvents(Vihf who) {
        Bundle b = fhir(who).search().forResource(AuditEvent.class)
                .where(AuditEvent.PATIENT.hasId("Patient/" + ins + "-" + SampleSubmissions.INS_OID))
                .returnBundle(Bundle.class).execute();
        return b.getEntry().stream().map(e -> (AuditEvent) e.getResource()).toList();
    }
}
