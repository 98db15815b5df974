package org.dmpgateway.core.messaging;

import org.dmpgateway.config.DmpProperties;
import org.dmpgateway.core.account.PatientDocuments;
import org.dmpgateway.core.submission.SubmitDocuments;
import org.dmpgateway.model.DocumentEntryRecord;
import org.dmpgateway.model.PatientRecord;
import org.dmpgateway.model.PatientRef;
import org.dmpgateway.model.Submission;
import org.dmpgateway.model.SubmittedDocument;
import org.dmpgateway.model.access.AccessContext;
import org.dmpgateway.model.access.AccessMode;
import org.dmpgateway.model.account.AccountErrorCode;
import org.dmpgateway.model.account.AccountException;
import org.dmpgateway.model.account.PatientDocument;
import org.dmpgateway.model.error.DmpErrorCode;
import org.dmpgateway.model.error.DmpException;
import org.dmpgateway.model.messaging.MailAttachment;
import org.dmpgateway.model.messaging.XdmReader;
import org.dmpgateway.repository.PatientRecordRepository;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * The patient saves the documents of an {@code IHE_XDM.ZIP} attachment into their record
 * (dmp-rules.md section 4: "received attachments can be saved into the record's documents").
 *
 * <p>Reading of the sources (docs/messaging.md, "Saving an XDM attachment"): the message itself
 * never feeds the record (field research section 2: no source says a mail to
 * {@code @patient.mssante.fr} feeds the DMP; the DMP is fed by ITI-41); the patient's act of saving
 * does, so the caller is the signed-in patient and the record's rules are the patient's upload
 * rules: the record open (ACTIVATED or CREATED), the documents through the core's one submission
 * path ({@link SubmitDocuments#submitByPatient}: value sets, content limit, unique ids, trace), no
 * habilitation check of the sender (he does not submit). The archive's {@code METADATA.XML} is kept
 * as written by the sender's software: its authors (the professional) stay the documents' authors,
 * the patient is the submitter. The archive must be about this patient (its patientId the record's
 * INS), else it is refused.
 */
@Component
public class SaveXdmAttachment {
    static final String XDM_FILE_NAME = "IHE_XDM.ZIP";
    private static final String FIELD = "attachment";

    private final PatientMessaging patientSide;
    private final XdmReader reader;
    private final SubmitDocuments submissions;
    private final PatientRecordRepository records;
    private final MessagingTrail trail;
    private final long maxBytes;

    public SaveXdmAttachment(PatientMessaging patientSide, XdmReader reader, SubmitDocuments submissions,
                             PatientRecordRepository records, MessagingTrail trail, DmpProperties.Messaging settings) {
        this.patientSide = patientSide;
        this.reader = reader;
        this.submissions = submissions;
        this.records = records;
        this.trail = trail;
        this.maxBytes = settings.maxMessageSize().toBytes();
    }

    public List<PatientDocument> save(PatientRef patient, long messageId, int index) {
        MailAttachment attachment = patientSide.attachment(patient, messageId, index);
        if (attachment.fileName() == null || !XDM_FILE_NAME.equals(attachment.fileName().toUpperCase(Locale.ROOT))) {
            throw invalid("seule une archive IHE_XDM.ZIP peut être enregistrée dans votre dossier ; cette pièce "
                    + "jointe (" + attachment.fileName() + ") peut être téléchargée puis ajoutée comme document.");
        }
        Submission submission;
        try {
            submission = reader.read(attachment.content(), maxBytes);
        } catch (DmpException e) {
            throw invalid("l'archive IHE_XDM.ZIP n'est pas lisible (" + e.getMessage() + ").");
        }
        boolean samePatient = Stream.concat(Stream.of(submission.submissionSet().patientId()),
                submission.documents().stream().map(SubmittedDocument::entry).map(DocumentEntryRecord::patientId))
                .allMatch(patient::equals);
        if (!samePatient) {
            throw invalid("l'archive IHE_XDM.ZIP concerne un autre patient (patientId "
                    + submission.submissionSet().patientId() + ").");
        }
        PatientRecord record = records.findPatient(patient).orElseThrow();
        AccessContext caller = new AccessContext(patient.id(), name(record), AccessContext.PATIENT_ROLE, null, null,
                null, patient, AccessMode.NORMAL, null, null);
        Submission stored;
        try {
            stored = submissions.submitByPatient(submission, caller);
        } catch (DmpException e) {
            if (e.code() == DmpErrorCode.DUPLICATE_UNIQUE_ID) {
                throw new AccountException(AccountErrorCode.STATE_CONFLICT, FIELD, FIELD + " : les documents de "
                        + "cette archive sont déjà dans votre dossier.");
            }
            throw invalid("les documents de l'archive IHE_XDM.ZIP n'ont pas pu être enregistrés dans votre dossier ("
                    + e.getMessage() + ").");
        }
        List<PatientDocument> saved = stored.documents().stream().map(d -> PatientDocuments.view(d.entry())).toList();
        trail.byPatient(patient, "secure messaging: " + saved.size() + " document(s) of the IHE_XDM.ZIP attachment of "
                + "message " + messageId + " saved into the record by the patient");
        return saved;
    }

    private static AccountException invalid(String rule) {
        return new AccountException(AccountErrorCode.INVALID_FIELD, FIELD, FIELD + " : " + rule);
    }

    private static String name(PatientRecord r) {
        return ((r.familyName() == null ? "" : r.familyName()) + ", " + (r.givenName() == null ? "" : r.givenName()))
                .strip();
    }
}
