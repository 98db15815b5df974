package org.dmpgateway.mappings.fhir.patient;

import org.dmpgateway.model.access.RecordStatus;
import org.dmpgateway.model.ConsentStatus;
import org.dmpgateway.model.PatientRecordState;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.CodeType;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import ca.uhn.fhir.model.api.TemporalPrecisionEnum;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.Enumerations.AdministrativeGender;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.StringType;

import java.sql.Date;
import java.util.Locale;
import java.util.TimeZone;

/**
 * TD0.2 over FHIR (PDSM4DMP transaction_td02): the record of a patient as a Patient resource.
 * <ul>
 *   <li>identifier: the INS ({@link PatientIds#identifier}); name, gender, birthDate from the record;</li>
 *   <li>active: true for an open record (CREATED, ACTIVATED), false for OPPOSED and CLOSED, which
 *       also carry the DMP profile's closure extension {@link #CLOSURE} (motif {@code patient-demande}:
 *       both are the patient's decision; date when the gateway knows it);</li>
 *   <li>{@link #ATTACHED_TO_MES}: the record is attached to Mon espace santé (ACTIVATED);</li>
 *   <li>the gateway's own extensions: the record state ({@link #RECORD_STATE}), the caller's standing
 *       ({@link #CALLER_CONSENT}: authorized, blocked or none) and whether the caller is the admin doctor
 *       ({@link #CALLER_ADMIN_DOCTOR}), which the DMP profile leaves "à préciser".</li>
 * </ul>
 * A NOTIFIED record is no DMP yet ({@link #hasDmp}): PDSM4DMP answers a patient without a DMP with an
 * empty search, so it has no Patient.
 */
public final class PatientMapper {
    static final String DMP_IG = "https://interop.esante.gouv.fr/ig/fhir/dmp/";
    public static final String CLOSURE = DMP_IG + "StructureDefinition/dmp-fermeture";
    public static final String CLOSURE_MOTIVE_SYSTEM = DMP_IG + "CodeSystem/dmp-motif-fermeture";
    public static final String ATTACHED_TO_MES = DMP_IG + "StructureDefinition/dmp-rattachement-mes";
    public static final String RECORD_STATE = "urn:dmp-gateway:extension:record-state";
    public static final String CALLER_CONSENT = "urn:dmp-gateway:extension:caller-consent";
    public static final String CALLER_ADMIN_DOCTOR = "urn:dmp-gateway:extension:caller-admin-doctor";

    private PatientMapper() {
    }

    /** Whether the record is a DMP the Patient resource reports: every state but NOTIFIED (opposition period). */
    public static boolean hasDmp(RecordStatus status) {
        return status.state() != PatientRecordState.NOTIFIED;
    }

    public static Patient toResource(RecordStatus status) {
        Patient patient = new Patient();
        patient.setId(PatientIds.resourceId(status.patient()));
        patient.addIdentifier(PatientIds.identifier(status.patient()));
        if (status.familyName() != null || status.givenName() != null) {
            patient.addName().setFamily(status.familyName()).addGiven(status.givenName());
        }
        if (status.birthDate() != null) {
            patient.setBirthDateElement(new DateType(Date.valueOf(status.birthDate())));
        }
        patient.setGender(gender(status.gender()));
        PatientRecordState state = status.state();
        patient.setActive(state == PatientRecordState.CREATED || state == PatientRecordState.ACTIVATED);
        patient.addExtension(new Extension(ATTACHED_TO_MES, new BooleanType(state == PatientRecordState.ACTIVATED)));
        if (state != null && state.isEnded()) {
            Extension closure = patient.addExtension().setUrl(CLOSURE);
            if (status.closedAt() != null) {
                // the date the record was closed, kept by the core (issue 20)
                closure.addExtension(new Extension("dateFermeture", new DateTimeType(java.util.Date.from(status.closedAt()),
                        TemporalPrecisionEnum.SECOND, TimeZone.getTimeZone("UTC"))));
            }
            closure.addExtension(new Extension("motifFermeture", new CodeableConcept(
                    new Coding(CLOSURE_MOTIVE_SYSTEM, "patient-demande", "Fermeture à la demande du patient"))));
            // the reason in words the patient gave when closing Mon espace santé, when known (issue 15)
            String text = status.closureText() != null && !status.closureText().isBlank() ? status.closureText()
                    : state == PatientRecordState.CLOSED ? "le patient a fermé son DMP"
                    : "le patient s'est opposé à la création de son DMP";
            closure.addExtension(new Extension("raisonFermeture", new StringType(text)));
        }
        patient.addExtension(new Extension(RECORD_STATE, new CodeType(state.name())));
        patient.addExtension(new Extension(CALLER_CONSENT, new CodeType(status.consent() == null ? "none"
                : status.consent() == ConsentStatus.AUTHORIZED ? "authorized" : "blocked")));
        patient.addExtension(new Extension(CALLER_ADMIN_DOCTOR, new BooleanType(status.adminDoctor())));
        return patient;
    }

    private static AdministrativeGender gender(String gender) {
        if (gender == null) {
            return AdministrativeGender.UNKNOWN;
        }
        return switch (gender.trim().toUpperCase(Locale.ROOT)) {
            case "F" -> AdministrativeGender.FEMALE;
            case "M" -> AdministrativeGender.MALE;
            case "O", "A" -> AdministrativeGender.OTHER;
            default -> AdministrativeGender.UNKNOWN;
        };
    }
}
