package org.dmpgateway.mappings.fhir.documentreference;

import org.dmpgateway.mappings.fhir.common.FhirCodeSystems;
import org.dmpgateway.mappings.fhir.common.MhdUrls;
import org.dmpgateway.model.error.DmpException;
import org.dmpgateway.model.DocumentEntryRecord;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.DocumentReference;
import org.hl7.fhir.r4.model.Identifier;

import java.util.List;
import java.util.regex.Pattern;
import org.dmpgateway.model.error.DmpErrorCode;

/**
 * The identifiers of a DocumentReference (MHD 4.2 / PDSm), both ways: {@code id} = entryUUID without
 * {@code urn:uuid:}; {@code identifier} (use official, system urn:ietf:rfc:3986) = the entryUUID
 * {@code urn:uuid:...}; {@code identifier} (use secondary, type.text {@value MhdUrls#LOGICAL_ID_TYPE},
 * system urn:ietf:rfc:3986) = the logicalId {@code urn:uuid:...}; {@code masterIdentifier} = uniqueId
 * ({@code urn:oid:X} for an OID, {@code urn:uuid:X} kept as is); {@code meta.versionId} = version.
 */
public final class DocumentReferenceIds {
    private static final Pattern UUID_FORM = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    private static final Pattern OID_EXT = Pattern.compile("[0-2](\\.(0|[1-9][0-9]*))+(\\^[^\\s]{1,16})?");
    private static final String URN_UUID = "urn:uuid:";

    private DocumentReferenceIds() {
    }

    /**
     * The entryUUID a DocumentReference names: identifier(use official, urn:uuid) if any, else the
     * resource id ({@code urn:uuid:<id>} when the id is a UUID, else the id as a symbolic id the core
     * replaces), else null (the core assigns one).
     */
    public static String defaultEntryUuid(DocumentReference r) {
        String official = officialUuid(r.getIdentifier());
        if (official != null) {
            return official;
        }
        String id = r.getIdElement().getIdPart();
        if (id == null || id.isBlank()) {
            return null;
        }
        if (id.startsWith(URN_UUID)) {
            return id;
        }
        return UUID_FORM.matcher(id).matches() ? URN_UUID + id.toLowerCase() : id;
    }

    /** The value of the identifier use=official whose value is urn:uuid:..., or null. */
    public static String officialUuid(List<Identifier> ids) {
        for (Identifier i : ids) {
            if (i.getUse() == Identifier.IdentifierUse.OFFICIAL && i.hasValue() && i.getValue().startsWith(URN_UUID)) {
                return i.getValue();
            }
        }
        return null;
    }

    /** The value of the identifier use=secondary typed {@value MhdUrls#LOGICAL_ID_TYPE} (the logicalId), or null. */
    public static String logicalUuid(List<Identifier> ids) {
        for (Identifier i : ids) {
            if (i.getUse() == Identifier.IdentifierUse.SECONDARY && i.hasValue()
                    && MhdUrls.LOGICAL_ID_TYPE.equals(i.getType().getText())) {
                return i.getValue();
            }
        }
        return null;
    }

    /** The uniqueId of {@code masterIdentifier}, or null when there is none. */
    public static String uniqueId(DocumentReference r) {
        if (!r.hasMasterIdentifier() || !r.getMasterIdentifier().hasValue()) {
            return null;
        }
        return uniqueIdFromValue(r.getMasterIdentifier().getValue(), "DocumentReference.masterIdentifier");
    }

    /** urn:oid:X -> X; urn:uuid:X kept; a bare OID (optionally ^extension) kept. */
    public static String uniqueIdFromValue(String value, String field) {
        if (value.startsWith(FhirCodeSystems.URN_OID) && FhirCodeSystems.isOid(value.substring(FhirCodeSystems.URN_OID.length()))) {
            return value.substring(FhirCodeSystems.URN_OID.length());
        }
        if (value.startsWith(URN_UUID) && UUID_FORM.matcher(value.substring(URN_UUID.length())).matches()) {
            return value;
        }
        if (OID_EXT.matcher(value).matches()) {
            return value;
        }
        throw new DmpException(DmpErrorCode.METADATA_ERROR, field + ": '" + value
                + "' is not a uniqueId; expected urn:oid:<OID> or urn:uuid:<UUID>", field);
    }

    /** X -> urn:oid:X for an OID; a urn:... or a non-OID value kept. */
    public static String uniqueIdToValue(String uniqueId) {
        return uniqueId == null || uniqueId.startsWith("urn:") || !FhirCodeSystems.isOid(uniqueId) ? uniqueId
                : FhirCodeSystems.URN_OID + uniqueId;
    }

    /** The resource id of an entry: its entryUUID without {@code urn:uuid:}, or null. */
    public static String resourceId(String entryUuid) {
        return entryUuid == null ? null : entryUuid.startsWith(URN_UUID) ? entryUuid.substring(URN_UUID.length())
                : entryUuid;
    }

    /** id, meta.versionId, masterIdentifier and the official / secondary identifiers of a stored entry. */
    public static void write(DocumentEntryRecord e, DocumentReference r) {
        String id = resourceId(e.entryUuid());
        if (id != null) {
            r.setId(id);
        }
        if (e.version() != null) {
            r.getMeta().setVersionId(e.version());
        }
        if (e.uniqueId() != null) {
            // MHD 4.2.3 UniqueIdIdentifier: use 1..1, fixed "usual" (IHE.MHD.Comprehensive.DocumentReference)
            r.setMasterIdentifier(new Identifier().setUse(Identifier.IdentifierUse.USUAL).setSystem(MhdUrls.URI_SYSTEM)
                    .setValue(uniqueIdToValue(e.uniqueId())));
        }
        if (e.entryUuid() != null) {
            r.addIdentifier().setUse(Identifier.IdentifierUse.OFFICIAL).setSystem(MhdUrls.URI_SYSTEM)
                    .setValue(e.entryUuid().startsWith(URN_UUID) ? e.entryUuid() : URN_UUID + e.entryUuid());
        }
        if (e.logicalUuid() != null) {
            r.addIdentifier().setUse(Identifier.IdentifierUse.SECONDARY).setSystem(MhdUrls.URI_SYSTEM)
                    .setValue(e.logicalUuid()).setType(new CodeableConcept().setText(MhdUrls.LOGICAL_ID_TYPE));
        }
    }
}
