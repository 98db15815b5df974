package org.dmpgateway.mappings.xds.metadata;

import org.dmpgateway.mappings.xds.iti41.XdsSubmissionMapper;
import org.dmpgateway.model.error.DmpErrorCode;
import org.dmpgateway.model.error.DmpException;
import org.dmpgateway.model.AssociationKind;
import org.dmpgateway.model.AssociationRecord;
import org.dmpgateway.model.CodedValue;
import org.dmpgateway.model.DocumentEntryRecord;
import org.dmpgateway.model.EntryStatus;
import org.dmpgateway.model.PatientRef;
import org.dmpgateway.model.Submission;
import org.dmpgateway.model.SubmissionSetRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.openehealth.ipf.commons.ihe.xds.core.SampleData;
import org.openehealth.ipf.commons.ihe.xds.core.metadata.AssigningAuthority;
import org.openehealth.ipf.commons.ihe.xds.core.metadata.Association;
import org.openehealth.ipf.commons.ihe.xds.core.metadata.AssociationType;
import org.openehealth.ipf.commons.ihe.xds.core.metadata.AvailabilityStatus;
import org.openehealth.ipf.commons.ihe.xds.core.metadata.Code;
import org.openehealth.ipf.commons.ihe.xds.core.metadata.DocumentAvailability;
import org.openehealth.ipf.commons.ihe.xds.core.metadata.DocumentEntry;
import org.openehealth.ipf.commons.ihe.xds.core.metadata.DocumentEntryType;
import org.openehealth.ipf.commons.ihe.xds.core.metadata.Folder;
import org.openehealth.ipf.commons.ihe.xds.core.metadata.Identifiable;
import org.openehealth.ipf.commons.ihe.xds.core.metadata.Organization;
import org.openehealth.ipf.commons.ihe.xds.core.metadata.Person;
import org.openehealth.ipf.commons.ihe.xds.core.metadata.Recipient;
import org.openehealth.ipf.commons.ihe.xds.core.metadata.SubmissionSet;
import org.openehealth.ipf.commons.ihe.xds.core.metadata.Telecom;
import org.openehealth.ipf.commons.ihe.xds.core.metadata.Version;
import org.openehealth.ipf.commons.ihe.xds.core.metadata.XpnName;
import org.openehealth.ipf.commons.ihe.xds.core.requests.ProvideAndRegisterDocumentSet;

import java.util.List;
import java.util.Map;

import static org.dmpgateway.mappings.xds.metadata.XdsAssertions.*;
import static org.junit.jupiter.api.Assertions.*;

class XdsMetadataMapperTest {

    private static final Identifiable PATIENT = new Identifiable("id3", new AssigningAuthority("1.3"));

    @Test
    void provideAndRegisterSampleSurvivesTheRoundTrip() {
        ProvideAndRegisterDocumentSet original = SampleData.createProvideAndRegisterDocumentSet();
        Submission submission = XdsSubmissionMapper.toSubmission(original);

        assertSameSubmissionSet(original.getSubmissionSet(), XdsMetadataMapper.toXds(submission.submissionSet()));
        assertEquals(1, submission.documents().size());
        assertSameDocumentEntry(original.getDocuments().get(0).getDocumentEntry(),
                XdsMetadataMapper.toXds(submission.documents().get(0).entry()));
        assertEquals(1, submission.folders().size());
        assertSameFolder(original.getFolders().get(0), XdsMetadataMapper.toXds(submission.folders().get(0)));
        assertEquals(3, submission.associations().size());
        for (int i = 0; i < 3; i++) {
            assertSameAssociation(original.getAssociations().get(i),
                    XdsMetadataMapper.toXds(submission.associations().get(i)));
        }
    }

    @Test
    void documentEntryRecordUsesTheInternalConventions() {
        DocumentEntryRecord r = XdsMetadataMapper.toRecord(SampleData.createDocumentEntry(PATIENT));

        assertEquals(new PatientRef("id3", "1.3"), r.patientId());
        assertEquals("source^^^&4.1&ISO", r.sourcePatientId());
        assertEquals(List.of("PID-5|Susi", "PID-7|1980", "PID-8|M", "PID-11|hier"), r.sourcePatientInfo());
        assertEquals(new CodedValue("code2", "scheme2", "code2"), r.classCode());
        assertEquals(List.of(new CodedValue("code8", "scheme8", "code8")), r.confidentialityCodes());
        assertEquals("1981", r.creationTime());
        assertEquals("198012", r.serviceStartTime());
        assertEquals("198101", r.serviceStopTime());
        assertEquals("Document 01", r.title());
        assertEquals("legal^Gustav^^^^^^^&1.7&ISO", r.legalAuthenticator());
        assertEquals(List.of("ref-id-1^^^ABCD&1.1.2.3&ISO^urn:ihe:iti:xds:2013:order",
                "ref-id-2^^^DEFG&2.1.2.3&ISO^vendor-defined"), r.referenceIds());
        assertEquals(EntryStatus.APPROVED, r.availabilityStatus());
        assertFalse(r.onDemand());
        assertEquals(123L, r.size());

        var author = r.authors().get(0);
        assertEquals("id2^Norbi^^^^^^^&1.2&ISO", author.person());
        assertEquals(List.of("authorOrg"), author.institutions());
        assertEquals(List.of("role1^^^&1.2.3.1&ISO", "role2"), author.roles());
        assertEquals(List.of("spec1^^^&1.2.3.3&ISO", "spec2"), author.specialties());
        assertEquals(List.of("^NET^Internet^author1@acme.org", "^NET^Internet^author2@acme.org"), author.telecoms());
    }

    @Test
    void metadataUpdateFieldsAndExtraMetadataSurviveTheRoundTrip() {
        DocumentEntry e = SampleData.createDocumentEntry(PATIENT);
        e.setLogicalUuid("urn:uuid:logical-1");
        e.setVersion(new Version("3"));
        e.setHomeCommunityId("urn:oid:1.2.3");
        e.setType(DocumentEntryType.ON_DEMAND);
        e.setAvailabilityStatus(AvailabilityStatus.DEPRECATED);
        e.setDocumentAvailability(DocumentAvailability.OFFLINE);
        e.setLimitedMetadata(true);
        e.setExtraMetadata(Map.of("urn:dmp:slot", List.of("a", "b")));

        DocumentEntryRecord r = XdsMetadataMapper.toRecord(e);
        assertEquals("3", r.version());
        assertTrue(r.onDemand());
        assertEquals(EntryStatus.DEPRECATED, r.availabilityStatus());
        assertEquals("urn:ihe:iti:2010:DocumentAvailability:Offline", r.documentAvailability());
        assertEquals(Map.of("urn:dmp:slot", List.of("a", "b")), r.extraMetadata());

        assertSameDocumentEntry(e, XdsMetadataMapper.toXds(r));
    }

    @Test
    void folderWithVersionSurvivesTheRoundTrip() {
        Folder f = SampleData.createFolder(PATIENT);
        f.setLogicalUuid("urn:uuid:folder-lid");
        f.setVersion(new Version("2"));
        f.setExtraMetadata(Map.of("urn:dmp:folder", List.of("x")));

        assertSameFolder(f, XdsMetadataMapper.toXds(XdsMetadataMapper.toRecord(f)));
    }

    @Test
    void intendedRecipientsKeepTheirSlotForm() {
        SubmissionSet s = SampleData.createSubmissionSet(PATIENT);
        s.getIntendedRecipients().clear();
        Person person = new Person(new Identifiable("p1", new AssigningAuthority("1.9")),
                new XpnName("Welby", "Marcus", null, null, null, null));
        s.getIntendedRecipients().add(new Recipient(new Organization("Some Hospital", "1.2.3.9", new AssigningAuthority("1.2.3.4.5")), person,
                new Telecom("welby@hospital.org")));
        s.getIntendedRecipients().add(new Recipient(null, person, null));
        s.getIntendedRecipients().add(new Recipient(null, null, new Telecom("only@mail.org")));

        SubmissionSetRecord r = XdsMetadataMapper.toRecord(s);

        assertEquals(3, r.intendedRecipients().size());
        assertTrue(r.intendedRecipients().get(0).startsWith("Some Hospital^"), r.intendedRecipients().get(0));
        assertEquals("|p1^Welby^Marcus^^^^^^&1.9&ISO", r.intendedRecipients().get(1));
        assertEquals("||^NET^Internet^only@mail.org", r.intendedRecipients().get(2));
        assertSameSubmissionSet(s, XdsMetadataMapper.toXds(r));
    }

    @Test
    void updateAvailabilityStatusAssociationSurvivesTheRoundTrip() {
        Association a = new Association(AssociationType.UPDATE_AVAILABILITY_STATUS, "urn:uuid:ass", "urn:uuid:set",
                "urn:uuid:doc");
        a.setOriginalStatus(AvailabilityStatus.APPROVED);
        a.setNewStatus(AvailabilityStatus.DEPRECATED);
        a.setAssociationPropagation(Boolean.TRUE);
        a.setAvailabilityStatus(AvailabilityStatus.APPROVED);
        a.setExtraMetadata(Map.of("urn:dmp:reason", List.of("r")));

        AssociationRecord r = XdsMetadataMapper.toRecord(a);
        assertEquals(AssociationKind.UPDATE_AVAILABILITY_STATUS, r.kind());
        assertEquals("urn:oasis:names:tc:ebxml-regrep:StatusType:Approved", r.originalStatus());
        assertEquals("urn:oasis:names:tc:ebxml-regrep:StatusType:Deprecated", r.newStatus());
        assertSameAssociation(a, XdsMetadataMapper.toXds(r));
    }

    @ParameterizedTest
    @EnumSource(AssociationType.class)
    void associationTypesMapThroughTheirUrn(AssociationType type) {
        Association a = new Association(type, "urn:uuid:a", "urn:uuid:s", "urn:uuid:t");
        if (type == AssociationType.NON_VERSIONING_UPDATE) {
            DmpException e = assertThrows(DmpException.class, () -> XdsMetadataMapper.toRecord(a));
            assertEquals(DmpErrorCode.METADATA_ERROR, e.code());
            assertTrue(e.errors().get(0).message().startsWith("Association.associationType: "));
            assertEquals("urn:uuid:a", e.errors().get(0).location());
            return;
        }
        AssociationRecord r = XdsMetadataMapper.toRecord(a);
        assertEquals(type.getOpcode30(), r.kind().urn());
        assertEquals(type, XdsMetadataMapper.toXds(r).getAssociationType());
    }

    @Test
    void referenceLabelMapsBothWays() {
        Association a = new Association(AssociationType.HAS_MEMBER, "urn:uuid:a", "urn:uuid:s", "urn:uuid:t");
        a.setLabel(org.openehealth.ipf.commons.ihe.xds.core.metadata.AssociationLabel.REFERENCE);
        AssociationRecord r = XdsMetadataMapper.toRecord(a);
        assertEquals("Reference", r.label());
        assertEquals(a.getLabel(), XdsMetadataMapper.toXds(r).getLabel());
    }

    @Test
    void statusesIpfDoesNotKnowAreShownApproved() {
        DocumentEntryRecord approved = XdsMetadataMapper.toRecord(SampleData.createDocumentEntry(PATIENT));
        for (EntryStatus s : EntryStatus.values()) {
            AvailabilityStatus expected = s == EntryStatus.DEPRECATED
                    ? AvailabilityStatus.DEPRECATED : AvailabilityStatus.APPROVED;
            assertEquals(expected, XdsMetadataMapper.toXds(approved.withStatus(s)).getAvailabilityStatus(), s.name());
        }
    }

    @Test
    void absentValuesStayAbsent() {
        DocumentEntry empty = new DocumentEntry();
        DocumentEntryRecord r = XdsMetadataMapper.toRecord(empty);
        assertNull(r.patientId());
        assertNull(r.classCode());
        assertNull(r.creationTime());
        assertNull(r.legalAuthenticator());
        assertNull(r.availabilityStatus());
        assertNull(r.version());
        assertEquals(List.of(), r.authors());
        assertEquals(List.of(), r.sourcePatientInfo());
        assertEquals(Map.of(), r.extraMetadata());

        DocumentEntry back = XdsMetadataMapper.toXds(r);
        assertNull(back.getPatientId());
        assertNull(back.getSourcePatientInfo());
        assertNull(back.getVersion());
        assertNull(back.getExtraMetadata());
        assertTrue(back.getAuthors().isEmpty());
    }

    @Test
    void patientIdWithoutAssigningAuthorityIsAMetadataErrorNamingTheField() {
        DocumentEntry e = SampleData.createDocumentEntry(new Identifiable("id3"));
        DmpException ex = assertThrows(DmpException.class, () -> XdsMetadataMapper.toRecord(e));
        assertEquals(DmpErrorCode.METADATA_ERROR, ex.code());
        assertTrue(ex.errors().get(0).message().startsWith("DocumentEntry.patientId: "), ex.getMessage());
        assertEquals("document01", ex.errors().get(0).location());
    }

    @Test
    void codeWithoutValueIsAMetadataErrorNamingTheField() {
        Folder f = SampleData.createFolder(PATIENT);
        f.setEntryUuid(null);
        f.getCodeList().add(new Code(null, null, "scheme"));
        DmpException ex = assertThrows(DmpException.class, () -> XdsMetadataMapper.toRecord(f));
        assertEquals(DmpErrorCode.METADATA_ERROR, ex.code());
        assertTrue(ex.errors().get(0).message().startsWith("Folder.codeList: "), ex.getMessage());
        assertEquals("Folder.codeList", ex.errors().get(0).location());
    }
}
