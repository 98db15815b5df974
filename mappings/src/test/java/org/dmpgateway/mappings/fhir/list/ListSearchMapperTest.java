package org.dmpgateway.mappings.fhir.list;

import ca.uhn.fhir.rest.param.ReferenceAndListParam;
import ca.uhn.fhir.rest.param.ReferenceOrListParam;
import ca.uhn.fhir.rest.param.ReferenceParam;
import org.dmpgateway.model.error.DmpErrorCode;
import org.dmpgateway.model.error.DmpException;
import org.dmpgateway.model.CodedValue;
import org.dmpgateway.model.EntryStatus;
import org.dmpgateway.model.PatientRef;
import org.dmpgateway.model.query.FolderCriteria;
import org.dmpgateway.model.query.ListSearch;
import org.dmpgateway.model.query.SubmissionSetCriteria;
import org.dmpgateway.model.query.TimeRangeCriterion;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.dmpgateway.mappings.fhir.documentreference.DocumentSearchMapperTest.dates;
import static org.dmpgateway.mappings.fhir.documentreference.DocumentSearchMapperTest.tokens;
import static org.junit.jupiter.api.Assertions.*;

class ListSearchMapperTest {
    static final PatientRef PATIENT = new PatientRef("279035121518989", "1.2.250.1.213.1.4.10");

    static ListSearchParameters.Builder base() {
        return ListSearchParameters.builder().patient(new ReferenceParam("identifier",
                "urn:oid:1.2.250.1.213.1.4.10|279035121518989")).status(tokens("current"));
    }

    static SubmissionSetCriteria sets(ListSearchParameters.Builder b) {
        return ListSearchMapper.toSearch(b.build()).submissionSets().criteria();
    }

    static FolderCriteria folders(ListSearchParameters.Builder b) {
        return ListSearchMapper.toSearch(b.build()).folders().criteria();
    }

    @Test
    void withoutCodeBothSubmissionSetsAndFoldersAreSearched() {
        ListSearch q = ListSearchMapper.toSearch(base().build());

        assertNotNull(q.submissionSets());
        assertNotNull(q.folders());
        assertEquals(PATIENT, sets(base()).patient());
        assertEquals(List.of(EntryStatus.APPROVED), folders(base()).statuses());
    }

    @Test
    void codeChoosesTheListType() {
        ListSearch sets = ListSearchMapper.toSearch(base().code(tokens(ListSearchMapper.LIST_TYPES + "|submissionset")).build());
        assertNotNull(sets.submissionSets());
        assertNull(sets.folders());
        ListSearch folders = ListSearchMapper.toSearch(base().code(tokens("folder")).build());
        assertNull(folders.submissionSets());
        assertNotNull(folders.folders());
        DmpException e = assertThrows(DmpException.class, () -> ListSearchMapper.toSearch(base().code(tokens("bundle")).build()));
        assertEquals("code", e.errors().get(0).location());
    }

    @Test
    void patientAndStatusAreRequired() {
        DmpException noStatus = assertThrows(DmpException.class, () -> ListSearchMapper.toSearch(base().status(null).build()));
        assertEquals(DmpErrorCode.INVALID_QUERY_PARAMETER, noStatus.code());
        assertEquals("status", noStatus.errors().get(0).location());
        DmpException noPatient = assertThrows(DmpException.class, () -> ListSearchMapper.toSearch(base().patient(null).build()));
        assertEquals("patient", noPatient.errors().get(0).location());
    }

    @Test
    void dateDesignationTypeAndStatusMapToEachListType() {
        ListSearchParameters.Builder b = base().status(tokens("current", "superseded"))
                .date(dates("ge2025-11-23", "lt2025-11-24"))
                .designationType(tokens("urn:oid:1.2.250.1.213.3.3.65|04"));
        SubmissionSetCriteria s = sets(b);
        FolderCriteria f = folders(b);

        assertEquals(new TimeRangeCriterion("20251123", "20251124"), s.submissionTime());
        assertEquals(new TimeRangeCriterion("20251123", "20251124"), f.lastUpdateTime());
        CodedValue code = new CodedValue("04", "1.2.250.1.213.3.3.65", null);
        assertEquals(List.of(code), s.contentTypeCodes());
        assertEquals(List.of(List.of(code)), f.codes());
        assertEquals(List.of(EntryStatus.APPROVED, EntryStatus.DEPRECATED), s.statuses());
    }

    @Test
    void sourceNamesAndSourceIdSearchSubmissionSetsOnly() {
        ReferenceAndListParam source = new ReferenceAndListParam()
                .addAnd(new ReferenceOrListParam().add(new ReferenceParam("family", "DURANT")))
                .addAnd(new ReferenceOrListParam().add(new ReferenceParam("given", "Romuald")));
        ListSearch q = ListSearchMapper.toSearch(base().source(source)
                .sourceId(tokens("urn:oid:1.2.250.1.999.1.1")).build());

        assertNull(q.folders());
        SubmissionSetCriteria s = q.submissionSets().criteria();
        assertEquals("%^DURANT^Romuald^%", s.authorPerson());
        assertEquals(List.of("1.2.250.1.999.1.1"), s.sourceIds());
    }

    @Test
    void identifierAndIdSelectByRegistryIds() {
        String uuid = "urn:uuid:4b7b3d2e-0c56-4a4f-9b8a-8f2f7f6b1c11";
        assertEquals(List.of("1.2.3.9"), sets(base().identifier(tokens("urn:oid:1.2.3.9"))).uniqueIds());
        assertEquals(List.of(uuid), folders(base().id(tokens(uuid.substring(9)))).entryUuids());
    }
}
