package org.dmpgateway.model.access;

import java.time.LocalDate;

/**
 * TD0.5 "Recherche d'un patient dans le DMP sans INS" ({@code PRPA_IN201305UV02}, IHE PDQv3): the
 * demographics a professional searches a patient by when he does not know the patient's INS. Each
 * criterion is optional here; which ones are required, and how they match, is the core's rule.
 *
 * @param familyName the family name searched (used name or birth name), as the query's
 *                   {@code livingSubjectName/value/family}; null when not given
 * @param givenName  the given name searched ({@code livingSubjectName/value/given}); null when not given
 * @param birthDate  the birth date ({@code livingSubjectBirthTime}); null when not given
 * @param gender     the administrative gender code M, F or U ({@code livingSubjectAdministrativeGender}); null
 *                   when not given
 */
public record PatientSearch(String familyName, String givenName, LocalDate birthDate, String gender) {
}
