package org.dmpgateway.core.trail;

import org.dmpgateway.model.access.AccessContext;
import org.dmpgateway.model.access.AccessMode;
import org.dmpgateway.model.DocumentEntryRecord;
import org.dmpgateway.model.PatientRecord;
import org.dmpgateway.model.trail.Notification;
import org.dmpgateway.model.trail.NotificationKind;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;

/**
 * The e-mails a patient gets (docs/sources/dmp-rules.md section 3): at the first access of a professional, at
 * each document added, and at each emergency access. Only for a record with an e-mail address; the
 * text is in French, as the patient's portal.
 */
final class PatientNotifications {
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("dd/MM/yyyy 'à' HH:mm")
            .withZone(ZoneId.of("Europe/Paris"));
    private static final String SIGNATURE = "\n\nVous pouvez consulter l'historique des accès à votre dossier dans "
            + "Mon espace santé.\n\n-- \nDMP Gateway (bac à sable Mon espace santé)";

    private PatientNotifications() {
    }

    static Optional<Notification> firstAccess(PatientRecord record, AccessContext who, Instant now) {
        return mail(record, NotificationKind.FIRST_ACCESS, "Mon espace santé : un professionnel a accédé à votre dossier",
                "Bonjour,\n\n" + describe(who) + " a accédé pour la première fois à votre dossier médical partagé le "
                        + WHEN.format(now) + ".", now);
    }

    static Optional<Notification> emergencyAccess(PatientRecord record, AccessContext who, Instant now) {
        String how = who.mode() == AccessMode.SAMU_REGULATION
                ? "en tant que médecin régulateur du SAMU (centre 15)"
                : "en urgence (bris de glace), avec la justification : « " + who.justification() + " »";
        return mail(record, NotificationKind.EMERGENCY_ACCESS, "Mon espace santé : accès en urgence à votre dossier",
                "Bonjour,\n\n" + describe(who) + " a accédé à votre dossier médical partagé le " + WHEN.format(now)
                        + " " + how + ".", now);
    }

    static Optional<Notification> documentsAdded(PatientRecord record, AccessContext who,
                                                 List<DocumentEntryRecord> documents, Instant now) {
        StringBuilder list = new StringBuilder();
        for (DocumentEntryRecord d : documents) {
            list.append("\n - ").append(d.title() != null ? d.title()
                    : d.typeCode() != null && d.typeCode().displayName() != null ? d.typeCode().displayName() : "document");
        }
        String subject = documents.size() == 1 ? "Mon espace santé : un nouveau document a été ajouté à votre dossier"
                : "Mon espace santé : " + documents.size() + " nouveaux documents ont été ajoutés à votre dossier";
        return mail(record, NotificationKind.DOCUMENT_ADDED, subject, "Bonjour,\n\n" + describe(who) + " a ajouté le "
                + WHEN.format(now) + " à votre dossier médical partagé :" + list, now);
    }

    private static String describe(AccessContext who) {
        String name = who.actorName() != null && !who.actorName().isBlank() ? who.actorName() : who.actorId();
        return who.profession().displayName() != null ? name + " (" + who.profession().displayName() + ")" : name;
    }

    private static Optional<Notification> mail(PatientRecord record, NotificationKind kind, String subject, String body,
                                               Instant now) {
        String email = record.settings().email();
        if (email == null || email.isBlank()) {
            return Optional.empty();
        }
        return Optional.of(Notification.create(record.ins(), email, kind, subject, body + SIGNATURE, now));
    }
}
