package org.dmpgateway.server;

import ca.uhn.fhir.rest.client.api.IGenericClient;
import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import org.dmpgateway.server.support.OneRecordPerTest;
import org.dmpgateway.server.support.FhirAnswerValidator;
import org.dmpgateway.server.support.FhirClient;
import org.dmpgateway.server.support.FhirToken;
import org.dmpgateway.server.support.FhirWriteSamples;
import org.dmpgateway.server.support.SampleSubmissions;
import org.dmpgateway.server.support.Vihf;
import org.dmpgateway.server.support.XdsClient;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeType;
import org.hl7.fhir.r4.model.DocumentReference;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.StringType;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openehealth.ipf.commons.ihe.xds.core.ebxml.EbXMLAssociation;
import org.openehealth.ipf.commons.ihe.xds.core.ebxml.EbXMLSubmitObjectsRequest;
import org.openehealth.ipf.commons.ihe.xds.core.ebxml.ebxml30.EbXMLFactory30;
import org.openehealth.ipf.commons.ihe.xds.core.metadata.AssigningAuthority;
import org.openehealth.ipf.commons.ihe.xds.core.metadata.Association;
import org.openehealth.ipf.commons.ihe.xds.core.metadata.AssociationLabel;
import org.openehealth.ipf.commons.ihe.xds.core.metadata.AssociationType;
import org.openehealth.ipf.commons.ihe.xds.core.metadata.AvailabilityStatus;
import org.openehealth.ipf.commons.ihe.xds.core.metadata.DocumentEntry;
import org.openehealth.ipf.commons.ihe.xds.core.metadata.Identifiable;
import org.openehealth.ipf.commons.ihe.xds.core.metadata.Person;
import org.openehealth.ipf.commons.ihe.xds.core.metadata.XcnName;
import org.openehealth.ipf.commons.ihe.xds.core.requests.ProvideAndRegisterDocumentSet;
import org.openehealth.ipf.commons.ihe.xds.core.requests.RegisterDocumentSet;
import org.openehealth.ipf.commons.ihe.xds.core.requests.RemoveMetadata;
import org.openehealth.ipf.commons.ihe.xds.core.metadata.ObjectReference;
import org.openehealth.ipf.commons.ihe.xds.core.requests.query.GetAllQuery;
import org.openehealth.ipf.commons.ihe.xds.core.requests.query.GetAssociationsQuery;
import org.openehealth.ipf.commons.ihe.xds.core.requests.query.GetDocumentsQuery;
import org.openehealth.ipf.commons.ihe.xds.core.requests.query.GetSubmissionSetAndContentsQuery;
import org.openehealth.ipf.commons.ihe.xds.core.responses.ErrorCode;
import org.openehealth.ipf.commons.ihe.xds.core.responses.ErrorInfo;
import org.openehealth.ipf.commons.ihe.xds.core.responses.QueryResponse;
import org.openehealth.ipf.commons.ihe.xds.core.stub.ebrs30.lcm.SubmitObjectsRequest;
import org.openehealth.ipf.commons.ihe.xds.core.transform.requests.RegisterDocumentSetTransformer;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import static org.dmpgateway.server.support.XdsAnswers.assertSuccess;
import static org.dmpgateway.server.support.XdsAnswers.success;
import static org.dmpgateway.server.support.XdsAnswers.refused;
import static org.dmpgateway.server.support.SampleSubmissions.*;
import static org.junit.jupiter.api.Assertions.*;

/**
 * The IHE conformance gaps of issue 14 (items 1, 2, 3, 4, 5, 7), end to end on a running server with
 * IPF's producers (SOAP, VIHF of Dr DURANT) and HAPI's client (FHIR, bearer token): each scenario on
 * a record of its own, every assertion built from what the test submitted.
 */
@SpringBootTest(classes = DmpGatewayApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestPropertySource(properties = "spring.datasource.url=jdbc:h2:mem:ihe-conformance-e2e;DB_CLOSE_DELAY=-1")
@DirtiesContext
class IheConformanceEndToEndTest extends OneRecordPerTest {
    static final String APPROVED = "urn:oasis:names:tc:ebxml-regrep:StatusType:Approved";
    static final String ARCHIVED = "urn:asip:ci-sis:2010:StatusType:Archived";

    @BeforeEach
    void authoriseTheOtherDoctor() {
        record.authorise(record.otherDoctor());
    }

    // ------------------------------------------------------------------ item 1: RPLC and its children

    @Test
    void aReplacementDeprecatesTheAddendaAndTransformsOfTheReplacedDocument() {
        ProvideAndRegisterDocumentSet original = single(ins, text("CR version 1"));
        assertSuccess(xds.as(record.durant()).submit(original));
        String originalUuid = entry(uniqueIdOf(original)).getEntryUuid();
        ProvideAndRegisterDocumentSet addendum = related(AssociationType.APPEND, originalUuid, "Addendum au CR");
        ProvideAndRegisterDocumentSet transform = related(AssociationType.TRANSFORM, originalUuid, "CR transformé");
        assertSuccess(xds.as(record.durant()).submit(addendum));
        assertSuccess(xds.as(record.durant()).submit(transform));
        assertEquals(AvailabilityStatus.APPROVED, entry(uniqueIdOf(addendum)).getAvailabilityStatus());

        ProvideAndRegisterDocumentSet replacement = replacement(ins, originalUuid, text("CR version 2"));
        assertSuccess(xds.as(record.durant()).submit(replacement));

        assertEquals(AvailabilityStatus.DEPRECATED, entry(uniqueIdOf(original)).getAvailabilityStatus());
        assertEquals(AvailabilityStatus.DEPRECATED, entry(uniqueIdOf(addendum)).getAvailabilityStatus(),
                "the addendum (APND) of a replaced document is deprecated with it (ITI TF-3 4.2.2)");
        assertEquals(AvailabilityStatus.DEPRECATED, entry(uniqueIdOf(transform)).getAvailabilityStatus(),
                "the transform (XFRM) of a replaced document is deprecated with it");
        assertEquals(AvailabilityStatus.APPROVED, entry(uniqueIdOf(replacement)).getAvailabilityStatus());
    }

    @Test
    void aReplacementOverIti65DeprecatesTheAddendumSubmittedOverSoap() {
        String originalId = SampleSubmissions.newOid();
        DocumentReference v1 = FhirWriteSamples.document(ins, record.durant(), originalId, "CR version 1");
        String v1Location = fhir(record.durant()).transaction().withBundle(FhirWriteSamples.provideBundle(ins, record.durant(), v1,
                bytes("CR version 1"))).execute().getEntry().get(1).getResponse().getLocation();
        String v1Id = v1Location.substring("DocumentReference/".length()).split("/")[0];
        ProvideAndRegisterDocumentSet addendum = related(AssociationType.APPEND, "urn:uuid:" + v1Id, "Addendum");
        assertSuccess(xds.as(record.durant()).submit(addendum));

        DocumentReference v2 = FhirWriteSamples.document(ins, record.durant(), SampleSubmissions.newOid(), "CR version 2");
        v2.addRelatesTo().setCode(DocumentReference.DocumentRelationshipType.REPLACES)
                .setTarget(new Reference("DocumentReference/" + v1Id));
        Bundle response = fhir(record.durant()).transaction().withBundle(FhirWriteSamples.provideBundle(ins, record.durant(), v2,
                bytes("CR version 2"))).execute();
        assertTrue(response.getEntry().get(1).getResponse().getStatus().startsWith("201"));

        assertEquals(AvailabilityStatus.DEPRECATED, entry(originalId).getAvailabilityStatus());
        assertEquals(AvailabilityStatus.DEPRECATED, entry(uniqueIdOf(addendum)).getAvailabilityStatus(),
                "replaced over ITI-65: its addendum is deprecated too");
    }

    // ------------------------------------------------------------------ item 2: associations to associations

    @Test
    void getAllGetSubmissionSetAndContentsAndGetAssociationsReturnTheSetsHasMemberToAnAssociation() {
        ProvideAndRegisterDocumentSet pnr = twoDocumentsAndFolder(ins, text("CR"), text("%PDF-1.4 ordonnance"));
        assertSuccess(xds.as(record.durant()).submit(pnr));
        int submitted = pnr.getAssociations().size();
        assertEquals(7, submitted, "2 documents, 1 folder, 2 folder memberships, 2 HasMember to those memberships");

        GetAllQuery all = new GetAllQuery();
        all.setPatientId(patient(ins));
        all.setStatusDocuments(List.of(AvailabilityStatus.APPROVED));
        all.setStatusSubmissionSets(List.of(AvailabilityStatus.APPROVED));
        all.setStatusFolders(List.of(AvailabilityStatus.APPROVED));
        QueryResponse getAll = success(xds.as(record.durant()).query(all));
        assertEquals(submitted, getAll.getAssociations().size(), () -> "GetAll: " + types(getAll));
        String setUuid = getAll.getSubmissionSets().get(0).getEntryUuid();
        long toAssociations = getAll.getAssociations().stream().filter(a -> a.getSourceUuid().equals(setUuid)
                && getAll.getAssociations().stream().anyMatch(t -> t.getEntryUuid().equals(a.getTargetUuid()))).count();
        assertEquals(2, toAssociations, "the set's HasMember to each folder membership");

        GetSubmissionSetAndContentsQuery contents = new GetSubmissionSetAndContentsQuery();
        contents.setUniqueId(pnr.getSubmissionSet().getUniqueId());
        QueryResponse set = success(xds.as(record.durant()).query(contents));
        assertEquals(2, set.getDocumentEntries().size());
        assertEquals(1, set.getFolders().size());
        assertEquals(submitted, set.getAssociations().size(), () -> "GetSubmissionSetAndContents: " + types(set));

        GetAssociationsQuery associations = new GetAssociationsQuery();
        associations.setUuids(List.of(setUuid));
        QueryResponse fromSet = success(xds.as(record.durant()).query(associations));
        assertEquals(5, fromSet.getAssociations().size(), () -> "GetAssociations of the set: " + types(fromSet));
    }

    // ------------------------------------------------------------------ item 3: ITI-57 operation errors

    @Test
    void updateAvailabilityStatusWithoutValidDistinctStatusesOrWithAForeignSlotIsAnOperationError() {
        String doc = submit(record.durant(), record.durant());
        String uuid = entry(doc).getEntryUuid();

        operationError(statusChange(uuid, a -> a.addSlot("NewStatus", ARCHIVED)), "slot OriginalStatus is missing");
        operationError(statusChange(uuid, a -> a.addSlot("OriginalStatus", APPROVED)), "slot NewStatus is missing");
        operationError(statusChange(uuid, a -> {
            a.addSlot("OriginalStatus", APPROVED);
            a.addSlot("NewStatus", "urn:example:StatusType:Hidden");
        }), "NewStatus 'urn:example:StatusType:Hidden'");
        operationError(statusChange(uuid, a -> {
            a.addSlot("OriginalStatus", APPROVED);
            a.addSlot("NewStatus", APPROVED);
        }), "OriginalStatus and NewStatus are the same status");
        operationError(statusChange(uuid, a -> {
            a.addSlot("OriginalStatus", APPROVED);
            a.addSlot("NewStatus", ARCHIVED);
            a.addSlot("PreviousVersion", "1");
        }), "slot PreviousVersion does not belong to an UpdateAvailabilityStatus association");

        DocumentEntry unchanged = entry(doc);
        assertEquals(AvailabilityStatus.APPROVED, unchanged.getAvailabilityStatus(), "nothing was changed");
        assertEquals("1", unchanged.getVersion().getVersionName());
    }

    @Test
    void aNewVersionWithAnInvalidAssociationPropagationIsAnOperationError() {
        String doc = submit(record.durant(), record.durant());
        SubmitObjectsRequest request = newVersion(entry(doc), e -> { }, "maybe");

        operationError(request, "AssociationPropagation [maybe] is not one of yes, no");
        assertEquals("1", entry(doc).getVersion().getVersionName(), "nothing was changed");
    }

    @Test
    void aNewVersionWithoutRepositoryUniqueIdIsARegistryMetadataError() {
        String doc = submit(record.durant(), record.durant());
        SubmitObjectsRequest request = newVersion(entry(doc), e -> e.setRepositoryUniqueId(null), null);

        ErrorInfo error = refused(xds.as(record.durant()).update(request), ErrorCode.REGISTRY_METADATA_ERROR);
        assertTrue(error.getCodeContext().startsWith("METADATA_ERROR: "), error.getCodeContext());
        assertTrue(error.getCodeContext().contains("missing: repositoryUniqueId"), error.getCodeContext());
        assertEquals("1", entry(doc).getVersion().getVersionName(), "nothing was changed");
    }

    @Test
    void aNewVersionOfAnUnknownLogicalIdIsAMetadataUpdateError() {
        String doc = submit(record.durant(), record.durant());
        DocumentEntry v = entry(doc);
        v.setLogicalUuid("urn:uuid:" + UUID.randomUUID());
        ErrorInfo error = refused(xds.as(record.durant()).update(newVersion(v, e -> { }, null)), ErrorCode.METADATA_UPDATE_ERROR);
        assertTrue(error.getCodeContext().contains("has the entryUUID or logicalID " + v.getLogicalUuid()),
                error.getCodeContext());
    }

    // ------------------------------------------------------------------ item 4: identical resubmission

    @Test
    void anIdenticalResubmissionIsRefusedAsADuplicateSayingTheDocumentIsRegisteredAlready() {
        ProvideAndRegisterDocumentSet first = single(ins, text("CR identique"));
        assertSuccess(xds.as(record.durant()).submit(first));
        ProvideAndRegisterDocumentSet again = single(ins, text("CR identique"));
        again.getDocuments().get(0).getDocumentEntry().setUniqueId(uniqueIdOf(first));

        ErrorInfo error = refused(xds.as(record.durant()).submit(again), ErrorCode.DUPLICATE_UNIQUE_ID_IN_REGISTRY);
        assertTrue(error.getCodeContext().startsWith("DUPLICATE_UNIQUE_ID: "), error.getCodeContext());
        assertTrue(error.getCodeContext().contains("already registered for this same document"), error.getCodeContext());
        GetDocumentsQuery get = new GetDocumentsQuery();
        get.setUniqueIds(List.of(uniqueIdOf(first)));
        assertEquals(1, success(xds.as(record.durant()).query(get)).getDocumentEntries().size(), "registered once");
    }

    @Test
    void anIdenticalResubmissionOverIti65IsRefused409() {
        String uniqueId = SampleSubmissions.newOid();
        byte[] bytes = bytes("CR identique FHIR");
        fhir(record.durant()).transaction().withBundle(FhirWriteSamples.provideBundle(ins, record.durant(),
                FhirWriteSamples.document(ins, record.durant(), uniqueId, "CR"), bytes)).execute();

        BaseServerResponseException e = assertThrows(BaseServerResponseException.class, () -> fhir(record.durant()).transaction()
                .withBundle(FhirWriteSamples.provideBundle(ins, record.durant(),
                        FhirWriteSamples.document(ins, record.durant(), uniqueId, "CR"), bytes)).execute());
        assertEquals(409, e.getStatusCode(), e::getMessage);
        assertEquals("DUPLICATE_UNIQUE_ID", ((OperationOutcome) e.getOperationOutcome()).getIssueFirstRep().getDetails()
                .getCodingFirstRep().getCode());
    }

    // ------------------------------------------------------------------ item 5: meta.profile and sourcePatientInfo

    @Test
    void anIti65BundleWithoutOrWithAWrongProfileIsRefusedNamingMetaProfile() {
        for (String profile : new String[]{null, "https://profiles.ihe.net/ITI/MHD/StructureDefinition/IHE.MHD.Comprehensive.SubmissionSet"}) {
            String uniqueId = SampleSubmissions.newOid();
            Bundle bundle = FhirWriteSamples.provideBundle(ins, record.durant(), FhirWriteSamples.document(ins, record.durant(), uniqueId,
                    "CR sans profil"), bytes("CR sans profil"));
            bundle.getMeta().getProfile().clear();
            if (profile != null) {
                bundle.getMeta().addProfile(profile);
            }
            BaseServerResponseException e = assertThrows(BaseServerResponseException.class,
                    () -> fhir(record.durant()).transaction().withBundle(bundle).execute());
            assertEquals(400, e.getStatusCode(), e::getMessage);
            OperationOutcome oo = (OperationOutcome) e.getOperationOutcome();
            assertEquals("METADATA_ERROR", oo.getIssueFirstRep().getDetails().getCodingFirstRep().getCode());
            assertTrue(oo.getIssueFirstRep().getDiagnostics().startsWith("Bundle.meta.profile: a Provide Document Bundle "
                    + "(ITI-65) declares the profile it conforms to"), oo.getIssueFirstRep().getDiagnostics());
            assertTrue(oo.getIssueFirstRep().getDiagnostics().endsWith("; got " + (profile == null ? "none" : profile)),
                    oo.getIssueFirstRep().getDiagnostics());
            assertEquals("Bundle.meta.profile", oo.getIssueFirstRep().getExpression().get(0).getValue());
            GetDocumentsQuery get = new GetDocumentsQuery();
            get.setUniqueIds(List.of(uniqueId));
            assertTrue(success(xds.as(record.durant()).query(get)).getDocumentEntries().isEmpty(), "nothing stored");
        }
    }

    @Test
    void theIheComprehensiveMinimalAndPdsmBundleProfilesAreAccepted() {
        for (String profile : new String[]{"https://profiles.ihe.net/ITI/MHD/StructureDefinition/IHE.MHD.Comprehensive.ProvideBundle",
                "https://profiles.ihe.net/ITI/MHD/StructureDefinition/IHE.MHD.Minimal.ProvideBundle|4.2.3",
                "https://profiles.ihe.net/ITI/MHD/StructureDefinition/IHE.MHD.UnContained.Comprehensive.ProvideBundle",
                FhirWriteSamples.COMPREHENSIVE_BUNDLE}) {
            String uniqueId = SampleSubmissions.newOid();
            Bundle bundle = FhirWriteSamples.provideBundle(ins, record.durant(), FhirWriteSamples.document(ins, record.durant(), uniqueId,
                    "CR"), bytes("CR " + profile));
            bundle.getMeta().getProfile().clear();
            bundle.getMeta().addProfile(profile);
            Bundle response = fhir(record.durant()).transaction().withBundle(bundle).execute();
            assertEquals("201 Created", response.getEntry().get(1).getResponse().getStatus(), profile);
            assertEquals(uniqueId, entry(uniqueId).getUniqueId());
        }
    }

    @Test
    void aComprehensiveDocumentReferenceWithoutSourcePatientInfoIsRefused() {
        String uniqueId = SampleSubmissions.newOid();
        DocumentReference doc = FhirWriteSamples.document(ins, record.durant(), uniqueId, "CR sans patient source");
        doc.getContext().setSourcePatientInfo(null);
        doc.getContained().removeIf(r -> "source-patient".equals(r.getIdElement().getIdPart()));
        BaseServerResponseException e = assertThrows(BaseServerResponseException.class, () -> fhir(record.durant()).transaction()
                .withBundle(FhirWriteSamples.provideBundle(ins, record.durant(), doc, bytes("CR"))).execute());
        assertEquals(400, e.getStatusCode(), e::getMessage);
        String diagnostics = ((OperationOutcome) e.getOperationOutcome()).getIssueFirstRep().getDiagnostics();
        assertTrue(diagnostics.contains("DocumentReference.context.sourcePatientInfo: a Comprehensive Provide Document "
                + "Bundle (declared in Bundle.meta.profile) names the patient as the source knows him"), diagnostics);
        GetDocumentsQuery get = new GetDocumentsQuery();
        get.setUniqueIds(List.of(uniqueId));
        assertTrue(success(xds.as(record.durant()).query(get)).getDocumentEntries().isEmpty(), "nothing stored");
    }

    @Test
    void aMinimalBundleWithoutSourcePatientInfoIsAcceptedWithTheInsAsSourcePatientId() {
        String uniqueId = SampleSubmissions.newOid();
        DocumentReference doc = FhirWriteSamples.document(ins, record.durant(), uniqueId, "CR minimal");
        doc.getContext().setSourcePatientInfo(null);
        doc.getContained().removeIf(r -> "source-patient".equals(r.getIdElement().getIdPart()));
        Bundle bundle = FhirWriteSamples.provideBundle(ins, record.durant(), doc, bytes("CR minimal"));
        bundle.getMeta().getProfile().clear();
        bundle.getMeta().addProfile("https://profiles.ihe.net/ITI/MHD/StructureDefinition/IHE.MHD.Minimal.ProvideBundle");
        fhir(record.durant()).transaction().withBundle(bundle).execute();
        assertEquals(ins, entry(uniqueId).getSourcePatientId().getId(),
                "PDSM4DMP: the sourcePatientId is the INS when the source has no identifier of its own");
    }

    // ------------------------------------------------------------------ item 7: author and submitter

    @Test
    void aDocumentWithoutAuthorIsRefused() {
        ProvideAndRegisterDocumentSet pnr = single(ins, text("CR sans auteur"));
        pnr.getDocuments().get(0).getDocumentEntry().getAuthors().clear();

        ErrorInfo error = refused(xds.as(record.durant()).submit(pnr), ErrorCode.REPOSITORY_METADATA_ERROR);
        assertTrue(error.getCodeContext().startsWith("METADATA_ERROR: "), error.getCodeContext());
        assertTrue(error.getCodeContext().contains("author is required"), error.getCodeContext());
        GetDocumentsQuery get = new GetDocumentsQuery();
        get.setUniqueIds(List.of(uniqueIdOf(pnr)));
        assertTrue(success(xds.as(record.durant()).query(get)).getDocumentEntries().isEmpty(), "nothing stored");
    }

    @Test
    void theSubmitterWhoIsNotTheAuthorMasksArchivesAndDeletesWhatHeSubmittedOverSoap() {
        String doc = submit(record.durant(), record.otherDoctor());

        assertSuccess(xds.as(record.durant()).update(newVersion(entry(doc), e -> e.getConfidentialityCodes().add(CONF_MASQUE_PS),
                null)));
        assertEquals("2", entry(doc).getVersion().getVersionName(), "masked by its submitter, who still sees it");
        assertSuccess(xds.as(record.durant()).update(statusChange(entry(doc).getEntryUuid(), a -> {
            a.addSlot("OriginalStatus", APPROVED);
            a.addSlot("NewStatus", ARCHIVED);
        })));
        RemoveMetadata removal = new RemoveMetadata();
        removal.getReferences().add(new ObjectReference(archived(doc)));
        assertSuccess(xds.as(record.durant()).remove(removal));
        GetDocumentsQuery get = new GetDocumentsQuery();
        get.setUniqueIds(List.of(doc));
        assertTrue(success(xds.as(record.durant()).query(get)).getDocumentEntries().isEmpty(), "deleted by its submitter");
    }

    @Test
    void theNamedAuthorStillManagesAndAnotherProfessionalMayNot() {
        record.authorise(record.adminDoctor());
        String doc = submit(record.durant(), record.otherDoctor());
        XdsClient third = xds.as(record.durant().asAdminDoctor());

        refused(third.update(statusChange(entry(doc).getEntryUuid(), a -> {
            a.addSlot("OriginalStatus", APPROVED);
            a.addSlot("NewStatus", ARCHIVED);
        })), ErrorCode._USER_DEFINED);
        assertSuccess(xds.as(record.otherDoctor()).update(statusChange(entry(doc).getEntryUuid(), a -> {
            a.addSlot("OriginalStatus", APPROVED);
            a.addSlot("NewStatus", ARCHIVED);
        })));
    }

    @Test
    void theSubmitterWhoIsNotTheAuthorMasksAndDeletesOverFhir() {
        String uniqueId = SampleSubmissions.newOid();
        DocumentReference doc = FhirWriteSamples.document(ins, record.otherDoctor(), uniqueId, "CR écrit par Dr PETIT");
        String location = fhir(record.durant()).transaction().withBundle(FhirWriteSamples.provideBundle(ins, record.durant(), doc,
                bytes("CR écrit par Dr PETIT"))).execute().getEntry().get(1).getResponse().getLocation();
        String id = location.substring("DocumentReference/".length()).split("/")[0];

        Parameters mask = new Parameters();
        Parameters.ParametersParameterComponent op = mask.addParameter().setName("operation");
        op.addPart().setName("type").setValue(new CodeType("add"));
        op.addPart().setName("path").setValue(new StringType("DocumentReference"));
        op.addPart().setName("name").setValue(new StringType("securityLabel"));
        op.addPart().setName("value").setValue(FhirWriteSamples.concept(FhirWriteSamples.A07, "MASQUE_PS",
                "Masqué aux professionnels de santé"));
        DocumentReference masked = (DocumentReference) fhir(record.durant()).patch().withFhirPatch(mask)
                .withId("DocumentReference/" + id).execute().getResource();
        assertTrue(masked.getSecurityLabel().stream().anyMatch(c -> "MASQUE_PS".equals(c.getCodingFirstRep().getCode())),
                "the submitter masked it");

        HttpResponse<String> deleted = rawDelete(record.durant(), masked.getIdElement().getIdPart());
        assertEquals(204, deleted.statusCode(), deleted.body());
        GetDocumentsQuery get = new GetDocumentsQuery();
        get.setUniqueIds(List.of(uniqueId));
        assertTrue(success(xds.as(record.durant()).query(get)).getDocumentEntries().isEmpty(), "deleted by its submitter");
    }

    // ------------------------------------------------------------------ requests

    IGenericClient fhir(Vihf who) {
        return FhirClient.as(port, who);
    }

    static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /** One report submitted by {@code submitter}, naming {@code author} as its author; returns its uniqueId. */
    String submit(Vihf submitter, Vihf author) {
        ProvideAndRegisterDocumentSet pnr = single(ins, text("CR de " + author.actorName()));
        String[] name = author.actorName().split(", ");
        pnr.getDocuments().get(0).getDocumentEntry().getAuthors().get(0).setAuthorPerson(new Person(
                new Identifiable(author.actorId(), new AssigningAuthority("1.2.250.1.71.4.2.1")),
                new XcnName(name[0], name[1], null, null, null, null)));
        assertSuccess(xds.as(submitter).submit(pnr));
        return uniqueIdOf(pnr);
    }

    /** A new document related to the registry document {@code targetUuid} by APND or XFRM. */
    ProvideAndRegisterDocumentSet related(AssociationType type, String targetUuid, String content) {
        ProvideAndRegisterDocumentSet pnr = single(ins, text(content));
        pnr.getAssociations().add(new Association(type, "Assoc02", "Document01", targetUuid));
        return pnr;
    }

    static String uniqueIdOf(ProvideAndRegisterDocumentSet pnr) {
        return pnr.getDocuments().get(0).getDocumentEntry().getUniqueId();
    }

    /** The newest version of a document, whatever its status (GetDocuments by uniqueId). */
    DocumentEntry entry(String uniqueId) {
        GetDocumentsQuery q = new GetDocumentsQuery();
        q.setUniqueIds(List.of(uniqueId));
        List<DocumentEntry> entries = success(xds.as(record.durant()).query(q)).getDocumentEntries();
        assertFalse(entries.isEmpty(), () -> "no entry for " + uniqueId);
        return entries.stream().max((a, b) -> Integer.compare(Integer.parseInt(a.getVersion().getVersionName()),
                Integer.parseInt(b.getVersion().getVersionName()))).orElseThrow();
    }

    /** The entryUUID of the Archived version of a document (read in ebXML: IPF's model has no Archived). */
    String archived(String uniqueId) {
        return entry(uniqueId).getEntryUuid();
    }

    /** An ITI-57 UpdateAvailabilityStatus association to the entry, its slots written by {@code slots}. */
    SubmitObjectsRequest statusChange(String entryUuid, Consumer<EbXMLAssociation> slots) {
        RegisterDocumentSet r = new RegisterDocumentSet();
        r.setSubmissionSet(submissionSet(ins));
        String id = "urn:uuid:" + UUID.randomUUID();
        r.getAssociations().add(new Association(AssociationType.UPDATE_AVAILABILITY_STATUS, id, "SubmissionSet01", entryUuid));
        EbXMLSubmitObjectsRequest<SubmitObjectsRequest> ebXml = new RegisterDocumentSetTransformer(new EbXMLFactory30()).toEbXML(r);
        slots.accept(ebXml.getAssociations().stream().filter(a -> id.equals(a.getId())).findFirst().orElseThrow());
        return ebXml.getInternal();
    }

    /** An ITI-57 new version of the stored entry, changed by {@code change}, with AssociationPropagation when given. */
    SubmitObjectsRequest newVersion(DocumentEntry stored, Consumer<DocumentEntry> change, String propagation) {
        String previous = stored.getVersion().getVersionName();
        stored.setEntryUuid("urn:uuid:" + UUID.randomUUID());
        change.accept(stored);
        RegisterDocumentSet r = new RegisterDocumentSet();
        r.setSubmissionSet(submissionSet(ins));
        r.getDocumentEntries().add(stored);
        String memberId = "urn:uuid:" + UUID.randomUUID();
        Association member = hasMember(memberId, "SubmissionSet01", stored.getEntryUuid(), AssociationLabel.ORIGINAL);
        member.setPreviousVersion(previous);
        r.getAssociations().add(member);
        EbXMLSubmitObjectsRequest<SubmitObjectsRequest> ebXml = new RegisterDocumentSetTransformer(new EbXMLFactory30()).toEbXML(r);
        if (propagation != null) {
            ebXml.getAssociations().stream().filter(a -> memberId.equals(a.getId())).findFirst().orElseThrow()
                    .addSlot("AssociationPropagation", propagation);
        }
        return ebXml.getInternal();
    }

    HttpResponse<String> rawDelete(Vihf who, String id) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(FhirClient.base(port) + "/DocumentReference/" + id))
                .header("Authorization", "Bearer " + FhirToken.of(who)).DELETE().build();
        try {
            return FhirAnswerValidator.assertValid(HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8)));
        } catch (IOException | InterruptedException e) {
            throw new AssertionError(e);
        }
    }

    // ------------------------------------------------------------------ assertions

    static String types(QueryResponse r) {
        return r.getAssociations().stream().map(a -> a.getAssociationType() + " " + a.getSourceUuid() + " -> "
                + a.getTargetUuid()).collect(Collectors.joining("; "));
    }

    void operationError(SubmitObjectsRequest request, String says) {
        ErrorInfo e = refused(xds.as(record.durant()).update(request), ErrorCode.METADATA_UPDATE_OPERATION_ERROR);
        assertTrue(e.getCodeContext().startsWith("METADATA_UPDATE_OPERATION_ERROR: "), e.getCodeContext());
        assertTrue(e.getCodeContext().contains(says), () -> "expected '" + says + "' in " + e.getCodeContext());
    }
}
