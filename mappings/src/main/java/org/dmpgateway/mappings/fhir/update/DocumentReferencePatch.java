package org.dmpgateway.mappings.fhir.update;

import org.dmpgateway.mappings.fhir.common.FhirCodes;
import org.dmpgateway.mappings.fhir.common.MhdUrls;
import org.dmpgateway.model.error.DmpErrorCode;
import org.dmpgateway.model.error.DmpException;
import org.dmpgateway.model.CodedValue;
import org.dmpgateway.model.DocumentEntryRecord;
import org.dmpgateway.model.DocumentUpdate;
import org.dmpgateway.model.EntryStatus;
import org.dmpgateway.model.SubmissionSetRecord;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.DocumentReference;
import org.hl7.fhir.r4.model.Enumerations.DocumentReferenceStatus;
import org.hl7.fhir.r4.model.Extension;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * A FHIR PATCH of a DocumentReference (PDSm "mise à jour", PDSM4DMP TD3.3a-d) as the core's
 * {@link DocumentUpdate}: the caller sent a patch, the FHIR side applied it to the
 * DocumentReference of the current entry ({@code before}) and got {@code after}; only
 * {@code status}, {@code securityLabel} and the PDSm extensions isArchived / isDeleted may differ
 * (the FHIR side has refused any other change, 405). What changed becomes:
 * <ul>
 *   <li>securityLabel (the confidentiality codes: masking MASQUE_PS, INVISIBLE_PATIENT, back to N...):
 *       a {@link DocumentUpdate.NewVersion} of the entry with the new codes, a new entryUUID, the same
 *       logicalId, {@code previousVersion} = the current version (XDS: a confidentiality change is a
 *       new metadata version);</li>
 *   <li>status / isArchived / isDeleted: a {@link DocumentUpdate.StatusChange} from the entry's status:
 *       {@code superseded} -> Deprecated; {@code current} + isArchived true -> Archived, false (or
 *       absent) -> Approved; {@code entered-in-error} (PDSM4DMP) or isDeleted true with
 *       {@code superseded} (PDSm) -> Deleted.</li>
 * </ul>
 * Whether the transition is allowed, and who may make it, is the core's decision. One PATCH
 * changes either the confidentiality codes or the status, not both (XDS allows one change per
 * document and request): METADATA_UPDATE_ERROR otherwise.
 */
public final class DocumentReferencePatch {
    /** PDSm extension of a logically deleted entry (PDSm "suppression logique"). */
    public static final String EXT_IS_DELETED = "https://interop.esante.gouv.fr/ig/fhir/pdsm/StructureDefinition/pdsm-ext-is-deleted";
    /** The extensions a PATCH may change. */
    public static final List<String> PATCHABLE_EXTENSIONS = List.of(MhdUrls.EXT_IS_ARCHIVED, EXT_IS_DELETED);

    private DocumentReferencePatch() {
    }

    /**
     * The update that turns {@code current} into what {@code after} says, or null when the patch
     * changes nothing the registry keeps.
     *
     * @param current the entry as the core returned it (visible to the caller)
     * @param before  the DocumentReference of {@code current} the patch was applied to
     * @param after   the patched DocumentReference
     * @param set     the submission set of the update (made by the FHIR side for the caller)
     * @throws DmpException METADATA_ERROR (bad securityLabel) or METADATA_UPDATE_ERROR (unsupported status
     *                      or combination), naming the FHIR path
     */
    public static DocumentUpdate toUpdate(DocumentEntryRecord current, DocumentReference before,
                                          DocumentReference after, SubmissionSetRecord set) {
        List<CodedValue> labelsBefore = labels(before);
        List<CodedValue> labelsAfter = labels(after);
        boolean labelsChanged = !keys(labelsBefore).equals(keys(labelsAfter));
        EntryStatus target = targetStatus(current, after);
        boolean statusChanged = target != current.availabilityStatus();
        if (labelsChanged && statusChanged) {
            throw new DmpException(DmpErrorCode.METADATA_UPDATE_ERROR, "DocumentReference: this PATCH changes both "
                    + "securityLabel and the status (status, isArchived or isDeleted); the registry takes one change per "
                    + "document and request: send two PATCH requests", "DocumentReference");
        }
        if (labelsChanged) {
            if (labelsAfter.isEmpty()) {
                throw new DmpException(DmpErrorCode.METADATA_ERROR, "DocumentReference.securityLabel: the DMP needs at "
                        + "least one confidentiality code (N, R or V, and the visibility statuses of TRE_A07)",
                        "DocumentReference.securityLabel");
            }
            DocumentEntryRecord next = withConfidentialityCodes(current, labelsAfter,
                    "urn:uuid:" + UUID.randomUUID());
            return new DocumentUpdate(set, List.of(new DocumentUpdate.NewVersion(next, current.version())), List.of());
        }
        if (statusChanged) {
            return new DocumentUpdate(set, List.of(), List.of(new DocumentUpdate.StatusChange(current.entryUuid(),
                    current.availabilityStatus(), target)));
        }
        return null;
    }

    /** The registry status {@code after} asks for (see the class comment). */
    static EntryStatus targetStatus(DocumentEntryRecord current, DocumentReference after) {
        DocumentReferenceStatus status = after.getStatus();
        boolean deleted = flag(after, EXT_IS_DELETED);
        if (status == DocumentReferenceStatus.ENTEREDINERROR) {
            return EntryStatus.DELETED;
        }
        if (deleted) {
            if (status != DocumentReferenceStatus.SUPERSEDED) {
                throw new DmpException(DmpErrorCode.METADATA_UPDATE_ERROR, "DocumentReference.status: a logical "
                        + "deletion (isDeleted true) sets status to superseded too (PDSm), not " + code(status),
                        "DocumentReference.status");
            }
            return EntryStatus.DELETED;
        }
        if (status == DocumentReferenceStatus.SUPERSEDED) {
            // an entry already Deprecated stays so; a current one becomes Deprecated
            return EntryStatus.DEPRECATED;
        }
        if (status == DocumentReferenceStatus.CURRENT) {
            return flag(after, MhdUrls.EXT_IS_ARCHIVED) ? EntryStatus.ARCHIVED : EntryStatus.APPROVED;
        }
        throw new DmpException(DmpErrorCode.METADATA_UPDATE_ERROR, "DocumentReference.status: " + code(status)
                + " is not a status of the DMP (current, superseded, entered-in-error)", "DocumentReference.status");
    }

    private static String code(DocumentReferenceStatus s) {
        return s == null ? "(none)" : s.toCode();
    }

    /** The boolean value of extension {@code url}; absent is false; more than one or not a boolean: refused. */
    static boolean flag(DocumentReference r, String url) {
        List<Extension> found = r.getExtensionsByUrl(url);
        if (found.isEmpty()) {
            return false;
        }
        String field = "DocumentReference.extension('" + url + "')";
        if (found.size() > 1 || !(found.get(0).getValue() instanceof BooleanType b) || !b.hasValue()) {
            throw new DmpException(DmpErrorCode.METADATA_UPDATE_ERROR, field + ": one extension with a valueBoolean "
                    + "is expected", field);
        }
        return b.booleanValue();
    }

    /** The securityLabels as confidentiality codes (their JDV_J58 membership is the core's rule), duplicates dropped. */
    static List<CodedValue> labels(DocumentReference r) {
        List<CodedValue> out = new ArrayList<>();
        Set<List<String>> seen = new LinkedHashSet<>();
        List<CodeableConcept> labels = r.getSecurityLabel();
        for (int i = 0; i < labels.size(); i++) {
            String field = "DocumentReference.securityLabel[" + i + "]";
            CodedValue c = FhirCodes.read(labels.get(i), field);
            if (c == null) {
                throw new DmpException(DmpErrorCode.METADATA_ERROR, field + ": a securityLabel needs a coding with "
                        + "system and code", field);
            }
            if (seen.add(List.of(c.code(), c.codeSystem()))) {
                out.add(c);
            }
        }
        return out;
    }

    private static Set<List<String>> keys(List<CodedValue> codes) {
        Set<List<String>> keys = new LinkedHashSet<>();
        codes.forEach(c -> keys.add(List.of(c.code(), c.codeSystem())));
        return keys;
    }

    /**
     * A copy of {@code e} with other confidentiality codes, under a new entryUUID (same logicalId), as a
     * request carries it: no submitter recorded.
     */
    static DocumentEntryRecord withConfidentialityCodes(DocumentEntryRecord e, List<CodedValue> codes, String entryUuid) {
        return e.toBuilder().entryUuid(entryUuid).confidentialityCodes(codes).submitterId(null).build();
    }
}
