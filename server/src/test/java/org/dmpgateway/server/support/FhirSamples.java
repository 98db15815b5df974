package org.dmpgateway.server.support;

import org.hl7.fhir.r4.model.Attachment;
import org.hl7.fhir.r4.model.Binary;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.DocumentReference;
import org.hl7.fhir.r4.model.Enumerations.DocumentReferenceStatus;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.ListResource;
import org.hl7.fhir.r4.model.Meta;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Practitioner;
import org.hl7.fhir.r4.model.Reference;

import java.util.Date;
import java.util.UUID;

/**
 * FHIR requests for the end-to-end tests: an ITI-65 Provide Document Bundle equivalent to
 * {@link SampleSubmissions#single} (same codes, as FHIR Codings), authored by the given professional.
 */
public final class FhirSamples {
    public static final String LOINC = "http://loinc.org";
    public static final String MHD_LIST_TYPES = "https://profiles.ihe.net/ITI/MHD/CodeSystem/MHDlistTypes";
    public static final String COMPREHENSIVE_BUNDLE =
            "https://profiles.ihe.net/ITI/MHD/StructureDefinition/IHE.MHD.Comprehensive.ProvideBundle";
    public static final String TRE_A07 =
            "https://mos.esante.gouv.fr/NOS/TRE_A07-StatutVisibiliteDocument/FHIR/TRE-A07-StatutVisibiliteDocument";
    public static final String CONFIDENTIALITY = "http://terminology.hl7.org/CodeSystem/v3-Confidentiality";

    private FhirSamples() {
    }

    /** The patient reference of our Patient resource: {@code Patient/<INS>-<OID>}. */
    public static Reference patient(String ins) {
        return new Reference("Patient/" + ins + "-" + SampleSubmissions.INS_OID)
                .setIdentifier(new Identifier().setSystem("urn:oid:" + SampleSubmissions.INS_OID).setValue(ins));
    }

    public static Coding oid(String oid, String code, String display) {
        return new Coding("urn:oid:" + oid, code, display);
    }

    /** A comprehensive DocumentReference with inline-free content (the Binary is referenced by {@code binaryUrl}). */
    public static DocumentReference documentReference(String ins, Vihf author, Coding classCode, Coding type,
                                                      boolean masked, String uniqueOid, String mimeType, String binaryUrl,
                                                      int size) {
        DocumentReference d = new DocumentReference();
        d.setMasterIdentifier(new Identifier().setSystem("urn:ietf:rfc:3986").setValue("urn:oid:" + uniqueOid));
        d.setStatus(DocumentReferenceStatus.CURRENT);
        d.setType(new CodeableConcept(type));
        d.addCategory(new CodeableConcept(classCode));
        d.setSubject(patient(ins));
        Practitioner practitioner = new Practitioner();
        practitioner.setId("author");
        practitioner.addIdentifier().setSystem("urn:oid:1.2.250.1.71.4.2.1").setValue(author.actorId());
        String[] names = author.actorName().split(", ");
        practitioner.addName().setFamily(names[0]).addGiven(names.length > 1 ? names[1] : null);
        d.addContained(practitioner);
        d.addAuthor(new Reference("#author"));
        // the Comprehensive profile names the source patient (sourcePatientId: the INS, the source having no IPP)
        org.hl7.fhir.r4.model.Patient source = new org.hl7.fhir.r4.model.Patient();
        source.setId("source-patient");
        source.addIdentifier().setSystem("urn:oid:" + SampleSubmissions.INS_OID).setValue(ins);
        d.addContained(source);
        d.getContext().setSourcePatientInfo(new Reference("#source-patient"));
        d.addSecurityLabel(new CodeableConcept(new Coding(CONFIDENTIALITY, "N", "Normal")));
        if (masked) {
            d.addSecurityLabel(new CodeableConcept(new Coding(TRE_A07, "MASQUE_PS", "Masqué aux professionnels de santé")));
        }
        d.setDescription("Document de test");
        DocumentReference.DocumentReferenceContentComponent content = d.addContent();
        Attachment attachment = content.getAttachment().setContentType(mimeType).setLanguage("fr-FR").setUrl(binaryUrl)
                .setTitle("Document " + type.getCode() + " de " + ins).setSize(size);
        attachment.setCreationElement(new DateTimeType("2025-11-20T09:30:00Z"));
        content.setFormat(oid("1.3.6.1.4.1.19376.1.2.3", "urn:ihe:iti:xds-sd:text:2008",
                "Document à corps non structuré en texte"));
        DocumentReference.DocumentReferenceContextComponent context = d.getContext();
        context.setFacilityType(new CodeableConcept(oid("1.2.250.1.71.4.2.4", "SA07", "Cabinet individuel")));
        context.setPracticeSetting(new CodeableConcept(oid("1.2.250.1.213.1.1.4.9", "AMBULATOIRE", "Ambulatoire")));
        context.setPeriod(new Period().setStartElement(new DateTimeType("2025-11-20T08:00:00Z"))
                .setEndElement(new DateTimeType("2025-11-20T18:00:00Z")));
        return d;
    }

    /** An ITI-65 transaction: a submission set, one document and its Binary. */
    public static Bundle provideBundle(String ins, Vihf author, Coding classCode, Coding type, boolean masked,
                                       byte[] bytes) {
        return provideBundle(ins, author, classCode, type, masked, bytes, SampleSubmissions.newOid());
    }

    public static Bundle provideBundle(String ins, Vihf author, Coding classCode, Coding type, boolean masked,
                                       byte[] bytes, String uniqueOid) {
        String listUrl = "urn:uuid:" + UUID.randomUUID();
        String docUrl = "urn:uuid:" + UUID.randomUUID();
        String binaryUrl = "urn:uuid:" + UUID.randomUUID();

        Binary binary = new Binary();
        binary.setContentType("text/plain");
        binary.setData(bytes);

        DocumentReference document = documentReference(ins, author, classCode, type, masked, uniqueOid, "text/plain",
                binaryUrl, bytes.length);

        ListResource list = new ListResource();
        list.setMeta(new Meta().addProfile(
                "https://profiles.ihe.net/ITI/MHD/StructureDefinition/IHE.MHD.Comprehensive.SubmissionSet"));
        list.addExtension(new Extension("https://profiles.ihe.net/ITI/MHD/StructureDefinition/ihe-sourceId",
                new Identifier().setValue("urn:oid:1.2.250.1.999.1.1")));
        list.addExtension(new Extension("https://profiles.ihe.net/ITI/MHD/StructureDefinition/ihe-designationType",
                new CodeableConcept(oid("1.2.250.1.213.3.3.65", "04", "Hospitalisation de jour"))));
        list.addIdentifier().setUse(Identifier.IdentifierUse.USUAL).setSystem("urn:ietf:rfc:3986")
                .setValue("urn:oid:" + SampleSubmissions.newOid());
        list.addIdentifier().setUse(Identifier.IdentifierUse.OFFICIAL).setSystem("urn:ietf:rfc:3986").setValue(listUrl);
        list.setStatus(ListResource.ListStatus.CURRENT);
        list.setMode(ListResource.ListMode.WORKING);
        list.setCode(new CodeableConcept(new Coding(MHD_LIST_TYPES, "submissionset", "Submission Set")));
        list.setSubject(patient(ins));
        list.setDate(new Date());
        list.setTitle("Lot de soumission");
        Practitioner listAuthor = (Practitioner) document.getContained().get(0).copy();
        list.addContained(listAuthor);
        list.setSource(new Reference("#author"));
        list.addEntry().setItem(new Reference(docUrl));

        Bundle bundle = new Bundle();
        bundle.setType(Bundle.BundleType.TRANSACTION);
        bundle.setMeta(new Meta().addProfile(COMPREHENSIVE_BUNDLE));
        bundle.addEntry().setFullUrl(listUrl).setResource(list).getRequest().setMethod(Bundle.HTTPVerb.POST).setUrl("List");
        bundle.addEntry().setFullUrl(docUrl).setResource(document).getRequest().setMethod(Bundle.HTTPVerb.POST)
                .setUrl("DocumentReference");
        bundle.addEntry().setFullUrl(binaryUrl).setResource(binary).getRequest().setMethod(Bundle.HTTPVerb.POST)
                .setUrl("Binary");
        return bundle;
    }
}
