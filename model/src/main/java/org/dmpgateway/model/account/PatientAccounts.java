package org.dmpgateway.model.account;

import org.dmpgateway.model.DocumentContent;
import org.dmpgateway.model.PatientRef;
import org.dmpgateway.model.PatientSettings;
import org.dmpgateway.model.ProfessionalConsent;
import org.dmpgateway.model.trail.AccessTrace;

import java.util.List;

/**
 * The patient side's front door to the core (Mon espace santé accounts): one method per command the
 * patient sends. Arguments are the values as typed (the core checks and trims them); a refusal is an
 * {@link AccountException} naming the field and the rule, its message in French for the patient.
 *
 * <p>The patient portal depends on this interface only (module {@code model}); the implementation,
 * delegating to the account rules, lives in module {@code core}.
 */
public interface PatientAccounts {

    /** Activation, step 1: the provisional code, card type, NIR and card serial; starts a journey. */
    ActivationStep startActivation(String code, String cardType, String nir, String serialNumber);

    /** Activation, step 2: activate or oppose (terms accepted to activate). */
    ActivationStep decide(String journey, String decision, Boolean termsAccepted);

    /** Activation, step 3: the e-mail and mobile on file; sends their confirmation codes. */
    ActivationStep contact(String journey, String email, String mobile);

    /** Activation, step 4: the codes received by e-mail and SMS. */
    ActivationStep confirmContact(String journey, String emailCode, String smsCode);

    /** Activation, step 5: the identifier and password; activates the record. */
    ActivationStep credentials(String journey, String identifier, String password, String passwordConfirmation);

    /** A new provisional code by e-mail or SMS; answers where it went (masked). */
    String reissueCode(String nir, String cardType, String serialNumber, String channel);

    /** Login, step 1: identifier and password; sends a one-time code by the channel chosen. */
    LoginChallenge login(String identifier, String password, String channel);

    /** Login, step 2: the challenge and the one-time code; opens a session. */
    PatientSession confirmLogin(String challenge, String code);

    /** The patient of a valid bearer token; a missing ({@code null}), unknown or expired one is UNAUTHENTICATED. */
    PatientRef authenticate(String bearerToken);

    /** The signed-in patient's record and account. */
    AccountOverview overview(PatientRef patient);

    /** The record's history, newest first, at most {@code limit} lines (bounded by the core). */
    List<AccessTrace> history(PatientRef patient, int limit);

    /** Closes the account with the reason given; answers the overview after closure. */
    AccountOverview close(PatientRef patient, String reason);

    /**
     * The documents the patient sees (current versions, never those marked INVISIBLE_PATIENT),
     * newest first; {@code category} (a {@link DocumentCategory} name) filters them, null for all.
     */
    List<PatientDocument> documents(PatientRef patient, String category);

    /** The content of one of the patient's documents (by its id of {@link PatientDocument#id()}). */
    DocumentContent documentContent(PatientRef patient, String documentId);

    /** Hides one document from professionals ({@code hidden} true) or shows it again (false). */
    PatientDocument hideDocument(PatientRef patient, String documentId, Boolean hidden);

    /** Hides every present and future document from professionals (true), or stops doing so (false). */
    PatientSettings hideAllDocuments(PatientRef patient, Boolean hidden);

    /** The professionals on the patient's lists: authorised (admin doctor flagged) and blocked. */
    List<ProfessionalConsent> professionals(PatientRef patient);

    /** Blocks a professional (on the lists or not): no access to the record, in any mode. */
    ProfessionalConsent blockProfessional(PatientRef patient, String actorId);

    /** Unblocks a blocked professional: off the lists; he must be authorised again. */
    void unblockProfessional(PatientRef patient, String actorId);

    /** Names an authorised professional the record's admin doctor ({@code named} true) or removes the role. */
    ProfessionalConsent adminDoctor(PatientRef patient, String actorId, Boolean named);

    /**
     * The emergency switches: SAMU (centre 15) access, break-glass access by other professionals,
     * and masked documents in an emergency; a null switch is left as it is. Answers the settings.
     */
    PatientSettings emergencyAccess(PatientRef patient, Boolean samu, Boolean breakGlass, Boolean maskedDocuments);

    /**
     * Changes the notification e-mail, step 1: sends a one-time code to the new address (answered
     * masked); the address changes only once the code is confirmed.
     */
    String changeNotificationEmail(PatientRef patient, String email);

    /** Changes the notification e-mail, step 2: the code received at the new address. */
    AccountOverview confirmNotificationEmail(PatientRef patient, String emailCode);
}
