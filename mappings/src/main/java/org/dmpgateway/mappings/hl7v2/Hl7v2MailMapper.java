package org.dmpgateway.mappings.hl7v2;

import org.dmpgateway.model.PatientRef;
import org.dmpgateway.model.messaging.DocumentMail;
import org.dmpgateway.model.messaging.MailAttachment;

/**
 * The guide's MSSanté part of an MDM message (page mapping-mss: FROM, REPLY TO, TO, Body, X-MSS-MES) as the
 * core's {@link DocumentMail}; the core's secure messaging decides what is sent to whom (docs/hl7v2.md).
 */
public final class Hl7v2MailMapper {
    /** The attachment's file name: the document as IHE XDM names its first document. */
    static final String FILE_NAME = "DOC0001.XML";

    private Hl7v2MailMapper() {
    }

    /**
     * @param mailbox the declared sender's applicative MSSanté mailbox (FROM), or empty
     */
    public static DocumentMail toMail(MdmMessage m, CdaHeader header, PatientRef patient, String mailbox) {
        MdmMessage.Mss mss = m.mss();
        String subject = header.title() != null && !header.title().isBlank() ? header.title()
                : m.type().displayName() != null ? m.type().displayName() : "Document " + m.type().code();
        return new DocumentMail(patient, mailbox == null || mailbox.isBlank() ? null : mailbox, mss.replyTo(),
                mss.recipients(), m.meta(MdmMessage.DESTMSSANTEPS), m.meta(MdmMessage.DESTMSSANTEPAT),
                m.meta(MdmMessage.MASQUE_PS), m.meta(MdmMessage.INVISIBLE_PATIENT), subject, mss.professionalText(),
                mss.patientText(), mss.endOfExchange(), m.type().code(),
                new MailAttachment(FILE_NAME, "text/xml", m.cda()),
                "HL7v2 " + m.sendingApplication() + "|" + m.sendingFacility() + " MSH-10 " + m.controlId());
    }
}
