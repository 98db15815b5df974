package org.dmpgateway.model.account;

import org.dmpgateway.model.PatientRef;
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
}
