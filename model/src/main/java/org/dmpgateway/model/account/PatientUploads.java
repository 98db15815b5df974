package org.dmpgateway.model.account;

import org.dmpgateway.model.PatientRef;

/**
 * The patient side's front door to the core for the documents the patient adds themselves (dmp-rules.md
 * section 2): implemented in module {@code core}, used by the patient portal. A refusal is an
 * {@link AccountException} naming the field and the rule, its message in French.
 */
public interface PatientUploads {

    /** Adds a document to the patient's record, authored by the patient; answers it as the patient sees it. */
    PatientDocument upload(PatientRef patient, DocumentUpload upload);

    /** Deletes a document the patient added (every version Deleted, as the DMP's TD3.3c). */
    void delete(PatientRef patient, String documentId);
}
