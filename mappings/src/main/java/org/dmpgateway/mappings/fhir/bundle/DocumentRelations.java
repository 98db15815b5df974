package org.dmpgateway.mappings.fhir.bundle;

import org.dmpgateway.mappings.fhir.common.Problems;
import org.dmpgateway.model.AssociationKind;
import org.dmpgateway.model.AssociationRecord;
import org.hl7.fhir.r4.model.DocumentReference.DocumentReferenceRelatesToComponent;
import org.hl7.fhir.r4.model.Resource;

import java.util.function.Function;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The associations a bundle's resources state, for ITI-65 and ITI-105 alike: the document
 * relationships of DocumentReference.relatesTo (replaces RPLC, transforms XFRM, appends APND, signs
 * signs) whose target is {@code DocumentReference/<entryUUID of a registry document>}, and the HasMember
 * memberships. Association ids are fresh UUIDs.
 */
final class DocumentRelations {
    /** {@code DocumentReference/<entryUUID>} of a registry document (the UUID in group 1). */
    static final Pattern DOCUMENT_TARGET = Pattern.compile(
            "(?:.*/)?DocumentReference/([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})");

    private DocumentRelations() {
    }

    /** A relatesTo as association from the new document {@code sourceUuid} to a registry document. */
    static AssociationRecord relation(String sourceUuid, DocumentReferenceRelatesToComponent rel, int i, Problems p,
                                              Function<String, Resource> resolver) {
        String field = "DocumentReference.relatesTo[" + i + "]";
        AssociationKind kind = rel.getCode() == null ? null : switch (rel.getCode()) {
            case REPLACES -> AssociationKind.REPLACE;
            case TRANSFORMS -> AssociationKind.TRANSFORM;
            case APPENDS -> AssociationKind.APPEND;
            case SIGNS -> AssociationKind.SIGNS;
            default -> null;
        };
        if (kind == null) {
            p.add(field + ".code", "expected replaces, transforms, appends or signs");
            return null;
        }
        String target = rel.getTarget().getReference();
        if (target != null && resolver != null && resolver.apply(target) != null) {
            p.add(field + ".target", target + " is in this bundle; a " + rel.getCode().toCode()
                    + " relationship targets a document already in the DMP (DocumentReference/<entryUUID>)");
            return null;
        }
        Matcher m = target == null ? null : DOCUMENT_TARGET.matcher(target);
        if (m == null || !m.matches()) {
            p.add(field + ".target", (target == null ? "the target" : target) + " does not name a DMP document: expected "
                    + "DocumentReference/<entryUUID> (the id of the document in this gateway, a UUID)");
            return null;
        }
        return new AssociationRecord("urn:uuid:" + UUID.randomUUID(), kind, sourceUuid,
                "urn:uuid:" + m.group(1).toLowerCase(), null, null, null, null, null, null, Map.of());
    }

    static AssociationRecord hasMember(String source, String target, String label) {
        return new AssociationRecord("urn:uuid:" + UUID.randomUUID(), AssociationKind.HAS_MEMBER, source, target, label,
                null, null, null, null, null, Map.of());
    }
}
