package org.dmpgateway.repository;

import org.dmpgateway.model.DocumentBytes;
import org.dmpgateway.model.AssociationKind;
import org.dmpgateway.model.AssociationRecord;
import org.dmpgateway.model.AuthorInfo;
import org.dmpgateway.model.CodedValue;
import org.dmpgateway.model.DocumentEntryRecord;
import org.dmpgateway.model.EntryStatus;
import org.dmpgateway.model.FolderRecord;
import org.dmpgateway.model.PatientRef;
import org.dmpgateway.model.Submission;
import org.dmpgateway.model.SubmissionSetRecord;
import org.dmpgateway.model.SubmittedDocument;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/** Registry objects for the repository tests: complete by default, each attribute changeable. */
final class Fixtures {
    static final String INS_NIR_TEST = "1.2.250.1.213.1.4.10";
    static final CodedValue CLASS_CR = new CodedValue("10", "1.2.250.1.213.1.1.4.1", "Compte rendu");
    static final CodedValue CLASS_IMG = new CodedValue("40", "1.2.250.1.213.1.1.4.1", "Imagerie");
    static final CodedValue TYPE_CONSULT = new CodedValue("11488-4", "2.16.840.1.113883.6.1", "CR de consultation");
    static final CodedValue TYPE_IMAGING = new CodedValue("18748-4", "2.16.840.1.113883.6.1", "CR d'imagerie");
    static final CodedValue FORMAT_TEXT = new CodedValue("urn:ihe:iti:xds-sd:text:2008", "1.3.6.1.4.1.19376.1.2.3", "texte");
    static final CodedValue FORMAT_PDF = new CodedValue("urn:ihe:iti:xds-sd:pdf:2008", "1.3.6.1.4.1.19376.1.2.3", "pdf");
    static final CodedValue FACILITY_CABINET = new CodedValue("SA07", "1.2.250.1.71.4.2.4", "Cabinet");
    static final CodedValue FACILITY_HOSPITAL = new CodedValue("SA01", "1.2.250.1.71.4.2.4", "Hôpital");
    static final CodedValue PRACTICE_AMBU = new CodedValue("AMBULATOIRE", "1.2.250.1.213.1.1.4.9", null);
    static final CodedValue PRACTICE_HOSP = new CodedValue("ETABLISSEMENT", "1.2.250.1.213.1.1.4.9", null);
    static final CodedValue N = new CodedValue("N", "2.16.840.1.113883.5.25", "Normal");
    static final CodedValue R = new CodedValue("R", "2.16.840.1.113883.5.25", "Restreint");
    static final CodedValue MASQUE = new CodedValue("MASQUE_PS", "1.2.250.1.213.1.1.4.13", null);
    static final CodedValue EVENT_1 = new CodedValue("E1", "1.2.9", "ev1");
    static final CodedValue EVENT_2 = new CodedValue("E2", "1.2.9", "ev2");
    static final String DURANT = "810002345678^DURANT^Romuald^^^^^^&1.2.250.1.71.4.2.1&ISO";
    static final String MARTIN = "899700366240^MARTIN^Paul^^^^^^&1.2.250.1.71.4.2.1&ISO";
    static final String ORDER = "CMD-1^^^&1.2.3&ISO^urn:ihe:iti:xds:2013:order";

    private Fixtures() {
    }

    /** A patient of its own, so that tests sharing a database never see each other's objects. */
    static PatientRef newPatient() {
        return new PatientRef(String.valueOf(ThreadLocalRandom.current().nextLong(100_000_000_000_000L, 299_999_999_999_999L)),
                INS_NIR_TEST);
    }

    static String uuid() {
        return "urn:uuid:" + UUID.randomUUID();
    }

    static String oid() {
        return "2.25." + new BigInteger(UUID.randomUUID().toString().replace("-", ""), 16);
    }

    static AuthorInfo author(String person) {
        return new AuthorInfo(person, List.of("CABINET DURANT^^^^^&1.2.250.1.71.4.2.2&ISO^IDNST^^^401234567890009"),
                List.of("Médecin traitant"), List.of("G15_10/SM54^^^&1.2.250.1.213.1.1.4.5&ISO"),
                List.of("^NET^Internet^dr@example.org", "^PH^FX^^^^^^^^^+33100000000"));
    }

    static SubmittedDocument document(DocumentEntryRecord entry) {
        return new SubmittedDocument(entry, DocumentBytes.of(("content of " + entry.uniqueId()).getBytes(StandardCharsets.UTF_8)));
    }

    static SubmissionSetRecord submissionSet(PatientRef patient) {
        return new SubmissionSetRecord(uuid(), oid(), "1.2.250.1.999.1", "urn:oid:1.2.3", patient, "20251123101500",
                new CodedValue("04", "1.2.250.1.213.3.3.65", "HDJ"), List.of(author(DURANT)),
                List.of("Org^^^^^&1.2.3&ISO||", "|ID^DOE^John^^^^^^&1.2.3&ISO"), "Lot", "un lot", EntryStatus.APPROVED, false,
                Map.of("urn:dmp:origin", List.of("test")));
    }

    static FolderRecord folder(PatientRef patient, String lastUpdateTime, List<CodedValue> codes) {
        String uuid = uuid();
        return new FolderRecord(uuid, uuid, "1", oid(), "urn:oid:1.2.3", patient, codes, lastUpdateTime, "Suivi",
                null, EntryStatus.APPROVED, false, Map.of());
    }

    static AssociationRecord hasMember(String source, String target) {
        return new AssociationRecord(uuid(), AssociationKind.HAS_MEMBER, source, target, "Original", null, null, null,
                null, EntryStatus.APPROVED, Map.of());
    }

    /** A submission set with these documents and one HasMember association set -> document each. */
    static Submission submissionOf(PatientRef patient, DocumentEntryRecord... entries) {
        SubmissionSetRecord set = submissionSet(patient);
        return new Submission(set, List.of(entries).stream().map(Fixtures::document).toList(), List.of(),
                List.of(entries).stream().map(e -> hasMember(set.entryUuid(), e.entryUuid())).toList());
    }

    static SubmissionWrite write(Submission submission) {
        return new SubmissionWrite(submission, List.of(), Map.of());
    }

    /** Document entries: every attribute set, each one changeable. */
    static final class Entry {
        String entryUuid = uuid();
        String uniqueId = oid();
        PatientRef patient;
        boolean onDemand;
        EntryStatus status = EntryStatus.APPROVED;
        CodedValue classCode = CLASS_CR;
        CodedValue typeCode = TYPE_CONSULT;
        CodedValue formatCode = FORMAT_TEXT;
        CodedValue facilityCode = FACILITY_CABINET;
        CodedValue practiceCode = PRACTICE_AMBU;
        List<CodedValue> confidentiality = List.of(N);
        List<CodedValue> events = List.of(EVENT_2, EVENT_1);
        String creationTime = "20251120093000";
        String serviceStartTime = "20251120";
        String serviceStopTime = "202511201030+0100";
        List<AuthorInfo> authors = List.of(author(DURANT), new AuthorInfo(null, List.of("Autre structure"), null, null, null));
        List<String> referenceIds = List.of(ORDER);
        Map<String, List<String>> extra = Map.of("urn:dmp:slot", List.of("b", "a"), "urn:dmp:other", List.of("x"));

        Entry(PatientRef patient) {
            this.patient = patient;
        }

        Entry onDemand(boolean v) { onDemand = v; return this; }
        Entry status(EntryStatus v) { status = v; return this; }
        Entry classCode(CodedValue v) { classCode = v; return this; }
        Entry typeCode(CodedValue v) { typeCode = v; return this; }
        Entry formatCode(CodedValue v) { formatCode = v; return this; }
        Entry facilityCode(CodedValue v) { facilityCode = v; return this; }
        Entry practiceCode(CodedValue v) { practiceCode = v; return this; }
        Entry confidentiality(CodedValue... v) { confidentiality = List.of(v); return this; }
        Entry events(CodedValue... v) { events = List.of(v); return this; }
        Entry creationTime(String v) { creationTime = v; return this; }
        Entry serviceStartTime(String v) { serviceStartTime = v; return this; }
        Entry serviceStopTime(String v) { serviceStopTime = v; return this; }
        Entry authors(AuthorInfo... v) { authors = List.of(v); return this; }
        Entry referenceIds(String... v) { referenceIds = List.of(v); return this; }

        DocumentEntryRecord build() {
            return DocumentEntryRecord.builder().entryUuid(entryUuid).logicalUuid(entryUuid).version("1")
                    .uniqueId(uniqueId).homeCommunityId("urn:oid:1.2.3").patientId(patient)
                    .sourcePatientId("IPP-1^^^&1.2.250.1.999&ISO")
                    .sourcePatientInfo(List.of("PID-3|IPP-1^^^&1.2.250.1.999&ISO", "PID-5|DUPONT^Marie", "PID-7|19790305"))
                    .onDemand(onDemand).availabilityStatus(status).classCode(classCode).typeCode(typeCode)
                    .formatCode(formatCode).healthcareFacilityTypeCode(facilityCode).practiceSettingCode(practiceCode)
                    .confidentialityCodes(confidentiality).eventCodes(events).creationTime(creationTime)
                    .serviceStartTime(serviceStartTime).serviceStopTime(serviceStopTime).authors(authors)
                    .title("Compte rendu").comments("commentaire").languageCode("fr-FR").mimeType("text/plain")
                    .hash("0a1b2c").size(27L).repositoryUniqueId("2.25.1").legalAuthenticator(MARTIN)
                    .referenceIds(referenceIds).documentAvailability("urn:ihe:iti:2010:DocumentAvailability:Online")
                    .extraMetadata(extra).build();
        }
    }
}
