package org.dmpgateway.portal;

import org.dmpgateway.model.DocumentContent;
import org.dmpgateway.model.PatientRef;
import org.dmpgateway.model.PatientSettings;
import org.dmpgateway.model.ProfessionalConsent;
import org.dmpgateway.model.account.AccountOverview;
import org.dmpgateway.model.account.ActivationStep;
import org.dmpgateway.model.account.DocumentUpload;
import org.dmpgateway.model.account.LoginChallenge;
import org.dmpgateway.model.account.PatientAccounts;
import org.dmpgateway.model.account.PatientDocument;
import org.dmpgateway.model.account.PatientSession;
import org.dmpgateway.model.account.PatientUploads;
import org.dmpgateway.model.trail.AccessTrace;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * Every call of the patient portal to the core, in one place: through the typed front door
 * {@link PatientAccounts} (module {@code model}). The portal decides nothing: each method hands the
 * typed values of a JSON body to the core and returns its answer.
 */
@Component
public class PatientCoreClient {
    private static final String BEARER = "Bearer ";
    private final PatientAccounts accounts;
    private final PatientUploads uploads;

    public PatientCoreClient(PatientAccounts accounts, PatientUploads uploads) {
        this.accounts = accounts;
        this.uploads = uploads;
    }

    ActivationStep startActivation(PortalApi.Identification body) {
        return accounts.startActivation(body.code(), body.cardType(), body.nir(), body.serialNumber());
    }

    ActivationStep decide(PortalApi.Decision body) {
        return accounts.decide(body.journey(), body.decision(), body.termsAccepted());
    }

    ActivationStep contact(PortalApi.Contact body) {
        return accounts.contact(body.journey(), body.email(), body.mobile());
    }

    ActivationStep confirmContact(PortalApi.ContactConfirmation body) {
        return accounts.confirmContact(body.journey(), body.emailCode(), body.smsCode());
    }

    ActivationStep credentials(PortalApi.Credentials body) {
        return accounts.credentials(body.journey(), body.identifier(), body.password(), body.passwordConfirmation());
    }

    String reissueCode(PortalApi.CodeRequest body) {
        return accounts.reissueCode(body.nir(), body.cardType(), body.serialNumber(), body.channel());
    }

    LoginChallenge login(PortalApi.Login body) {
        return accounts.login(body.identifier(), body.password(), body.channel());
    }

    PatientSession confirmLogin(PortalApi.LoginConfirmation body) {
        return accounts.confirmLogin(body.challenge(), body.code());
    }

    /** The patient of a bearer token; {@code null} (no bearer token sent) is refused UNAUTHENTICATED by the core. */
    PatientRef authenticate(String bearerToken) {
        return accounts.authenticate(bearerToken);
    }

    /** The patient of an {@code Authorization: Bearer <token>} header (null or another scheme: no token). */
    PatientRef authenticateHeader(String authorization) {
        boolean bearer = authorization != null && authorization.regionMatches(true, 0, BEARER, 0, BEARER.length());
        return authenticate(bearer ? authorization.substring(BEARER.length()) : null);
    }

    AccountOverview overview(PatientRef patient) {
        return accounts.overview(patient);
    }

    List<AccessTrace> history(PatientRef patient, int limit) {
        return accounts.history(patient, limit);
    }

    AccountOverview close(PatientRef patient, PortalApi.Closure body) {
        return accounts.close(patient, body.reason());
    }

    List<PatientDocument> documents(PatientRef patient, String category) {
        return accounts.documents(patient, category);
    }

    DocumentContent documentContent(PatientRef patient, String documentId) {
        return accounts.documentContent(patient, documentId);
    }

    PatientDocument hideDocument(PatientRef patient, String documentId, PortalApi.Visibility body) {
        return accounts.hideDocument(patient, documentId, body.hidden());
    }

    PatientSettings hideAllDocuments(PatientRef patient, PortalApi.Visibility body) {
        return accounts.hideAllDocuments(patient, body.hidden());
    }

    List<ProfessionalConsent> professionals(PatientRef patient) {
        return accounts.professionals(patient);
    }

    ProfessionalConsent block(PatientRef patient, String actorId) {
        return accounts.blockProfessional(patient, actorId);
    }

    void unblock(PatientRef patient, String actorId) {
        accounts.unblockProfessional(patient, actorId);
    }

    ProfessionalConsent adminDoctor(PatientRef patient, String actorId, PortalApi.AdminDoctor body) {
        return accounts.adminDoctor(patient, actorId, body.adminDoctor());
    }

    PatientSettings emergencyAccess(PatientRef patient, PortalApi.EmergencyAccess body) {
        return accounts.emergencyAccess(patient, body.samuAccess(), body.breakGlassAccess(),
                body.maskedDocumentsInEmergency());
    }

    String changeNotificationEmail(PatientRef patient, PortalApi.NotificationEmail body) {
        return accounts.changeNotificationEmail(patient, body.email());
    }

    AccountOverview confirmNotificationEmail(PatientRef patient, PortalApi.NotificationEmailConfirmation body) {
        return accounts.confirmNotificationEmail(patient, body.emailCode());
    }

    PatientDocument upload(PatientRef patient, PortalApi.Upload body) {
        return uploads.upload(patient, new DocumentUpload(body.title(), body.type(), body.date(), body.mimeType(),
                body.content()));
    }

    void deleteDocument(PatientRef patient, String documentId) {
        uploads.delete(patient, documentId);
    }
}
