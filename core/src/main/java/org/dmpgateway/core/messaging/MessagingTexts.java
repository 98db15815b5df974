package org.dmpgateway.core.messaging;

import org.dmpgateway.model.PatientRecordState;

/**
 * The French texts of the secure messaging: the bounce's (seed 004, word for word), the patient's
 * notification of a new message (seed 004: sent by e-mail whether the account is activated or not;
 * seed 000: without activation the patient must activate to read it) and the read receipt's.
 */
final class MessagingTexts {
    static final String SIGNATURE = "\n\nL'équipe Mon espace santé\nCe message est envoyé automatiquement, merci de ne "
            + "pas y répondre.\n";

    private MessagingTexts() {
    }

    /** Seed 004: the automatic mail the professional gets when the patient's mailbox is closed. */
    static String bounce(String address) {
        return "Le message que vous avez envoyé à \"" + address + "\" n'a pas pu être distribué car la messagerie "
                + "Mon espace Santé de votre destinataire est clôturée";
    }

    static String bounceSubject(String subject) {
        return "Message non distribué" + (subject == null || subject.isBlank() ? "" : " : " + subject);
    }

    /** The body of a document sent by MSSanté when the request gives none (CORPSMAIL_PS / CORPSMAIL_PATIENT). */
    static final String DOCUMENT_MAIL_TEXT = "Veuillez trouver ci-joint un document vous concernant.";

    static final String NEW_MESSAGE_SUBJECT = "Mon espace santé : vous avez reçu un nouveau message";

    static String newMessage(String professional, PatientRecordState state) {
        String how = state == PatientRecordState.ACTIVATED
                ? "Pour le lire et y répondre, connectez-vous à Mon espace santé."
                : "Pour le lire, activez Mon espace santé sur monespacesante.fr avec votre code provisoire, votre "
                + "numéro de sécurité sociale et le numéro de série de votre carte Vitale.";
        return "Bonjour,\n\nVous avez reçu un nouveau message de " + professional + " dans la messagerie sécurisée "
                + "de Mon espace santé.\n\n" + how + SIGNATURE;
    }

    static String readReceiptSubject(String subject) {
        return "Accusé de lecture" + (subject == null || subject.isBlank() ? "" : " : " + subject);
    }

    static String readReceipt(String patientAddress, String subject) {
        return "Le message « " + (subject == null ? "" : subject) + " » envoyé à " + patientAddress
                + " a été lu par son destinataire dans Mon espace santé.";
    }
}
