package org.dmpgateway.core.account;

import org.dmpgateway.model.CodedValue;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The types of document a patient adds to their record: the codes of TRE_A05-TypeDocComplementaire
 * (OID 1.2.250.1.213.1.1.4.12, ANS "Terminologies de Santé" v1.12.0) meant for documents deposited
 * by the patient, each with its class of JDV_J57-ClassCode-DMP as the DMP's type-to-class map
 * ASS_X16-CorrespondanceType-Classe-DMP gives it (docs/sources/dmp-protocol.md 1.6 and 1.7).
 * DOCPAT08 (the Mon espace santé medical profile) is generated, never uploaded.
 */
enum PatientDocumentType {
    DOCPAT01("Synthèse déposée par le patient", "11", "Synthèse"),
    DOCPAT02("Traitement ou document de soins déposé par le patient", "42", "Prescription"),
    DOCPAT03("CR déposé par le patient", "10", "Compte rendu"),
    DOCPAT04("Imagerie déposée par le patient", "31", "Imagerie médicale"),
    DOCPAT05("CR de biologie déposé par le patient", "10", "Compte rendu"),
    DOCPAT06("CR de prévention déposé par le patient", "10", "Compte rendu"),
    DOCPAT07("Certificat déposé par le patient", "52", "Certificat, déclaration"),
    DOCPAT09("Document administratif déposé par le patient", "95", "Document de gestion"),
    EXPPAT_1("Volontés et droits du patient", "90", "Autres documents déposés par le patient"),
    EXPPAT_2("Autre document du patient", "90", "Autres documents déposés par le patient"),
    EXPPAT_3("Directives anticipées", "90", "Autres documents déposés par le patient");

    static final String TYPE_SYSTEM = "1.2.250.1.213.1.1.4.12";
    static final String CLASS_SYSTEM = "1.2.250.1.213.1.1.4.1";

    private final String display;
    private final String classCode;
    private final String classDisplay;

    PatientDocumentType(String display, String classCode, String classDisplay) {
        this.display = display;
        this.classCode = classCode;
        this.classDisplay = classDisplay;
    }

    CodedValue typeCode() {
        return new CodedValue(name(), TYPE_SYSTEM, display);
    }

    CodedValue classCode() {
        return new CodedValue(classCode, CLASS_SYSTEM, classDisplay);
    }

    static PatientDocumentType parse(String typed) {
        String type = Fields.required(typed, "type", "Le type du document").toUpperCase(Locale.ROOT);
        return Arrays.stream(values()).filter(t -> t.name().equals(type)).findFirst()
                .orElseThrow(() -> Fields.invalid("type", "le type du document est l'un de " + Arrays.stream(values())
                        .map(t -> t.name() + " (" + t.display + ")").collect(Collectors.joining(", ")) + "."));
    }
}
