package org.dmpgateway.mappings.fhir.documentreference;

import org.dmpgateway.mappings.fhir.common.FhirAuthors;
import org.dmpgateway.mappings.fhir.common.FhirCodeSystems;
import org.dmpgateway.mappings.fhir.common.FhirRefs;
import org.dmpgateway.mappings.fhir.common.MhdUrls;
import org.dmpgateway.model.AssociationKind;
import org.dmpgateway.model.AssociationRecord;
import org.dmpgateway.model.AuthorInfo;
import org.dmpgateway.model.DocumentEntryRecord;
import org.dmpgateway.model.EntryStatus;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.DocumentReference;
import org.hl7.fhir.r4.model.Enumerations.DocumentReferenceStatus;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Practitioner;
import org.hl7.fhir.r4.model.PractitionerRole;
import org.junit.jupiter.api.Test;

import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.HexFormat;

import static org.dmpgateway.mappings.fhir.common.FhirFixtures.DURANT;
import static org.dmpgateway.mappings.fhir.common.FhirFixtures.entry;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

/** {@link DocumentReferenceWriter}: a stored entry as the DocumentReference ITI-67, a read and a PATCH answer. */
class DocumentReferenceWriterTest {
    private static final String BASE = "https://dmp.example.org/fhir/";

    @Test
    void outboundIdsStatusUrlAndHash() {
        DocumentEntryRecord e = entry(EntryStatus.ARCHIVED);
        DocumentReference r = DocumentReferenceWriter.toResource(e, BASE);
        assertEquals("6a0c1b0e-2f59-4a8a-9f5e-0d6b3b4f1a01", r.getIdElement().getIdPart());
        assertEquals("2", r.getMeta().getVersionId());
        assertEquals(List.of(MhdUrls.PROFILE_DOCUMENT_REFERENCE), r.getMeta().getProfile().stream().map(p -> p.getValue()).toList());
        assertEquals("urn:ietf:rfc:3986", r.getMasterIdentifier().getSystem());
        assertEquals("urn:oid:1.2.250.1.999.1.1.42", r.getMasterIdentifier().getValue());
        assertEquals(Identifier.IdentifierUse.USUAL, r.getMasterIdentifier().getUse()); // MHD UniqueIdIdentifier
        Identifier official = r.getIdentifier().get(0);
        assertEquals(Identifier.IdentifierUse.OFFICIAL, official.getUse());
        assertEquals("urn:uuid:6a0c1b0e-2f59-4a8a-9f5e-0d6b3b4f1a01", official.getValue());
        Identifier logical = r.getIdentifier().get(1);
        assertEquals(Identifier.IdentifierUse.SECONDARY, logical.getUse());
        assertEquals("logicalId", logical.getType().getText());
        assertEquals(DocumentReferenceStatus.CURRENT, r.getStatus());
        assertEquals(true, ((BooleanType) r.getExtensionByUrl(MhdUrls.EXT_IS_ARCHIVED).getValue()).booleanValue());
        assertEquals("Patient/279035121518989-1.2.250.1.213.1.4.10", r.getSubject().getReference());
        assertEquals("urn:oid:1.2.250.1.213.1.4.10", r.getSubject().getIdentifier().getSystem());
        assertEquals("https://dmp.example.org/fhir/Binary/6a0c1b0e-2f59-4a8a-9f5e-0d6b3b4f1a01",
                r.getContentFirstRep().getAttachment().getUrl());
        assertEquals(Base64.getEncoder().encodeToString(HexFormat.of().parseHex(e.hash())),
                Base64.getEncoder().encodeToString(r.getContentFirstRep().getAttachment().getHash()));
        assertEquals("2026-06-12T08:30:00Z", r.getContentFirstRep().getAttachment().getCreationElement().getValueAsString());
        assertEquals("https://mos.esante.gouv.fr/NOS/TRE_A07-StatutVisibiliteDocument/FHIR/TRE-A07-StatutVisibiliteDocument",
                r.getSecurityLabel().get(1).getCodingFirstRep().getSystem());
        assertEquals(DocumentReferenceStatus.SUPERSEDED,
                DocumentReferenceWriter.toResource(entry(EntryStatus.DEPRECATED), BASE).getStatus());
        assertEquals(DocumentReferenceStatus.ENTEREDINERROR,
                DocumentReferenceWriter.toResource(entry(EntryStatus.DELETED), BASE).getStatus());
        assertNull(DocumentReferenceWriter.toResource(entry(EntryStatus.APPROVED), BASE).getExtensionByUrl(MhdUrls.EXT_IS_ARCHIVED));
    }

    @Test
    void authorIsAContainedPractitionerRoleWithXcnAndXonAsXdsWritesThem() {
        DocumentReference r = DocumentReferenceWriter.toResource(entry(EntryStatus.APPROVED), BASE);
        assertEquals("#author1", r.getAuthorFirstRep().getReference());
        PractitionerRole role = (PractitionerRole) FhirRefs.contained(r, "author1");
        Practitioner p = (Practitioner) FhirRefs.contained(r, "author1-person");
        assertEquals("urn:oid:1.2.250.1.71.4.2.1", p.getIdentifierFirstRep().getSystem());
        assertEquals("810002345678", p.getIdentifierFirstRep().getValue());
        assertEquals("IDNPS", p.getIdentifierFirstRep().getType().getCodingFirstRep().getCode());
        assertEquals("DURANT", p.getNameFirstRep().getFamily());
        Organization o = (Organization) FhirRefs.contained(r, "author1-org");
        assertEquals("CABINET MEDICAL DR DURANT", o.getName());
        assertEquals("401234567890009", o.getIdentifierFirstRep().getValue());
        assertEquals("Médecin traitant", role.getCodeFirstRep().getText());
        assertEquals("G15_10/SM54", role.getSpecialtyFirstRep().getCodingFirstRep().getCode());
        assertEquals("romuald.durant@mssante.fr", role.getTelecomFirstRep().getValue());
    }

    @Test
    void theDmpsXonAndCodedSpecialtyAsSentOverXdsTakeTheirFhirForm() {
        AuthorInfo asSent = new AuthorInfo(DURANT,
                List.of("CABINET DR LIBRE^^^^^&1.2.250.1.71.4.2.2&ISO^IDNST^^^499900063480001"), List.of(),
                List.of("G15_10/SM26^Médecin - Qualifié en Médecine Générale (SM)^1.2.250.1.213.1.1.4.5"), List.of());
        DocumentEntryRecord e = entry(EntryStatus.APPROVED);
        DocumentEntryRecord withAuthor = e.toBuilder().authors(List.of(asSent)).build();

        DocumentReference r = DocumentReferenceWriter.toResource(withAuthor, BASE);

        Organization o = (Organization) FhirRefs.contained(r, "author1-org");
        assertEquals("CABINET DR LIBRE", o.getName());
        assertEquals("urn:oid:1.2.250.1.71.4.2.2", o.getIdentifierFirstRep().getSystem());
        assertEquals("499900063480001", o.getIdentifierFirstRep().getValue());
        assertEquals("IDNST", o.getIdentifierFirstRep().getType().getCodingFirstRep().getCode());
        assertEquals(FhirAuthors.FR_V2_0203, o.getIdentifierFirstRep().getType().getCodingFirstRep().getSystem());
        var specialty = ((PractitionerRole) FhirRefs.contained(r, "author1")).getSpecialtyFirstRep().getCodingFirstRep();
        assertEquals("G15_10/SM26", specialty.getCode());
        assertEquals("Médecin - Qualifié en Médecine Générale (SM)", specialty.getDisplay());
        assertEquals(FhirCodeSystems.toUri("1.2.250.1.213.1.1.4.5"), specialty.getSystem());
        Organization plain = (Organization) FhirRefs.contained(DocumentReferenceWriter.toResource(e, BASE), "author1-org");
        assertFalse(plain.getIdentifierFirstRep().hasType(), "an XON without XON.7 gives an untyped identifier");
    }

    @Test
    void relatesToComesFromTheDocumentRelationshipsWhoseSourceIsTheEntry() {
        DocumentEntryRecord e = entry(EntryStatus.APPROVED);
        String other = "urn:uuid:2b7b6f7e-2c8e-4f8e-9d2a-0c5b7a8e9f10";
        List<AssociationRecord> associations = List.of(
                association(AssociationKind.REPLACE, e.entryUuid(), other),
                association(AssociationKind.APPEND, other, e.entryUuid()),
                association(AssociationKind.HAS_MEMBER, e.entryUuid(), other));
        DocumentReference r = DocumentReferenceWriter.toResource(e, BASE, associations);
        assertEquals(1, r.getRelatesTo().size(), "only the relationship whose source is this entry");
        assertEquals(DocumentReference.DocumentRelationshipType.REPLACES, r.getRelatesToFirstRep().getCode());
        assertEquals("DocumentReference/2b7b6f7e-2c8e-4f8e-9d2a-0c5b7a8e9f10", r.getRelatesToFirstRep().getTarget().getReference());
    }

    private static AssociationRecord association(
            AssociationKind kind, String source, String target) {
        return new AssociationRecord("urn:uuid:" + UUID.randomUUID(), kind, source,
                target, null, null, null, null, null, EntryStatus.APPROVED, Map.of());
    }
}
