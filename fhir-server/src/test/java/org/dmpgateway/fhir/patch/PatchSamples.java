package org.dmpgateway.fhir.patch;

import org.hl7.fhir.r4.model.Attachment;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DocumentReference;
import org.hl7.fhir.r4.model.Enumerations.DocumentReferenceStatus;
import org.hl7.fhir.r4.model.Reference;

/** The DocumentReference the patch appliers' tests patch, and the security labels they add. */
final class PatchSamples {
    static final String CONFIDENTIALITY = "http://terminology.hl7.org/CodeSystem/v3-Confidentiality";
    /** The DMP's masking code (masked from professionals), JDV_J07 / TRE_A07. */
    static final String MASQUE_PS_SYSTEM = "urn:oid:1.2.250.1.213.1.1.4.13";

    private PatchSamples() {
    }

    /** A current consultation report of one patient, confidentiality N, no extension. */
    static DocumentReference document() {
        DocumentReference doc = new DocumentReference();
        doc.setId("doc-1");
        doc.setStatus(DocumentReferenceStatus.CURRENT);
        doc.setDescription("Compte rendu de consultation");
        doc.setType(new CodeableConcept(new Coding("http://loinc.org", "11488-4", "CR ou fiche de consultation ou de visite")));
        doc.setSubject(new Reference("Patient/123456789012345-1.2.250.1.213.1.4.10"));
        doc.addSecurityLabel(normal());
        doc.addContent().setAttachment(new Attachment().setContentType("text/plain").setUrl("Binary/doc-1"));
        return doc;
    }

    static CodeableConcept normal() {
        return new CodeableConcept(new Coding(CONFIDENTIALITY, "N", "normal"));
    }

    static CodeableConcept masked() {
        return new CodeableConcept(new Coding(MASQUE_PS_SYSTEM, "MASQUE_PS", "Masqué aux professionnels de santé"));
    }
}
