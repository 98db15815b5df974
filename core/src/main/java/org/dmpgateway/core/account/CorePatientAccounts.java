package org.dmpgateway.core.account;

import org.dmpgateway.model.PatientRef;
import org.dmpgateway.model.account.AccountOverview;
import org.dmpgateway.model.account.ActivationStep;
import org.dmpgateway.model.account.LoginChallenge;
import org.dmpgateway.model.account.PatientAccounts;
import org.dmpgateway.model.account.PatientSession;
import org.dmpgateway.model.trail.AccessTrace;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * The {@link PatientAccounts} front door: each command handed to its account rule
 * ({@link ActivationJourney}, {@link ReissueCode}, {@link PatientLogin}, {@link PatientSpace}),
 * which decides; this class adds nothing.
 */
@Component
public class CorePatientAccounts implements PatientAccounts {
    private final ActivationJourney journey;
    private final ReissueCode reissue;
    private final PatientLogin login;
    private final PatientSpace space;

    public CorePatientAccounts(ActivationJourney journey, ReissueCode reissue, PatientLogin login,
                               PatientSpace space) {
        this.journey = journey;
        this.reissue = reissue;
        this.login = login;
        this.space = space;
    }

    @Override
    public ActivationStep startActivation(String code, String cardType, String nir, String serialNumber) {
        return journey.start(code, cardType, nir, serialNumber);
    }

    @Override
    public ActivationStep decide(String journeyToken, String decision, Boolean termsAccepted) {
        return journey.decide(journeyToken, decision, termsAccepted);
    }

    @Override
    public ActivationStep contact(String journeyToken, String email, String mobile) {
        return journey.contact(journeyToken, email, mobile);
    }

    @Override
    public ActivationStep confirmContact(String journeyToken, String emailCode, String smsCode) {
        return journey.confirmContact(journeyToken, emailCode, smsCode);
    }

    @Override
    public ActivationStep credentials(String journeyToken, String identifier, String password,
                                      String passwordConfirmation) {
        return journey.credentials(journeyToken, identifier, password, passwordConfirmation);
    }

    @Override
    public String reissueCode(String nir, String cardType, String serialNumber, String channel) {
        return reissue.reissue(nir, cardType, serialNumber, channel);
    }

    @Override
    public LoginChallenge login(String identifier, String password, String channel) {
        return login.start(identifier, password, channel);
    }

    @Override
    public PatientSession confirmLogin(String challenge, String code) {
        return login.confirm(challenge, code);
    }

    @Override
    public PatientRef authenticate(String bearerToken) {
        return login.authenticate(bearerToken);
    }

    @Override
    public AccountOverview overview(PatientRef patient) {
        return space.overview(patient);
    }

    @Override
    public List<AccessTrace> history(PatientRef patient, int limit) {
        return space.history(patient, limit);
    }

    @Override
    public AccountOverview close(PatientRef patient, String reason) {
        return space.close(patient, reason);
    }
}
