package org.dmpgateway.portal;

import org.dmpgateway.model.PatientRecordState;
import org.dmpgateway.model.PatientSettings;
import org.dmpgateway.model.ProfessionalConsent;
import org.dmpgateway.model.account.AccountOverview;
import org.dmpgateway.model.account.ActivationStep;
import org.dmpgateway.model.account.PatientDocument;
import org.dmpgateway.model.trail.AccessTrace;

import java.time.Instant;
import java.util.List;

/** The JSON bodies of the patient API (docs/patient-api.md). */
final class PortalApi {
    private PortalApi() {
    }

    record Identification(String code, String cardType, String nir, String serialNumber) {
    }

    record Decision(String journey, String decision, Boolean termsAccepted) {
    }

    record Contact(String journey, String email, String mobile) {
    }

    record ContactConfirmation(String journey, String emailCode, String smsCode) {
    }

    record Credentials(String journey, String identifier, String password, String passwordConfirmation) {
    }

    record CodeRequest(String nir, String cardType, String serialNumber, String channel) {
    }

    record CodeSent(String channel, String sentTo) {
    }

    record Login(String identifier, String password, String channel) {
    }

    record LoginConfirmation(String challenge, String code) {
    }

    record Closure(String reason) {
    }

    record NotificationEmail(String email) {
    }

    record NotificationEmailConfirmation(String emailCode) {
    }

    record Error(String code, String field, String message) {
    }

    /** A step of the activation journey; {@code journey} only in the first step's answer. */
    record JourneyStep(String journey, String step, PatientRecordState state, String givenName, String familyName,
                       String email, String mobile, Instant expiresAt, List<String> confirmationsSent) {
        static JourneyStep of(ActivationStep s) {
            return new JourneyStep(s.journey(), s.step(), s.state(), s.givenName(), s.familyName(), s.email(),
                    s.mobile(), s.expiresAt(), s.confirmationsSent());
        }
    }

    record Me(String ins, String authority, PatientRecordState state, String givenName, String familyName,
              String email, String mobile, String identifier, Instant notifiedAt, Instant createdAt,
              Instant activatedAt, Instant closedAt, String closeReason) {
        static Me of(AccountOverview o) {
            var r = o.record();
            var a = o.account();
            return new Me(r.ins().id(), r.ins().authority(), r.state(), r.givenName(), r.familyName(), a.email(),
                    a.mobile(), a.loginId(), a.notifiedAt(), a.createdAt(), a.activatedAt(), a.closedAt(),
                    a.closeReason());
        }
    }

    record HistoryLine(Instant time, String actorId, String actorName, String structureId, String role, String mode,
                       String action, List<String> documentIds, String outcome, String detail) {
        static HistoryLine of(AccessTrace t) {
            return new HistoryLine(t.time(), t.actorId(), t.actorName(), t.structureId(), t.role(),
                    t.mode() == null ? null : t.mode().name(), t.action().name(), t.documentIds(), t.outcome(),
                    t.detail());
        }
    }

    record Visibility(Boolean hidden) {
    }

    record AdminDoctor(Boolean adminDoctor) {
    }

    record EmergencyAccess(Boolean samuAccess, Boolean breakGlassAccess, Boolean maskedDocumentsInEmergency) {
        static EmergencyAccess of(PatientSettings s) {
            return new EmergencyAccess(s.samuAccessAllowed(), s.breakGlassAllowed(), s.maskedVisibleInEmergency());
        }
    }

    record AllDocuments(Boolean hidden) {
        static AllDocuments of(PatientSettings s) {
            return new AllDocuments(s.maskAll());
        }
    }

    /** A document the patient adds: name, type (TRE_A05 code), date (yyyy-MM-dd), MIME type, content in base64. */
    record Upload(String title, String type, String date, String mimeType, String content) {
    }

    /** A document of the patient's list; {@code category} is the category's name, {@code categoryLabel} its French label. */
    record Document(String id, String uniqueId, String title, String category, String categoryLabel, String typeCode,
                    String typeDisplay, String creationTime, List<String> authors, String mimeType, Long size,
                    boolean hidden) {
        static Document of(PatientDocument d) {
            return new Document(d.id(), d.uniqueId(), d.title(), d.category().name(), d.category().label(),
                    d.type() == null ? null : d.type().code(), d.type() == null ? null : d.type().displayName(),
                    d.creationTime(), d.authors(), d.mimeType(), d.size(), d.hidden());
        }
    }

    record Professional(String actorId, String name, String status, boolean adminDoctor, boolean treatingDoctor,
                        Instant since) {
        static Professional of(ProfessionalConsent c) {
            return new Professional(c.actorId(), c.actorName(), c.status().name(), c.isAuthorized() && c.adminDoctor(),
                    c.isTreatingDoctor(), c.since());
        }
    }

    /** The patient's two lists. */
    record Professionals(List<Professional> authorised, List<Professional> blocked) {
        static Professionals of(List<ProfessionalConsent> all) {
            return new Professionals(all.stream().filter(ProfessionalConsent::isAuthorized).map(Professional::of).toList(),
                    all.stream().filter(ProfessionalConsent::isBlocked).map(Professional::of).toList());
        }
    }
}
