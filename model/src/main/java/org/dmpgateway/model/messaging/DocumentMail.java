package org.dmpgateway.model.messaging;

import org.dmpgateway.model.PatientRef;

import java.util.List;

/**
 * A clinical document to send by MSSanté, as a hospital's integration platform asks it (the ANS guide
 * "Transmission de documents CDA en HL7v2", metas DESTMSSANTEPS / DESTMSSANTEPAT; docs/hl7v2.md), translated
 * by the adapter: the core's secure messaging decides who gets it and how.
 *
 * @param patient                 the document's patient (its INS)
 * @param from                    the sending mailbox (the guide's FROM: the applicative mailbox of the platform)
 * @param replyTo                 the address replies go to (the guide's REPLY TO, the author's), or null
 * @param recipients              every MSSanté address the message names (professionals', organisations',
 *                                applicative mailboxes, the patient's {@code <matricule>@patient.mssante.fr})
 * @param toProfessionals         DESTMSSANTEPS = Y
 * @param toPatient               DESTMSSANTEPAT = Y
 * @param hiddenFromProfessionals MASQUE_PS = Y
 * @param hiddenFromPatient       INVISIBLE_PATIENT = Y
 * @param subject                 the subject
 * @param professionalText        the body for the professionals (CORPSMAIL_PS), or null
 * @param patientText             the body for the patient (CORPSMAIL_PATIENT), or null
 * @param endOfExchange           the patient may not reply ({@code X-MSS-MES: FIN})
 * @param documentCode            the document's type code (the CDA {@code code}, {@code X-MSS-CODECDA})
 * @param document                the attachment
 * @param reference               the request's reference (traces): sender and control id
 */
public record DocumentMail(PatientRef patient, String from, String replyTo, List<String> recipients,
                           boolean toProfessionals, boolean toPatient, boolean hiddenFromProfessionals,
                           boolean hiddenFromPatient, String subject, String professionalText, String patientText,
                           boolean endOfExchange, String documentCode, MailAttachment document, String reference) {
    public DocumentMail {
        recipients = recipients == null ? List.of() : List.copyOf(recipients);
    }
}
