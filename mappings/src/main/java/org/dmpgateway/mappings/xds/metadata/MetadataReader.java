package org.dmpgateway.mappings.xds.metadata;

import org.dmpgateway.model.error.DmpErrorCode;
import org.dmpgateway.model.error.DmpException;
import org.dmpgateway.model.AssociationKind;
import org.dmpgateway.model.CodedValue;
import org.dmpgateway.model.PatientRef;
import org.openehealth.ipf.commons.ihe.xds.core.metadata.AssociationType;
import org.openehealth.ipf.commons.ihe.xds.core.metadata.Code;
import org.openehealth.ipf.commons.ihe.xds.core.metadata.Hl7v2Based;
import org.openehealth.ipf.commons.ihe.xds.core.metadata.Identifiable;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads the values of one IPF metadata object (DocumentEntry, SubmissionSet, Folder,
 * Association) that can be malformed. A value that cannot be represented internally is refused
 * with {@link DmpErrorCode#METADATA_ERROR}, the message {@code "<Object>.<field>: <rule>"} and the
 * object's entryUUID as location (the field when the object has none).
 */
final class MetadataReader {
    private final String objectType;
    private final String entryUuid;

    MetadataReader(String objectType, String entryUuid) {
        this.objectType = objectType;
        this.entryUuid = entryUuid;
    }

    /** A code needs its value; an absent code stays null. */
    CodedValue code(String field, Code c) {
        if (c == null) {
            return null;
        }
        if (c.getCode() == null || c.getCode().isBlank()) {
            throw error(field, "a code needs a value, got " + Hl7v2Based.render(c));
        }
        return new CodedValue(c.getCode(), c.getSchemeName(), XdsValues.text(c.getDisplayName()));
    }

    List<CodedValue> codes(String field, List<Code> codes) {
        List<CodedValue> out = new ArrayList<>();
        if (codes != null) {
            for (Code c : codes) {
                if (c != null) {
                    out.add(code(field, c));
                }
            }
        }
        return out;
    }

    /** A patient identifier needs an id and its assigning authority OID; an absent one stays null. */
    PatientRef patient(String field, Identifiable id) {
        if (id == null) {
            return null;
        }
        PatientRef ref = XdsValues.patientRef(id);
        if (ref == null) {
            throw error(field, "a patient identifier needs an id and an assigning authority OID "
                    + "(id^^^&OID&ISO), got " + Hl7v2Based.render(id));
        }
        return ref;
    }

    /** Association types the gateway knows (all IHE ones; not IPF's ELGA NonVersioningUpdate). */
    AssociationKind kind(String field, AssociationType type) {
        if (type == null) {
            return null;
        }
        AssociationKind kind = XdsValues.kind(type);
        if (kind == null) {
            throw error(field, "association type " + type.getOpcode30() + " is not supported");
        }
        return kind;
    }

    DmpException error(String field, String rule) {
        String qualified = objectType + "." + field;
        return new DmpException(DmpErrorCode.METADATA_ERROR, qualified + ": " + rule,
                entryUuid != null ? entryUuid : qualified);
    }
}
