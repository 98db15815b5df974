package org.dmpgateway.server;

import ca.uhn.fhir.rest.client.api.IGenericClient;
import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import org.apache.camel.ProducerTemplate;
import org.dmpgateway.model.PatientRecordState;
import org.dmpgateway.server.support.AdminClient;
import org.dmpgateway.server.support.FhirClient;
import org.dmpgateway.server.support.FhirWriteSamples;
import org.dmpgateway.server.support.SampleSubmissions;
import org.dmpgateway.server.support.TestPatients;
import org.dmpgateway.server.support.Vihf;
import org.dmpgateway.server.support.XdsClient;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DocumentReference;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openehealth.ipf.commons.ihe.xds.core.ebxml.EbXMLSubmitObjectsRequest;
import org.openehealth.ipf.commons.ihe.xds.core.ebxml.ebxml30.EbXMLFactory30;
import org.openehealth.ipf.commons.ihe.xds.core.metadata.Association;
import org.openehealth.ipf.commons.ihe.xds.core.metadata.AssociationLabel;
import org.openehealth.ipf.commons.ihe.xds.core.metadata.DocumentEntry;
import org.openehealth.ipf.commons.ihe.xds.core.requests.ProvideAndRegisterDocumentSet;
import org.openehealth.ipf.commons.ihe.xds.core.requests.RegisterDocumentSet;
import org.openehealth.ipf.commons.ihe.xds.core.requests.query.GetDocumentsQuery;
import org.openehealth.ipf.commons.ihe.xds.core.responses.ErrorCode;
import org.openehealth.ipf.commons.ihe.xds.core.responses.ErrorInfo;
import org.openehealth.ipf.commons.ihe.xds.core.responses.Response;
import org.openehealth.ipf.commons.ihe.xds.core.responses.Status;
import org.openehealth.ipf.commons.ihe.xds.core.stub.ebrs30.lcm.SubmitObjectsRequest;
import org.openehealth.ipf.commons.ihe.xds.core.transform.requests.RegisterDocumentSetTransformer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import static org.dmpgateway.server.support.XdsAnswers.describe;
import static org.dmpgateway.server.support.XdsAnswers.assertSuccess;
import static org.dmpgateway.server.support.XdsAnswers.success;
import static org.dmpgateway.server.support.XdsAnswers.refused;
import static org.dmpgateway.server.support.SampleSubmissions.*;
import static org.junit.jupiter.api.Assertions.*;

/**
 * One DMP metadata rule for every protocol (issue 14, item 6): each coded value of a document must
 * belong to the DMP value set (JDV) that binds it, checked once in the core ({@code DmpValueSetRule}).
 * The same SNOMED CT facility type is refused the same way over ITI-41 (XDS error), ITI-65 and ITI-105
 * (400 OperationOutcome), and by an ITI-57 metadata update; the DMP codes are accepted on each.
 */
@SpringBootTest(classes = DmpGatewayApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestPropertySource(properties = "spring.datasource.url=jdbc:h2:mem:dmp-value-sets-e2e;DB_CLOSE_DELAY=-1")
@DirtiesContext
class DmpValueSetEndToEndTest {
    static final String SNOMED = "2.16.840.1.113883.6.96";
    /** What every protocol's refusal says of the SNOMED CT facility type, after the document's uniqueId. */
    static final String REFUSAL = ": code '22232009' of code system 2.16.840.1.113883.6.96 (SNOMED CT) is not in the "
            + "DMP value set JDV_J61-HealthcareFacilityTypeCode-DMP";
    static final String FIELD = "DocumentEntry.healthcareFacilityTypeCode (FHIR DocumentReference.context.facilityType) "
            + "of document ";

    @LocalServerPort
    int port;
    @Autowired
    ProducerTemplate producer;

    XdsClient xds;
    String ins;

    @BeforeEach
    void newRecord() {
        xds = new XdsClient(producer, port);
        AdminClient admin = new AdminClient(port);
        ins = TestPatients.newIns();
        admin.createPatient(ins, PatientRecordState.ACTIVATED);
        admin.authorise(ins, Vihf.DURANT, "DURANT Romuald", false);
    }

    Vihf durant() {
        return Vihf.doctor(ins);
    }

    IGenericClient fhir() {
        return FhirClient.as(port, durant());
    }

    // ------------------------------------------------------------------ the same refusal on every protocol

    @Test
    void iti41RefusesTheSnomedFacilityTypeNamingFieldCodeSystemAndValueSet() {
        ProvideAndRegisterDocumentSet pnr = single(ins, text("CR SNOMED"));
        pnr.getDocuments().get(0).getDocumentEntry().setHealthcareFacilityTypeCode(code("22232009", "Hospital", SNOMED));

        ErrorInfo e = refused(xds.as(durant()).submit(pnr), ErrorCode.REPOSITORY_METADATA_ERROR);
        assertTrue(e.getCodeContext().startsWith("METADATA_ERROR: " + FIELD + uniqueIdOf(pnr) + REFUSAL), e.getCodeContext());
        assertNothingStored(uniqueIdOf(pnr));
    }

    @Test
    void iti65RefusesTheSameCodeWithA400OperationOutcomeSayingTheSame() {
        String uniqueId = SampleSubmissions.newOid();
        DocumentReference doc = FhirWriteSamples.document(ins, durant(), uniqueId, "CR SNOMED");
        doc.getContext().getFacilityType().getCodingFirstRep().setSystem("http://snomed.info/sct").setCode("22232009")
                .setDisplay("Hospital");
        Bundle bundle = FhirWriteSamples.provideBundle(ins, durant(), doc, bytes("CR SNOMED"));

        OperationOutcome oo = refused400(() -> fhir().transaction().withBundle(bundle).execute());
        assertTrue(diagnostics(oo).contains(FIELD + uniqueId + REFUSAL), diagnostics(oo));
        assertEquals("METADATA_ERROR", oo.getIssueFirstRep().getDetails().getCodingFirstRep().getCode());
        assertNothingStored(uniqueId);
    }

    @Test
    void iti105RefusesTheSameCodeWithA400OperationOutcomeSayingTheSame() {
        DocumentReference doc = FhirWriteSamples.simplifiedPublish(ins, durant(), bytes("CR SNOMED ITI-105"));
        String uniqueId = doc.getMasterIdentifier().getValue().substring("urn:oid:".length());
        doc.getContext().getFacilityType().getCodingFirstRep().setSystem("http://snomed.info/sct").setCode("22232009")
                .setDisplay("Hospital");

        OperationOutcome oo = refused400(() -> fhir().create().resource(doc).execute());
        assertTrue(diagnostics(oo).contains(FIELD + uniqueId + REFUSAL), diagnostics(oo));
        assertEquals("METADATA_ERROR", oo.getIssueFirstRep().getDetails().getCodingFirstRep().getCode());
        assertNothingStored(uniqueId);
    }

    @Test
    void anIti57MetadataUpdateToASnomedFacilityTypeIsRefusedTheSameWay() {
        ProvideAndRegisterDocumentSet pnr = single(ins, text("CR à mettre à jour"));
        assertSuccess(xds.as(durant()).submit(pnr));

        SubmitObjectsRequest update = newVersion(entry(uniqueIdOf(pnr)),
                e -> e.setHealthcareFacilityTypeCode(code("22232009", "Hospital", SNOMED)));
        ErrorInfo e = refused(xds.as(durant()).update(update), ErrorCode.REGISTRY_METADATA_ERROR);
        assertTrue(e.getCodeContext().startsWith("METADATA_ERROR: " + FIELD + uniqueIdOf(pnr) + REFUSAL), e.getCodeContext());
        assertEquals("1", entry(uniqueIdOf(pnr)).getVersion().getVersionName(), "no new version");
    }

    // ------------------------------------------------------------------ the other values the SOAP side let through

    @Test
    void iti41RefusesConnectathonClassCodeAndPracticeCBothAtOnce() {
        ProvideAndRegisterDocumentSet pnr = single(ins, text("CR Connectathon"));
        DocumentEntry entry = pnr.getDocuments().get(0).getDocumentEntry();
        entry.setClassCode(code("Education", "Education", "1.3.6.1.4.1.21367.100.1"));
        entry.setPracticeSettingCode(code("Practice-C", "Practice-C", "1.3.6.1.4.1.21367.2017.3"));

        Response r = xds.as(durant()).submit(pnr);
        assertEquals(Status.FAILURE, r.getStatus());
        String all = describe(r.getErrors());
        assertEquals(2, r.getErrors().size(), all);
        assertTrue(all.contains("DocumentEntry.classCode (FHIR DocumentReference.category) of document " + uniqueIdOf(pnr)
                + ": code 'Education' of code system 1.3.6.1.4.1.21367.100.1 is not in the DMP value set "
                + "JDV_J57-ClassCode-DMP"), all);
        assertTrue(all.contains("DocumentEntry.practiceSettingCode (FHIR DocumentReference.context.practiceSetting) of "
                + "document " + uniqueIdOf(pnr) + ": code 'Practice-C' of code system 1.3.6.1.4.1.21367.2017.3 is not in "
                + "the DMP value set JDV_J62-PracticeSettingCode-DMP"), all);
        r.getErrors().forEach(x -> assertEquals(ErrorCode.REPOSITORY_METADATA_ERROR, x.getErrorCode()));
        assertNothingStored(uniqueIdOf(pnr));
    }

    @Test
    void aFormatCodeOutsideJdvJ60IsRefusedOverFhirToo() {
        String uniqueId = SampleSubmissions.newOid();
        DocumentReference doc = FhirWriteSamples.document(ins, durant(), uniqueId, "CR mimeTypeSufficient");
        doc.getContentFirstRep().setFormat(new Coding(FhirWriteSamples.FORMAT, "urn:ihe:iti:xds:2017:mimeTypeSufficient",
                "mimeType Sufficient"));

        OperationOutcome oo = refused400(() -> fhir().transaction().withBundle(
                FhirWriteSamples.provideBundle(ins, durant(), doc, bytes("CR"))).execute());
        assertTrue(diagnostics(oo).contains("DocumentEntry.formatCode (FHIR DocumentReference.content.format) of document "
                + uniqueId + ": code 'urn:ihe:iti:xds:2017:mimeTypeSufficient' of code system 1.3.6.1.4.1.19376.1.2.3 "
                + "(TRE_A11-IheFormatCode) is not in the DMP value set JDV_J60-FormatCode-DMP"), diagnostics(oo));
    }

    @Test
    void aMalformedLanguageIsRefusedOverFhirAndSoapByIpfsValidator() {
        String uniqueId = SampleSubmissions.newOid();
        DocumentReference doc = FhirWriteSamples.document(ins, durant(), uniqueId, "CR fr_FR");
        doc.getContentFirstRep().getAttachment().setLanguage("fr_FR");
        OperationOutcome oo = refused400(() -> fhir().transaction().withBundle(
                FhirWriteSamples.provideBundle(ins, durant(), doc, bytes("CR"))).execute());
        assertTrue(diagnostics(oo).contains("Invalid format of language code: fr_FR"), diagnostics(oo));

        ProvideAndRegisterDocumentSet pnr = single(ins, text("CR fr_FR"));
        pnr.getDocuments().get(0).getDocumentEntry().setLanguageCode("fr_FR");
        ErrorInfo e = refused(xds.as(durant()).submit(pnr), ErrorCode.REPOSITORY_METADATA_ERROR);
        assertTrue(e.getCodeContext().contains("Invalid format of language code: fr_FR"), e.getCodeContext());
    }

    // ------------------------------------------------------------------ accepted: the DMP's codes, per protocol

    @Test
    void theDmpCodesAreAcceptedOnEveryProtocol() {
        ProvideAndRegisterDocumentSet pnr = single(ins, text("CR XDS"));
        pnr.getDocuments().get(0).getDocumentEntry().setHealthcareFacilityTypeCode(code("SA01",
                "Etablissement public de santé", "1.2.250.1.71.4.2.4"));
        pnr.getDocuments().get(0).getDocumentEntry().setLanguageCode("en-US");
        assertSuccess(xds.as(durant()).submit(pnr));
        assertEquals("SA01", entry(uniqueIdOf(pnr)).getHealthcareFacilityTypeCode().getCode());

        String viaIti65 = SampleSubmissions.newOid();
        Bundle response = fhir().transaction().withBundle(FhirWriteSamples.provideBundle(ins, durant(),
                FhirWriteSamples.document(ins, durant(), viaIti65, "CR ITI-65"), bytes("CR ITI-65"))).execute();
        assertEquals("201 Created", response.getEntry().get(1).getResponse().getStatus());
        assertEquals("SA07", entry(viaIti65).getHealthcareFacilityTypeCode().getCode());

        DocumentReference iti105 = FhirWriteSamples.simplifiedPublish(ins, durant(), bytes("CR ITI-105"));
        iti105.getContext().getFacilityType().getCodingFirstRep().setCode("EXP_PATIENT")
                .setSystem("https://mos.esante.gouv.fr/NOS/TRE_A00-ProducteurDocNonPS/FHIR/TRE-A00-ProducteurDocNonPS")
                .setDisplay("Expression personnelle du patient");
        assertTrue(fhir().create().resource(iti105).execute().getCreated(), "201 Created");
        assertEquals("EXP_PATIENT", entry(iti105.getMasterIdentifier().getValue().substring("urn:oid:".length()))
                .getHealthcareFacilityTypeCode().getCode());
    }

    // ------------------------------------------------------------------ helpers

    static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    static String uniqueIdOf(ProvideAndRegisterDocumentSet pnr) {
        return pnr.getDocuments().get(0).getDocumentEntry().getUniqueId();
    }

    DocumentEntry entry(String uniqueId) {
        GetDocumentsQuery q = new GetDocumentsQuery();
        q.setUniqueIds(List.of(uniqueId));
        List<DocumentEntry> entries = success(xds.as(durant()).query(q)).getDocumentEntries();
        assertFalse(entries.isEmpty(), () -> "no entry for " + uniqueId);
        return entries.stream().max((a, b) -> Integer.compare(Integer.parseInt(a.getVersion().getVersionName()),
                Integer.parseInt(b.getVersion().getVersionName()))).orElseThrow();
    }

    void assertNothingStored(String uniqueId) {
        GetDocumentsQuery q = new GetDocumentsQuery();
        q.setUniqueIds(List.of(uniqueId));
        assertTrue(success(xds.as(durant()).query(q)).getDocumentEntries().isEmpty(), "nothing stored");
    }

    /** An ITI-57 new version of the stored entry, changed by {@code change}. */
    SubmitObjectsRequest newVersion(DocumentEntry stored, Consumer<DocumentEntry> change) {
        String previous = stored.getVersion().getVersionName();
        stored.setEntryUuid("urn:uuid:" + UUID.randomUUID());
        change.accept(stored);
        RegisterDocumentSet r = new RegisterDocumentSet();
        r.setSubmissionSet(submissionSet(ins));
        r.getDocumentEntries().add(stored);
        Association member = hasMember("urn:uuid:" + UUID.randomUUID(), "SubmissionSet01", stored.getEntryUuid(),
                AssociationLabel.ORIGINAL);
        member.setPreviousVersion(previous);
        r.getAssociations().add(member);
        EbXMLSubmitObjectsRequest<SubmitObjectsRequest> ebXml = new RegisterDocumentSetTransformer(new EbXMLFactory30()).toEbXML(r);
        return ebXml.getInternal();
    }

    static OperationOutcome refused400(org.junit.jupiter.api.function.Executable call) {
        BaseServerResponseException e = assertThrows(BaseServerResponseException.class, call);
        assertEquals(400, e.getStatusCode(), e::getMessage);
        assertNotNull(e.getOperationOutcome(), "an OperationOutcome comes with the refusal");
        return (OperationOutcome) e.getOperationOutcome();
    }

    static String diagnostics(OperationOutcome oo) {
        return oo.getIssue().stream().map(OperationOutcome.OperationOutcomeIssueComponent::getDiagnostics)
                .collect(Collectors.joining(" | "));
    }

}
