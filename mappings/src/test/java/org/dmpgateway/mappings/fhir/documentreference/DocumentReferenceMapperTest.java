package org.dmpgateway.mappings.fhir.documentreference;

import org.dmpgateway.mappings.fhir.common.FhirAuthors;
import org.dmpgateway.mappings.fhir.common.FhirCodeSystems;
import org.dmpgateway.mappings.fhir.common.FhirRefs;
import org.dmpgateway.mappings.fhir.common.MhdUrls;
import org.dmpgateway.mappings.fhir.patient.PatientIds;
import org.dmpgateway.model.AuthorInfo;
import org.dmpgateway.model.DocumentEntryRecord;
import org.dmpgateway.model.EntryStatus;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DocumentReference;
import org.hl7.fhir.r4.model.Enumerations.DocumentReferenceStatus;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Practitioner;
import org.hl7.fhir.r4.model.PractitionerRole;
import org.hl7.fhir.r4.model.Reference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.Base64;
import java.util.List;

import static org.dmpgateway.mappings.fhir.common.FhirFixtures.CABINET;
import static org.dmpgateway.mappings.fhir.common.FhirFixtures.DURANT;
import static org.dmpgateway.mappings.fhir.common.FhirFixtures.JSON;
import static org.dmpgateway.mappings.fhir.common.FhirFixtures.asReadBack;
import static org.dmpgateway.mappings.fhir.common.FhirFixtures.entry;
import static org.dmpgateway.mappings.fhir.common.FhirFixtures.refusals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

public class DocumentReferenceMapperTest {
    private static final String BASE = "https://dmp.example.org/fhir/";

    @ParameterizedTest
    @EnumSource(value = EntryStatus.class, names = {"APPROVED", "ARCHIVED", "DEPRECATED", "DELETED"})
    void roundTripGivesTheMetadataBack(EntryStatus status) {
        DocumentEntryRecord e = entry(status);
        DocumentReference r = DocumentReferenceMapper.toResource(e, BASE);
        assertEquals(asReadBack(e), DocumentReferenceMapper.toEntry(r, null));
        // and through JSON, as a client would see and send it back
        DocumentReference parsed = JSON.parseResource(DocumentReference.class, JSON.encodeResourceToString(r));
        assertEquals(asReadBack(e), DocumentReferenceMapper.toEntry(parsed, null));
    }

    @Test
    void outboundIdsStatusUrlAndHash() {
        DocumentEntryRecord e = entry(EntryStatus.ARCHIVED);
        DocumentReference r = DocumentReferenceMapper.toResource(e, BASE);
        assertEquals("6a0c1b0e-2f59-4a8a-9f5e-0d6b3b4f1a01", r.getIdElement().getIdPart());
        assertEquals("2", r.getMeta().getVersionId());
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
        assertEquals(Base64.getEncoder().encodeToString(java.util.HexFormat.of().parseHex(e.hash())),
                Base64.getEncoder().encodeToString(r.getContentFirstRep().getAttachment().getHash()));
        assertEquals("2026-06-12T08:30:00Z", r.getContentFirstRep().getAttachment().getCreationElement().getValueAsString());
        assertEquals("https://mos.esante.gouv.fr/NOS/TRE_A07-StatutVisibiliteDocument/FHIR/TRE-A07-StatutVisibiliteDocument",
                r.getSecurityLabel().get(1).getCodingFirstRep().getSystem());
        assertEquals(DocumentReferenceStatus.SUPERSEDED,
                DocumentReferenceMapper.toResource(entry(EntryStatus.DEPRECATED), BASE).getStatus());
        assertEquals(DocumentReferenceStatus.ENTEREDINERROR,
                DocumentReferenceMapper.toResource(entry(EntryStatus.DELETED), BASE).getStatus());
        assertNull(DocumentReferenceMapper.toResource(entry(EntryStatus.APPROVED), BASE).getExtensionByUrl(MhdUrls.EXT_IS_ARCHIVED));
    }

    @Test
    void authorIsAContainedPractitionerRoleWithXcnAndXonAsXdsWritesThem() {
        DocumentReference r = DocumentReferenceMapper.toResource(entry(EntryStatus.APPROVED), BASE);
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
        DocumentEntryRecord withAuthor = new DocumentEntryRecord(e.entryUuid(), e.logicalUuid(), e.version(), e.uniqueId(),
                e.homeCommunityId(), e.patientId(), e.sourcePatientId(), e.sourcePatientInfo(), e.onDemand(),
                e.availabilityStatus(), e.classCode(), e.typeCode(), e.formatCode(), e.healthcareFacilityTypeCode(),
                e.practiceSettingCode(), e.confidentialityCodes(), e.eventCodes(), e.creationTime(), e.serviceStartTime(),
                e.serviceStopTime(), List.of(asSent), e.title(), e.comments(), e.languageCode(), e.mimeType(), e.hash(),
                e.size(), e.repositoryUniqueId(), e.uri(), e.legalAuthenticator(), e.referenceIds(),
                e.documentAvailability(), e.limitedMetadata(), e.extraMetadata());

        DocumentReference r = DocumentReferenceMapper.toResource(withAuthor, BASE);

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
        Organization plain = (Organization) FhirRefs.contained(DocumentReferenceMapper.toResource(e, BASE), "author1-org");
        assertFalse(plain.getIdentifierFirstRep().hasType(), "an XON without XON.7 gives an untyped identifier");
    }

    @Test
    void aPlainRppsPractitionerGivesTheDmpXcn() {
        DocumentReference r = minimal();
        Practitioner p = new Practitioner();
        p.setId("ps");
        p.addIdentifier().setSystem("urn:oid:1.2.250.1.71.4.2.1").setValue("810002345678");
        p.addName().setFamily("DURANT").addGiven("Romuald");
        r.addContained(p);
        r.getAuthor().clear();
        r.addAuthor(new Reference("#ps"));
        DocumentEntryRecord e = DocumentReferenceMapper.toEntry(r, null);
        assertEquals(DURANT, e.authors().get(0).person());
        Organization o = new Organization();
        o.setName("CABINET MEDICAL DR DURANT");
        o.addIdentifier().setSystem("urn:oid:1.2.250.1.71.4.2.2").setValue("401234567890009");
        assertEquals(CABINET, FhirAuthors.xon(o));
    }

    @Test
    void everyMissingMandatoryFieldIsNamed() {
        DocumentReference r = new DocumentReference();
        r.addContent().getAttachment().setTitle("x");
        assertEquals(List.of(
                "DocumentReference.subject: the patient is missing; expected " + PatientIds.ACCEPTED,
                "DocumentReference.masterIdentifier: the document's uniqueId is required",
                "DocumentReference.type: the typeCode is required (LOINC or TRE_A05)",
                "DocumentReference.category: the classCode is required (TRE_A03-ClasseDocument)",
                "DocumentReference.content.format: the formatCode is required",
                "DocumentReference.context.facilityType: the healthcareFacilityTypeCode is required (TRE_R02-SecteurActivite or TRE_A00)",
                "DocumentReference.context.practiceSetting: the practiceSettingCode is required (TRE_A01-CadreExercice or TRE_A00)",
                "DocumentReference.securityLabel: at least one confidentialityCode is required (v3-Confidentiality N, R, V or TRE_A07)",
                "DocumentReference.content.attachment.creation: the creationTime is required",
                "DocumentReference.author: at least one author is required",
                "DocumentReference.content.attachment.contentType: the MIME type is required",
                "DocumentReference.content.attachment.language: the languageCode is required (XDS DocumentEntry.languageCode, BCP 47, e.g. fr-FR)"),
                refusals(() -> DocumentReferenceMapper.toEntry(r, null)));
    }

    @Test
    void aCodeSystemWithoutOidIsRefusedAndValueSetsAreLeftToTheCore() {
        DocumentReference r = minimal();
        // SNOMED CT is read (its OID is known); the DMP value set JDV_J61 refuses it in the core, for every protocol
        r.getContext().setFacilityType(new CodeableConcept().addCoding(new Coding("http://snomed.info/sct", "22232009", "Hospital")));
        r.getSecurityLabel().clear();
        r.addSecurityLabel(new CodeableConcept().addCoding(new Coding(
                "https://mos.esante.gouv.fr/NOS/TRE_A07-StatusVisibiliteDocument/FHIR/TRE-A07-StatusVisibiliteDocument", "N", null)));
        assertEquals(List.of(
                "DocumentReference.securityLabel: code system https://mos.esante.gouv.fr/NOS/TRE_A07-StatusVisibiliteDocument/FHIR/"
                        + "TRE-A07-StatusVisibiliteDocument has no known OID; XDS needs an OID (write it as urn:oid:<oid>)"),
                refusals(() -> DocumentReferenceMapper.toEntry(r, null)));
    }

    @Test
    void theFirstCodingIsTakenAndTranslationsMayFollowIt() {
        DocumentReference r = minimal();
        r.getContext().getFacilityType().addCoding(new Coding("http://snomed.info/sct", "22232009", "Hospital"));
        assertEquals("SA07", DocumentReferenceMapper.toEntry(r, null).healthcareFacilityTypeCode().code());
        r.getContext().getFacilityType().getCoding().add(0, r.getContext().getFacilityType().getCoding().remove(1));
        assertEquals("2.16.840.1.113883.6.96", DocumentReferenceMapper.toEntry(r, null).healthcareFacilityTypeCode().codeSystem());
    }

    @Test
    void theHashIsTheBase64OfTheSha1BytesOrOfItsHexString() {
        DocumentReference r = minimal();
        r.getContentFirstRep().getAttachment().setHash(java.util.HexFormat.of().parseHex("0a4d55a8d778e5022fab701977c5d840bbc486d0"));
        assertEquals("0a4d55a8d778e5022fab701977c5d840bbc486d0", DocumentReferenceMapper.toEntry(r, null).hash());
        r.getContentFirstRep().getAttachment().setHash("0A4D55A8D778E5022FAB701977C5D840BBC486D0".getBytes());
        assertEquals("0a4d55a8d778e5022fab701977c5d840bbc486d0", DocumentReferenceMapper.toEntry(r, null).hash(),
                "the IHE examples' form: the base64 of the hex string");
        r.getContentFirstRep().getAttachment().setHash(new byte[]{1, 2, 3});
        assertEquals(List.of("DocumentReference.content.attachment.hash: a SHA-1 has 20 bytes, this one decodes to 3"),
                refusals(() -> DocumentReferenceMapper.toEntry(r, null)));
    }

    @Test
    void entryUuidComesFromTheOfficialIdentifierOrTheId() {
        DocumentReference r = minimal();
        r.setId("6A0C1B0E-2F59-4A8A-9F5E-0D6B3B4F1A09");
        assertEquals("urn:uuid:6a0c1b0e-2f59-4a8a-9f5e-0d6b3b4f1a09", DocumentReferenceMapper.toEntry(r, null).entryUuid());
        r.setId("docref-td2");
        assertEquals("docref-td2", DocumentReferenceMapper.toEntry(r, null).entryUuid());
        r.addIdentifier().setUse(Identifier.IdentifierUse.OFFICIAL).setValue("urn:uuid:6a0c1b0e-2f59-4a8a-9f5e-0d6b3b4f1a07");
        assertEquals("urn:uuid:6a0c1b0e-2f59-4a8a-9f5e-0d6b3b4f1a07", DocumentReferenceMapper.toEntry(r, null).entryUuid());
    }

    @Test
    void uniqueIdForms() {
        DocumentReference r = minimal();
        r.getMasterIdentifier().setValue("urn:uuid:6a0c1b0e-2f59-4a8a-9f5e-0d6b3b4f1a09");
        assertEquals("urn:uuid:6a0c1b0e-2f59-4a8a-9f5e-0d6b3b4f1a09", DocumentReferenceMapper.toEntry(r, null).uniqueId());
        r.getMasterIdentifier().setValue("doc-42");
        assertEquals(List.of("DocumentReference.masterIdentifier: 'doc-42' is not a uniqueId; expected urn:oid:<OID> or "
                + "urn:uuid:<UUID>"), refusals(() -> DocumentReferenceMapper.toEntry(r, null)));
    }

    /** The smallest DocumentReference the DMP accepts (built from the fixture entry). */
    public static DocumentReference minimal() {
        DocumentReference r = DocumentReferenceMapper.toResource(entry(EntryStatus.APPROVED), BASE);
        r.setId((String) null);
        r.getIdentifier().clear();
        return r;
    }

    @Test
    void relatesToComesFromTheDocumentRelationshipsWhoseSourceIsTheEntry() {
        DocumentEntryRecord e = entry(EntryStatus.APPROVED);
        String other = "urn:uuid:2b7b6f7e-2c8e-4f8e-9d2a-0c5b7a8e9f10";
        List<org.dmpgateway.model.AssociationRecord> associations = List.of(
                association(org.dmpgateway.model.AssociationKind.REPLACE, e.entryUuid(), other),
                association(org.dmpgateway.model.AssociationKind.APPEND, other, e.entryUuid()),
                association(org.dmpgateway.model.AssociationKind.HAS_MEMBER, e.entryUuid(), other));
        DocumentReference r = DocumentReferenceMapper.toResource(e, BASE, associations);
        assertEquals(1, r.getRelatesTo().size(), "only the relationship whose source is this entry");
        assertEquals(DocumentReference.DocumentRelationshipType.REPLACES, r.getRelatesToFirstRep().getCode());
        assertEquals("DocumentReference/2b7b6f7e-2c8e-4f8e-9d2a-0c5b7a8e9f10", r.getRelatesToFirstRep().getTarget().getReference());
    }

    private static org.dmpgateway.model.AssociationRecord association(
            org.dmpgateway.model.AssociationKind kind, String source, String target) {
        return new org.dmpgateway.model.AssociationRecord("urn:uuid:" + java.util.UUID.randomUUID(), kind, source,
                target, null, null, null, null, null, EntryStatus.APPROVED, java.util.Map.of());
    }
}
