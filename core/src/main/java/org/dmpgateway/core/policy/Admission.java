package org.dmpgateway.core.policy;

import org.dmpgateway.model.access.AccessContext;
import org.dmpgateway.model.AuthorInfo;
import org.dmpgateway.model.DocumentEntryRecord;
import org.dmpgateway.model.PatientRecord;
import org.dmpgateway.model.PatientRef;
import org.dmpgateway.model.ProfessionalConsent;
import org.dmpgateway.model.query.DocumentVisibility;

/**
 * A request the policy let in: the caller, the record, the caller's standing with the patient, and
 * what the caller may see. Built only by {@link AccessPolicy}.
 *
 * @param consent     the caller's entry on the patient's lists (null when neither authorised nor blocked)
 * @param adminDoctor the caller is the patient's médecin administrateur
 * @param firstAccess the caller never accessed this record successfully before
 */
public record Admission(AccessContext context, PatientRecord record, ProfessionalConsent consent, boolean adminDoctor,
                        DocumentVisibility visibility, boolean firstAccess) {

    public PatientRef patient() {
        return record.ins();
    }

    /**
     * The caller may act as the entry's author: an author person's XCN component 1 is the caller's
     * id, or the caller is the professional who submitted it (recorded by the registry, issue 14):
     * what a professional submitted, he may manage, even when the entry names another author.
     */
    public boolean isAuthorOf(DocumentEntryRecord entry) {
        if (entry.submitterId() != null && entry.submitterId().equals(context.actorId())) {
            return true;
        }
        for (AuthorInfo author : entry.authors()) {
            String person = author.person();
            if (person != null && (person.equals(context.actorId()) || person.startsWith(context.actorId() + "^"))) {
                return true;
            }
        }
        return false;
    }

    /** The caller's profession may handle documents of this type. */
    public boolean mayHandle(DocumentEntryRecord entry) {
        return entry.typeCode() != null && visibility.types().allows(entry.typeCode().code());
    }
}
