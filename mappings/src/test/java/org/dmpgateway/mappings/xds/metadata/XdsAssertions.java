package org.dmpgateway.mappings.xds.metadata;

import org.openehealth.ipf.commons.ihe.xds.core.metadata.Association;
import org.openehealth.ipf.commons.ihe.xds.core.metadata.DocumentEntry;
import org.openehealth.ipf.commons.ihe.xds.core.metadata.Folder;
import org.openehealth.ipf.commons.ihe.xds.core.metadata.LocalizedString;
import org.openehealth.ipf.commons.ihe.xds.core.metadata.SubmissionSet;
import org.openehealth.ipf.commons.ihe.xds.core.metadata.XDSMetaClass;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Field-by-field comparison of IPF metadata, for every field the internal records hold. */
public final class XdsAssertions {
    private XdsAssertions() {
    }

    public static void assertSameDocumentEntry(DocumentEntry expected, DocumentEntry actual) {
        assertSameCommon(expected, actual);
        assertEquals(expected.getSourcePatientId(), actual.getSourcePatientId(), "sourcePatientId");
        assertEquals(expected.getSourcePatientInfo(), actual.getSourcePatientInfo(), "sourcePatientInfo");
        assertEquals(expected.getType(), actual.getType(), "type");
        assertEquals(expected.getClassCode(), actual.getClassCode(), "classCode");
        assertEquals(expected.getTypeCode(), actual.getTypeCode(), "typeCode");
        assertEquals(expected.getFormatCode(), actual.getFormatCode(), "formatCode");
        assertEquals(expected.getHealthcareFacilityTypeCode(), actual.getHealthcareFacilityTypeCode(), "hcft");
        assertEquals(expected.getPracticeSettingCode(), actual.getPracticeSettingCode(), "practiceSetting");
        assertEquals(expected.getConfidentialityCodes(), actual.getConfidentialityCodes(), "confidentialityCodes");
        assertEquals(expected.getEventCodeList(), actual.getEventCodeList(), "eventCodeList");
        assertEquals(expected.getCreationTime(), actual.getCreationTime(), "creationTime");
        assertEquals(expected.getServiceStartTime(), actual.getServiceStartTime(), "serviceStartTime");
        assertEquals(expected.getServiceStopTime(), actual.getServiceStopTime(), "serviceStopTime");
        assertEquals(expected.getAuthors(), actual.getAuthors(), "authors");
        assertEquals(expected.getLanguageCode(), actual.getLanguageCode(), "languageCode");
        assertEquals(expected.getMimeType(), actual.getMimeType(), "mimeType");
        assertEquals(expected.getHash(), actual.getHash(), "hash");
        assertEquals(expected.getSize(), actual.getSize(), "size");
        assertEquals(expected.getRepositoryUniqueId(), actual.getRepositoryUniqueId(), "repositoryUniqueId");
        assertEquals(expected.getUri(), actual.getUri(), "uri");
        assertEquals(expected.getLegalAuthenticator(), actual.getLegalAuthenticator(), "legalAuthenticator");
        assertEquals(expected.getReferenceIdList(), actual.getReferenceIdList(), "referenceIdList");
        assertEquals(expected.getDocumentAvailability(), actual.getDocumentAvailability(), "documentAvailability");
    }

    public static void assertSameSubmissionSet(SubmissionSet expected, SubmissionSet actual) {
        assertSameCommon(expected, actual);
        assertEquals(expected.getSourceId(), actual.getSourceId(), "sourceId");
        assertEquals(expected.getSubmissionTime(), actual.getSubmissionTime(), "submissionTime");
        assertEquals(expected.getContentTypeCode(), actual.getContentTypeCode(), "contentTypeCode");
        assertEquals(expected.getAuthors(), actual.getAuthors(), "authors");
        assertEquals(expected.getIntendedRecipients(), actual.getIntendedRecipients(), "intendedRecipients");
    }

    public static void assertSameFolder(Folder expected, Folder actual) {
        assertSameCommon(expected, actual);
        assertEquals(expected.getCodeList(), actual.getCodeList(), "codeList");
        assertEquals(expected.getLastUpdateTime(), actual.getLastUpdateTime(), "lastUpdateTime");
    }

    public static void assertSameAssociation(Association expected, Association actual) {
        assertEquals(expected.getEntryUuid(), actual.getEntryUuid(), "entryUuid");
        assertEquals(expected.getAssociationType(), actual.getAssociationType(), "associationType");
        assertEquals(expected.getSourceUuid(), actual.getSourceUuid(), "sourceUuid");
        assertEquals(expected.getTargetUuid(), actual.getTargetUuid(), "targetUuid");
        assertEquals(expected.getLabel(), actual.getLabel(), "label");
        assertEquals(expected.getPreviousVersion(), actual.getPreviousVersion(), "previousVersion");
        assertEquals(expected.getOriginalStatus(), actual.getOriginalStatus(), "originalStatus");
        assertEquals(expected.getNewStatus(), actual.getNewStatus(), "newStatus");
        assertEquals(expected.getAssociationPropagation(), actual.getAssociationPropagation(), "propagation");
        assertEquals(expected.getAvailabilityStatus(), actual.getAvailabilityStatus(), "availabilityStatus");
        assertEquals(extra(expected.getExtraMetadata()), extra(actual.getExtraMetadata()), "extraMetadata");
    }

    private static void assertSameCommon(XDSMetaClass expected, XDSMetaClass actual) {
        assertEquals(expected.getEntryUuid(), actual.getEntryUuid(), "entryUuid");
        assertEquals(expected.getLogicalUuid(), actual.getLogicalUuid(), "logicalUuid");
        assertEquals(expected.getVersion(), actual.getVersion(), "version");
        assertEquals(expected.getUniqueId(), actual.getUniqueId(), "uniqueId");
        assertEquals(expected.getHomeCommunityId(), actual.getHomeCommunityId(), "homeCommunityId");
        assertEquals(expected.getPatientId(), actual.getPatientId(), "patientId");
        assertEquals(expected.getAvailabilityStatus(), actual.getAvailabilityStatus(), "availabilityStatus");
        assertEquals(value(expected.getTitle()), value(actual.getTitle()), "title");
        assertEquals(value(expected.getComments()), value(actual.getComments()), "comments");
        assertEquals(expected.isLimitedMetadata(), actual.isLimitedMetadata(), "limitedMetadata");
        assertEquals(extra(expected.getExtraMetadata()), extra(actual.getExtraMetadata()), "extraMetadata");
    }

    private static String value(LocalizedString s) {
        return s == null ? null : s.getValue();
    }

    private static Map<String, ?> extra(Map<String, ?> m) {
        return m == null ? Map.of() : m;
    }
}
