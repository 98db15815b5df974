package org.dmpgateway.core.account;

import org.dmpgateway.model.PatientRecord;
import org.dmpgateway.model.trail.Notification;
import org.dmpgateway.model.trail.NotificationKind;
import org.dmpgateway.repository.NotificationOutbox;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * The French texts of the account e-mails and SMS, in the seeds' words (seed 003: the notification
 * gives the ways to oppose and to access the service, creation after 6 weeks; seed 000: users are
 * told their account was created; seed 002: provisional and one-time codes by e-mail or SMS). The
 * e-mails go through the notification outbox, in the caller's transaction.
 */
@Component
public class AccountMails {
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy")
            .withZone(ZoneId.of("Europe/Paris"));
    static final String SIGNATURE = "\n\nL'équipe Mon espace santé\nCe message est envoyé automatiquement, merci de ne pas y "
            + "répondre.\n";

    private final NotificationOutbox outbox;
    private final AccountClock clock;

    public AccountMails(NotificationOutbox outbox, AccountClock clock) {
        this.outbox = outbox;
        this.clock = clock;
    }

    static String hello(PatientRecord record) {
        String name = ((record.givenName() == null ? "" : record.givenName()) + " "
                + (record.familyName() == null ? "" : record.familyName())).strip();
        return name.isEmpty() ? "Bonjour," : "Bonjour " + name + ",";
    }

    /** The text of the notification that carries the provisional code (e-mail or SMS). */
    static String provisionalCodeText(String code, Instant expires, Duration oppositionPeriod, boolean firstNotice) {
        String intro = firstNotice
                ? "Mon espace santé, le service public pour gérer sa santé, arrive. Vous pouvez l'activer dès "
                + "maintenant ou vous opposer à sa création.\n\n"
                : "Vous avez demandé un nouveau code provisoire pour Mon espace santé.\n\n";
        String period = firstNotice
                ? "\n\nAu bout de " + weeks(oppositionPeriod) + " après l'envoi de ce message, si vous ne vous êtes ni "
                + "connecté ni opposé, Mon espace santé est automatiquement créé (loi OTSS de juillet 2019). "
                + "Si vous vous opposez, vous pourrez à tout moment changer d'avis et l'activer."
                : "";
        return intro + "Votre code provisoire à 12 caractères : " + code + " (valable jusqu'au "
                + DATE.format(expires) + ", à usage unique).\n\n"
                + "Pour activer Mon espace santé ou vous opposer à sa création, rendez-vous sur monespacesante.fr "
                + "avec ce code, votre numéro de sécurité sociale et le numéro de série de votre carte Vitale."
                + period;
    }

    static String weeks(Duration d) {
        long days = d.toDays();
        if (days > 0 && days % 7 == 0) {
            return (days / 7) + (days == 7 ? " semaine" : " semaines");
        }
        if (days > 0) {
            return days + (days == 1 ? " jour" : " jours");
        }
        return d.toMinutes() + " minutes";
    }

    void provisionalCode(PatientRecord record, String email, String code, Instant expires,
                         Duration oppositionPeriod, boolean firstNotice) {
        enqueue(record, email, NotificationKind.PROVISIONAL_CODE, "Mon espace santé : votre code provisoire",
                hello(record) + "\n\n" + provisionalCodeText(code, expires, oppositionPeriod, firstNotice));
    }

    static String oneTimeCodeText(String code, Duration validity) {
        return "Mon espace santé : votre code à usage unique est " + code + ". Il est valable "
                + validity.toMinutes() + " minutes. Ne le communiquez à personne.";
    }

    void oneTimeCode(PatientRecord record, String email, String code, Duration validity) {
        enqueue(record, email, NotificationKind.ONE_TIME_CODE, "Mon espace santé : votre code à usage unique",
                hello(record) + "\n\n" + oneTimeCodeText(code, validity));
    }

    void created(PatientRecord record, String email) {
        enqueue(record, email, NotificationKind.ACCOUNT_CREATED, "Votre profil Mon espace santé a été créé",
                hello(record) + "\n\nVous ne vous êtes pas opposé à Mon espace santé : votre profil a été créé "
                        + "automatiquement. Les professionnels de santé peuvent désormais alimenter votre dossier "
                        + "médical et vous écrire par la messagerie sécurisée de santé. Pour consulter vos documents "
                        + "et vos messages, activez Mon espace santé sur monespacesante.fr avec votre code provisoire, "
                        + "votre numéro de sécurité sociale et le numéro de série de votre carte Vitale.\n\n"
                        + "Vous pouvez aussi clôturer Mon espace santé à tout moment.");
    }

    /** Seed 002 "Je partage le profil de mon enfant mineur": the invitation to the second representative. */
    void profileShared(PatientRecord invited, String email, String sharedBy, PatientRecord child) {
        String childName = ((child.givenName() == null ? "" : child.givenName()) + " "
                + (child.familyName() == null ? "" : child.familyName())).strip();
        enqueue(invited, email, NotificationKind.PROFILE_SHARED, "Mon espace santé : " + sharedBy
                        + " partage avec vous le profil de " + childName,
                hello(invited) + "\n\n" + sharedBy + " vous invite à gérer le profil Mon espace santé de " + childName
                        + " en tant que représentant légal. Connectez-vous à Mon espace santé et acceptez "
                        + "l'invitation dans le menu de votre profil : vous aurez alors accès aux données du profil "
                        + "Mon espace santé de " + childName + ".");
    }

    private void enqueue(PatientRecord record, String email, NotificationKind kind, String subject, String body) {
        if (email == null || email.isBlank()) {
            return;
        }
        outbox.enqueue(Notification.create(record.ins(), email, kind, subject, body + SIGNATURE, clock.now()));
    }
}
