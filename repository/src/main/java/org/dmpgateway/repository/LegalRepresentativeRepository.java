package org.dmpgateway.repository;

import org.dmpgateway.model.PatientRef;
import org.dmpgateway.model.account.LegalRepresentation;

import java.util.List;
import java.util.Optional;

/** The minors' profiles attached to their legal representatives (table legal_representative). */
public interface LegalRepresentativeRepository {

    /** Inserts the representation, or updates its acceptance when its id exists. */
    void save(LegalRepresentation representation);

    Optional<LegalRepresentation> find(String id);

    /** The one of this child and representative, if any. */
    Optional<LegalRepresentation> find(PatientRef child, PatientRef representative);

    /** The representative's profiles (accepted or invited), oldest first. */
    List<LegalRepresentation> byRepresentative(PatientRef representative);

    /** The child's representatives (accepted or invited), oldest first. */
    List<LegalRepresentation> byChild(PatientRef child);

    /** The account whose provisional code has this SHA-256, if any (a child's, typed by a representative). */
    Optional<PatientRef> accountByCode(String codeHash);
}
