package org.dmpgateway.mappings.xds.iti57;

import org.dmpgateway.model.error.DmpErrorCode;
import org.dmpgateway.model.error.DmpException;
import org.dmpgateway.model.DocumentEntryRecord;
import org.dmpgateway.model.DocumentUpdate;
import org.dmpgateway.model.EntryStatus;
import org.dmpgateway.model.PatientRef;
import org.junit.jupiter.api.Test;
import org.openehealth.ipf.commons.ihe.xds.core.SampleData;
import org.openehealth.ipf.commons.ihe.xds.core.metadata.Association;
import org.openehealth.ipf.commons.ihe.xds.core.metadata.AssociationType;
import org.openehealth.ipf.commons.ihe.xds.core.metadata.AvailabilityStatus;
import org.openehealth.ipf.commons.ihe.xds.core.metadata.DocumentEntry;
import org.openehealth.ipf.commons.ihe.xds.core.requests.RegisterDocumentSet;
import org.openehealth.ipf.commons.ihe.xds.core.stub.ebrs30.lcm.SubmitObjectsRequest;

import java.util.List;

import static org.dmpgateway.mappings.xds.iti57.UpdateRequests.*;
import static org.junit.jupiter.api.Assertions.*;

class XdsUpdateMapperTest {

    @Test
    void aDocumentEntryWithLogicalIdAndPreviousVersionIsANewVersion() {
        RegisterDocumentSet request = newVersion("3");
        DocumentEntry sent = request.getDocumentEntries().get(0);

        DocumentUpdate update = XdsUpdateMapper.toDocumentUpdate(toEbXml(request));

        assertEquals(1, update.newVersions().size());
        assertEquals(List.of(), update.statusChanges());
        DocumentUpdate.NewVersion v = update.newVersions().get(0);
        assertEquals("3", v.previousVersion());
        DocumentEntryRecord entry = v.entry();
        assertEquals(NEW_ENTRY, entry.entryUuid());
        assertEquals(LOGICAL_ID, entry.logicalUuid());
        assertEquals(sent.getUniqueId(), entry.uniqueId());
        assertEquals(new PatientRef("279035121518989", "1.2.250.1.213.1.4.10"), entry.patientId());
        assertEquals("code8", entry.confidentialityCodes().get(0).code());
        assertEquals("scheme8", entry.confidentialityCodes().get(0).codeSystem());
        assertEquals(sent.getTitle().getValue(), entry.title());
        assertEquals(SET, update.submissionSet().entryUuid());
        assertEquals("1.2.250.1.999.57.1", update.submissionSet().uniqueId());
        assertEquals(entry.patientId(), update.submissionSet().patientId());
    }

    @Test
    void standardStatusesOfAnUpdateAvailabilityStatusAssociationAreRead() {
        SubmitObjectsRequest request = toEbXml(statusChangeModel(AvailabilityStatus.APPROVED, AvailabilityStatus.DEPRECATED));

        DocumentUpdate update = XdsUpdateMapper.toDocumentUpdate(request);

        assertEquals(List.of(new DocumentUpdate.StatusChange(TARGET, EntryStatus.APPROVED, EntryStatus.DEPRECATED)),
                update.statusChanges());
        assertEquals(List.of(), update.newVersions());
    }

    @Test
    void theShortFormsApprovedAndDeprecatedAreAcceptedToo() {
        DocumentUpdate update = XdsUpdateMapper.toDocumentUpdate(statusChange("Approved", "Deprecated"));

        assertEquals(List.of(new DocumentUpdate.StatusChange(TARGET, EntryStatus.APPROVED, EntryStatus.DEPRECATED)),
                update.statusChanges());
    }

    @Test
    void ciSisStatusesAreReadFromTheEbXmlSlots() {
        DocumentUpdate archive = XdsUpdateMapper.toDocumentUpdate(statusChange(EntryStatus.APPROVED.urn(), ARCHIVED));
        DocumentUpdate unarchive = XdsUpdateMapper.toDocumentUpdate(statusChange(ARCHIVED, EntryStatus.APPROVED.urn()));
        DocumentUpdate delete = XdsUpdateMapper.toDocumentUpdate(statusChange(ARCHIVED, DELETED));

        assertEquals(new DocumentUpdate.StatusChange(TARGET, EntryStatus.APPROVED, EntryStatus.ARCHIVED),
                archive.statusChanges().get(0));
        assertEquals(new DocumentUpdate.StatusChange(TARGET, EntryStatus.ARCHIVED, EntryStatus.APPROVED),
                unarchive.statusChanges().get(0));
        assertEquals(new DocumentUpdate.StatusChange(TARGET, EntryStatus.ARCHIVED, EntryStatus.DELETED),
                delete.statusChanges().get(0));
    }

    @Test
    void anUnknownStatusIsAMetadataUpdateOperationErrorNamingIt() {
        DmpException e = assertThrows(DmpException.class, () -> XdsUpdateMapper.toDocumentUpdate(
                statusChange(EntryStatus.APPROVED.urn(), "urn:example:StatusType:Hidden")));

        assertEquals(DmpErrorCode.METADATA_UPDATE_OPERATION_ERROR, e.code());
        assertTrue(e.errors().get(0).message().contains("NewStatus 'urn:example:StatusType:Hidden'"), e.getMessage());
        assertEquals(STATUS_CHANGE, e.errors().get(0).location());
    }

    @Test
    void aMissingStatusSlotIsAMetadataUpdateOperationError() {
        DmpException e = assertThrows(DmpException.class, () -> XdsUpdateMapper.toDocumentUpdate(
                statusChange(null, DELETED)));

        assertEquals(DmpErrorCode.METADATA_UPDATE_OPERATION_ERROR, e.code());
        assertTrue(e.errors().get(0).message().contains("slot OriginalStatus is missing"), e.getMessage());
    }

    @Test
    void aNewVersionWithoutPreviousVersionIsAVersionError() {
        RegisterDocumentSet request = newVersion("1");
        request.getAssociations().get(0).setPreviousVersion(null);

        DmpException e = assertThrows(DmpException.class, () -> XdsUpdateMapper.toDocumentUpdate(toEbXml(request)));

        assertEquals(DmpErrorCode.METADATA_VERSION_ERROR, e.code());
        assertEquals(NEW_ENTRY, e.errors().get(0).location());
        assertTrue(e.errors().get(0).message().contains("PreviousVersion"), e.getMessage());
    }

    @Test
    void aNewVersionWithoutLogicalIdIsAMetadataUpdateError() {
        RegisterDocumentSet request = newVersion("1");
        request.getDocumentEntries().get(0).setLogicalUuid(null);

        DmpException e = assertThrows(DmpException.class, () -> XdsUpdateMapper.toDocumentUpdate(toEbXml(request)));

        assertEquals(DmpErrorCode.METADATA_UPDATE_ERROR, e.code());
        assertTrue(e.errors().get(0).message().contains("logicalID"), e.getMessage());
    }

    @Test
    void foldersAndOtherAssociationsAreRefused() {
        RegisterDocumentSet withFolder = newVersion("1");
        withFolder.getFolders().add(SampleData.createFolder(PATIENT));
        DmpException folder = assertThrows(DmpException.class, () -> XdsUpdateMapper.toDocumentUpdate(toEbXml(withFolder)));
        assertEquals(DmpErrorCode.METADATA_UPDATE_ERROR, folder.code());
        assertTrue(folder.errors().get(0).message().contains("folders cannot be updated"), folder.getMessage());

        RegisterDocumentSet withReplace = newVersion("1");
        withReplace.getAssociations().add(new Association(AssociationType.REPLACE, "urn:uuid:rplc", NEW_ENTRY, TARGET));
        DmpException replace = assertThrows(DmpException.class, () -> XdsUpdateMapper.toDocumentUpdate(toEbXml(withReplace)));
        assertEquals(DmpErrorCode.METADATA_UPDATE_ERROR, replace.code());
        assertEquals("urn:uuid:rplc", replace.errors().get(0).location());
        assertTrue(replace.errors().get(0).message().contains("urn:ihe:iti:2007:AssociationType:RPLC is not supported"),
                replace.getMessage());
    }

    @Test
    void aStatusChangeNotFromTheSubmissionSetIsRefused() {
        RegisterDocumentSet request = statusChangeModel(AvailabilityStatus.APPROVED, AvailabilityStatus.DEPRECATED);
        request.getAssociations().get(0).setSourceUuid(TARGET);

        DmpException e = assertThrows(DmpException.class, () -> XdsUpdateMapper.toDocumentUpdate(toEbXml(request)));

        assertEquals(DmpErrorCode.METADATA_UPDATE_ERROR, e.code());
        assertTrue(e.errors().get(0).message().contains("must have the SubmissionSet as source"), e.getMessage());
    }

    @Test
    void aRequestWithoutSubmissionSetIsAMetadataError() {
        RegisterDocumentSet request = newVersion("1");
        request.setSubmissionSet(null);

        DmpException e = assertThrows(DmpException.class, () -> XdsUpdateMapper.toDocumentUpdate(toEbXml(request)));

        assertEquals(DmpErrorCode.METADATA_ERROR, e.code());
    }
}
