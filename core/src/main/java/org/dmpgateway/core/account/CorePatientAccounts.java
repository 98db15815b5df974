package org.dmpgateway.core.account;

import org.dmpgateway.model.DocumentContent;
import org.dmpgateway.model.PatientRef;
import org.dmpgateway.model.PatientSettings;
import org.dmpgateway.model.ProfessionalConsent;
import org.dmpgateway.model.account.AccountOverview;
import org.dmpgateway.model.account.ActivationStep;
import org.dmpgateway.model.account.LoginChallenge;
import org.dmpgateway.model.account.PatientAccounts;
import org.dmpgateway.model.account.PatientDocument;
import org.dmpgateway.model.account.PatientSession;
import org.dmpgateway.model.trail.AccessTrace;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * The {@link PatientAccounts} front door: each command handed to its account rule
 * ({@link ActivationJourney}, {@link ReissueCode}, {@link PatientLogin}, {@link PatientSpace},
 * {@link PatientDocuments}, {@link PatientProfessionals}, {@link EmergencySwitches},
 * {@link NotificationEmail}),
 * which decides; this class adds nothing.
 */
@Component
public class CorePatientAccounts implements PatientAccounts {
    private final ActivationJourney journey;
    private final ReissueCode reissue;
    private final PatientLogin login;
    private final PatientSpace space;
    private final PatientDocuments documents;
    private final PatientProfessionals professionals;
    private final EmergencySwitches emergency;
    private final NotificationEmail notificationEmail;

    public CorePatientAccounts(ActivationJourney journey, ReissueCode reissue, PatientLogin login,
                               PatientSpace space, PatientDocuments documents, PatientProfessionals professionals,
                               EmergencySwitches emergency, NotificationEmail notificationEmail) {
        this.journey = journey;
        this.reissue = reissue;
        this.login = login;
        this.space = space;
        this.documents = documents;
        this.professionals = professionals;
        this.emergency = emergency;
        this.notificationEmail = notificationEmail;
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

    @Override
    public List<PatientDocument> documents(PatientRef patient, String category) {
        return documents.list(patient, category);
    }

    @Override
    public DocumentContent documentContent(PatientRef patient, String documentId) {
        return documents.content(patient, documentId);
    }

    @Override
    public PatientDocument hideDocument(PatientRef patient, String documentId, Boolean hidden) {
        return documents.hide(patient, documentId, hidden);
    }

    @Override
    public PatientSettings hideAllDocuments(PatientRef patient, Boolean hidden) {
        return documents.hideAll(patient, hidden);
    }

    @Override
    public List<ProfessionalConsent> professionals(PatientRef patient) {
        return professionals.list(patient);
    }

    @Override
    public ProfessionalConsent blockProfessional(PatientRef patient, String actorId) {
        return professionals.block(patient, actorId);
    }

    @Override
    public void unblockProfessional(PatientRef patient, String actorId) {
        professionals.unblock(patient, actorId);
    }

    @Override
    public ProfessionalConsent adminDoctor(PatientRef patient, String actorId, Boolean named) {
        return professionals.adminDoctor(patient, actorId, named);
    }

    @Override
    public PatientSettings emergencyAccess(PatientRef patient, Boolean samu, Boolean breakGlass,
                                           Boolean maskedDocuments) {
        return emergency.set(patient, samu, breakGlass, maskedDocuments);
    }

    @Override
    public String changeNotificationEmail(PatientRef patient, String email) {
        return notificationEmail.change(patient, email);
    }

    @Override
    public AccountOverview confirmNotificationEmail(PatientRef patient, String emailCode) {
        return notificationEmail.confirm(patient, emailCode);
    }
}
