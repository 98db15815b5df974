package org.dmpgateway.mappings.xds.iti18;

import org.dmpgateway.model.error.DmpErrorCode;
import org.dmpgateway.model.error.DmpException;
import org.dmpgateway.model.AssociationKind;
import org.dmpgateway.model.CodedValue;
import org.dmpgateway.model.EntryStatus;
import org.dmpgateway.model.PatientRef;
import org.dmpgateway.model.query.DocumentCriteria;
import org.dmpgateway.model.query.FolderCriteria;
import org.dmpgateway.model.query.QueryCommand;
import org.dmpgateway.model.query.RegistryQuery;
import org.dmpgateway.model.query.SubmissionSetCriteria;
import org.dmpgateway.model.query.TimeRangeCriterion;
import org.junit.jupiter.api.Test;
import org.openehealth.ipf.commons.ihe.xds.core.SampleData;
import org.openehealth.ipf.commons.ihe.xds.core.metadata.AvailabilityStatus;
import org.openehealth.ipf.commons.ihe.xds.core.metadata.DocumentEntryType;
import org.openehealth.ipf.commons.ihe.xds.core.metadata.Identifiable;
import org.openehealth.ipf.commons.ihe.xds.core.requests.QueryRegistry;
import org.openehealth.ipf.commons.ihe.xds.core.requests.query.FindDocumentsByReferenceIdQuery;
import org.openehealth.ipf.commons.ihe.xds.core.requests.query.FindDocumentsQuery;
import org.openehealth.ipf.commons.ihe.xds.core.requests.query.GetAllQuery;
import org.openehealth.ipf.commons.ihe.xds.core.requests.query.QueryReturnType;

import java.util.List;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.*;

class XdsQueryMapperTest {

    private static final List<EntryStatus> BOTH = List.of(EntryStatus.APPROVED, EntryStatus.DEPRECATED);
    private static final List<String> UUIDS = List.of("urn:uuid:1.2.3.4", "urn:uuid:2.3.4.5");
    private static final List<String> UNIQUE_IDS = List.of("12.21.34", "43.56.89");

    private static CodedValue c(String code, String scheme) {
        return new CodedValue(code, scheme, null);
    }

    private static RegistryQuery map(QueryRegistry request) {
        QueryCommand command = XdsQueryMapper.toQueryCommand(request);
        assertTrue(command.objectRefsOnly(), "SampleData queries ask for ObjectRef");
        return command.query();
    }

    /** The criteria SampleData.populateDocumentsQuery sets, for patient id3 and both statuses. */
    private static DocumentCriteria.Builder sampleDocumentCriteria() {
        return DocumentCriteria.builder()
                .patient(new PatientRef("id3", "1.3"))
                .statuses(BOTH)
                .classCodes(List.of(c("code1", "scheme1"), c("code2", "scheme2")))
                .typeCodes(List.of(c("codet1", "schemet1"), c("codet2", "schemet2")))
                .practiceSettingCodes(List.of(c("code3", "scheme3"), c("code4", "scheme4")))
                .healthcareFacilityTypeCodes(List.of(c("code5", "scheme5"), c("code6", "scheme6")))
                .formatCodes(List.of(c("code13", "scheme13"), c("code14", "scheme14")))
                .confidentialityCodes(List.of(List.of(c("code10", "scheme10"), c("code11", "scheme11")),
                        List.of(c("code12", "scheme12"))))
                .eventCodes(List.of(List.of(c("code7", "scheme7"), c("code8", "scheme8")), List.of(c("code9", "scheme9"))))
                .creationTime(new TimeRangeCriterion("1980", "1981"))
                .serviceStartTime(new TimeRangeCriterion("1982", "1983"))
                .serviceStopTime(new TimeRangeCriterion("1984", "1985"))
                .authorPersons(List.of("per'son1", "person2"))
                .onDemand(false);
    }

    @Test
    void findDocuments() {
        assertEquals(new RegistryQuery.FindDocuments(sampleDocumentCriteria().build()),
                map(SampleData.createFindDocumentsQuery()));
    }

    @Test
    void findDocumentsByReferenceIdFlattensTheOredReferenceIds() {
        DocumentCriteria expected = sampleDocumentCriteria().referenceIds(List.of(
                "ref-id-11^^^&1.1.1.1&ISO^urn:ihe:iti:xds:2013:uniqueId",
                "ref-id-12^^^^urn:ihe:iti:xdw:2013:workflowInstanceId",
                "ref-id-13^^^^urn:ihe:iti:xds:2013:referral",
                "ref-id-21^^^&1.1.1.2&ISO^urn:ihe:iti:xds:2013:accession",
                "ref-id-22^^^^urn:ihe:iti:xds:2013:order")).build();
        assertEquals(new RegistryQuery.FindDocuments(expected), map(SampleData.createFindDocumentsByReferenceIdQuery()));
    }

    @Test
    void findSubmissionSets() {
        assertEquals(new RegistryQuery.FindSubmissionSets(SubmissionSetCriteria.builder()
                        .patient(new PatientRef("id1", "1.2")).statuses(BOTH).sourceIds(List.of("1.2.3", "3.2.1"))
                        .submissionTime(new TimeRangeCriterion("1980", "1981")).authorPerson("per'son1")
                        .contentTypeCodes(List.of(c("code1", "scheme1"), c("code2", "scheme2"))).build()),
                map(SampleData.createFindSubmissionSetsQuery()));
    }

    @Test
    void findFolders() {
        assertEquals(new RegistryQuery.FindFolders(FolderCriteria.builder()
                        .patient(new PatientRef("id1", "1.2")).statuses(BOTH)
                        .lastUpdateTime(new TimeRangeCriterion("1980", "1981"))
                        .codes(List.of(List.of(c("code7", "scheme7"), c("code8", "scheme8")), List.of(c("code9", "scheme9"))))
                        .build()),
                map(SampleData.createFindFoldersQuery()));
    }

    @Test
    void getAll() {
        assertEquals(new RegistryQuery.GetAll(new PatientRef("id1", "1.2"), BOTH, BOTH, BOTH,
                        List.of(c("code1", "scheme1"), c("code2", "scheme2")),
                        List.of(List.of(c("code7", "scheme7"), c("code8", "scheme8")), List.of(c("code9", "scheme9"))),
                        false),
                map(SampleData.createGetAllQuery()));
    }

    @Test
    void getDocuments() {
        assertEquals(new RegistryQuery.GetDocuments(List.of("document01"), null, null),
                map(SampleData.createGetDocumentsQuery()));
    }

    @Test
    void getFolders() {
        assertEquals(new RegistryQuery.GetFolders(UUIDS, UNIQUE_IDS, null), map(SampleData.createGetFoldersQuery()));
    }

    @Test
    void getAssociations() {
        assertEquals(new RegistryQuery.GetAssociations(UUIDS), map(SampleData.createGetAssociationsQuery()));
    }

    @Test
    void getDocumentsAndAssociations() {
        assertEquals(new RegistryQuery.GetDocumentsAndAssociations(UUIDS, UNIQUE_IDS),
                map(SampleData.createGetDocumentsAndAssociationsQuery()));
    }

    @Test
    void getSubmissionSets() {
        assertEquals(new RegistryQuery.GetSubmissionSets(UUIDS), map(SampleData.createGetSubmissionSetsQuery()));
    }

    @Test
    void getSubmissionSetAndContents() {
        // SampleData builds confidentiality codes for this query but never sets them.
        assertEquals(new RegistryQuery.GetSubmissionSetAndContents("urn:uuid:1.2.3.4", "12.21.34", null, null, false),
                map(SampleData.createGetSubmissionSetAndContentsQuery()));
    }

    @Test
    void getFolderAndContents() {
        assertEquals(new RegistryQuery.GetFolderAndContents("urn:uuid:1.2.3.4", "12.21.34",
                        List.of(c("code13", "scheme13"), c("code14", "scheme14")),
                        List.of(List.of(c("code10", "scheme10"), c("code11", "scheme11")), List.of(c("code12", "scheme12"))),
                        false),
                map(SampleData.createGetFolderAndContentsQuery()));
    }

    @Test
    void getFoldersForDocument() {
        assertEquals(new RegistryQuery.GetFoldersForDocument("urn:uuid:1.2.3.4", "12.21.34"),
                map(SampleData.createGetFoldersForDocumentQuery()));
    }

    @Test
    void getRelatedDocuments() {
        assertEquals(new RegistryQuery.GetRelatedDocuments("urn:uuid:1.2.3.4", "12.21.34",
                        List.of(AssociationKind.APPEND, AssociationKind.TRANSFORM), false),
                map(SampleData.createGetRelatedDocumentsQuery()));
    }

    @Test
    void leafClassAsksForFullObjects() {
        QueryRegistry request = SampleData.createGetDocumentsQuery();
        request.setReturnType(QueryReturnType.LEAF_CLASS);
        assertFalse(XdsQueryMapper.toQueryCommand(request).objectRefsOnly());
    }

    @Test
    void documentEntryTypesGiveOnDemand() {
        assertEquals(false, onDemandOf(null));
        assertEquals(false, onDemandOf(List.of()));
        assertEquals(false, onDemandOf(List.of(DocumentEntryType.STABLE)));
        assertEquals(true, onDemandOf(List.of(DocumentEntryType.ON_DEMAND)));
        assertNull(onDemandOf(List.of(DocumentEntryType.STABLE, DocumentEntryType.ON_DEMAND)));
    }

    private static Boolean onDemandOf(List<DocumentEntryType> types) {
        QueryRegistry request = SampleData.createFindDocumentsQuery();
        ((FindDocumentsQuery) request.getQuery()).setDocumentEntryTypes(types);
        return ((RegistryQuery.FindDocuments) map(request)).criteria().onDemand();
    }

    @Test
    void absentParametersAreNoFilter() {
        FindDocumentsQuery q = new FindDocumentsQuery();
        q.setPatientId(new Identifiable("id3", new org.openehealth.ipf.commons.ihe.xds.core.metadata.AssigningAuthority("1.3")));
        q.setStatus(List.of(AvailabilityStatus.APPROVED));
        DocumentCriteria c = ((RegistryQuery.FindDocuments) XdsQueryMapper.toQueryCommand(new QueryRegistry(q)).query())
                .criteria();
        assertEquals(List.of(EntryStatus.APPROVED), c.statuses());
        assertNull(c.classCodes());
        assertNull(c.confidentialityCodes());
        assertNull(c.authorPersons());
        assertNull(c.referenceIds());
        assertEquals(TimeRangeCriterion.NONE, c.creationTime());
    }

    @Test
    void findDocumentsWithoutStatusIsAnInvalidParameter() {
        QueryRegistry request = SampleData.createFindDocumentsQuery();
        ((FindDocumentsQuery) request.getQuery()).setStatus(null);
        assertInvalid("$XDSDocumentEntryStatus", () -> XdsQueryMapper.toQueryCommand(request));
    }

    @Test
    void getAllWithoutFolderStatusIsAnInvalidParameter() {
        QueryRegistry request = SampleData.createGetAllQuery();
        ((GetAllQuery) request.getQuery()).setStatusFolders(List.of());
        assertInvalid("$XDSFolderStatus", () -> XdsQueryMapper.toQueryCommand(request));
    }

    @Test
    void findDocumentsByReferenceIdWithoutReferenceIdIsAnInvalidParameter() {
        QueryRegistry request = SampleData.createFindDocumentsByReferenceIdQuery();
        ((FindDocumentsByReferenceIdQuery) request.getQuery()).setReferenceIds(null);
        assertInvalid("$XDSDocumentEntryReferenceIdList", () -> XdsQueryMapper.toQueryCommand(request));
    }

    @Test
    void patientWithoutAssigningAuthorityIsAnInvalidParameter() {
        QueryRegistry request = SampleData.createFindDocumentsQuery();
        ((FindDocumentsQuery) request.getQuery()).setPatientId(new Identifiable("id3"));
        assertInvalid("$XDSDocumentEntryPatientId", () -> XdsQueryMapper.toQueryCommand(request));
    }

    @Test
    void otherStoredQueriesAreUnknown() {
        List<Supplier<QueryRegistry>> unsupported = List.of(SampleData::createFindDocumentsForMultiplePatientsQuery,
                SampleData::createFindDocumentsByTitleQuery, SampleData::createFetchQuery,
                SampleData::createFindFoldersForMultiplePatientsQuery, SampleData::createSubscriptionForFolderQuery);
        for (Supplier<QueryRegistry> factory : unsupported) {
            QueryRegistry request = factory.get();
            DmpException e = assertThrows(DmpException.class, () -> XdsQueryMapper.toQueryCommand(request));
            assertEquals(DmpErrorCode.UNKNOWN_STORED_QUERY, e.code());
            assertEquals("stored query " + request.getQuery().getType() + " is not supported",
                    e.errors().get(0).message());
        }
    }

    private static void assertInvalid(String parameter, org.junit.jupiter.api.function.Executable call) {
        DmpException e = assertThrows(DmpException.class, call);
        assertEquals(DmpErrorCode.INVALID_QUERY_PARAMETER, e.code());
        assertTrue(e.errors().get(0).message().startsWith(parameter + ": "), e.getMessage());
        assertEquals(parameter, e.errors().get(0).location());
    }
}
