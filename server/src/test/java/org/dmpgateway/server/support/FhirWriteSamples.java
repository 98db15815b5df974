package org.dmpgateway.server.support;

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
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Practitioner;
import org.hl7.fhir.r4.model.Reference;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.UUID;

/**
 * DMP documents as MHD / PDSm resources for the FHIR end-to-end tests: an ITI-65 transaction Bundle
 * (submission set List, DocumentReference, Binary) or an ITI-105 DocumentReference with inline data,
 * for a test patient (INS-NIR-TEST), authored by the given professional (contained Practitioner with
 * the national identifier), with the DMP's code systems.
 */
public final class FhirWriteSamples {
    public static final String A03 = "https://mos.esante.gouv.fr/NOS/TRE_A03-ClasseDocument/FHIR/TRE-A03-ClasseDocument";
    public static final String R02 = "https://mos.esante.gouv.fr/NOS/TRE_R02-SecteurActivite/FHIR/TRE-R02-SecteurActivite";
    public static final String A01 = "https://mos.esante.gouv.fr/NOS/TRE_A01-CadreExercice/FHIR/TRE-A01-CadreExercice";
    public static final String A07 = "https://mos.esante.gouv.fr/NOS/TRE_A07-StatutVisibiliteDocument/FHIR/TRE-A07-StatutVisibiliteDocument";
    public static final String V3_CONFIDENTIALITY = "http://terminology.hl7.org/CodeSystem/v3-Confidentiality";
    public static final String FORMAT = "http://ihe.net/fhir/ihe.formatcode.fhir/CodeSystem/formatcode";
    public static final String IS_ARCHIVED = "https://interop.esante.gouv.fr/ig/fhir/pdsm/StructureDefinition/pdsm-ext-is-archived";
    public static final String IDNAT_PS = "urn:oid:1.2.250.1.71.4.2.1";
    /** The profile an ITI-65 Bundle declares (MHD 4.2.3): the ANS PDSm one, as the PDSM4DMP examples. */
    public static final String COMPREHENSIVE_BUNDLE =
            "https://interop.esante.gouv.fr/ig/fhir/pdsm/StructureDefinition/pdsm-comprehensive-provide-document-bundle";

    private FhirWriteSamples() {
    }

    public static String patientSearch(String ins) {
        return "Patient?identifier=urn:oid:" + SampleSubmissions.INS_OID + "|" + ins;
    }

    /** A DocumentReference (consultation report, text/plain) authored by {@code author}; content set by the caller. */
    public static DocumentReference document(String ins, Vihf author, String uniqueOid, String title) {
        DocumentReference d = new DocumentReference();
        Practitioner p = new Practitioner();
        p.setId("author");
        p.addIdentifier().setSystem(IDNAT_PS).setValue(author.actorId());
        String[] name = author.actorName().split(", ");
        p.addName().setFamily(name[0]).addGiven(name[1]);
        d.addContained(p);
        Patient source = new Patient();
        source.setId("source-patient");
        source.addIdentifier().setSystem("urn:oid:1.2.250.1.999.2").setValue("IPP-" + ins.substring(0, 6));
        d.addContained(source);
        d.setMasterIdentifier(new Identifier().setSystem("urn:ietf:rfc:3986").setValue("urn:oid:" + uniqueOid));
        d.setStatus(DocumentReferenceStatus.CURRENT);
        d.setType(concept("http://loinc.org", "11488-4", "CR ou fiche de consultation ou de visite"));
        d.addCategory(concept(A03, "10", "Compte rendu"));
        d.setSubject(new Reference(patientSearch(ins)));
        d.addAuthor(new Reference("#author"));
        d.addSecurityLabel(concept(V3_CONFIDENTIALITY, "N", "Normal"));
        DocumentReference.DocumentReferenceContentComponent content = d.addContent();
        content.getAttachment().setContentType("text/plain").setLanguage("fr-FR").setTitle(title)
                .setCreationElement(new DateTimeType("2025-11-20T09:30:00+01:00"));
        content.setFormat(new Coding(FORMAT, "urn:ihe:iti:xds-sd:text:2008", "Document à corps non structuré en texte"));
        d.getContext().setPeriod(new Period().setStartElement(new DateTimeType("2025-11-20T08:00:00+01:00")));
        d.getContext().setFacilityType(concept(R02, "SA07", "Cabinet individuel"));
        d.getContext().setPracticeSetting(concept(A01, "AMBULATOIRE", "Ambulatoire"));
        d.getContext().setSourcePatientInfo(new Reference("#source-patient"));
        return d;
    }

    /** ITI-105: the document with its bytes inline. */
    public static DocumentReference simplifiedPublish(String ins, Vihf author, byte[] bytes) {
        DocumentReference d = document(ins, author, SampleSubmissions.newOid(), "Publication simplifiée");
        d.getContentFirstRep().getAttachment().setData(bytes);
        return d;
    }

    /** ITI-65: one document and its Binary in a new submission set. */
    public static Bundle provideBundle(String ins, Vihf author, DocumentReference document, byte[] bytes) {
        Bundle b = new Bundle().setType(Bundle.BundleType.TRANSACTION);
        b.getMeta().addProfile(COMPREHENSIVE_BUNDLE);
        String setUrl = "urn:uuid:" + UUID.randomUUID();
        String docUrl = "urn:uuid:" + UUID.randomUUID();
        String binUrl = "urn:uuid:" + UUID.randomUUID();
        ListResource set = new ListResource();
        Practitioner p = new Practitioner();
        p.setId("author");
        p.addIdentifier().setSystem(IDNAT_PS).setValue(author.actorId());
        set.addContained(p);
        set.addExtension(new Extension("https://profiles.ihe.net/ITI/MHD/StructureDefinition/ihe-sourceId",
                new Identifier().setSystem("urn:ietf:rfc:3986").setValue("urn:oid:1.2.250.1.999.1.1")));
        set.addExtension(new Extension("https://profiles.ihe.net/ITI/MHD/StructureDefinition/ihe-designationType",
                concept("urn:oid:1.2.250.1.213.3.3.65", "04", "Hospitalisation de jour")));
        set.addIdentifier().setUse(Identifier.IdentifierUse.USUAL).setSystem("urn:ietf:rfc:3986")
                .setValue("urn:oid:" + SampleSubmissions.newOid());
        set.setStatus(ListResource.ListStatus.CURRENT).setMode(ListResource.ListMode.WORKING);
        set.setCode(concept("https://profiles.ihe.net/ITI/MHD/CodeSystem/MHDlistTypes", "submissionset", null));
        set.setSubject(new Reference(patientSearch(ins)));
        set.setDateElement(new DateTimeType("2025-11-23T10:15:00+01:00"));
        set.setSource(new Reference("#author"));
        set.addEntry().setItem(new Reference(docUrl));
        b.addEntry().setFullUrl(setUrl).setResource(set).getRequest().setMethod(Bundle.HTTPVerb.POST).setUrl("List");

        document.getContentFirstRep().getAttachment().setUrl(binUrl).setSize(bytes.length).setHash(sha1(bytes));
        b.addEntry().setFullUrl(docUrl).setResource(document).getRequest().setMethod(Bundle.HTTPVerb.POST)
                .setUrl("DocumentReference");
        Binary binary = new Binary().setContentType("text/plain");
        binary.setData(bytes);
        b.addEntry().setFullUrl(binUrl).setResource(binary).getRequest().setMethod(Bundle.HTTPVerb.POST).setUrl("Binary");
        return b;
    }

    public static CodeableConcept concept(String system, String code, String display) {
        return new CodeableConcept().addCoding(new Coding(system, code, display));
    }

    static byte[] sha1(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-1").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
