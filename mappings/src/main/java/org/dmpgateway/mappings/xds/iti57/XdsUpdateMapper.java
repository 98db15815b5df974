package org.dmpgateway.mappings.xds.iti57;

import org.dmpgateway.mappings.xds.metadata.XdsMetadataMapper;
import org.dmpgateway.model.error.DmpErrorCode;
import org.dmpgateway.model.error.DmpException;
import org.dmpgateway.model.DocumentEntryRecord;
import org.dmpgateway.model.DocumentUpdate;
import org.openehealth.ipf.commons.ihe.xds.core.ebxml.EbXMLAssociation;
import org.openehealth.ipf.commons.ihe.xds.core.ebxml.ebxml30.EbXMLFactory30;
import org.openehealth.ipf.commons.ihe.xds.core.ebxml.ebxml30.EbXMLSubmitObjectsRequest30;
import org.openehealth.ipf.commons.ihe.xds.core.metadata.AssociationType;
import org.openehealth.ipf.commons.ihe.xds.core.metadata.DocumentEntry;
import org.openehealth.ipf.commons.ihe.xds.core.requests.RegisterDocumentSet;
import org.openehealth.ipf.commons.ihe.xds.core.stub.ebrs30.lcm.SubmitObjectsRequest;
import org.openehealth.ipf.commons.ihe.xds.core.transform.requests.RegisterDocumentSetTransformer;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.openehealth.ipf.commons.ihe.xds.core.metadata.Vocabulary.SLOT_NAME_NEW_STATUS;
import static org.openehealth.ipf.commons.ihe.xds.core.metadata.Vocabulary.SLOT_NAME_ORIGINAL_STATUS;

/**
 * ITI-57 Update Document Set (the ebXML request as received) to the internal {@link DocumentUpdate}.
 * The submission set and the document entries go through IPF's simplified model
 * ({@link XdsMetadataMapper}); the associations are read from the ebXML request itself, because
 * IPF's model drops the CI-SIS statuses (see {@link UpdateStatuses}).
 * <ul>
 *   <li>a DocumentEntry with a logicalID, member of the SubmissionSet through a HasMember association
 *       carrying {@code PreviousVersion}: {@link DocumentUpdate.NewVersion}(entry, previous version);</li>
 *   <li>an UpdateAvailabilityStatus association from the SubmissionSet to a document (its entryUUID
 *       or logicalID), with OriginalStatus and NewStatus: {@link DocumentUpdate.StatusChange}.</li>
 * </ul>
 * Anything else is refused with METADATA_UPDATE_ERROR naming the object: folders (the gateway
 * updates document entries only), other association types, associations not from the
 * SubmissionSet. A DocumentEntry without logicalID is METADATA_UPDATE_ERROR, one without
 * PreviousVersion METADATA_VERSION_ERROR. The association entryUUIDs of the request are not
 * carried: the registry stores the associations of an update under its own UUIDs.
 */
public final class XdsUpdateMapper {
    private static final RegisterDocumentSetTransformer TRANSFORMER = new RegisterDocumentSetTransformer(new EbXMLFactory30());

    private XdsUpdateMapper() {
    }

    public static DocumentUpdate toDocumentUpdate(SubmitObjectsRequest request) {
        var ebXml = new EbXMLSubmitObjectsRequest30(request);
        RegisterDocumentSet simple = TRANSFORMER.fromEbXML(ebXml);
        if (simple.getSubmissionSet() == null) {
            throw new DmpException(DmpErrorCode.METADATA_ERROR,
                    "SubmissionSet: the request must contain exactly one SubmissionSet", "SubmissionSet");
        }
        if (!simple.getFolders().isEmpty()) {
            String id = simple.getFolders().get(0).getEntryUuid();
            throw new DmpException(DmpErrorCode.METADATA_UPDATE_ERROR, "Folder " + id
                    + ": folders cannot be updated; a metadata update names document entries only", id);
        }
        String setId = simple.getSubmissionSet().getEntryUuid();
        Set<String> entryIds = simple.getDocumentEntries().stream().map(DocumentEntry::getEntryUuid)
                .collect(Collectors.toSet());

        Map<String, String> previousVersions = new HashMap<>();
        List<DocumentUpdate.StatusChange> statusChanges = new ArrayList<>();
        for (EbXMLAssociation a : ebXml.getAssociations()) {
            AssociationType type = a.getAssociationType();
            boolean fromSet = setId != null && setId.equals(a.getSource());
            if (type == AssociationType.HAS_MEMBER && fromSet && entryIds.contains(a.getTarget())) {
                previousVersions.put(a.getTarget(), a.getPreviousVersion());
            } else if (type == AssociationType.UPDATE_AVAILABILITY_STATUS && fromSet) {
                statusChanges.add(new DocumentUpdate.StatusChange(a.getTarget(),
                        UpdateStatuses.read(a, SLOT_NAME_ORIGINAL_STATUS), UpdateStatuses.read(a, SLOT_NAME_NEW_STATUS)));
            } else {
                throw unsupported(a, type);
            }
        }

        List<DocumentUpdate.NewVersion> newVersions = new ArrayList<>();
        for (DocumentEntry e : simple.getDocumentEntries()) {
            DocumentEntryRecord entry = XdsMetadataMapper.toRecord(e);
            if (entry.logicalUuid() == null || entry.logicalUuid().isBlank()) {
                throw new DmpException(DmpErrorCode.METADATA_UPDATE_ERROR, "DocumentEntry " + e.getEntryUuid()
                        + ": a new metadata version needs the logicalID of the document it updates", e.getEntryUuid());
            }
            String previous = previousVersions.get(e.getEntryUuid());
            if (previous == null || previous.isBlank()) {
                throw new DmpException(DmpErrorCode.METADATA_VERSION_ERROR, "DocumentEntry " + e.getEntryUuid()
                        + ": the SubmissionSet's HasMember association to it must carry the slot PreviousVersion "
                        + "(the version this one replaces)", e.getEntryUuid());
            }
            newVersions.add(new DocumentUpdate.NewVersion(entry, previous));
        }
        return new DocumentUpdate(XdsMetadataMapper.toRecord(simple.getSubmissionSet()), newVersions, statusChanges);
    }

    private static DmpException unsupported(EbXMLAssociation a, AssociationType type) {
        String what;
        if (type == AssociationType.UPDATE_AVAILABILITY_STATUS || type == AssociationType.HAS_MEMBER) {
            what = (type == AssociationType.HAS_MEMBER
                    ? "a HasMember association of a metadata update links the SubmissionSet to a DocumentEntry of the request"
                    : "an UpdateAvailabilityStatus association must have the SubmissionSet as source")
                    + " (source " + a.getSource() + ", target " + a.getTarget() + ")";
        } else {
            what = "association type " + (type == null ? "(unknown)" : type.getOpcode30())
                    + " is not supported in a metadata update (only the SubmissionSet's HasMember to new versions "
                    + "and UpdateAvailabilityStatus)";
        }
        return new DmpException(DmpErrorCode.METADATA_UPDATE_ERROR, "Association " + a.getId() + ": " + what, a.getId());
    }
}
