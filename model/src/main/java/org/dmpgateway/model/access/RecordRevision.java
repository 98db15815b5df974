package org.dmpgateway.model.access;

import java.time.LocalDate;

/**
 * TD1.3b and TD1.4 ({@code PRPA_IN201314UV02}): a professional changes the record's administrative
 * data, or closes the record. The patient is the caller's (VIHF resource-id), and the message must
 * name the same one.
 *
 * @param closure       true for TD1.4 (reasonCode FERM), false for TD1.3b (MODIF_DATA)
 * @param familyName    TD1.3b: the new family name (null: unchanged)
 * @param givenName     TD1.3b: the new given name(s) (null: unchanged)
 * @param birthDate     TD1.3b: the new birth date (null: unchanged)
 * @param gender        TD1.3b: the new administrative gender code (null: unchanged)
 * @param breakGlassAllowed TD1.3b: the patient does not oppose break-glass access (OPPOSITION_BRIS_DE_GLACE
 *                      false); null: unchanged
 * @param samuAccessAllowed TD1.3b: the patient does not oppose access by SAMU regulation (OPPOSITION_ACCES_URGENCE
 *                      false); null: unchanged
 * @param closureReason TD1.4: the closure reason (a code of PatientRecord.CLOSURE_REASON_SYSTEM; null: at
 *                      the patient's request)
 */
public record RecordRevision(boolean closure, String familyName, String givenName, LocalDate birthDate,
                             String gender, Boolean breakGlassAllowed, Boolean samuAccessAllowed,
                             String closureReason) {

    /** TD1.4: the record closed for {@code reason}. */
    public static RecordRevision close(String reason) {
        return new RecordRevision(true, null, null, null, null, null, null, reason);
    }
}
