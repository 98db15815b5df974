package org.dmpgateway.model.access;

import org.dmpgateway.model.ProfessionalConsent;

import java.time.Instant;

/**
 * TD1.6: one professional on the record's lists (authorised or blocked), as the core answers it.
 *
 * @param consent        his standing: status, since when, médecin traitant DMP, profession and specialty codes
 * @param professionCode his profession as the DMP lists it ({@code G15_10}: the NOS table and the code), null when unknown
 * @param professionLabel its label (e.g. {@code Médecin}), null when unknown
 * @param specialtyCode  his specialty code (e.g. {@code SM26}), null when none or unknown
 * @param specialtyLabel its label, null when none or unknown
 * @param lastActionAt   when he last acted on the record successfully (its history), null when never
 */
public record ProfessionalStanding(ProfessionalConsent consent, String professionCode, String professionLabel,
                                   String specialtyCode, String specialtyLabel, Instant lastActionAt) {
    public ProfessionalStanding {
        if (consent == null) {
            throw new IllegalArgumentException("a professional's standing needs his consent");
        }
    }
}
