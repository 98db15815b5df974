package org.dmpgateway.model.account;

import org.dmpgateway.model.PatientRef;

import java.util.List;

/**
 * The patient side's front door for children and legal representatives (dmp-rules.md section 1,
 * "Minors"; seed 002 "Gérer le profil Mon espace santé de mon enfant"), beside
 * {@link PatientAccounts}: the signed-in representative attaches a child's profile with the child's
 * provisional code and their own Vitale data, lists the profiles, shares one with a second
 * representative, who accepts it, and acts on a child's profile. Refusals are
 * {@link AccountException}s, French for the patient. The implementation lives in module {@code core}.
 */
public interface PatientProfiles {

    /**
     * The representative activates (or opposes) the child's Mon espace santé: the child's provisional
     * code, the representative's own card type, NIR and card serial number, the decision with the
     * terms accepted, and the certification of being the legal representative. Answers the profile
     * attached (an opposition attaches nothing: its state is answered with a null id).
     */
    PatientProfile addChild(PatientRef representative, String code, String cardType, String nir,
                            String serialNumber, String decision, Boolean termsAccepted, Boolean legalRepresentative);

    /** The profiles attached to the representative (and the invitations waiting), oldest first. */
    List<PatientProfile> profiles(PatientRef representative);

    /**
     * Shares the child's profile {@code profileId} with a second representative, who must have
     * activated Mon espace santé: their names, birth date (yyyy-MM-dd) and NIR, and the declaration
     * that they are the child's legal representative. Answers the invitation as the profile.
     */
    PatientProfile share(PatientRef representative, String profileId, String familyName, String givenName,
                         String birthDate, String nir, Boolean legalRepresentative);

    /** The invited representative accepts the invitation {@code profileId}: the profile becomes ACTIVE. */
    PatientProfile accept(PatientRef representative, String profileId);

    /**
     * Runs {@code call} as the representative acting on the child's profile {@code profileId}: the core
     * checks the profile is theirs, accepted, activated and the child still a minor, then every step
     * of the call is traced in the child's history with the representative as actor, and documents
     * marked INVISIBLE_REPRESENTANTS_LEGAUX are withheld.
     */
    <T> T onProfile(PatientRef representative, String profileId, ProfileCall<T> call) throws Exception;
}
