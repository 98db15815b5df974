package org.dmpgateway.mappings.fhir.documentreference;

import org.hl7.fhir.r4.model.DocumentReference;
import org.hl7.fhir.r4.model.Identifier;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.dmpgateway.mappings.fhir.common.FhirFixtures.minimalDocumentReference;
import static org.dmpgateway.mappings.fhir.common.FhirFixtures.refusals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** {@link DocumentReferenceIds}: entryUUID, uniqueId and resource id, both ways. */
class DocumentReferenceIdsTest {

    @Test
    void entryUuidComesFromTheOfficialIdentifierOrTheId() {
        DocumentReference r = minimalDocumentReference();
        r.setId("6A0C1B0E-2F59-4A8A-9F5E-0D6B3B4F1A09");
        assertEquals("urn:uuid:6a0c1b0e-2f59-4a8a-9f5e-0d6b3b4f1a09", DocumentReferenceReader.toEntry(r, null).entryUuid());
        r.setId("docref-td2");
        assertEquals("docref-td2", DocumentReferenceReader.toEntry(r, null).entryUuid());
        r.addIdentifier().setUse(Identifier.IdentifierUse.OFFICIAL).setValue("urn:uuid:6a0c1b0e-2f59-4a8a-9f5e-0d6b3b4f1a07");
        assertEquals("urn:uuid:6a0c1b0e-2f59-4a8a-9f5e-0d6b3b4f1a07", DocumentReferenceReader.toEntry(r, null).entryUuid());
    }

    @Test
    void uniqueIdForms() {
        DocumentReference r = minimalDocumentReference();
        r.getMasterIdentifier().setValue("urn:uuid:6a0c1b0e-2f59-4a8a-9f5e-0d6b3b4f1a09");
        assertEquals("urn:uuid:6a0c1b0e-2f59-4a8a-9f5e-0d6b3b4f1a09", DocumentReferenceReader.toEntry(r, null).uniqueId());
        r.getMasterIdentifier().setValue("doc-42");
        assertEquals(List.of("DocumentReference.masterIdentifier: 'doc-42' is not a uniqueId; expected urn:oid:<OID> or "
                + "urn:uuid:<UUID>"), refusals(() -> DocumentReferenceReader.toEntry(r, null)));
    }

    @Test
    void uniqueIdValueForms() {
        assertEquals("1.2.3", DocumentReferenceIds.uniqueIdFromValue("urn:oid:1.2.3", "f"));
        assertEquals("1.2.3^ext", DocumentReferenceIds.uniqueIdFromValue("1.2.3^ext", "f"));
        assertEquals("urn:oid:1.2.3", DocumentReferenceIds.uniqueIdToValue("1.2.3"));
        assertEquals("urn:uuid:6a0c1b0e-2f59-4a8a-9f5e-0d6b3b4f1a09",
                DocumentReferenceIds.uniqueIdToValue("urn:uuid:6a0c1b0e-2f59-4a8a-9f5e-0d6b3b4f1a09"));
        assertEquals(List.of("f: 'doc-42' is not a uniqueId; expected urn:oid:<OID> or urn:uuid:<UUID>"),
                refusals(() -> DocumentReferenceIds.uniqueIdFromValue("doc-42", "f")));
    }

    @Test
    void theResourceIdIsTheEntryUuidWithoutItsUrn() {
        assertEquals("6a0c1b0e-2f59-4a8a-9f5e-0d6b3b4f1a09",
                DocumentReferenceIds.resourceId("urn:uuid:6a0c1b0e-2f59-4a8a-9f5e-0d6b3b4f1a09"));
        assertEquals("docref-td2", DocumentReferenceIds.resourceId("docref-td2"));
        assertNull(DocumentReferenceIds.resourceId(null));
    }
}
