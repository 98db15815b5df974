package org.dmpgateway.mappings.xds.iti57;

import org.dmpgateway.model.error.DmpErrorCode;
import org.dmpgateway.model.error.DmpException;
import org.dmpgateway.model.EntryStatus;
import org.openehealth.ipf.commons.ihe.xds.core.ebxml.EbXMLAssociation;
import org.openehealth.ipf.commons.ihe.xds.core.metadata.AvailabilityStatus;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * The OriginalStatus / NewStatus slots of an UpdateAvailabilityStatus association, read from the
 * ebXML request itself. IPF's {@link AvailabilityStatus} knows only Approved and Deprecated and
 * turns any other value into null, so the CI-SIS statuses of JDV_J52
 * ({@code urn:asip:ci-sis:2010:StatusType:Archived} and {@code ...:Deleted}) would be lost by
 * IPF's simplified model: the slot text is read with {@link EbXMLAssociation#getSingleSlotValue}.
 * Accepted values: the URNs of {@link EntryStatus} and IPF's short forms {@code Approved} and
 * {@code Deprecated} (what IPF's own client writes into these slots).
 */
final class UpdateStatuses {
    private UpdateStatuses() {
    }

    /** The status of a slot value, or null when the value is no status of JDV_J52 (nor IPF's short form). */
    static EntryStatus parse(String value) {
        if (value == null) {
            return null;
        }
        for (EntryStatus s : EntryStatus.values()) {
            if (s.urn().equals(value)) {
                return s;
            }
        }
        AvailabilityStatus ipf = AvailabilityStatus.valueOfOpcode(value);
        if (ipf == null) {
            return null;
        }
        return ipf == AvailabilityStatus.DEPRECATED ? EntryStatus.DEPRECATED : EntryStatus.APPROVED;
    }

    /**
     * The status in one slot of the association; refuses a missing or unknown value, naming it, with
     * METADATA_UPDATE_OPERATION_ERROR (XDSMetadataUpdateOperationError: the registry cannot decode
     * the requested update, IHE ITI TF-2b 3.57.4.1.3).
     */
    static EntryStatus read(EbXMLAssociation association, String slotName) {
        String value = association.getSingleSlotValue(slotName);
        if (value == null || value.isBlank()) {
            throw new DmpException(DmpErrorCode.METADATA_UPDATE_OPERATION_ERROR, "UpdateAvailabilityStatus association "
                    + association.getId() + ": slot " + slotName + " is missing", association.getId());
        }
        EntryStatus status = parse(value);
        if (status == null) {
            throw new DmpException(DmpErrorCode.METADATA_UPDATE_OPERATION_ERROR, "UpdateAvailabilityStatus association "
                    + association.getId() + ": " + slotName + " '" + value + "' is not an availability status (one of "
                    + Arrays.stream(EntryStatus.values()).map(EntryStatus::urn).collect(Collectors.joining(", ")) + ")",
                    association.getId());
        }
        return status;
    }

    /**
     * The standard status that stands for a CI-SIS one while IPF's validator looks at the request:
     * Archived (archived and current) stands as Approved, Deleted (no longer published) as
     * Deprecated. Approved and Deprecated stand for themselves.
     */
    static AvailabilityStatus standIn(EntryStatus status) {
        return switch (status) {
            case APPROVED, ARCHIVED, SUBMITTED -> AvailabilityStatus.APPROVED;
            case DEPRECATED, DELETED -> AvailabilityStatus.DEPRECATED;
        };
    }
}
