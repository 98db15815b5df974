package org.dmpgateway.fhir.patch;

import org.hl7.fhir.r4.model.DocumentReference;

/**
 * A DocumentReference before and after a patch. Both went through the same JSON parse, so that
 * they compare element by element.
 */
public record PatchedDocument(DocumentReference before, DocumentReference after) {
}
