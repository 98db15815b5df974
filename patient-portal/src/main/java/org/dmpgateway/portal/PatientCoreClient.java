package org.dmpgateway.portal;

import org.dmpgateway.core.account.ActivationJourney;
import org.dmpgateway.core.account.PatientLogin;
import org.dmpgateway.core.account.PatientSpace;
import org.dmpgateway.core.account.ReissueCode;
import org.dmpgateway.model.PatientRef;
import org.dmpgateway.model.trail.AccessTrace;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * Every call of the patient portal to the core, in one place (so that it can move to the typed
 * {@code Core} interface in one change). The portal decides nothing: each method hands the typed
 * values to the core's account rules and returns their answer.
 */
@Component
public class PatientCoreClient {
    private final ActivationJourney journey;
    private final ReissueCode reissue;
    private final PatientLogin login;
    private final PatientSpace space;

    public PatientCoreClient(ActivationJourney journey, ReissueCode reissue, PatientLogin login, PatientSpace space) {
        this.journey = journey;
        this.reissue = reissue;
        this.login = login;
        this.space = space;
    }

    ActivationJourney.Step startActivation(PortalApi.Identification body) {
        return journey.start(body.code(), body.cardType(), body.nir(), body.serialNumber());
    }

    ActivationJourney.Step decide(PortalApi.Decision body) {
        return journey.decide(body.journey(), body.decision(), body.termsAccepted());
    }

    ActivationJourney.Step contact(PortalApi.Contact body) {
        return journey.contact(body.journey(), body.email(), body.mobile());
    }

    ActivationJourney.Step confirmContact(PortalApi.ContactConfirmation body) {
        return journey.confirmContact(body.journey(), body.emailCode(), body.smsCode());
    }

    ActivationJourney.Step credentials(PortalApi.Credentials body) {
        return journey.credentials(body.journey(), body.identifier(), body.password(), body.passwordConfirmation());
    }

    String reissueCode(PortalApi.CodeRequest body) {
        return reissue.reissue(body.nir(), body.cardType(), body.serialNumber(), body.channel());
    }

    PatientLogin.Challenge login(PortalApi.Login body) {
        return login.start(body.identifier(), body.password(), body.channel());
    }

    PatientLogin.Session confirmLogin(PortalApi.LoginConfirmation body) {
        return login.confirm(body.challenge(), body.code());
    }

    PatientRef authenticate(String bearerToken) {
        return login.authenticate(bearerToken);
    }

    PatientSpace.Overview overview(PatientRef patient) {
        return space.overview(patient);
    }

    List<AccessTrace> history(PatientRef patient, int limit) {
        return space.history(patient, limit);
    }

    PatientSpace.Overview close(PatientRef patient, PortalApi.Closure body) {
        return space.close(patient, body.reason());
    }
}
