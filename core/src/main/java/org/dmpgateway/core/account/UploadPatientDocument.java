package org.dmpgateway.core.account;

import org.dmpgateway.config.DmpProperties;
import org.dmpgateway.core.GatewayIdentity;
import org.dmpgateway.core.submission.SubmitDocuments;
import org.dmpgateway.model.AuthorInfo;
import org.dmpgateway.model.CodedValue;
import org.dmpgateway.model.DmpConfidentiality;
import org.dmpgateway.model.DocumentBytes;
import org.dmpgateway.model.DocumentEntryRecord;
import org.dmpgateway.model.EntryStatus;
import org.dmpgateway.model.PatientRecord;
import org.dmpgateway.model.PatientRef;
import org.dmpgateway.model.Submission;
import org.dmpgateway.model.SubmissionSetRecord;
import org.dmpgateway.model.SubmittedDocument;
import org.dmpgateway.model.access.AccessContext;
import org.dmpgateway.model.access.AccessMode;
import org.dmpgateway.model.account.AccountErrorCode;
import org.dmpgateway.model.account.AccountException;
import org.dmpgateway.model.account.DocumentUpload;
import org.dmpgateway.model.account.PatientDocument;
import org.dmpgateway.model.error.DmpException;
import org.dmpgateway.repository.PatientRecordRepository;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The patient adds a document to their record (dmp-rules.md section 2, seed 002 "Ajouter un
 * document"): PDF, JPEG or PNG (converted to JPEG), at most {@code dmp.accounts.uploads.max-bytes}
 * (5 MB), a name of at most 50 characters without {@code @ - > ? / [ * # ] % ~ + € $ ! =}, a type
 * among the patient's ({@link PatientDocumentType}) and a date (required, not in the future).
 *
 * <p>The document goes through the core's one submission path ({@link SubmitDocuments#submitByPatient}):
 * the same checks (value sets, content limit, unique ids), storage, trace and answers as an ITI-41
 * Provide and Register, with the patient as author and submitter, in the DMP's coding of a
 * patient-authored document (PDSM4DMP, docs/sources/dmp-protocol.md 1.8-1.12): authorPerson the
 * patient's INS as XCN with type {@code NH}, authorSpecialty, healthcareFacilityTypeCode,
 * practiceSettingCode and the set's contentTypeCode {@code EXP_PATIENT} of TRE_A00-ProducteurDocNonPS,
 * sourcePatientId equal to the patientId. Professionals then find it over ITI-18 and FHIR under
 * the usual rules (consent, masking, habilitation).
 */
@Component
public class UploadPatientDocument {
    static final int TITLE_MAX = 50;
    static final Pattern REFUSED_IN_TITLE = Pattern.compile("[@\\->?/\\[*#\\]%~+€$!=]");
    static final String NON_PS_SYSTEM = "1.2.250.1.213.1.1.4.6";
    static final CodedValue EXP_PATIENT = new CodedValue("EXP_PATIENT", NON_PS_SYSTEM,
            "Expression personnelle du patient");
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyyMMdd");
    private static final String URN_UUID = "urn:uuid:";

    private final SubmitDocuments submissions;
    private final PatientRecordRepository records;
    private final GatewayIdentity identity;
    private final AccountClock clock;
    private final long maxBytes;

    public UploadPatientDocument(SubmitDocuments submissions, PatientRecordRepository records,
                                 GatewayIdentity identity, AccountClock clock, DmpProperties.Uploads uploads) {
        this.submissions = submissions;
        this.records = records;
        this.identity = identity;
        this.clock = clock;
        this.maxBytes = uploads.maxBytes().toBytes();
    }

    public PatientDocument upload(PatientRef ins, DocumentUpload upload) {
        if (upload == null) {
            throw Fields.invalid("body", "le corps de la requête est obligatoire.");
        }
        String title = title(upload.title());
        PatientDocumentType type = PatientDocumentType.parse(upload.type());
        LocalDate date = date(upload.date());
        UploadedFile file = UploadedFile.of(upload.mimeType(), upload.content(), maxBytes);
        PatientRecord record = records.findPatient(ins).orElseThrow();
        AuthorInfo author = author(record);
        String now = PatientDocuments.DTM.format(clock.now());
        SubmissionSetRecord set = new SubmissionSetRecord(URN_UUID + UUID.randomUUID(),
                PatientDocuments.oidOf(UUID.randomUUID()), identity.repositoryUniqueId(), null, ins, now,
                EXP_PATIENT, List.of(author), List.of(), "Document ajouté par le patient", null, EntryStatus.APPROVED,
                false, Map.of());
        String entryUuid = URN_UUID + UUID.randomUUID();
        DocumentEntryRecord entry = DocumentEntryRecord.builder()
                .entryUuid(entryUuid)
                .uniqueId(PatientDocuments.oidOf(UUID.randomUUID()))
                .patientId(ins)
                .sourcePatientId(ins.toCx())
                .availabilityStatus(EntryStatus.APPROVED)
                .classCode(type.classCode())
                .typeCode(type.typeCode())
                .formatCode(file.formatCode())
                .healthcareFacilityTypeCode(EXP_PATIENT)
                .practiceSettingCode(EXP_PATIENT)
                .confidentialityCodes(List.of(DmpConfidentiality.NORMAL))
                .creationTime(DAY.format(date))
                .authors(List.of(author))
                .title(title)
                .languageCode("fr-FR")
                .mimeType(file.mimeType())
                .build();
        AccessContext patient = new AccessContext(ins.id(), name(record), AccessContext.PATIENT_ROLE, null, null, null,
                ins, AccessMode.NORMAL, null, null);
        Submission stored;
        try {
            stored = submissions.submitByPatient(new Submission(set, List.of(new SubmittedDocument(entry,
                    DocumentBytes.of(file.bytes()))), List.of(), List.of()), patient);
        } catch (DmpException e) {
            throw new AccountException(AccountErrorCode.STATE_CONFLICT, null, "le document n'a pas pu être ajouté à "
                    + "votre dossier (" + e.code() + ").");
        }
        return PatientDocuments.view(stored.documents().get(0).entry());
    }

    static String title(String typed) {
        String title = Fields.required(typed, "title", "Le nom du document");
        if (title.length() > TITLE_MAX) {
            throw Fields.invalid("title", "le nom du document comporte au maximum 50 caractères.");
        }
        if (REFUSED_IN_TITLE.matcher(title).find()) {
            throw Fields.invalid("title", "le nom du document ne peut pas contenir les caractères "
                    + "@ - > ? / [ * # ] % ~ + € $ ! =");
        }
        return title;
    }

    private LocalDate date(String typed) {
        String value = Fields.required(typed, "date", "La date du document");
        LocalDate date;
        try {
            date = LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw Fields.invalid("date", "la date du document s'écrit AAAA-MM-JJ (par exemple 2026-03-14).");
        }
        if (date.isAfter(LocalDate.ofInstant(clock.now(), PARIS))) {
            throw Fields.invalid("date", "la date du document ne peut pas être dans le futur.");
        }
        if (date.getYear() < 1900) {
            throw Fields.invalid("date", "la date du document est postérieure à 1900.");
        }
        return date;
    }

    /** The patient as author (PDSM4DMP AuthorPatient): XCN with the INS, names, authority and type NH. */
    static AuthorInfo author(PatientRecord r) {
        String person = r.ins().id() + "^" + PatientDocuments.nz(r.familyName()) + "^"
                + PatientDocuments.nz(r.givenName()) + "^^^^^^&" + r.ins().authority() + "&ISO^D^^^NH";
        return new AuthorInfo(person, List.of(), List.of(), List.of(EXP_PATIENT.code() + "^"
                + EXP_PATIENT.displayName() + "^" + NON_PS_SYSTEM), List.of());
    }

    private static String name(PatientRecord r) {
        return (PatientDocuments.nz(r.familyName()) + ", " + PatientDocuments.nz(r.givenName())).strip();
    }
}
