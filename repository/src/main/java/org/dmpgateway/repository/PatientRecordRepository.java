package org.dmpgateway.repository;

import org.dmpgateway.model.PatientRecord;
import org.dmpgateway.model.PatientRecordState;
import org.dmpgateway.model.PatientRef;
import org.dmpgateway.model.ProfessionalConsent;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Patient records (identity, state, the patient's settings) and the professionals each patient
 * authorised or blocked. Stores and selects; the rules live in the core.
 */
public interface PatientRecordRepository {

    /** Inserts or updates a patient record (identity, state and settings), keyed by INS value + authority OID. */
    void savePatient(PatientRecord patient);

    Optional<PatientRecord> findPatient(PatientRef ins);

    /**
     * The records in one of {@code states} whose family name or birth name is {@code name} (letter case
     * ignored), at most {@code limit}, in order of INS (TD0.5: the core's search rule picks and limits).
     */
    List<PatientRecord> findPatientsNamed(String name, Collection<PatientRecordState> states, int limit);

    /** Inserts or replaces a professional's entry on the patient's lists. */
    void saveConsent(ProfessionalConsent consent);

    Optional<ProfessionalConsent> findConsent(PatientRef patient, String actorId);

    /**
     * The record, this professional's entry on its lists and whether its history holds a successful
     * trace of his, in one statement (what an admission reads); empty when the record is unknown.
     */
    Optional<RecordStanding> findStanding(PatientRef ins, String actorId);

    /** The patient's lists, authorised and blocked, in order of professional identifier. */
    List<ProfessionalConsent> findConsents(PatientRef patient);

    /** Removes the professional from the patient's lists; true when there was an entry. */
    /** Every record on whose lists this professional is (authorised or blocked), by patient (TD0.4). */
    List<ProfessionalConsent> findConsentsOf(String actorId);

    boolean deleteConsent(PatientRef patient, String actorId);
}
