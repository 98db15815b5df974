package org.dmpgateway.server;

import org.apache.camel.ProducerTemplate;
import org.dmpgateway.repository.RegistryRepository;
import org.dmpgateway.server.support.TestRecord;
import org.dmpgateway.server.support.Vihf;
import org.dmpgateway.server.support.XdsClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openehealth.ipf.commons.ihe.xds.core.metadata.AssociationType;
import org.openehealth.ipf.commons.ihe.xds.core.metadata.AvailabilityStatus;
import org.openehealth.ipf.commons.ihe.xds.core.metadata.Code;
import org.openehealth.ipf.commons.ihe.xds.core.metadata.DocumentEntry;
import org.openehealth.ipf.commons.ihe.xds.core.metadata.Folder;
import org.openehealth.ipf.commons.ihe.xds.core.metadata.SubmissionSet;
import org.openehealth.ipf.commons.ihe.xds.core.requests.ProvideAndRegisterDocumentSet;
import org.openehealth.ipf.commons.ihe.xds.core.requests.query.FindDocumentsByReferenceIdQuery;
import org.openehealth.ipf.commons.ihe.xds.core.requests.query.FindDocumentsQuery;
import org.openehealth.ipf.commons.ihe.xds.core.requests.query.FindFoldersQuery;
import org.openehealth.ipf.commons.ihe.xds.core.requests.query.FindSubmissionSetsQuery;
import org.openehealth.ipf.commons.ihe.xds.core.requests.query.GetAllQuery;
import org.openehealth.ipf.commons.ihe.xds.core.requests.query.GetAssociationsQuery;
import org.openehealth.ipf.commons.ihe.xds.core.requests.query.GetDocumentsAndAssociationsQuery;
import org.openehealth.ipf.commons.ihe.xds.core.requests.query.GetDocumentsQuery;
import org.openehealth.ipf.commons.ihe.xds.core.requests.query.GetFolderAndContentsQuery;
import org.openehealth.ipf.commons.ihe.xds.core.requests.query.GetFoldersForDocumentQuery;
import org.openehealth.ipf.commons.ihe.xds.core.requests.query.GetFoldersQuery;
import org.openehealth.ipf.commons.ihe.xds.core.requests.query.GetRelatedDocumentsQuery;
import org.openehealth.ipf.commons.ihe.xds.core.requests.query.GetSubmissionSetAndContentsQuery;
import org.openehealth.ipf.commons.ihe.xds.core.requests.query.GetSubmissionSetsQuery;
import org.openehealth.ipf.commons.ihe.xds.core.requests.query.QueryList;
import org.openehealth.ipf.commons.ihe.xds.core.requests.query.QueryReturnType;
import org.openehealth.ipf.commons.ihe.xds.core.responses.ErrorCode;
import org.openehealth.ipf.commons.ihe.xds.core.responses.ErrorInfo;
import org.openehealth.ipf.commons.ihe.xds.core.responses.QueryResponse;
import org.openehealth.ipf.commons.ihe.xds.core.responses.Response;
import org.openehealth.ipf.commons.ihe.xds.core.responses.RetrievedDocument;
import org.openehealth.ipf.commons.ihe.xds.core.responses.RetrievedDocumentSet;
import org.openehealth.ipf.commons.ihe.xds.core.responses.Status;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.dmpgateway.server.support.XdsAnswers.describe;
import static org.dmpgateway.server.support.XdsAnswers.assertSuccess;
import static org.dmpgateway.server.support.XdsAnswers.assertFailure;
import static org.dmpgateway.server.support.SampleSubmissions.*;
import static org.junit.jupiter.api.Assertions.*;

/**
 * The XDS.b vertical slice end to end: a running server on a random port, IPF's SOAP producers as
 * the client. Subclasses choose the database (H2, PostgreSQL); the behaviour must be the same.
 * <p>
 * Every request carries the VIHF of Dr DURANT ({@link Vihf#doctor}) for the patient it concerns:
 * the patient named by the request, or the one given with {@code xds.forPatient(ins)} for the
 * id-based queries and retrieves. Before each test the patients authorise Dr DURANT through the
 * admin API, as the access policy requires.
 */
@SpringBootTest(classes = DmpGatewayApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext
abstract class XdsEndToEndTestBase {

    @LocalServerPort
    int port;

    @Autowired
    ProducerTemplate producer;

    @Value("${dmp.xds.repository-unique-id}")
    String repositoryUniqueId;

    @Autowired
    RegistryRepository registry;

    XdsClient xds;

    /** The seeded patients these tests read and write. */
    static final List<String> PATIENTS = List.of(PATIENT_ACTIVATED, PATIENT_CREATED, PATIENT_OTHER, PATIENT_CORSICA);

    @BeforeEach
    void client() {
        xds = new XdsClient(producer, port);
    }

    @BeforeEach
    void patientsAuthoriseDrDurant() {
        for (String ins : PATIENTS) {
            TestRecord.seeded(port, ins);
        }
    }

    // ------------------------------------------------------------------ helpers

    /** What a successful submission of two documents and a folder left in the registry. */
    record Stored(ProvideAndRegisterDocumentSet request, DocumentEntry report, DocumentEntry prescription,
                  Folder folder, SubmissionSet set) {
    }

    private static final byte[] REPORT = "Compte rendu de consultation du 20/11/2025\nTA 12/8, glycémie 1,1 g/L.\n"
            .getBytes(StandardCharsets.UTF_8);

    static byte[] pdfBytes() {
        byte[] pdf = new byte[4096];
        byte[] head = "%PDF-1.4\n".getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(head, 0, pdf, 0, head.length);
        for (int i = head.length; i < pdf.length; i++) {
            pdf[i] = (byte) (i * 31 + 7); // every byte value, including 0x00 and 0xFF
        }
        return pdf;
    }

    Stored submitTwoDocumentsAndFolder(String ins) {
        ProvideAndRegisterDocumentSet pnr = twoDocumentsAndFolder(ins, REPORT, pdfBytes());
        Response response = xds.submit(pnr);
        assertSuccess(response);
        String reportUid = pnr.getDocuments().get(0).getDocumentEntry().getUniqueId();
        String prescriptionUid = pnr.getDocuments().get(1).getDocumentEntry().getUniqueId();
        Map<String, DocumentEntry> byUid = documentsByUniqueId(ins, reportUid, prescriptionUid);
        GetFoldersQuery fq = new GetFoldersQuery();
        fq.setUniqueIds(List.of(pnr.getFolders().get(0).getUniqueId()));
        Folder folder = only(xds.forPatient(ins).query(fq).getFolders());
        FindSubmissionSetsQuery sq = new FindSubmissionSetsQuery();
        sq.setPatientId(patient(ins));
        sq.setStatus(List.of(AvailabilityStatus.APPROVED));
        SubmissionSet set = xds.query(sq).getSubmissionSets().stream()
                .filter(s -> s.getUniqueId().equals(pnr.getSubmissionSet().getUniqueId())).findFirst().orElseThrow();
        return new Stored(pnr, byUid.get(reportUid), byUid.get(prescriptionUid), folder, set);
    }

    /** GetDocuments by uniqueIds, in the record of patient {@code ins}. */
    Map<String, DocumentEntry> documentsByUniqueId(String ins, String... uniqueIds) {
        GetDocumentsQuery q = new GetDocumentsQuery();
        q.setUniqueIds(List.of(uniqueIds));
        QueryResponse r = xds.forPatient(ins).query(q);
        assertEquals(Status.SUCCESS, r.getStatus(), () -> "GetDocuments failed: " + r.getErrors());
        return r.getDocumentEntries().stream().collect(Collectors.toMap(DocumentEntry::getUniqueId, Function.identity()));
    }

    static <T> T only(List<T> list) {
        assertEquals(1, list.size(), () -> "expected exactly one object, got " + list);
        return list.get(0);
    }

    FindDocumentsQuery findDocuments(String ins, AvailabilityStatus... statuses) {
        FindDocumentsQuery q = new FindDocumentsQuery();
        q.setPatientId(patient(ins));
        q.setStatus(Arrays.asList(statuses));
        return q;
    }

    static List<String> uniqueIds(List<DocumentEntry> entries) {
        return entries.stream().map(DocumentEntry::getUniqueId).toList();
    }

    /**
     * Nothing of a refused submission is in the repository: neither its objects (by uniqueId) nor
     * its content. Read in the database itself, so that the answer does not depend on whether the
     * access policy lets anyone read the (perhaps unknown) patient's record.
     */
    void assertNothingStored(ProvideAndRegisterDocumentSet pnr) {
        List<String> documentUids = pnr.getDocuments().stream().map(d -> d.getDocumentEntry().getUniqueId()).toList();
        List<String> uids = new java.util.ArrayList<>(documentUids);
        uids.add(pnr.getSubmissionSet().getUniqueId());
        pnr.getFolders().forEach(f -> uids.add(f.getUniqueId()));
        assertEquals(List.of(), registry.findUniqueIdUses(uids), "no object of a refused submission may be stored");
        for (String uid : documentUids) {
            assertTrue(registry.findContent(uid).isEmpty(), "no content of a refused submission may be stored");
        }
    }

    // ------------------------------------------------------------------ ITI-41 + ITI-43

    @Test
    void submitsTwoDocumentsAndAFolderAndRetrievesTheContentByteForByte() throws IOException {
        Stored s = submitTwoDocumentsAndFolder(PATIENT_ACTIVATED);

        assertEquals(AvailabilityStatus.APPROVED, s.report().getAvailabilityStatus());
        assertTrue(s.report().getEntryUuid().startsWith("urn:uuid:"), "symbolic ids are replaced by UUIDs");
        assertEquals(repositoryUniqueId, s.report().getRepositoryUniqueId());
        assertEquals((long) REPORT.length, s.report().getSize());
        assertEquals(sha1(REPORT), s.report().getHash(), "the registry computes the hash when absent");
        assertEquals(TYPE_CR_CONSULTATION, s.report().getTypeCode());
        assertEquals(CLASS_CR, s.report().getClassCode());
        assertEquals(List.of(CONF_NORMAL), s.report().getConfidentialityCodes());
        assertEquals(List.of(EVENT_X), s.report().getEventCodeList());
        assertEquals("20251120093000", s.report().getCreationTime().toHL7());
        assertEquals("DURANT", s.report().getAuthors().get(0).getAuthorPerson().getName().getFamilyName());
        assertEquals("G15_10/SM54", s.report().getAuthors().get(0).getAuthorSpecialty().get(0).getId());
        assertEquals("fr-FR", s.report().getLanguageCode());
        assertEquals(4096L, s.prescription().getSize());
        assertEquals("Suivi diabète", s.folder().getTitle().getValue());
        assertNotNull(s.folder().getLastUpdateTime(), "the registry sets the folder's lastUpdateTime");

        RetrievedDocumentSet retrieved = xds.forPatient(PATIENT_ACTIVATED)
                .retrieve(repositoryUniqueId, s.report().getUniqueId(), s.prescription().getUniqueId());
        assertEquals(Status.SUCCESS, retrieved.getStatus(), () -> describe(retrieved.getErrors()));
        Map<String, RetrievedDocument> byUid = retrieved.getDocuments().stream().collect(Collectors.toMap(
                d -> d.getRequestData().getDocumentUniqueId(), Function.identity()));
        assertArrayEquals(REPORT, byUid.get(s.report().getUniqueId()).getDataHandler().getInputStream().readAllBytes());
        assertArrayEquals(pdfBytes(), byUid.get(s.prescription().getUniqueId()).getDataHandler().getInputStream().readAllBytes());
        assertEquals("application/pdf", byUid.get(s.prescription().getUniqueId()).getMimeType());
        assertEquals(repositoryUniqueId, byUid.get(s.report().getUniqueId()).getRequestData().getRepositoryUniqueId());
    }

    @Test
    void retrieveOfAnUnknownDocumentOrRepositoryReturnsTheStandardErrors() {
        Stored s = submitTwoDocumentsAndFolder(PATIENT_ACTIVATED);
        XdsClient xds = this.xds.forPatient(PATIENT_ACTIVATED);
        RetrievedDocumentSet unknownDoc = xds.retrieve(repositoryUniqueId, "2.25.1234567");
        assertEquals(Status.FAILURE, unknownDoc.getStatus());
        assertEquals(ErrorCode.DOCUMENT_UNIQUE_ID_ERROR, only(unknownDoc.getErrors()).getErrorCode());

        RetrievedDocumentSet otherRepo = xds.retrieve("1.2.3.4.5", s.report().getUniqueId());
        assertEquals(Status.FAILURE, otherRepo.getStatus());
        assertEquals(ErrorCode.UNKNOWN_REPOSITORY_ID, only(otherRepo.getErrors()).getErrorCode());

        RetrievedDocumentSet partial = xds.retrieve(repositoryUniqueId, s.report().getUniqueId(), "2.25.7654321");
        assertEquals(Status.PARTIAL_SUCCESS, partial.getStatus());
        assertEquals(1, partial.getDocuments().size());
        assertEquals(ErrorCode.DOCUMENT_UNIQUE_ID_ERROR, only(partial.getErrors()).getErrorCode());
    }

    // ------------------------------------------------------------------ ITI-18, each stored query

    @Test
    void findDocumentsHonoursEveryParameter() {
        Stored s = submitTwoDocumentsAndFolder(PATIENT_CREATED);
        String r = s.report().getUniqueId(), p = s.prescription().getUniqueId();

        List<String> all = uniqueIds(xds.query(findDocuments(PATIENT_CREATED, AvailabilityStatus.APPROVED)).getDocumentEntries());
        assertTrue(all.containsAll(List.of(r, p)));

        FindDocumentsQuery byClass = findDocuments(PATIENT_CREATED, AvailabilityStatus.APPROVED);
        byClass.setClassCodes(List.of(CLASS_PRESCRIPTION));
        assertFound(byClass, List.of(p), List.of(r));

        FindDocumentsQuery byType = findDocuments(PATIENT_CREATED, AvailabilityStatus.APPROVED);
        byType.setTypeCodes(List.of(TYPE_CR_CONSULTATION));
        assertFound(byType, List.of(r), List.of(p));

        FindDocumentsQuery byFormat = findDocuments(PATIENT_CREATED, AvailabilityStatus.APPROVED);
        byFormat.setFormatCodes(List.of(FORMAT_PDF));
        assertFound(byFormat, List.of(p), List.of(r));

        FindDocumentsQuery byCreation = findDocuments(PATIENT_CREATED, AvailabilityStatus.APPROVED);
        byCreation.getCreationTime().setFrom("20251121");
        byCreation.getCreationTime().setTo("20251122");
        assertFound(byCreation, List.of(p), List.of(r));

        FindDocumentsQuery byServiceStart = findDocuments(PATIENT_CREATED, AvailabilityStatus.APPROVED);
        byServiceStart.getServiceStartTime().setTo("20251121");
        assertFound(byServiceStart, List.of(r), List.of(p));

        FindDocumentsQuery byServiceStop = findDocuments(PATIENT_CREATED, AvailabilityStatus.APPROVED);
        byServiceStop.getServiceStopTime().setFrom("20251121");
        assertFound(byServiceStop, List.of(p), List.of(r));

        FindDocumentsQuery byEvent = findDocuments(PATIENT_CREATED, AvailabilityStatus.APPROVED);
        byEvent.setEventCodes(new QueryList<>(EVENT_X));
        assertFound(byEvent, List.of(r), List.of(p));

        FindDocumentsQuery byConfidentiality = findDocuments(PATIENT_CREATED, AvailabilityStatus.APPROVED);
        QueryList<Code> conf = new QueryList<>();
        conf.getOuterList().add(List.of(CONF_MASQUE_PS, CONF_NORMAL)); // OR inside a group
        byConfidentiality.setConfidentialityCodes(conf);
        assertFound(byConfidentiality, List.of(r, p), List.of());
        QueryList<Code> confAnd = new QueryList<>();
        confAnd.getOuterList().add(List.of(CONF_NORMAL));
        confAnd.getOuterList().add(List.of(CONF_MASQUE_PS)); // AND between groups
        byConfidentiality.setConfidentialityCodes(confAnd);
        assertFound(byConfidentiality, List.of(), List.of(r, p));

        FindDocumentsQuery byFacility = findDocuments(PATIENT_CREATED, AvailabilityStatus.APPROVED);
        byFacility.setHealthcareFacilityTypeCodes(List.of(code("SA01", "Etablissement public", "1.2.250.1.71.4.2.4")));
        assertFound(byFacility, List.of(), List.of(r, p));
        byFacility.setHealthcareFacilityTypeCodes(List.of(FACILITY_SA07));
        byFacility.setPracticeSettingCodes(List.of(PRACTICE_AMBULATOIRE));
        assertFound(byFacility, List.of(r, p), List.of());

        FindDocumentsQuery byAuthor = findDocuments(PATIENT_CREATED, AvailabilityStatus.APPROVED);
        byAuthor.setAuthorPersons(List.of("%DURANT%"));
        assertFound(byAuthor, List.of(r, p), List.of());
        byAuthor.setAuthorPersons(List.of("%MARTIN%"));
        assertFound(byAuthor, List.of(), List.of(r, p));

        FindDocumentsQuery deprecatedOnly = findDocuments(PATIENT_CREATED, AvailabilityStatus.DEPRECATED);
        assertFound(deprecatedOnly, List.of(), List.of(r, p));

        FindDocumentsQuery onDemandOnly = findDocuments(PATIENT_CREATED, AvailabilityStatus.APPROVED);
        onDemandOnly.setDocumentEntryTypes(List.of(org.openehealth.ipf.commons.ihe.xds.core.metadata.DocumentEntryType.ON_DEMAND));
        assertFound(onDemandOnly, List.of(), List.of(r, p));

        QueryResponse otherPatient = xds.query(findDocuments(PATIENT_OTHER, AvailabilityStatus.APPROVED));
        assertEquals(Status.SUCCESS, otherPatient.getStatus());
        assertTrue(uniqueIds(otherPatient.getDocumentEntries()).stream().noneMatch(u -> u.equals(r) || u.equals(p)));
    }

    void assertFound(FindDocumentsQuery q, List<String> present, List<String> absent) {
        QueryResponse response = xds.query(q);
        assertEquals(Status.SUCCESS, response.getStatus(), () -> describe(response.getErrors()));
        List<String> found = uniqueIds(response.getDocumentEntries());
        assertTrue(found.containsAll(present), () -> "expected " + present + " in " + found);
        assertTrue(absent.stream().noneMatch(found::contains), () -> "expected none of " + absent + " in " + found);
    }

    @Test
    void objectRefQueriesReturnOnlyReferences() {
        Stored s = submitTwoDocumentsAndFolder(PATIENT_ACTIVATED);
        QueryResponse refs = xds.query(findDocuments(PATIENT_ACTIVATED, AvailabilityStatus.APPROVED), QueryReturnType.OBJECT_REF);
        assertEquals(Status.SUCCESS, refs.getStatus());
        assertTrue(refs.getDocumentEntries().isEmpty());
        List<String> ids = refs.getReferences().stream().map(r -> r.getId()).toList();
        assertTrue(ids.containsAll(List.of(s.report().getEntryUuid(), s.prescription().getEntryUuid())));
    }

    @Test
    void findSubmissionSetsAndFindFolders() {
        Stored s = submitTwoDocumentsAndFolder(PATIENT_OTHER);
        FindSubmissionSetsQuery sq = new FindSubmissionSetsQuery();
        sq.setPatientId(patient(PATIENT_OTHER));
        sq.setStatus(List.of(AvailabilityStatus.APPROVED));
        sq.setContentTypeCodes(List.of(CONTENT_TYPE));
        sq.setSourceIds(List.of("1.2.250.1.999.1.1"));
        sq.getSubmissionTime().setFrom("20251123");
        sq.setAuthorPerson("%DURANT%");
        QueryResponse sets = xds.query(sq);
        assertEquals(Status.SUCCESS, sets.getStatus(), () -> describe(sets.getErrors()));
        assertTrue(sets.getSubmissionSets().stream().anyMatch(x -> x.getUniqueId().equals(s.set().getUniqueId())));
        sq.getSubmissionTime().setFrom("20251124");
        assertTrue(xds.query(sq).getSubmissionSets().stream().noneMatch(x -> x.getUniqueId().equals(s.set().getUniqueId())));

        FindFoldersQuery fq = new FindFoldersQuery();
        fq.setPatientId(patient(PATIENT_OTHER));
        fq.setStatus(List.of(AvailabilityStatus.APPROVED));
        fq.setCodes(new QueryList<>(code("DIAB", "Diabète", "1.2.250.1.999.3")));
        QueryResponse folders = xds.query(fq);
        assertEquals(Status.SUCCESS, folders.getStatus(), () -> describe(folders.getErrors()));
        assertTrue(folders.getFolders().stream().anyMatch(f -> f.getUniqueId().equals(s.folder().getUniqueId())));
        fq.setCodes(new QueryList<>(code("ASTH", "Asthme", "1.2.250.1.999.3")));
        assertTrue(xds.query(fq).getFolders().stream().noneMatch(f -> f.getUniqueId().equals(s.folder().getUniqueId())));
    }

    @Test
    void getAllReturnsDocumentsSetsFoldersAndTheirAssociations() {
        Stored s = submitTwoDocumentsAndFolder(PATIENT_CORSICA);
        GetAllQuery q = new GetAllQuery();
        q.setPatientId(patient(PATIENT_CORSICA));
        q.setStatusDocuments(List.of(AvailabilityStatus.APPROVED));
        q.setStatusSubmissionSets(List.of(AvailabilityStatus.APPROVED));
        q.setStatusFolders(List.of(AvailabilityStatus.APPROVED));
        QueryResponse r = xds.query(q);
        assertEquals(Status.SUCCESS, r.getStatus(), () -> describe(r.getErrors()));
        assertTrue(uniqueIds(r.getDocumentEntries()).containsAll(List.of(s.report().getUniqueId(), s.prescription().getUniqueId())));
        assertTrue(r.getFolders().stream().anyMatch(f -> f.getEntryUuid().equals(s.folder().getEntryUuid())));
        assertTrue(r.getSubmissionSets().stream().anyMatch(x -> x.getEntryUuid().equals(s.set().getEntryUuid())));
        long membersOfOurSet = r.getAssociations().stream().filter(a -> a.getSourceUuid().equals(s.set().getEntryUuid())).count();
        assertEquals(5, membersOfOurSet, "set -> 2 documents, 1 folder and the 2 folder-membership associations it "
                + "submitted (an association between objects is content of the set, issue 14)");
        assertEquals(2, r.getAssociations().stream().filter(a -> a.getSourceUuid().equals(s.folder().getEntryUuid())).count());
    }

    @Test
    void getDocumentsByUuidAndByUniqueIdAndGetFolders() {
        Stored s = submitTwoDocumentsAndFolder(PATIENT_ACTIVATED);
        XdsClient xds = this.xds.forPatient(PATIENT_ACTIVATED);
        GetDocumentsQuery byUuid = new GetDocumentsQuery();
        byUuid.setUuids(List.of(s.report().getEntryUuid()));
        assertEquals(s.report().getUniqueId(), only(xds.query(byUuid).getDocumentEntries()).getUniqueId());

        GetFoldersQuery folders = new GetFoldersQuery();
        folders.setUuids(List.of(s.folder().getEntryUuid()));
        assertEquals(s.folder().getUniqueId(), only(xds.query(folders).getFolders()).getUniqueId());

        GetDocumentsQuery unknown = new GetDocumentsQuery();
        unknown.setUuids(List.of("urn:uuid:00000000-0000-0000-0000-000000000000"));
        QueryResponse none = xds.query(unknown);
        assertEquals(Status.SUCCESS, none.getStatus());
        assertTrue(none.getDocumentEntries().isEmpty());
    }

    @Test
    void getAssociationsAndGetDocumentsAndAssociations() {
        Stored s = submitTwoDocumentsAndFolder(PATIENT_ACTIVATED);
        XdsClient xds = this.xds.forPatient(PATIENT_ACTIVATED);
        GetAssociationsQuery q = new GetAssociationsQuery();
        q.setUuids(List.of(s.report().getEntryUuid()));
        QueryResponse r = xds.query(q);
        assertEquals(Status.SUCCESS, r.getStatus(), () -> describe(r.getErrors()));
        assertEquals(2, r.getAssociations().size(), "set -> report and folder -> report");
        assertTrue(r.getAssociations().stream().allMatch(a -> a.getTargetUuid().equals(s.report().getEntryUuid())));

        GetDocumentsAndAssociationsQuery q2 = new GetDocumentsAndAssociationsQuery();
        q2.setUniqueIds(List.of(s.report().getUniqueId()));
        QueryResponse r2 = xds.query(q2);
        assertEquals(s.report().getEntryUuid(), only(r2.getDocumentEntries()).getEntryUuid());
        assertEquals(2, r2.getAssociations().size());
    }

    @Test
    void getSubmissionSetsAndGetSubmissionSetAndContents() {
        Stored s = submitTwoDocumentsAndFolder(PATIENT_ACTIVATED);
        XdsClient xds = this.xds.forPatient(PATIENT_ACTIVATED);
        GetSubmissionSetsQuery q = new GetSubmissionSetsQuery();
        q.setUuids(List.of(s.prescription().getEntryUuid()));
        QueryResponse r = xds.query(q);
        assertEquals(Status.SUCCESS, r.getStatus(), () -> describe(r.getErrors()));
        assertEquals(s.set().getEntryUuid(), only(r.getSubmissionSets()).getEntryUuid());
        assertEquals(s.prescription().getEntryUuid(), only(r.getAssociations()).getTargetUuid());

        GetSubmissionSetAndContentsQuery q2 = new GetSubmissionSetAndContentsQuery();
        q2.setUniqueId(s.set().getUniqueId());
        QueryResponse r2 = xds.query(q2);
        assertEquals(Status.SUCCESS, r2.getStatus(), () -> describe(r2.getErrors()));
        assertEquals(2, r2.getDocumentEntries().size());
        assertEquals(s.folder().getEntryUuid(), only(r2.getFolders()).getEntryUuid());
        assertEquals(s.set().getEntryUuid(), only(r2.getSubmissionSets()).getEntryUuid());
        assertEquals(7, r2.getAssociations().size(), "the 7 associations of the submission");

        GetSubmissionSetAndContentsQuery pdfOnly = new GetSubmissionSetAndContentsQuery();
        pdfOnly.setUuid(s.set().getEntryUuid());
        pdfOnly.setFormatCodes(List.of(FORMAT_PDF));
        assertEquals(s.prescription().getUniqueId(), only(xds.query(pdfOnly).getDocumentEntries()).getUniqueId());
    }

    @Test
    void getFolderAndContentsAndGetFoldersForDocument() {
        Stored s = submitTwoDocumentsAndFolder(PATIENT_ACTIVATED);
        XdsClient xds = this.xds.forPatient(PATIENT_ACTIVATED);
        GetFolderAndContentsQuery q = new GetFolderAndContentsQuery();
        q.setUuid(s.folder().getEntryUuid());
        QueryResponse r = xds.query(q);
        assertEquals(Status.SUCCESS, r.getStatus(), () -> describe(r.getErrors()));
        assertEquals(s.folder().getEntryUuid(), only(r.getFolders()).getEntryUuid());
        assertEquals(2, r.getDocumentEntries().size());
        assertEquals(2, r.getAssociations().size());

        GetFoldersForDocumentQuery q2 = new GetFoldersForDocumentQuery();
        q2.setUniqueId(s.report().getUniqueId());
        assertEquals(s.folder().getEntryUuid(), only(xds.query(q2).getFolders()).getEntryUuid());
    }

    // ------------------------------------------------------------------ replacement

    @Test
    void replacementDeprecatesTheOldVersionAndKeepsFolderMembership() throws IOException {
        Stored s = submitTwoDocumentsAndFolder(PATIENT_ACTIVATED);
        byte[] v2 = text("Compte rendu corrigé");
        ProvideAndRegisterDocumentSet rplc = replacement(PATIENT_ACTIVATED, s.report().getEntryUuid(), v2);
        assertSuccess(xds.submit(rplc));
        String newUid = rplc.getDocuments().get(0).getDocumentEntry().getUniqueId();

        Map<String, DocumentEntry> now = documentsByUniqueId(PATIENT_ACTIVATED, s.report().getUniqueId(), newUid);
        assertEquals(AvailabilityStatus.DEPRECATED, now.get(s.report().getUniqueId()).getAvailabilityStatus());
        assertEquals(AvailabilityStatus.APPROVED, now.get(newUid).getAvailabilityStatus());

        assertFound(findDocuments(PATIENT_ACTIVATED, AvailabilityStatus.APPROVED), List.of(newUid), List.of(s.report().getUniqueId()));
        assertFound(findDocuments(PATIENT_ACTIVATED, AvailabilityStatus.DEPRECATED), List.of(s.report().getUniqueId()), List.of(newUid));

        GetRelatedDocumentsQuery related = new GetRelatedDocumentsQuery();
        related.setUuid(s.report().getEntryUuid());
        related.setAssociationTypes(List.of(AssociationType.REPLACE));
        XdsClient record = xds.forPatient(PATIENT_ACTIVATED);
        QueryResponse r = record.query(related);
        assertEquals(Status.SUCCESS, r.getStatus(), () -> describe(r.getErrors()));
        assertEquals(AssociationType.REPLACE, only(r.getAssociations()).getAssociationType());
        assertEquals(2, r.getDocumentEntries().size());

        GetFolderAndContentsQuery folder = new GetFolderAndContentsQuery();
        folder.setUuid(s.folder().getEntryUuid());
        assertTrue(uniqueIds(record.query(folder).getDocumentEntries()).contains(newUid), "the replacement joins the folder");

        assertArrayEquals(v2, only(record.retrieve(repositoryUniqueId, newUid).getDocuments()).getDataHandler().getInputStream().readAllBytes());

        ProvideAndRegisterDocumentSet again = replacement(PATIENT_ACTIVATED, s.report().getEntryUuid(), text("v3"));
        assertFailure(xds.submit(again), ErrorCode.REGISTRY_DEPRECATED_DOCUMENT_ERROR, "DEPRECATED_DOCUMENT");
        assertNothingStored(again);
    }

    // ------------------------------------------------------------------ errors: code, and nothing stored

    @Test
    void unknownPatientIsRefusedAndNothingIsStored() {
        ProvideAndRegisterDocumentSet pnr = single(PATIENT_UNKNOWN, text("x"));
        assertFailure(xds.submit(pnr), ErrorCode.UNKNOWN_PATIENT_ID, "UNKNOWN_PATIENT");
        assertNothingStored(pnr);
    }

    @Test
    void malformedInsIsRefusedWithTheRuleItBreaks() {
        ProvideAndRegisterDocumentSet pnr = single(PATIENT_BAD_KEY, text("x"));
        ErrorInfo e = assertFailure(xds.submit(pnr), ErrorCode.UNKNOWN_PATIENT_ID, "INVALID_INS");
        assertTrue(e.getCodeContext().contains("key"), e.getCodeContext());
        assertNothingStored(pnr);
    }

    @Test
    void duplicateUniqueIdIsRefusedAndNothingIsStored() {
        byte[] bytes = text("original");
        ProvideAndRegisterDocumentSet first = single(PATIENT_ACTIVATED, bytes);
        assertSuccess(xds.submit(first));
        ProvideAndRegisterDocumentSet second = single(PATIENT_ACTIVATED, bytes);
        second.getDocuments().get(0).getDocumentEntry().setUniqueId(first.getDocuments().get(0).getDocumentEntry().getUniqueId());
        assertFailure(xds.submit(second), ErrorCode.DUPLICATE_UNIQUE_ID_IN_REGISTRY, "DUPLICATE_UNIQUE_ID");
        assertEquals(1, documentsByUniqueId(PATIENT_ACTIVATED, first.getDocuments().get(0).getDocumentEntry().getUniqueId()).size());

        ProvideAndRegisterDocumentSet third = single(PATIENT_ACTIVATED, text("other content"));
        third.getDocuments().get(0).getDocumentEntry().setUniqueId(first.getDocuments().get(0).getDocumentEntry().getUniqueId());
        assertFailure(xds.submit(third), ErrorCode.NON_IDENTICAL_HASH, "NON_IDENTICAL_HASH");
    }

    @Test
    void anEntryUuidAlreadyInTheRegistryIsRefusedNamingIt() {
        String uuid = "urn:uuid:" + java.util.UUID.randomUUID();
        ProvideAndRegisterDocumentSet first = withDocumentEntryUuid(single(PATIENT_ACTIVATED, text("first")), uuid);
        assertSuccess(xds.submit(first));
        ProvideAndRegisterDocumentSet second = withDocumentEntryUuid(single(PATIENT_ACTIVATED, text("second")), uuid);

        ErrorInfo e = assertFailure(xds.submit(second), ErrorCode.DUPLICATE_UNIQUE_ID_IN_REGISTRY, "DUPLICATE_UNIQUE_ID");

        assertTrue(e.getCodeContext().contains("entryUUID " + uuid + " is already used in the registry by a document entry"),
                e.getCodeContext());
        assertNothingStored(second);
    }

    /** The submission with its one document given the entryUUID {@code uuid} (the association follows). */
    private static ProvideAndRegisterDocumentSet withDocumentEntryUuid(ProvideAndRegisterDocumentSet pnr, String uuid) {
        pnr.getDocuments().get(0).getDocumentEntry().setEntryUuid(uuid);
        pnr.getAssociations().get(0).setTargetUuid(uuid);
        return pnr;
    }

    @Test
    void declaredHashOrSizeThatDoNotMatchTheContentAreRefused() {
        ProvideAndRegisterDocumentSet badHash = single(PATIENT_ACTIVATED, text("content"));
        badHash.getDocuments().get(0).getDocumentEntry().setHash("0123456789abcdef0123456789abcdef01234567");
        assertFailure(xds.submit(badHash), ErrorCode.NON_IDENTICAL_HASH, "NON_IDENTICAL_HASH");
        assertNothingStored(badHash);

        ProvideAndRegisterDocumentSet badSize = single(PATIENT_ACTIVATED, text("content"));
        badSize.getDocuments().get(0).getDocumentEntry().setSize(999L);
        assertFailure(xds.submit(badSize), ErrorCode.NON_IDENTICAL_SIZE, "NON_IDENTICAL_SIZE");
        assertNothingStored(badSize);

        ProvideAndRegisterDocumentSet goodHash = single(PATIENT_ACTIVATED, text("content"));
        goodHash.getDocuments().get(0).getDocumentEntry().setHash(sha1(text("content")).toUpperCase());
        goodHash.getDocuments().get(0).getDocumentEntry().setSize(7L);
        assertSuccess(xds.submit(goodHash));
    }

    @Test
    void associationToAnUnknownObjectIsRefusedAndNothingIsStored() {
        ProvideAndRegisterDocumentSet pnr = single(PATIENT_ACTIVATED, text("x"));
        pnr.getAssociations().add(new org.openehealth.ipf.commons.ihe.xds.core.metadata.Association(AssociationType.APPEND,
                "Assoc02", "Document01", "urn:uuid:11111111-2222-3333-4444-555555555555"));
        assertFailure(xds.submit(pnr), ErrorCode.REPOSITORY_METADATA_ERROR, "UNRESOLVED_REFERENCE");
        assertNothingStored(pnr);
    }

    @Test
    void replacingAnotherPatientsDocumentIsRefused() {
        Stored s = submitTwoDocumentsAndFolder(PATIENT_OTHER);
        ProvideAndRegisterDocumentSet pnr = replacement(PATIENT_ACTIVATED, s.report().getEntryUuid(), text("x"));
        assertFailure(xds.submit(pnr), ErrorCode.PATIENT_ID_DOES_NOT_MATCH, "PATIENT_ID_MISMATCH");
        assertNothingStored(pnr);
        assertEquals(AvailabilityStatus.APPROVED,
                documentsByUniqueId(PATIENT_OTHER, s.report().getUniqueId()).get(s.report().getUniqueId()).getAvailabilityStatus());
    }

    @Test
    void queryForAnUnknownPatientIsRefused() {
        QueryResponse r = xds.query(findDocuments(PATIENT_UNKNOWN, AvailabilityStatus.APPROVED));
        assertEquals(Status.FAILURE, r.getStatus());
        assertEquals(ErrorCode.UNKNOWN_PATIENT_ID, only(r.getErrors()).getErrorCode());
    }

    @Test
    void concurrentSubmissionsOfOneUniqueIdStoreItOnce() throws Exception {
        String sharedUid = newOid();
        int clients = 8;
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(clients);
        java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
        List<java.util.concurrent.Future<Response>> answers = new java.util.ArrayList<>();
        for (int i = 0; i < clients; i++) {
            ProvideAndRegisterDocumentSet pnr = single(PATIENT_OTHER, text("même document"));
            pnr.getDocuments().get(0).getDocumentEntry().setUniqueId(sharedUid);
            answers.add(pool.submit(() -> {
                start.await();
                return xds.submit(pnr);
            }));
        }
        start.countDown();
        int stored = 0;
        for (var answer : answers) {
            Response r = answer.get(60, java.util.concurrent.TimeUnit.SECONDS);
            if (r.getStatus() == Status.SUCCESS) {
                stored++;
            } else {
                assertEquals(ErrorCode.DUPLICATE_UNIQUE_ID_IN_REGISTRY, only(r.getErrors()).getErrorCode(), describe(r.getErrors()));
            }
        }
        pool.shutdown();
        assertEquals(1, stored, "exactly one of the racing submissions is stored");
        assertEquals(1, documentsByUniqueId(PATIENT_OTHER, sharedUid).size());
    }

    @Test
    void aMissingMandatoryAttributeIsRefusedNamingIt() {
        ProvideAndRegisterDocumentSet pnr = single(PATIENT_ACTIVATED, text("x"));
        pnr.getDocuments().get(0).getDocumentEntry().setClassCode(null);
        Response response = xds.submit(pnr);
        assertEquals(Status.FAILURE, response.getStatus());
        ErrorInfo error = response.getErrors().get(0);
        assertEquals(ErrorCode.REPOSITORY_METADATA_ERROR, error.getErrorCode(), describe(response.getErrors()));
        assertTrue(error.getCodeContext().contains("DocumentEntry.classCode"), error.getCodeContext());
        assertNothingStored(pnr);
    }

    @Test
    void findDocumentsByReferenceId() {
        String order = "CMD-" + System.nanoTime();
        ProvideAndRegisterDocumentSet pnr = single(PATIENT_ACTIVATED, text("résultat de biologie"));
        pnr.getDocuments().get(0).getDocumentEntry().getReferenceIdList().add(new org.openehealth.ipf.commons.ihe.xds.core.metadata.ReferenceId(
                order, new org.openehealth.ipf.commons.ihe.xds.core.metadata.CXiAssigningAuthority(null, "1.2.250.1.999.4", "ISO"),
                org.openehealth.ipf.commons.ihe.xds.core.metadata.ReferenceId.ID_TYPE_CODE_ORDER));
        assertSuccess(xds.submit(pnr));
        String uid = pnr.getDocuments().get(0).getDocumentEntry().getUniqueId();

        FindDocumentsByReferenceIdQuery q = new FindDocumentsByReferenceIdQuery();
        q.setPatientId(patient(PATIENT_ACTIVATED));
        q.setStatus(List.of(AvailabilityStatus.APPROVED));
        QueryList<org.openehealth.ipf.commons.ihe.xds.core.metadata.ReferenceId> refs = new QueryList<>();
        refs.getOuterList().add(List.of(pnr.getDocuments().get(0).getDocumentEntry().getReferenceIdList().get(0)));
        q.setTypedReferenceIds(refs);
        QueryResponse r = xds.query(q);
        assertEquals(Status.SUCCESS, r.getStatus(), () -> describe(r.getErrors()));
        assertEquals(List.of(uid), uniqueIds(r.getDocumentEntries()));
        assertEquals(1, only(r.getDocumentEntries()).getReferenceIdList().size());
    }

    @Test
    void aQueryWithoutStatusIsRefusedWithTheParameterName() {
        FindDocumentsQuery q = new FindDocumentsQuery();
        q.setPatientId(patient(PATIENT_ACTIVATED));
        QueryResponse r = xds.query(q);
        assertEquals(Status.FAILURE, r.getStatus());
        assertTrue(r.getErrors().stream().anyMatch(e -> e.getCodeContext().contains("$XDSDocumentEntryStatus")),
                () -> describe(r.getErrors()));
    }

    static String sha1(byte[] content) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-1").digest(content));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
