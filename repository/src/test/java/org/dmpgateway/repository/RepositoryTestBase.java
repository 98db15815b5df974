package org.dmpgateway.repository;

import org.dmpgateway.mappings.model.*;
import org.dmpgateway.mappings.query.AssociationCriteria;
import org.dmpgateway.mappings.query.DocumentCriteria;
import org.dmpgateway.mappings.query.FolderCriteria;
import org.dmpgateway.mappings.query.SubmissionSetCriteria;
import org.dmpgateway.mappings.query.TimeRangeCriterion;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The repository contract on a real database: exact round trips, the criteria's edge cases, and
 * atomicity when the database itself refuses part of a write. Subclasses supply the database.
 */
abstract class RepositoryTestBase {
    static final PatientRef PATIENT = new PatientRef("279035121518989", "1.2.250.1.213.1.4.10");
    static final CodedValue CLASS_CR = new CodedValue("10", "1.2.250.1.213.1.1.4.1", "Compte rendu");
    static final CodedValue TYPE = new CodedValue("11488-4", "2.16.840.1.113883.6.1", "CR de consultation");
    static final CodedValue N = new CodedValue("N", "2.16.840.1.113883.5.25", "Normal");
    static final CodedValue MASQUE = new CodedValue("MASQUE_PS", "1.2.250.1.213.1.1.4.13", null);

    RegistryRepository repository;

    abstract RegistryRepository newRepository();

    @BeforeEach
    void open() {
        repository = newRepository();
        repository.savePatient(new PatientRecord(PATIENT, "DUPONT", "Marie", java.time.LocalDate.of(1979, 3, 5), "F",
                PatientRecordState.ACTIVATED));
    }

    static String uuid() {
        return "urn:uuid:" + UUID.randomUUID();
    }

    static DocumentEntryRecord entry(String uuid, String uniqueId, String creationTime, List<CodedValue> confidentiality) {
        return new DocumentEntryRecord(uuid, uuid, "1", uniqueId, "urn:oid:1.2.3", PATIENT, "IPP-1^^^&1.2.250.1.999&ISO",
                List.of("PID-3|IPP-1^^^&1.2.250.1.999&ISO", "PID-5|DUPONT^Marie", "PID-7|19790305"), false,
                EntryStatus.APPROVED, CLASS_CR, TYPE, new CodedValue("urn:ihe:iti:xds-sd:text:2008", "1.3.6.1.4.1.19376.1.2.3", "texte"),
                new CodedValue("SA07", "1.2.250.1.71.4.2.4", "Cabinet"), new CodedValue("AMBULATOIRE", "1.2.250.1.213.1.1.4.9", null),
                confidentiality, List.of(new CodedValue("E2", "1.2.9", "ev2"), new CodedValue("E1", "1.2.9", "ev1")),
                creationTime, "20251120", null,
                List.of(new AuthorInfo("810002345678^DURANT^Romuald^^^^^^&1.2.250.1.71.4.2.1&ISO",
                        List.of("CABINET DURANT^^^^^&1.2.250.1.71.4.2.2&ISO^IDNST^^^401234567890009"), List.of("Médecin traitant"),
                        List.of("G15_10/SM54^^^&1.2.250.1.213.1.1.4.5&ISO"), List.of("^NET^Internet^dr@example.org")),
                        new AuthorInfo(null, List.of("Autre structure"), List.of(), List.of(), List.of())),
                "Compte rendu", "commentaire", "fr-FR", "text/plain", "0a1b", 4L, "2.25.1", null,
                "899700366240^MARTIN^Paul^^^^^^&1.2.250.1.71.4.2.1&ISO", List.of("CMD-1^^^&1.2.3&ISO^urn:ihe:iti:xds:2013:order"),
                "urn:ihe:iti:2010:DocumentAvailability:Online", false, Map.of("urn:dmp:slot", List.of("a", "b")));
    }

    static SubmissionSetRecord set(String uuid) {
        return new SubmissionSetRecord(uuid, "2.25." + Math.abs(UUID.randomUUID().getMostSignificantBits()), "1.2.250.1.999.1",
                null, PATIENT, "20251123101500", new CodedValue("04", "1.2.250.1.213.3.3.65", "HDJ"), List.of(),
                List.of("Org^^^^^&1.2.3&ISO||"), "Lot", null, EntryStatus.APPROVED, false, Map.of());
    }

    static SubmittedDocument doc(DocumentEntryRecord e) {
        return new SubmittedDocument(e, ("content of " + e.uniqueId()).getBytes(StandardCharsets.UTF_8));
    }

    static AssociationRecord member(String source, String target) {
        return new AssociationRecord(uuid(), AssociationKind.HAS_MEMBER, source, target, "Original", null, null, null,
                null, EntryStatus.APPROVED, Map.of());
    }

    static String uid() {
        return "2.25." + UUID.randomUUID().getLeastSignificantBits() * -1L;
    }

    @Test
    void aStoredSubmissionReadsBackExactly() {
        String setId = uuid(), d1 = uuid(), folderId = uuid();
        DocumentEntryRecord e1 = entry(d1, uid(), "20251120093000", List.of(N, MASQUE));
        FolderRecord folder = new FolderRecord(folderId, folderId, "1", uid(), null, PATIENT,
                List.of(new CodedValue("DIAB", "1.2.250.1.999.3", "Diabète")), "20251123101500", "Suivi", null,
                EntryStatus.APPROVED, false, Map.of());
        SubmissionSetRecord s = set(setId);
        AssociationRecord a1 = member(setId, d1), a2 = member(folderId, d1);
        repository.storeSubmission(new SubmissionWrite(new Submission(s, List.of(doc(e1)), List.of(folder), List.of(a1, a2)),
                List.of(), Map.of()));

        assertEquals(List.of(e1), repository.findDocuments(DocumentCriteria.builder().entryUuids(List.of(d1)).build()));
        assertEquals(List.of(s), repository.findSubmissionSets(SubmissionSetCriteria.byUuids(List.of(setId))));
        assertEquals(List.of(folder), repository.findFolders(FolderCriteria.byUuids(List.of(folderId))));
        assertEquals(List.of(a1, a2), repository.findAssociations(AssociationCriteria.touching(List.of(d1))));
        assertArrayEquals(("content of " + e1.uniqueId()).getBytes(StandardCharsets.UTF_8),
                repository.findContent(e1.uniqueId()).orElseThrow().bytes());
        assertEquals(Map.of(d1, ObjectKind.DOCUMENT_ENTRY, setId, ObjectKind.SUBMISSION_SET, folderId, ObjectKind.FOLDER,
                a1.entryUuid(), ObjectKind.ASSOCIATION), repository.findObjectKinds(List.of(d1, setId, folderId, a1.entryUuid(), uuid())));
    }

    @Test
    void aWriteRefusedByTheDatabaseLeavesNothingBehind() {
        String setId = uuid(), d1 = uuid(), d2 = uuid();
        String sharedUniqueId = uid();
        DocumentEntryRecord e1 = entry(d1, sharedUniqueId, "20251120093000", List.of(N));
        DocumentEntryRecord e2 = entry(d2, sharedUniqueId, "20251120093000", List.of(N)); // same content key: refused
        Submission s = new Submission(set(setId), List.of(doc(e1), doc(e2)), List.of(), List.of(member(setId, d1), member(setId, d2)));

        assertThrows(ConflictingWriteException.class, () -> repository.storeSubmission(new SubmissionWrite(s, List.of(), Map.of())));

        assertTrue(repository.findObjectKinds(List.of(setId, d1, d2)).isEmpty(), "no registry object stays");
        assertTrue(repository.findContent(sharedUniqueId).isEmpty(), "no content stays");
        assertTrue(repository.findAssociations(AssociationCriteria.fromSources(List.of(setId))).isEmpty());
    }

    @Test
    void criteriaFilterInTheDatabase() {
        String setId = uuid(), early = uuid(), late = uuid();
        DocumentEntryRecord e1 = entry(early, uid(), "20251120", List.of(N));
        DocumentEntryRecord e2 = entry(late, uid(), "20251121093000+0100", List.of(N, MASQUE));
        repository.storeSubmission(new SubmissionWrite(new Submission(set(setId), List.of(doc(e1), doc(e2)), List.of(),
                List.of(member(setId, early), member(setId, late))), List.of(), Map.of()));
        DocumentCriteria.Builder mine = DocumentCriteria.builder().entryUuids(List.of(early, late));

        assertEquals(List.of(early), ids(mine.creationTime(new TimeRangeCriterion("20251120", "20251121")).build()),
                "upper bound is exclusive; a day-precision value is its first instant");
        assertEquals(List.of(late), ids(mine.creationTime(new TimeRangeCriterion("202511210800", null)).build()),
                "an offset is honoured: 09:30+01:00 is 08:30Z");
        mine.creationTime(null);
        assertEquals(List.of(late), ids(mine.confidentialityCodes(List.of(List.of(N), List.of(MASQUE))).build()), "AND of groups");
        assertEquals(List.of(early, late), ids(mine.confidentialityCodes(List.of(List.of(MASQUE, N))).build()), "OR inside a group");
        mine.confidentialityCodes(null);
        assertEquals(List.of(), ids(mine.classCodes(List.of()).build()), "an empty list selects nothing");
        assertEquals(List.of(early, late), ids(mine.classCodes(null).authorPersons(List.of("%DURANT%")).build()));
        assertEquals(List.of(), ids(mine.authorPersons(List.of("%MARTIN^Paul%")).build()), "the legal authenticator is no author");
        assertEquals(List.of(early), ids(mine.authorPersons(null).limit(1).build()), "limit keeps insertion order");
        assertEquals(List.of(early, late), ids(mine.limit(null).referenceIds(List.of("CMD-1^^^&1.2.3&ISO^urn:ihe:iti:xds:2013:order")).build()));
        assertEquals(List.of(), ids(mine.referenceIds(null).classCodes(List.of(new CodedValue("10", "other.system", null))).build()),
                "a code matches only in its own code system");
    }

    @Test
    void deprecationAndFolderUpdatesArePartOfTheWrite() {
        String set1 = uuid(), old = uuid(), folderId = uuid();
        FolderRecord folder = new FolderRecord(folderId, folderId, "1", uid(), null, PATIENT, List.of(), "20250101000000",
                "Dossier", null, EntryStatus.APPROVED, false, Map.of());
        repository.storeSubmission(new SubmissionWrite(new Submission(set(set1), List.of(doc(entry(old, uid(), "20251120", List.of(N)))),
                List.of(folder), List.of(member(set1, old))), List.of(), Map.of()));

        String set2 = uuid(), replacement = uuid();
        repository.storeSubmission(new SubmissionWrite(new Submission(set(set2), List.of(doc(entry(replacement, uid(), "20251122", List.of(N)))),
                List.of(), List.of(member(set2, replacement))), List.of(old), Map.of(folderId, "20251123120000")));

        var docs = repository.findDocuments(DocumentCriteria.builder().entryUuids(List.of(old, replacement)).build());
        assertEquals(EntryStatus.DEPRECATED, docs.get(0).availabilityStatus());
        assertEquals(EntryStatus.APPROVED, docs.get(1).availabilityStatus());
        assertEquals("20251123120000", repository.findFolders(FolderCriteria.byUuids(List.of(folderId))).get(0).lastUpdateTime());
    }

    @Test
    void patientsAreUpserted() {
        repository.savePatient(new PatientRecord(PATIENT, "DUPONT", "Marie", null, "F", PatientRecordState.CLOSED));
        assertEquals(PatientRecordState.CLOSED, repository.findPatient(PATIENT).orElseThrow().state());
        assertTrue(repository.findPatient(new PatientRef("146026322000196", "1.2.250.1.213.1.4.10")).isEmpty());
    }

    List<String> ids(DocumentCriteria c) {
        return repository.findDocuments(c).stream().map(DocumentEntryRecord::entryUuid).toList();
    }
}
