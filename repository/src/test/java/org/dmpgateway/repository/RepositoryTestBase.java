package org.dmpgateway.repository;

import org.dmpgateway.model.access.AccessMode;
import org.dmpgateway.model.access.CallerSoftware;
import org.dmpgateway.model.DocumentBytes;
import org.dmpgateway.model.AssociationKind;
import org.dmpgateway.model.ConsentStatus;
import org.dmpgateway.model.PatientSettings;
import org.dmpgateway.model.ReceivedMessages;
import org.dmpgateway.model.ProfessionalConsent;
import org.dmpgateway.model.query.DocumentVisibility;
import org.dmpgateway.model.trail.AccessTrace;
import org.dmpgateway.model.trail.Notification;
import org.dmpgateway.model.trail.NotificationKind;
import org.dmpgateway.model.trail.TraceAction;
import org.dmpgateway.model.AssociationRecord;
import org.dmpgateway.model.AuthorInfo;
import org.dmpgateway.model.CodedValue;
import org.dmpgateway.model.DocumentContent;
import org.dmpgateway.model.DocumentEntryRecord;
import org.dmpgateway.model.EntryStatus;
import org.dmpgateway.model.FolderRecord;
import org.dmpgateway.model.PatientRecord;
import org.dmpgateway.model.PatientRecordState;
import org.dmpgateway.model.PatientRef;
import org.dmpgateway.model.Submission;
import org.dmpgateway.model.SubmissionSetRecord;
import org.dmpgateway.model.SubmittedDocument;
import org.dmpgateway.model.query.AssociationCriteria;
import org.dmpgateway.model.query.DocumentCriteria;
import org.dmpgateway.model.query.DocumentCursor;
import org.dmpgateway.model.query.FolderCriteria;
import org.dmpgateway.model.query.SubmissionSetCriteria;
import org.dmpgateway.model.query.TimeRangeCriterion;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import javax.sql.DataSource;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.IntStream;

import static org.dmpgateway.repository.Fixtures.*;
import static org.junit.jupiter.api.Assertions.*;

/**
 * The {@link RegistryRepository} contract on a real database: exact round trips, each selection
 * criterion, deprecation, and atomicity when a write fails midway. Subclasses supply a migrated
 * database; every test works on a patient of its own, so tests may share one database.
 */
abstract class RepositoryTestBase {
    RegistryRepository repository;
    DataSource dataSource;
    PatientRecordRepository patients;
    AccessTrailRepository trail;
    NotificationOutbox outbox;
    JdbcTemplate jdbc;
    PatientRef patient;

    /** A database migrated by Flyway with the repository's migrations. */
    abstract DataSource migratedDataSource();

    @BeforeEach
    void open() {
        dataSource = migratedDataSource();
        repository = new JdbcRegistryRepository(dataSource, new DataSourceTransactionManager(dataSource));
        patients = new JdbcPatientRecordRepository(dataSource, new DataSourceTransactionManager(dataSource));
        trail = new JdbcAccessTrailRepository(dataSource);
        outbox = new JdbcNotificationOutbox(dataSource);
        jdbc = new JdbcTemplate(dataSource);
        patient = newPatient();
    }

    // ---------------------------------------------------------------- round trips

    @Test
    void anHl7v2AnswerIsRememberedOncePerSenderAndControlId() {
        ReceivedMessages received = new JdbcReceivedMessages(dataSource);
        String sender = "RIS-" + UUID.randomUUID() + "|Organisation-Y";
        assertTrue(received.answerTo(sender, "015").isEmpty());
        received.remember(sender, "015", "MSH|first", Instant.parse("2026-01-02T03:04:05Z"));
        received.remember(sender, "015", "MSH|second", Instant.parse("2026-01-02T03:04:06Z"));
        assertEquals(Optional.of("MSH|first"), received.answerTo(sender, "015"), "the first answer stays");
        assertTrue(received.answerTo(sender, "016").isEmpty());
        assertTrue(received.answerTo("OTHER|Organisation-Y", "015").isEmpty());
    }


    @Test
    void aSubmissionReadsBackExactly() throws Exception {
        DocumentEntryRecord full = new Entry(patient).build();
        DocumentEntryRecord sparse = sparseEntry(Map.of("urn:dmp:empty", List.of()));
        FolderRecord folder = new FolderRecord(uuid(), null, "2", oid(), null, patient,
                List.of(new CodedValue("DIAB", "1.2.250.1.999.3", "Diabète"), new CodedValue("AAA", null, null)),
                "20251123101500", "Suivi", "dossier", EntryStatus.APPROVED, true, Map.of("urn:dmp:f", List.of("1", "2", "3")));
        SubmissionSetRecord set = submissionSet(patient);
        List<AssociationRecord> associations = List.of(
                hasMember(set.entryUuid(), full.entryUuid()),
                new AssociationRecord(uuid(), AssociationKind.HAS_MEMBER, set.entryUuid(), sparse.entryUuid(), "Reference",
                        null, null, null, null, EntryStatus.APPROVED, Map.of()),
                hasMember(set.entryUuid(), folder.entryUuid()),
                new AssociationRecord(uuid(), AssociationKind.HAS_MEMBER, folder.entryUuid(), full.entryUuid(), null, "1",
                        null, null, null, EntryStatus.SUBMITTED, Map.of("SubmissionSetStatus", List.of("Original"))),
                new AssociationRecord(uuid(), AssociationKind.UPDATE_AVAILABILITY_STATUS, set.entryUuid(), full.entryUuid(),
                        null, null, EntryStatus.APPROVED.urn(), EntryStatus.DEPRECATED.urn(), false, EntryStatus.APPROVED, Map.of()));
        byte[] binary = new byte[512];
        IntStream.range(0, binary.length).forEach(i -> binary[i] = (byte) i);
        repository.storeSubmission(write(new Submission(set,
                List.of(new SubmittedDocument(full, DocumentBytes.of(binary)), new SubmittedDocument(sparse, null)), List.of(folder), associations)));

        assertEquals(List.of(full, sparse), repository.findDocuments(DocumentCriteria.builder().patient(patient).build()));
        assertEquals(List.of(set), repository.findSubmissionSets(SubmissionSetCriteria.byPatient(patient, null)));
        assertEquals(List.of(folder), repository.findFolders(FolderCriteria.byPatient(patient, null)));
        assertEquals(associations, repository.findAssociations(AssociationCriteria.fromSources(
                List.of(set.entryUuid(), folder.entryUuid()))));
        DocumentContent content = repository.findContent(full.uniqueId()).orElseThrow();
        assertArrayEquals(binary, content.bytes().readAllBytes());
        assertEquals(binary.length, content.size());
        assertEquals("text/plain", content.mimeType());
        assertEquals(full.uniqueId(), content.documentUniqueId());
        assertTrue(repository.findContent(sparse.uniqueId()).isEmpty(), "a document without content stores none");
    }

    @Test
    void anEntryStoredWithoutItsMetadataColumnIsReadFromTheChildRowsAndConvertedToTheSameColumn() throws Exception {
        DocumentEntryRecord full = new Entry(patient).build();
        DocumentEntryRecord sparse = sparseEntry(Map.of("urn:dmp:empty", List.of(), "urn:dmp:b", List.of("1")));
        SubmissionSetRecord set = submissionSet(patient);
        repository.storeSubmission(write(new Submission(set, List.of(document(full), document(sparse)), List.of(),
                List.of(hasMember(set.entryUuid(), full.entryUuid()), hasMember(set.entryUuid(), sparse.entryUuid())))));
        String columns = "SELECT child_metadata FROM document_entry WHERE patient_id = ? ORDER BY id";
        List<String> written = jdbc.queryForList(columns, String.class, patient.id());
        assertEquals(2, written.size());
        assertTrue(written.stream().allMatch(t -> t != null && t.startsWith("{")), "the writer fills the column: " + written);
        DocumentCriteria byPatient = DocumentCriteria.builder().patient(patient).build();
        assertEquals(List.of(full, sparse), repository.findDocuments(byPatient));

        // as stored before V3_26: the lists only in the child tables
        jdbc.update("UPDATE document_entry SET child_metadata = NULL WHERE patient_id = ?", patient.id());
        assertEquals(List.of(full, sparse), repository.findDocuments(byPatient), "read from the child tables");

        // V3_27's conversion writes the text the writer wrote
        try (java.sql.Connection c = dataSource.getConnection()) {
            assertTrue(EntryMetadataBackfill.fill(c) >= 2);
        }
        assertEquals(written, jdbc.queryForList(columns, String.class, patient.id()));
        assertEquals(List.of(full, sparse), repository.findDocuments(byPatient));
    }

    @Test
    void aCursorReadsTheSelectionRowByRowAndGivesItsConnectionBack() {
        SubmissionSetRecord set = submissionSet(patient);
        List<DocumentEntryRecord> entries = IntStream.range(0, 2 * JdbcDocumentCursor.FETCH_SIZE + 30)
                .mapToObj(i -> new Entry(patient).build()).toList();
        repository.storeSubmission(write(new Submission(set, entries.stream().map(Fixtures::document).toList(), List.of(),
                entries.stream().map(e -> hasMember(set.entryUuid(), e.entryUuid())).toList())));
        // a few entries as stored before V3_26: their lists come from the child tables, through the cursor's connection
        jdbc.update("UPDATE document_entry SET child_metadata = NULL WHERE entry_uuid IN (?, ?)",
                entries.get(3).entryUuid(), entries.get(JdbcDocumentCursor.FETCH_SIZE + 7).entryUuid());
        CountingDataSource counting = new CountingDataSource(dataSource);
        RegistryRepository streaming = new JdbcRegistryRepository(counting, new DataSourceTransactionManager(counting));
        DocumentCriteria byPatient = DocumentCriteria.builder().patient(patient).build();

        List<DocumentKey> keys = streaming.findDocumentKeys(byPatient);
        assertEquals(entries.stream().map(e -> List.of(e.entryUuid(), e.uniqueId())).toList(),
                keys.stream().map(k -> List.of(k.entryUuid(), k.uniqueId())).toList());
        List<DocumentEntryRecord> read = new java.util.ArrayList<>();
        try (DocumentCursor cursor = streaming.openDocuments(keys)) {
            assertEquals(1, counting.open.get(), "the cursor holds one connection");
            while (read.size() <= 2 * JdbcDocumentCursor.FETCH_SIZE) {
                read.add(cursor.next());
            }
            // the last rows are read: the connection is back in the pool, the last chunk's entries still to give
            assertEquals(0, counting.open.get(), "the connection is given back once the last rows are read");
            assertFalse(cursor.isClosed(), "not closed while entries read before are still to give");
            assertTrue(cursor.hasNext());
            cursor.forEachRemaining(read::add);
            assertTrue(cursor.isClosed(), "closed after its last entry");
            assertFalse(cursor.hasNext());
        }
        assertEquals(entries, read);
        assertEquals(0, counting.open.get());

        DocumentCursor abandoned = streaming.openDocuments(streaming.findDocumentKeys(byPatient.toBuilder().limit(150).build()));
        assertEquals(entries.get(0), abandoned.next());
        abandoned.close();
        abandoned.close();
        assertTrue(abandoned.isClosed());
        assertEquals(0, counting.open.get(), "closed in the middle: the connection is given back");
        assertTrue(streaming.findDocumentKeys(byPatient.toBuilder().offset(0).limit(0).build()).isEmpty());

        // the rows of the keys given and none other, in insertion order, whatever the order of the keys
        List<DocumentEntryRecord> some = new java.util.ArrayList<>();
        try (DocumentCursor cursor = streaming.openDocuments(List.of(keys.get(JdbcDocumentCursor.FETCH_SIZE + 2),
                keys.get(1)))) {
            cursor.forEachRemaining(some::add);
        }
        assertEquals(List.of(entries.get(1), entries.get(JdbcDocumentCursor.FETCH_SIZE + 2)), some);
        // one fetch's worth of keys (read without the cursor's transaction), closed in the middle: given back
        DocumentCursor oneFetch = streaming.openDocuments(keys.subList(0, JdbcDocumentCursor.FETCH_SIZE));
        assertEquals(1, counting.open.get());
        assertEquals(entries.get(0), oneFetch.next());
        oneFetch.close();
        assertEquals(0, counting.open.get());
        try (DocumentCursor none = streaming.openDocuments(List.of())) {
            assertFalse(none.hasNext());
        }
        assertEquals(0, counting.open.get());
    }

    /** Counts the connections taken and not yet closed. */
    static final class CountingDataSource extends org.springframework.jdbc.datasource.DelegatingDataSource {
        final java.util.concurrent.atomic.AtomicInteger open = new java.util.concurrent.atomic.AtomicInteger();

        CountingDataSource(DataSource target) {
            super(target);
        }

        @Override
        public java.sql.Connection getConnection() throws java.sql.SQLException {
            java.sql.Connection target = super.getConnection();
            open.incrementAndGet();
            return (java.sql.Connection) java.lang.reflect.Proxy.newProxyInstance(getClass().getClassLoader(),
                    new Class<?>[]{java.sql.Connection.class}, (proxy, method, args) -> {
                        if (method.getName().equals("close") && !target.isClosed()) {
                            open.decrementAndGet();
                        }
                        try {
                            return method.invoke(target, args);
                        } catch (java.lang.reflect.InvocationTargetException e) {
                            throw e.getCause();
                        }
                    });
        }
    }

    /** An on-demand entry with only what is mandatory, an author without any part, and these extra slots. */
    private DocumentEntryRecord sparseEntry(Map<String, List<String>> slots) {
        return DocumentEntryRecord.builder().entryUuid(uuid()).uniqueId(oid()).patientId(patient)
                .onDemand(true).availabilityStatus(EntryStatus.SUBMITTED)
                .authors(List.of(new AuthorInfo(null, null, null, null, null))).uri("https://repo.example/doc")
                .limitedMetadata(true).extraMetadata(slots).build();
    }

    @Test
    void thePatientIdAsSentReadsBackBesideThePatientItNames() {
        String asSent = patient.id() + "^^^&" + patient.authority() + "&ISO^NH^^20100907";
        DocumentEntryRecord entry = new Entry(patient).build().withPatientIdAsSent(asSent);
        SubmissionSetRecord set = new SubmissionSetRecord(uuid(), oid(), "1.2.250.1.999.1", null, patient,
                "20251123101500", null, List.of(author(DURANT)), List.of(), null, null, EntryStatus.APPROVED, false,
                Map.of(), asSent);
        FolderRecord folder = new FolderRecord(uuid(), null, "1", oid(), null, patient, List.of(), "20251123101500",
                "Suivi", null, EntryStatus.APPROVED, false, Map.of(), patient.id() + "^^^&" + patient.authority() + "&ISO^NH");
        repository.storeSubmission(write(new Submission(set, List.of(document(entry)), List.of(folder),
                List.of(hasMember(set.entryUuid(), entry.entryUuid()), hasMember(set.entryUuid(), folder.entryUuid())))));

        List<DocumentEntryRecord> found = repository.findDocuments(DocumentCriteria.builder().patient(patient).build());
        assertEquals(List.of(entry), found, "found by the patient it names, the CX as sent read back");
        assertEquals(asSent, found.get(0).patientIdAsSent());
        assertEquals(List.of(set), repository.findSubmissionSets(SubmissionSetCriteria.byPatient(patient, null)));
        assertEquals(List.of(folder), repository.findFolders(FolderCriteria.byPatient(patient, null)));
        assertNull(new Entry(patient).build().patientIdAsSent(), "none unless an XDS request sent one");
    }

    @Test
    void theSubmitterIsStoredAndSeesWhatHeSubmittedWhenMasked() {
        DocumentEntryRecord submitted = new Entry(patient).authors(author("810002222222^PETIT^Louis"))
                .confidentiality(N, MASQUE).build().withSubmitter("810002345678");
        DocumentEntryRecord other = new Entry(patient).authors(author("810002222222^PETIT^Louis"))
                .confidentiality(N, MASQUE).build();
        store(submitted, other);

        List<DocumentEntryRecord> all = repository.findDocuments(DocumentCriteria.builder().patient(patient).build());
        assertEquals(List.of(submitted, other), all, "the submitter reads back (none for an entry stored without)");
        assertEquals("810002345678", all.get(0).submitterId());
        DocumentVisibility submitter = new DocumentVisibility("810002345678", false, false, List.of(MASQUE), null);
        assertEquals(ids(submitted), docIds(DocumentCriteria.builder().patient(patient).visibility(submitter)),
                "masked: visible to the professional who deposited it, not to him for another's document");
    }

    @Test
    void objectKindsAndUniqueIdsAreFoundAcrossTables() {
        DocumentEntryRecord e = new Entry(patient).build();
        FolderRecord folder = folder(patient, "20251123101500", List.of());
        SubmissionSetRecord set = submissionSet(patient);
        AssociationRecord member = hasMember(set.entryUuid(), e.entryUuid());
        repository.storeSubmission(write(new Submission(set, List.of(document(e)), List.of(folder), List.of(member))));

        String unknown = uuid();
        assertEquals(Map.of(e.entryUuid(), ObjectKind.DOCUMENT_ENTRY, set.entryUuid(), ObjectKind.SUBMISSION_SET,
                        folder.entryUuid(), ObjectKind.FOLDER, member.entryUuid(), ObjectKind.ASSOCIATION),
                repository.findObjectKinds(List.of(e.entryUuid(), set.entryUuid(), folder.entryUuid(), member.entryUuid(), unknown)));
        assertEquals(List.of(new UniqueIdUse(e.uniqueId(), ObjectKind.DOCUMENT_ENTRY, e.entryUuid(), "0a1b2c"),
                        new UniqueIdUse(set.uniqueId(), ObjectKind.SUBMISSION_SET, set.entryUuid(), null),
                        new UniqueIdUse(folder.uniqueId(), ObjectKind.FOLDER, folder.entryUuid(), null)),
                repository.findUniqueIdUses(List.of(folder.uniqueId(), oid(), e.uniqueId(), set.uniqueId())));
        assertEquals(List.of(), repository.findUniqueIdUses(List.of()));
        assertEquals(Map.of(), repository.findObjectKinds(List.of()));
        assertTrue(repository.findContent(oid()).isEmpty());

        IdentifierUses both = repository.findIdentifierUses(List.of(oid(), set.uniqueId(), e.uniqueId()),
                List.of(unknown, member.entryUuid(), e.entryUuid()));
        assertEquals(List.of(new UniqueIdUse(e.uniqueId(), ObjectKind.DOCUMENT_ENTRY, e.entryUuid(), "0a1b2c"),
                new UniqueIdUse(set.uniqueId(), ObjectKind.SUBMISSION_SET, set.entryUuid(), null)), both.uniqueIds(),
                "one statement: the uniqueIds' uses, in the order of their kinds");
        assertEquals(Map.of(e.entryUuid(), ObjectKind.DOCUMENT_ENTRY, member.entryUuid(), ObjectKind.ASSOCIATION),
                both.entryUuids(), "and the objects the entryUUIDs name");
        assertEquals(new IdentifierUses(List.of(), Map.of()), repository.findIdentifierUses(List.of(oid()), List.of(unknown)));
        assertEquals(new IdentifierUses(List.of(), Map.of()), repository.findIdentifierUses(List.of(), List.of()));
    }

    @Test
    void manyHitsKeepTheirChildRowsAndOrder() {
        List<DocumentEntryRecord> entries = IntStream.range(0, 620)
                .mapToObj(i -> new Entry(patient).confidentiality(i % 2 == 0 ? N : R, MASQUE)
                        .referenceIds("REF-" + i).authors(author("AUTHOR-" + i)).build())
                .toList();
        repository.storeSubmission(write(submissionOf(patient, entries.toArray(DocumentEntryRecord[]::new))));

        assertEquals(entries, repository.findDocuments(DocumentCriteria.builder().patient(patient).build()),
                "more hits than one batch of child rows");
    }

    // ---------------------------------------------------------------- document criteria

    @Test
    void documentsAreSelectedByPatientStatusAndIdentifiers() {
        DocumentEntryRecord approved = new Entry(patient).build();
        DocumentEntryRecord deprecated = new Entry(patient).status(EntryStatus.DEPRECATED).build();
        DocumentEntryRecord someoneElses = new Entry(newPatient()).build();
        store(approved, deprecated);
        store(someoneElses);

        assertEquals(ids(approved, deprecated), docIds(mine()));
        assertEquals(ids(approved), docIds(mine().statuses(List.of(EntryStatus.APPROVED))));
        assertEquals(ids(approved, deprecated), docIds(mine().statuses(List.of(EntryStatus.DEPRECATED, EntryStatus.APPROVED))));
        assertEquals(ids(deprecated), docIds(DocumentCriteria.builder().uniqueIds(List.of(deprecated.uniqueId(), oid()))));
        assertEquals(ids(approved), docIds(DocumentCriteria.builder().logicalUuids(List.of(approved.logicalUuid()))));
        assertEquals(ids(approved, someoneElses), docIds(DocumentCriteria.builder()
                .entryUuids(List.of(someoneElses.entryUuid(), approved.entryUuid()))), "insertion order, not request order");
        assertEquals(ids(), docIds(mine().entryUuids(List.of(someoneElses.entryUuid()))), "criteria are ANDed");
    }

    @Test
    void aSelectionMayNameMoreIdsThanOneStatementMayBindValues() {
        DocumentEntryRecord first = new Entry(patient).build();
        DocumentEntryRecord second = new Entry(patient).build();
        store(first, second);
        // PostgreSQL binds at most 65,535 values per statement; the members of an ITI-66 answer may name more documents
        List<String> unknown = IntStream.range(0, 69_998).mapToObj(i -> uuid()).toList();
        List<String> many = new java.util.ArrayList<>(unknown);
        many.add(second.entryUuid());
        many.add(first.entryUuid());

        assertEquals(ids(first, second), docIds(mine().entryUuids(many)));
        assertEquals(ids(first, second), repository.findDocumentKeys(mine().entryUuids(many).build()).stream()
                .map(DocumentKey::entryUuid).toList());
        assertEquals(2, repository.countDocuments(mine().entryUuids(many).build()));
        assertEquals(List.of(), repository.findAssociations(AssociationCriteria.touching(unknown)));
        assertEquals(Map.of(first.entryUuid(), ObjectKind.DOCUMENT_ENTRY, second.entryUuid(), ObjectKind.DOCUMENT_ENTRY),
                repository.findObjectKinds(many), "the kinds of the objects named, whatever their number");
        assertEquals(List.of(first.uniqueId()), repository.findUniqueIdUses(
                java.util.stream.Stream.concat(unknown.stream(), java.util.stream.Stream.of(first.uniqueId())).toList())
                .stream().map(UniqueIdUse::uniqueId).toList());
    }

    @Test
    void documentsAreSelectedByCodeAndCodeSystem() {
        DocumentEntryRecord report = new Entry(patient).build();
        DocumentEntryRecord imaging = new Entry(patient).classCode(CLASS_IMG).typeCode(TYPE_IMAGING).formatCode(FORMAT_PDF)
                .facilityCode(FACILITY_HOSPITAL).practiceCode(PRACTICE_HOSP).build();
        store(report, imaging);

        assertEquals(ids(imaging), docIds(mine().classCodes(List.of(CLASS_IMG))));
        assertEquals(ids(report, imaging), docIds(mine().classCodes(List.of(CLASS_IMG, CLASS_CR))), "any of the codes");
        assertEquals(ids(report), docIds(mine().typeCodes(List.of(TYPE_CONSULT))));
        assertEquals(ids(imaging), docIds(mine().formatCodes(List.of(FORMAT_PDF))));
        assertEquals(ids(imaging), docIds(mine().healthcareFacilityTypeCodes(List.of(FACILITY_HOSPITAL))));
        assertEquals(ids(report), docIds(mine().practiceSettingCodes(List.of(PRACTICE_AMBU))));
        assertEquals(ids(report), docIds(mine().classCodes(List.of(new CodedValue("10", CLASS_CR.codeSystem(), "other display")))),
                "the display name does not count");
        assertEquals(ids(), docIds(mine().classCodes(List.of(new CodedValue("10", "1.2.3.4", null)))),
                "a code matches only in its own code system");
        assertEquals(ids(), docIds(mine().classCodes(List.of(new CodedValue("10", null, null)))),
                "a code without system matches only codes stored without system");
        assertEquals(ids(imaging), docIds(mine().classCodes(List.of(CLASS_IMG, CLASS_CR)).typeCodes(List.of(TYPE_IMAGING))),
                "different attributes are ANDed");
    }

    @Test
    void confidentialityAndEventCodesAreAndOfOrGroups() {
        DocumentEntryRecord normal = new Entry(patient).confidentiality(N).events(EVENT_1).build();
        DocumentEntryRecord masked = new Entry(patient).confidentiality(N, MASQUE).events(EVENT_1, EVENT_2).build();
        DocumentEntryRecord restricted = new Entry(patient).confidentiality(R).events().build();
        store(normal, masked, restricted);

        assertEquals(ids(masked), docIds(mine().confidentialityCodes(List.of(List.of(N), List.of(MASQUE)))), "AND of groups");
        assertEquals(ids(normal, masked, restricted), docIds(mine().confidentialityCodes(List.of(List.of(MASQUE, N, R)))),
                "OR inside a group");
        assertEquals(ids(masked, restricted), docIds(mine().confidentialityCodes(List.of(List.of(MASQUE, R)))));
        assertEquals(ids(), docIds(mine().confidentialityCodes(List.of(List.of(R), List.of(N)))));
        assertEquals(ids(), docIds(mine().confidentialityCodes(List.of(List.of(new CodedValue("N", "other", null))))),
                "code system counts in groups too");
        assertEquals(ids(normal, masked), docIds(mine().eventCodes(List.of(List.of(EVENT_1)))));
        assertEquals(ids(masked), docIds(mine().eventCodes(List.of(List.of(EVENT_1), List.of(EVENT_2)))));
        assertEquals(ids(masked), docIds(mine().eventCodes(List.of(List.of(EVENT_2))).confidentialityCodes(List.of(List.of(N)))),
                "event codes are not confidentiality codes");
        assertEquals(ids(), docIds(mine().confidentialityCodes(List.of(List.of(N), List.of()))), "an empty group never matches");
    }

    @Test
    void timeRangesIncludeFromAndExcludeTo() {
        DocumentEntryRecord dayOnly = new Entry(patient).creationTime("20251120").build();                   // 2025-11-20T00:00Z
        DocumentEntryRecord withOffset = new Entry(patient).creationTime("20251121093000+0100").build();     // 2025-11-21T08:30Z
        DocumentEntryRecord hourOnly = new Entry(patient).creationTime("2025112123").build();                // 2025-11-21T23:00Z
        DocumentEntryRecord noTime = new Entry(patient).creationTime(null).build();
        store(dayOnly, withOffset, hourOnly, noTime);

        assertEquals(ids(dayOnly, withOffset, hourOnly, noTime), docIds(mine().creationTime(TimeRangeCriterion.NONE)));
        assertEquals(ids(dayOnly), docIds(mine().creationTime(range("20251120", "20251121"))));
        assertEquals(ids(withOffset, hourOnly), docIds(mine().creationTime(range("20251121", "20251122"))));
        assertEquals(ids(withOffset, hourOnly), docIds(mine().creationTime(range("20251121083000", null))), "from is inclusive");
        assertEquals(ids(dayOnly), docIds(mine().creationTime(range(null, "20251121083000"))), "to is exclusive");
        assertEquals(ids(withOffset), docIds(mine().creationTime(range("202511210930+0100", "202511210831"))),
                "bounds honour their offset");
        assertEquals(ids(dayOnly, withOffset, hourOnly), docIds(mine().creationTime(range("2025", "2026"))));
        assertEquals(ids(), docIds(mine().creationTime(range(null, "2025"))), "a low-precision bound is its first instant");
        assertEquals(ids(dayOnly, withOffset, hourOnly), docIds(mine().creationTime(range("2025", null))),
                "an entry without the time is outside any bounded range");
    }

    @Test
    void serviceStartAndStopTimesAreRangesToo() {
        DocumentEntryRecord november = new Entry(patient).serviceStartTime("20251101").serviceStopTime("20251110").build();
        DocumentEntryRecord december = new Entry(patient).serviceStartTime("20251201").serviceStopTime(null).build();
        store(november, december);

        assertEquals(ids(december), docIds(mine().serviceStartTime(range("20251115", null))));
        assertEquals(ids(november), docIds(mine().serviceStartTime(range(null, "20251115"))));
        assertEquals(ids(november), docIds(mine().serviceStopTime(range("202511", "202512"))));
        assertEquals(ids(), docIds(mine().serviceStartTime(range("20251115", null)).serviceStopTime(range("2025", null))));
    }

    @Test
    void authorPersonsAreLikePatternsAnyOfThem() {
        DocumentEntryRecord byDurant = new Entry(patient).build();
        DocumentEntryRecord byOthers = new Entry(patient).authors(author("123^SMITH^Anna^^^^^^&1.2.3&ISO"),
                author(null)).build();
        store(byDurant, byOthers);

        assertEquals(ids(byDurant), docIds(mine().authorPersons(List.of("%DURANT%"))));
        assertEquals(ids(byDurant, byOthers), docIds(mine().authorPersons(List.of("%SMITH%", "810002345678^%"))),
                "any of the patterns");
        assertEquals(ids(byOthers), docIds(mine().authorPersons(List.of("123^SMITH^Ann_^%"))), "_ is one character");
        assertEquals(ids(), docIds(mine().authorPersons(List.of("DURANT"))), "a pattern matches the whole XCN");
        assertEquals(ids(), docIds(mine().authorPersons(List.of("%MARTIN%"))), "the legal authenticator is no author");
    }

    @Test
    void onDemandNullMeansBoth() {
        DocumentEntryRecord stable = new Entry(patient).onDemand(false).build();
        DocumentEntryRecord onDemand = new Entry(patient).onDemand(true).build();
        store(stable, onDemand);

        assertEquals(ids(stable, onDemand), docIds(mine().onDemand(null)));
        assertEquals(ids(stable), docIds(mine().onDemand(false)));
        assertEquals(ids(onDemand), docIds(mine().onDemand(true)));
    }

    @Test
    void referenceIdsMatchAnyOfTheGivenValues() {
        DocumentEntryRecord ordered = new Entry(patient).referenceIds(ORDER, "ACC-9^^^&1.2.4&ISO^urn:ihe:iti:xds:2013:accession").build();
        DocumentEntryRecord other = new Entry(patient).referenceIds("OTHER").build();
        DocumentEntryRecord none = new Entry(patient).referenceIds().build();
        store(ordered, other, none);

        assertEquals(ids(ordered), docIds(mine().referenceIds(List.of(ORDER))));
        assertEquals(ids(ordered, other), docIds(mine().referenceIds(List.of("OTHER", "ACC-9^^^&1.2.4&ISO^urn:ihe:iti:xds:2013:accession"))));
        assertEquals(ids(), docIds(mine().referenceIds(List.of("CMD-1"))), "whole values, no pattern");
    }

    @Test
    void limitKeepsTheFirstRowsInInsertionOrder() {
        DocumentEntryRecord first = new Entry(patient).build();
        DocumentEntryRecord second = new Entry(patient).build();
        DocumentEntryRecord third = new Entry(patient).build();
        store(first, second);
        store(third);

        assertEquals(ids(first, second), docIds(mine().limit(2)));
        assertEquals(ids(first, second, third), docIds(mine().limit(10)));
        assertEquals(ids(), docIds(mine().limit(0)));
        assertEquals(List.of(second), repository.findDocuments(mine().statuses(List.of(EntryStatus.APPROVED))
                .entryUuids(List.of(third.entryUuid(), second.entryUuid())).limit(1).build()), "limit after filtering");
    }

    @Test
    void aPageIsCutInInsertionOrderAfterTheVisibilityFilter() {
        DocumentEntryRecord e1 = new Entry(patient).authors(author(MARTIN)).build();
        DocumentEntryRecord e2 = new Entry(patient).confidentiality(N, MASQUE).authors(author(MARTIN)).build();
        DocumentEntryRecord e3 = new Entry(patient).authors(author(MARTIN)).build();
        DocumentEntryRecord e4 = new Entry(patient).status(EntryStatus.DELETED).authors(author(MARTIN)).build();
        DocumentEntryRecord e5 = new Entry(patient).authors(author(MARTIN)).build();
        DocumentEntryRecord e6 = new Entry(patient).typeCode(TYPE_IMAGING).authors(author(MARTIN)).build();
        store(e1, e2, e3);
        store(e4, e5, e6);
        store(new Entry(newPatient()).build());
        DocumentVisibility other = new DocumentVisibility("810002345678", false, false, List.of(MASQUE),
                new DocumentVisibility.TypeFilter(true, List.of(TYPE_IMAGING.code())));

        // visible to this caller, in insertion order: e1, e3, e5 (e2 masked, e4 deleted, e6 not habilitated)
        assertEquals(ids(e1, e3), docIds(mine().visibility(other).offset(0).limit(2)));
        assertEquals(ids(e5), docIds(mine().visibility(other).offset(2).limit(2)));
        assertEquals(ids(e3, e5), docIds(mine().visibility(other).offset(1)), "an offset without limit: the rest");
        assertEquals(ids(), docIds(mine().visibility(other).offset(3).limit(2)), "past the end: an empty page");
        assertEquals(ids(e1, e3, e5), docIds(mine().visibility(other)), "no offset, no limit: everything visible");
        assertEquals(ids(e3), docIds(mine().visibility(other).offset(1).limit(1)));
        assertEquals(ids(e2, e3), docIds(mine().offset(1).limit(2)), "without visibility every entry counts");
        List<String> pages = new java.util.ArrayList<>();
        for (int offset = 0; offset < 6; offset += 2) {
            pages.addAll(docIds(mine().offset(offset).limit(2)));
        }
        assertEquals(ids(e1, e2, e3, e4, e5, e6), pages, "consecutive pages are the whole selection, once each");

        assertEquals(3, repository.countDocuments(mine().visibility(other).build()));
        assertEquals(3, repository.countDocuments(mine().visibility(other).offset(2).limit(1).build()),
                "the count ignores the page");
        assertEquals(6, repository.countDocuments(mine().build()));
        assertEquals(1, repository.countDocuments(mine().visibility(other).entryUuids(List.of(e2.entryUuid(),
                e3.entryUuid(), e6.entryUuid())).build()), "criteria and visibility both apply");
        assertEquals(0, repository.countDocuments(mine().entryUuids(List.of()).build()), "an empty list selects nothing");
        assertEquals(1, repository.countDocuments(mine().typeCodes(List.of(TYPE_IMAGING)).build()));
    }

    @Test
    void anEmptyListSelectsNothing() {
        store(new Entry(patient).build());
        List<Function<DocumentCriteria.Builder, DocumentCriteria.Builder>> emptyCriteria = List.of(
                b -> b.entryUuids(List.of()), b -> b.uniqueIds(List.of()), b -> b.logicalUuids(List.of()),
                b -> b.statuses(List.of()), b -> b.classCodes(List.of()), b -> b.typeCodes(List.of()),
                b -> b.practiceSettingCodes(List.of()), b -> b.healthcareFacilityTypeCodes(List.of()),
                b -> b.formatCodes(List.of()), b -> b.confidentialityCodes(List.of()), b -> b.eventCodes(List.of()),
                b -> b.authorPersons(List.of()), b -> b.referenceIds(List.of()));
        assertEquals(1, docIds(mine()).size());
        for (int i = 0; i < emptyCriteria.size(); i++) {
            assertEquals(List.of(), docIds(emptyCriteria.get(i).apply(mine())), "empty list criterion #" + i);
        }
        assertEquals(List.of(), repository.findSubmissionSets(SubmissionSetCriteria.byPatient(patient, List.of())));
        assertEquals(List.of(), repository.findSubmissionSets(SubmissionSetCriteria.builder().patient(patient)
                .sourceIds(List.of()).build()));
        assertEquals(List.of(), repository.findFolders(FolderCriteria.byUuids(List.of())));
        assertEquals(List.of(), repository.findAssociations(AssociationCriteria.touching(List.of())));
        assertEquals(List.of(), repository.findAssociations(AssociationCriteria.builder().kinds(List.of()).build()));
    }

    // ---------------------------------------------------------------- other object criteria

    @Test
    void submissionSetsAreSelectedByTheirCriteria() {
        SubmissionSetRecord first = submissionSet(patient);
        SubmissionSetRecord second = new SubmissionSetRecord(uuid(), oid(), "1.2.250.1.999.2", null, patient,
                "20251124", new CodedValue("05", "1.2.250.1.213.3.3.65", null), List.of(author(MARTIN)), List.of(), null,
                null, EntryStatus.APPROVED, false, Map.of());
        SubmissionSetRecord someoneElses = submissionSet(newPatient());
        for (SubmissionSetRecord set : List.of(first, second, someoneElses)) {
            repository.storeSubmission(write(new Submission(set, List.of(), List.of(), List.of())));
        }

        assertEquals(List.of(first, second), repository.findSubmissionSets(SubmissionSetCriteria.byPatient(patient,
                List.of(EntryStatus.APPROVED))));
        assertEquals(List.of(), repository.findSubmissionSets(SubmissionSetCriteria.byPatient(patient,
                List.of(EntryStatus.SUBMITTED))));
        assertEquals(List.of(second), findSets(List.of("1.2.250.1.999.2"), TimeRangeCriterion.NONE, null, null));
        assertEquals(List.of(second), findSets(null, range("20251124", "20251125"), null, null));
        assertEquals(List.of(first), findSets(null, range(null, "20251124"), null, null));
        assertEquals(List.of(second), findSets(null, TimeRangeCriterion.NONE, "%MARTIN%", null));
        assertEquals(List.of(first), findSets(null, TimeRangeCriterion.NONE, null,
                List.of(new CodedValue("04", "1.2.250.1.213.3.3.65", null))));
        assertEquals(List.of(someoneElses), repository.findSubmissionSets(SubmissionSetCriteria.builder()
                .uniqueIds(List.of(someoneElses.uniqueId())).build()));
    }

    @Test
    void foldersAreSelectedByTheirCriteria() {
        CodedValue diabetes = new CodedValue("DIAB", "1.2.250.1.999.3", null);
        CodedValue cardio = new CodedValue("CARDIO", "1.2.250.1.999.3", null);
        FolderRecord both = folder(patient, "20251110", List.of(diabetes, cardio));
        FolderRecord diabetesOnly = folder(patient, "20251120", List.of(diabetes));
        FolderRecord noCode = folder(patient, "20251130", List.of());
        repository.storeSubmission(write(new Submission(submissionSet(patient), List.of(), List.of(both, diabetesOnly, noCode),
                List.of())));

        assertEquals(List.of(both, diabetesOnly, noCode), repository.findFolders(FolderCriteria.byPatient(patient, null)));
        assertEquals(List.of(both), findFolders(List.of(List.of(diabetes), List.of(cardio)), TimeRangeCriterion.NONE));
        assertEquals(List.of(both, diabetesOnly), findFolders(List.of(List.of(cardio, diabetes)), TimeRangeCriterion.NONE));
        assertEquals(List.of(diabetesOnly, noCode), findFolders(null, range("20251115", null)));
        assertEquals(List.of(diabetesOnly), findFolders(List.of(List.of(diabetes)), range("20251115", "20251130")));
        assertEquals(List.of(noCode), repository.findFolders(FolderCriteria.builder()
                .uniqueIds(List.of(noCode.uniqueId())).build()));
        assertEquals(List.of(both), repository.findFolders(FolderCriteria.builder().patient(patient)
                .logicalUuids(List.of(both.logicalUuid())).statuses(List.of(EntryStatus.APPROVED)).build()));
        assertEquals(List.of(), repository.findFolders(FolderCriteria.byPatient(patient, List.of(EntryStatus.DEPRECATED))));
    }

    @Test
    void associationsAreSelectedByEndsKindsAndStatuses() {
        DocumentEntryRecord original = new Entry(patient).build();
        DocumentEntryRecord replacement = new Entry(patient).build();
        Submission first = submissionOf(patient, original);
        repository.storeSubmission(write(first));
        SubmissionSetRecord set = submissionSet(patient);
        AssociationRecord member = hasMember(set.entryUuid(), replacement.entryUuid());
        AssociationRecord replaces = new AssociationRecord(uuid(), AssociationKind.REPLACE, replacement.entryUuid(),
                original.entryUuid(), null, null, null, null, null, EntryStatus.SUBMITTED, Map.of());
        repository.storeSubmission(write(new Submission(set, List.of(document(replacement)), List.of(), List.of(member, replaces))));
        AssociationRecord firstMember = first.associations().get(0);

        assertEquals(List.of(firstMember, replaces), repository.findAssociations(AssociationCriteria.touching(List.of(original.entryUuid()))));
        assertEquals(List.of(member, replaces), repository.findAssociations(AssociationCriteria.touching(List.of(replacement.entryUuid()))));
        assertEquals(List.of(replaces), repository.findAssociations(AssociationCriteria.fromSources(List.of(replacement.entryUuid()))));
        assertEquals(List.of(firstMember, member, replaces), repository.findAssociations(AssociationCriteria.toTargets(
                List.of(original.entryUuid(), replacement.entryUuid()))));
        assertEquals(List.of(replaces), repository.findAssociations(AssociationCriteria.builder()
                .sourceOrTargetUuids(List.of(original.entryUuid(), replacement.entryUuid()))
                .kinds(List.of(AssociationKind.REPLACE)).build()));
        assertEquals(List.of(member), repository.findAssociations(AssociationCriteria.builder()
                .sourceOrTargetUuids(List.of(replacement.entryUuid())).statuses(List.of(EntryStatus.APPROVED)).build()));
        assertEquals(List.of(member), repository.findAssociations(AssociationCriteria.builder()
                .entryUuids(List.of(member.entryUuid())).build()));
    }

    /**
     * Many ends (bound as an array) and one kind: the kind is bound as an array too (H2 would scan the
     * whole index otherwise, {@link H2RepositoryTest}); the selection is the same, in stored order.
     */
    @Test
    void manyEndsAndOneKindSelectTheAssociationsOfThatKind() {
        List<String> sources = IntStream.range(0, SqlArrays.MAX_SCALARS + 4).mapToObj(i -> uuid()).toList();
        List<String> members = new ArrayList<>();
        List<String> replacements = new ArrayList<>();
        for (String source : sources) {
            members.add(insertAssociation(AssociationKind.HAS_MEMBER, source, uuid()));
            replacements.add(insertAssociation(AssociationKind.REPLACE, source, uuid()));
        }
        insertAssociation(AssociationKind.HAS_MEMBER, uuid(), uuid());

        assertEquals(members, entryUuids(repository.findAssociations(AssociationCriteria.builder().sourceUuids(sources)
                .kinds(List.of(AssociationKind.HAS_MEMBER)).build())));
        assertEquals(replacements, entryUuids(repository.findAssociations(AssociationCriteria.builder().sourceUuids(sources)
                .kinds(List.of(AssociationKind.REPLACE)).build())));
        assertEquals(sources.size() * 2, repository.findAssociations(AssociationCriteria.builder().sourceUuids(sources)
                .kinds(List.of(AssociationKind.HAS_MEMBER, AssociationKind.REPLACE)).build()).size());
        assertEquals(List.of(), repository.findAssociations(AssociationCriteria.builder().sourceUuids(sources)
                .kinds(List.of(AssociationKind.APPEND)).build()));
    }

    /** An association row as a submission stores it (no slots); its entryUUID. */
    String insertAssociation(AssociationKind kind, String source, String target) {
        String id = uuid();
        new JdbcTemplate(dataSource).update("INSERT INTO association (entry_uuid, association_type, source_uuid, target_uuid, "
                + "availability_status) VALUES (?, ?, ?, ?, ?)", id, kind.urn(), source, target, EntryStatus.APPROVED.name());
        return id;
    }

    private static List<String> entryUuids(List<AssociationRecord> associations) {
        return associations.stream().map(AssociationRecord::entryUuid).toList();
    }

    // ---------------------------------------------------------------- writes

    @Test
    void deprecationAndFolderUpdatesArePartOfTheWrite() {
        DocumentEntryRecord old = new Entry(patient).build();
        FolderRecord folder = folder(patient, "20250101000000", List.of());
        SubmissionSetRecord set1 = submissionSet(patient);
        repository.storeSubmission(write(new Submission(set1, List.of(document(old)), List.of(folder),
                List.of(hasMember(set1.entryUuid(), old.entryUuid()), hasMember(set1.entryUuid(), folder.entryUuid())))));

        DocumentEntryRecord replacement = new Entry(patient).build();
        repository.storeSubmission(new SubmissionWrite(submissionOf(patient, replacement), List.of(old.entryUuid()),
                Map.of(folder.entryUuid(), "20251123120000")));

        assertEquals(List.of(old.withStatus(EntryStatus.DEPRECATED), replacement),
                repository.findDocuments(mine().build()));
        assertEquals(ids(replacement), docIds(mine().statuses(List.of(EntryStatus.APPROVED))));
        assertEquals(List.of(folder.withRegistryValues(folder.logicalUuid(), folder.version(), EntryStatus.APPROVED,
                "20251123120000", folder.homeCommunityId())), repository.findFolders(FolderCriteria.byPatient(patient, null)));
        assertEquals(List.of(folder.entryUuid()), repository.findFolders(FolderCriteria.builder().patient(patient)
                .lastUpdateTime(range("20251123", null)).build()).stream().map(FolderRecord::entryUuid).toList(),
                "the folder's time column for range queries is updated too");
    }

    @Test
    void aDuplicateEntryUuidMidwayLeavesNoRowBehind() {
        DocumentEntryRecord stored = new Entry(patient).build();
        Submission first = submissionOf(patient, stored);
        repository.storeSubmission(write(first));
        Map<String, Integer> before = rowCounts();

        DocumentEntryRecord d1 = new Entry(patient).build();
        DocumentEntryRecord d2 = new Entry(patient).build();
        FolderRecord folder = folder(patient, "20251123", List.of(new CodedValue("X", "1.2", null)));
        SubmissionSetRecord set = submissionSet(patient);
        AssociationRecord reused = first.associations().get(0); // its entryUUID exists: the last inserts fail
        Submission second = new Submission(set, List.of(document(d1), document(d2)), List.of(folder),
                List.of(hasMember(set.entryUuid(), d1.entryUuid()), hasMember(set.entryUuid(), d2.entryUuid()),
                        new AssociationRecord(reused.entryUuid(), AssociationKind.HAS_MEMBER, set.entryUuid(),
                                folder.entryUuid(), null, null, null, null, null, EntryStatus.APPROVED, Map.of())));

        assertThrows(ConflictingWriteException.class, () -> repository.storeSubmission(
                new SubmissionWrite(second, List.of(stored.entryUuid()), Map.of())));

        assertEquals(before, rowCounts(), "no row of any table stays");
        assertEquals(List.of(stored), repository.findDocuments(mine().build()), "nothing was deprecated");
        assertTrue(repository.findContent(d1.uniqueId()).isEmpty());
    }

    @Test
    void aFailureAfterTheInsertsRollsThemBack() {
        DocumentEntryRecord old = new Entry(patient).build();
        repository.storeSubmission(write(submissionOf(patient, old)));
        FolderRecord folder = folder(patient, "20251120", List.of());
        repository.storeSubmission(write(new Submission(submissionSet(patient), List.of(), List.of(folder), List.of())));
        Map<String, Integer> before = rowCounts();

        SubmissionWrite failing = new SubmissionWrite(submissionOf(patient, new Entry(patient).build()),
                List.of(old.entryUuid()), Map.of(folder.entryUuid(), "not a time"));
        assertThrows(IllegalArgumentException.class, () -> repository.storeSubmission(failing));

        assertEquals(before, rowCounts());
        assertEquals(List.of(old), repository.findDocuments(mine().build()));
        assertEquals(List.of(folder), repository.findFolders(FolderCriteria.byPatient(patient, null)));
    }

    @Test
    void aSubmissionSetUniqueIdStoredMeanwhileIsAConflict() {
        SubmissionSetRecord set = submissionSet(patient);
        repository.storeSubmission(write(new Submission(set, List.of(), List.of(), List.of())));
        SubmissionSetRecord sameUniqueId = new SubmissionSetRecord(uuid(), set.uniqueId(), set.sourceId(), null, patient,
                null, null, null, null, null, null, EntryStatus.APPROVED, false, null);
        DocumentEntryRecord e = new Entry(patient).build();

        assertThrows(ConflictingWriteException.class, () -> repository.storeSubmission(write(new Submission(sameUniqueId,
                List.of(document(e)), List.of(), List.of(hasMember(sameUniqueId.entryUuid(), e.entryUuid()))))));
        assertEquals(List.of(set), repository.findSubmissionSets(SubmissionSetCriteria.byPatient(patient, null)));
        assertEquals(List.of(), repository.findDocuments(mine().build()));
    }

    // ---------------------------------------------------------------- metadata updates

    /** A new metadata version of {@code previous}: same logicalId and uniqueId, next version, other entryUUID. */
    static DocumentEntryRecord nextVersion(DocumentEntryRecord previous, CodedValue... confidentiality) {
        Entry e = new Entry(previous.patientId()).confidentiality(confidentiality);
        e.uniqueId = previous.uniqueId();
        DocumentEntryRecord fresh = e.build();
        return fresh.withRegistryValues(previous.logicalUuid(), String.valueOf(Integer.parseInt(previous.version()) + 1),
                EntryStatus.APPROVED, previous.hash(), previous.size(), previous.repositoryUniqueId(),
                previous.homeCommunityId());
    }

    static AssociationRecord newVersionMember(SubmissionSetRecord set, DocumentEntryRecord entry, String previousVersion) {
        return new AssociationRecord(uuid(), AssociationKind.HAS_MEMBER, set.entryUuid(), entry.entryUuid(), "Original",
                previousVersion, null, null, null, EntryStatus.APPROVED, Map.of());
    }

    @Test
    void aMetadataUpdateDeprecatesThePreviousVersionAndKeepsTheContent() throws Exception {
        DocumentEntryRecord v1 = new Entry(patient).build();
        store(v1);
        byte[] content = repository.findContent(v1.uniqueId()).orElseThrow().bytes().readAllBytes();
        Map<String, Integer> before = rowCounts();

        DocumentEntryRecord v2 = nextVersion(v1, N, MASQUE);
        SubmissionSetRecord set = submissionSet(patient);
        AssociationRecord member = newVersionMember(set, v2, "1");
        AssociationRecord archive = new AssociationRecord(uuid(), AssociationKind.UPDATE_AVAILABILITY_STATUS,
                set.entryUuid(), v2.entryUuid(), null, null, EntryStatus.APPROVED.urn(), EntryStatus.ARCHIVED.urn(), null,
                EntryStatus.APPROVED, Map.of());
        repository.storeDocumentUpdate(new DocumentUpdateWrite(set, List.of(v2), List.of(member, archive),
                List.of(new DocumentUpdateWrite.StatusChange(v1.entryUuid(), EntryStatus.APPROVED, EntryStatus.DEPRECATED))));

        assertEquals(List.of(v1.withStatus(EntryStatus.DEPRECATED), v2), repository.findDocuments(mine().build()));
        assertEquals(List.of(v2), repository.findDocuments(mine().logicalUuids(List.of(v1.logicalUuid()))
                .statuses(List.of(EntryStatus.APPROVED)).build()));
        assertEquals(List.of(member, archive), repository.findAssociations(AssociationCriteria.fromSources(List.of(set.entryUuid()))));
        assertTrue(repository.findSubmissionSets(SubmissionSetCriteria.byPatient(patient, null)).contains(set));
        assertArrayEquals(content, repository.findContent(v2.uniqueId()).orElseThrow().bytes().readAllBytes(), "the content is kept");
        Map<String, Integer> after = rowCounts();
        assertEquals(before.get("document_content"), after.get("document_content"), "no content row for a metadata version");
        assertEquals(before.get("document_entry") + 1, after.get("document_entry"));
        assertEquals(before.get("association") + 2, after.get("association"));
    }

    @Test
    void aStatusChangeFromAStatusThatChangedMeanwhileFailsWhole() {
        DocumentEntryRecord v1 = new Entry(patient).build();
        store(v1);
        DocumentUpdateWrite.StatusChange deprecateV1 =
                new DocumentUpdateWrite.StatusChange(v1.entryUuid(), EntryStatus.APPROVED, EntryStatus.DEPRECATED);
        DocumentEntryRecord first = nextVersion(v1, N, MASQUE);
        SubmissionSetRecord firstSet = submissionSet(patient);
        repository.storeDocumentUpdate(new DocumentUpdateWrite(firstSet, List.of(first),
                List.of(newVersionMember(firstSet, first, "1")), List.of(deprecateV1)));
        Map<String, Integer> before = rowCounts();

        DocumentEntryRecord second = nextVersion(v1, R);
        SubmissionSetRecord secondSet = submissionSet(patient);
        DocumentUpdateWrite racing = new DocumentUpdateWrite(secondSet, List.of(second),
                List.of(newVersionMember(secondSet, second, "1")), List.of(deprecateV1));

        assertThrows(ConflictingWriteException.class, () -> repository.storeDocumentUpdate(racing));
        assertEquals(before, rowCounts(), "nothing of the second update stays");
        assertEquals(List.of(v1.withStatus(EntryStatus.DEPRECATED), first), repository.findDocuments(mine().build()));
    }

    @Test
    void statusChangesAloneAreAWriteAndADeletedEntryIsNeverSelectedForAProfessional() {
        DocumentEntryRecord kept = new Entry(patient).build();
        DocumentEntryRecord removed = new Entry(patient).build();
        store(kept, removed);
        Map<String, Integer> before = rowCounts();

        repository.storeDocumentUpdate(DocumentUpdateWrite.statusChangesOnly(List.of(
                new DocumentUpdateWrite.StatusChange(removed.entryUuid(), EntryStatus.APPROVED, EntryStatus.DELETED))));

        assertEquals(before, rowCounts(), "a logical removal deletes no row");
        assertEquals(List.of(kept, removed.withStatus(EntryStatus.DELETED)), repository.findDocuments(mine().build()));
        DocumentVisibility any = new DocumentVisibility("810002345678", true, false, List.of(MASQUE),
                DocumentVisibility.TypeFilter.ALL);
        assertEquals(List.of(kept), repository.findDocuments(mine().visibility(any).build()));
        assertTrue(repository.findContent(removed.uniqueId()).isPresent(), "the content stays for the record's history");
    }

    @Test
    void aMetadataUpdateJoinsTheCallersTransaction() {
        DocumentEntryRecord v1 = new Entry(patient).build();
        store(v1);
        Map<String, Integer> before = rowCounts();
        DocumentEntryRecord v2 = nextVersion(v1, N, MASQUE);
        SubmissionSetRecord set = submissionSet(patient);
        TransactionTemplate caller = new TransactionTemplate(new DataSourceTransactionManager(dataSource));

        assertThrows(IllegalStateException.class, () -> caller.executeWithoutResult(status -> {
            repository.storeDocumentUpdate(new DocumentUpdateWrite(set, List.of(v2),
                    List.of(newVersionMember(set, v2, "1")), List.of(new DocumentUpdateWrite.StatusChange(v1.entryUuid(),
                            EntryStatus.APPROVED, EntryStatus.DEPRECATED))));
            throw new IllegalStateException("the caller fails after the write (e.g. its trace)");
        }));

        assertEquals(before, rowCounts(), "the caller's rollback takes the update with it");
        assertEquals(List.of(v1), repository.findDocuments(mine().build()));
    }

    // ---------------------------------------------------------------- content streaming

    @Test
    void contentIsStoredInChunksAndReadBackAsAStream() throws Exception {
        long size = 2L * ContentChunks.CHUNK_BYTES + 1234; // three chunks, the last one partial
        String uid = oid();

        StagedContent staged = stageAndPublish(uid, "application/pdf", new PatternStream(size, -1));

        assertEquals(size, staged.size());
        assertEquals(3, jdbc.queryForObject("SELECT COUNT(*) FROM document_chunk WHERE content_id = ?", Integer.class,
                staged.contentId()));
        assertEquals(0, jdbc.queryForObject("SELECT COUNT(*) FROM content_upload", Integer.class), "the upload is over");
        DocumentContent content = repository.findContent(uid).orElseThrow();
        assertEquals(size, content.size());
        assertEquals("application/pdf", content.mimeType());
        try (java.io.InputStream read = content.bytes().open(); java.io.InputStream expected = new PatternStream(size, -1)) {
            assertArrayEquals(expected.readAllBytes(), read.readAllBytes());
        }
        // the stream can be opened again (an answer retried, ITI-43 then ITI-68)
        assertEquals(size, content.bytes().readAllBytes().length);
    }

    @Test
    void aLargeContentIsWrittenInBoundedTransactionsThatNoReadSees() throws Exception {
        Map<String, Integer> before = rowCounts();
        String uid = oid();
        try (ContentUpload upload = repository.openContentUpload()) {
            StagedContent staged = upload.stage(new PatternStream(10L * ContentChunks.CHUNK_BYTES, -1));

            // before publication: the chunks are committed (seen from another connection, outside any
            // transaction of this upload) except the one waiting in memory, and no read knows them
            assertEquals(9, jdbc.queryForObject("SELECT COUNT(*) FROM document_chunk WHERE content_id = ?",
                    Integer.class, staged.contentId()));
            assertEquals(1, jdbc.queryForObject("SELECT COUNT(*) FROM content_upload WHERE abandoned = FALSE",
                    Integer.class));
            assertTrue(repository.findContent(uid).isEmpty());
        }
        assertEquals(before, rowCounts(), "closed unpublished: its chunks and its row are deleted");
    }

    @Test
    void aFailureWhileTheContentIsReadLeavesNothing() {
        Map<String, Integer> before = rowCounts();
        String uid = oid();

        assertThrows(java.io.IOException.class, () -> {
            try (ContentUpload upload = repository.openContentUpload()) {
                // the client goes away in the middle of the third chunk
                upload.stage(new PatternStream(10L * ContentChunks.CHUNK_BYTES, 2L * ContentChunks.CHUNK_BYTES + 10));
            }
        });

        assertEquals(before, rowCounts(), "no chunk and no content row of a content that could not be read");
        assertTrue(repository.findContent(uid).isEmpty());
    }

    @Test
    void aPublicationRolledBackLeavesNothingOnceTheUploadIsClosed() throws Exception {
        Map<String, Integer> before = rowCounts();
        String uid = oid();
        TransactionTemplate tx = new TransactionTemplate(new DataSourceTransactionManager(dataSource));

        try (ContentUpload upload = repository.openContentUpload()) {
            StagedContent staged = upload.stage(new PatternStream(3L * ContentChunks.CHUNK_BYTES, -1));
            assertThrows(IllegalStateException.class, () -> tx.executeWithoutResult(status -> {
                upload.publish(uid, "application/pdf", staged);
                throw new IllegalStateException("a check of the submission fails after the publication");
            }));
        }

        assertEquals(before, rowCounts());
        assertTrue(repository.findContent(uid).isEmpty());
    }

    @Test
    void twoUploadsPublishingTheSameUniqueIdKeepTheFirstWhole() throws Exception {
        String uid = oid();
        long size = 2L * ContentChunks.CHUNK_BYTES + 5;
        stageAndPublish(uid, "application/pdf", new PatternStream(size, -1));
        Map<String, Integer> before = rowCounts();

        assertThrows(ConflictingWriteException.class,
                () -> stageAndPublish(uid, "text/plain", new PatternStream(4L * ContentChunks.CHUNK_BYTES, -1)));

        assertEquals(before, rowCounts(), "the second upload's chunks are deleted");
        DocumentContent content = repository.findContent(uid).orElseThrow();
        assertEquals("application/pdf", content.mimeType());
        try (java.io.InputStream read = content.bytes().open(); java.io.InputStream expected = new PatternStream(size, -1)) {
            assertArrayEquals(expected.readAllBytes(), read.readAllBytes());
        }
    }

    @Test
    void anUploadACrashLeftIsDeletedOnceOldEnoughAndCannotBePublished() throws Exception {
        Map<String, Integer> before = rowCounts();
        String uid = oid();
        TransactionTemplate tx = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        // a crash: staged, never published, never closed
        ContentUpload crashed = repository.openContentUpload();
        StagedContent staged = crashed.stage(new PatternStream(5L * ContentChunks.CHUNK_BYTES, -1));
        long afterStaging = System.currentTimeMillis() + 1;

        assertEquals(0, repository.discardUploadsUntouchedSince(afterStaging - 60_000), "too recent: a live upload");
        assertEquals(1, jdbc.queryForObject("SELECT COUNT(*) FROM content_upload", Integer.class));
        assertEquals(1, repository.discardUploadsUntouchedSince(afterStaging));

        assertEquals(before, rowCounts(), "its chunks and its row are deleted");
        assertEquals(0, jdbc.queryForObject("SELECT COUNT(*) FROM content_upload", Integer.class));
        assertThrows(IllegalStateException.class, () -> tx.executeWithoutResult(
                status -> crashed.publish(uid, "application/pdf", staged)), "an abandoned upload is never published");
        assertTrue(repository.findContent(uid).isEmpty());
    }

    @Test
    void aContentWithChunksMissingFailsToRead() throws Exception {
        String uid = oid();
        StagedContent staged = stageAndPublish(uid, "text/plain", new PatternStream(2L * ContentChunks.CHUNK_BYTES, -1));
        jdbc.update("DELETE FROM document_chunk WHERE content_id = ? AND seq = 1", staged.contentId());

        java.io.IOException e = assertThrows(java.io.IOException.class,
                () -> repository.findContent(uid).orElseThrow().bytes().readAllBytes());
        assertTrue(e.getMessage().contains("incomplete"), e.getMessage());
    }

    /** One content through a whole upload: staged, published in a transaction, closed. */
    private StagedContent stageAndPublish(String uid, String mimeType, java.io.InputStream in) throws java.io.IOException {
        TransactionTemplate tx = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        try (ContentUpload upload = repository.openContentUpload()) {
            StagedContent staged = upload.stage(in);
            tx.executeWithoutResult(status -> upload.publish(uid, mimeType, staged));
            return staged;
        }
    }

    /** {@code size} generated bytes (a pattern, never an array), failing with an IOException at {@code failAt} (-1: never). */
    private static final class PatternStream extends java.io.InputStream {
        private final long size;
        private final long failAt;
        private long position;

        PatternStream(long size, long failAt) {
            this.size = size;
            this.failAt = failAt;
        }

        @Override
        public int read() throws java.io.IOException {
            if (position == failAt) {
                throw new java.io.IOException("connection reset by the client");
            }
            if (position >= size) {
                return -1;
            }
            return (int) ((position++ * 31 + 7) % 251);
        }

        @Override
        public int read(byte[] b, int off, int len) throws java.io.IOException {
            if (position >= size) {
                return -1;
            }
            int n = 0;
            while (n < len && position < size) {
                if (position == failAt) {
                    if (n > 0) {
                        return n;
                    }
                    throw new java.io.IOException("connection reset by the client");
                }
                b[off + n++] = (byte) read();
            }
            return n;
        }
    }

    // ---------------------------------------------------------------- patients

    @Test
    void patientsAreUpserted() {
        assertTrue(patients.findPatient(patient).isEmpty());
        PatientRecord created = new PatientRecord(patient, "DUPONT", "Marie", LocalDate.of(1979, 3, 5), "F",
                PatientRecordState.ACTIVATED);
        patients.savePatient(created);
        assertEquals(created, patients.findPatient(patient).orElseThrow());

        PatientRecord closed = new PatientRecord(patient, "DUPONT-MARTIN", null, null, null, PatientRecordState.CLOSED);
        patients.savePatient(closed);
        assertEquals(closed, patients.findPatient(patient).orElseThrow());
        assertEquals(1, jdbc.queryForObject("SELECT COUNT(*) FROM patient_record WHERE ins = ?", Integer.class, patient.id()));
        assertTrue(patients.findPatient(new PatientRef(patient.id(), "1.2.250.1.213.1.4.8")).isEmpty(),
                "the authority is part of the key");
    }

    @Test
    void patientSettingsAreStoredWithTheRecord() {
        PatientSettings settings = new PatientSettings("marie@example.org", false, true, true, true);
        PatientRecord record = new PatientRecord(patient, "DUPONT", "Marie", null, "F", PatientRecordState.CREATED, settings);
        patients.savePatient(record);
        assertEquals(record, patients.findPatient(patient).orElseThrow());
        PatientRecord defaults = new PatientRecord(patient, "DUPONT", "Marie", null, "F", PatientRecordState.ACTIVATED);
        patients.savePatient(defaults);
        assertEquals(PatientSettings.DEFAULTS, patients.findPatient(patient).orElseThrow().settings());
    }

    @Test
    void consentsAreUpsertedListedAndDeleted() {
        Instant since = Instant.ofEpochMilli(1_763_900_000_000L);
        ProfessionalConsent authorised = new ProfessionalConsent(patient, "810002345678", "DURANT Romuald",
                ConsentStatus.AUTHORIZED, true, since);
        ProfessionalConsent blocked = new ProfessionalConsent(patient, "810009999999", null, ConsentStatus.BLOCKED, false, since);
        patients.saveConsent(authorised);
        patients.saveConsent(blocked);
        assertEquals(List.of(authorised, blocked), patients.findConsents(patient));
        ProfessionalConsent nowBlocked = new ProfessionalConsent(patient, "810002345678", "DURANT Romuald",
                ConsentStatus.BLOCKED, false, since.plusSeconds(60));
        patients.saveConsent(nowBlocked);
        assertEquals(nowBlocked, patients.findConsent(patient, "810002345678").orElseThrow());
        assertTrue(patients.findConsent(newPatient(), "810002345678").isEmpty(), "consents are per patient");
        assertTrue(patients.deleteConsent(patient, "810009999999"));
        assertFalse(patients.deleteConsent(patient, "810009999999"));
        assertEquals(List.of(nowBlocked), patients.findConsents(patient));
    }

    @Test
    void aStandingIsTheRecordTheProfessionalsEntryAndHisEarlierAccess() {
        PatientRecord record = new PatientRecord(patient, "DUPONT", "Marie", null, "F", PatientRecordState.ACTIVATED,
                new PatientSettings("marie@example.org", false, true, true, false));
        patients.savePatient(record);
        ProfessionalConsent authorised = new ProfessionalConsent(patient, "810002345678", "DURANT Romuald",
                ConsentStatus.AUTHORIZED, true, Instant.ofEpochMilli(1_763_900_000_000L), true, "10", "SM54");
        patients.saveConsent(authorised);
        patients.saveConsent(new ProfessionalConsent(patient, "810009999999", null, ConsentStatus.BLOCKED, false,
                Instant.ofEpochMilli(1_763_900_000_000L)));

        assertEquals(new RecordStanding(record, authorised, false),
                patients.findStanding(patient, "810002345678").orElseThrow());
        assertEquals(new RecordStanding(record, null, false), patients.findStanding(patient, "810000000000").orElseThrow(),
                "a professional on none of the lists has no entry");
        assertTrue(patients.findStanding(new PatientRef(patient.id(), "1.2.250.1.213.1.4.8"), "810002345678").isEmpty(),
                "an unknown record has no standing");
    }

    @Test
    void tracesAreListedNewestFirstAndTellAFirstAccess() {
        Instant t = Instant.ofEpochMilli(1_763_900_000_000L);
        patients.savePatient(new PatientRecord(patient, "DUPONT", "Marie", null, "F", PatientRecordState.ACTIVATED));
        AccessTrace refused = new AccessTrace(null, t, "810002345678", "DURANT Romuald", "1750100125", "10/SM54",
                AccessMode.BREAK_GLASS, null, patient, TraceAction.QUERY, List.of(), "BREAK_GLASS_JUSTIFICATION_MISSING",
                "no justification", null);
        trail.record(refused);
        assertFalse(patients.findStanding(patient, "810002345678").orElseThrow().accessedBefore(),
                "a refused attempt is not an access");
        AccessTrace submitted = new AccessTrace(null, t.plusSeconds(1), "810002345678", "DURANT Romuald", "1750100125",
                "10/SM54", AccessMode.NORMAL, null, patient, TraceAction.SUBMIT, List.of("2.25.1", "2.25.2"),
                AccessTrace.SUCCESS, null,
                new CallerSoftware("LPS GIE-SV 1", "01.01.01.01", "NumAutorisation"));
        trail.record(submitted);
        assertTrue(patients.findStanding(patient, "810002345678").orElseThrow().accessedBefore());
        assertFalse(patients.findStanding(patient, "810000000000").orElseThrow().accessedBefore(),
                "another professional's access is not his");
        List<AccessTrace> read = trail.findByPatient(patient, 10);
        assertEquals(2, read.size());
        assertEquals(List.of(TraceAction.SUBMIT, TraceAction.QUERY), read.stream().map(AccessTrace::action).toList());
        AccessTrace first = read.get(0);
        assertEquals(List.of("2.25.1", "2.25.2"), first.documentIds());
        assertEquals(AccessMode.NORMAL, first.mode());
        assertEquals("10/SM54", first.role());
        assertEquals(t.plusSeconds(1), first.time());
        assertEquals(new CallerSoftware("LPS GIE-SV 1", "01.01.01.01", "NumAutorisation"), first.software(),
                "the caller's software, its LPS_ID and DMP homologation number are kept (V3_15)");
        assertEquals("BREAK_GLASS_JUSTIFICATION_MISSING", read.get(1).outcome());
        assertNull(read.get(1).software(), "no software named: none kept");
        assertEquals(1, trail.findByPatient(patient, 1).size());
    }

    @Test
    void theOutboxHandsOutDueMessagesOnceAndRetriesFailures() {
        Instant t0 = Instant.now();
        outbox.enqueue(Notification.create(patient, "marie@example.org", NotificationKind.DOCUMENT_ADDED, "Nouveau document",
                "Un document a été ajouté.", t0));
        List<Notification> claimed = outbox.claimDue(t0, 10, 60_000).stream()
                .filter(n -> n.patient().equals(patient)).toList();
        assertEquals(1, claimed.size());
        Notification n = claimed.get(0);
        assertEquals("marie@example.org", n.recipient());
        assertEquals(NotificationKind.DOCUMENT_ADDED, n.kind());
        assertTrue(outbox.claimDue(t0, 10, 60_000).stream().noneMatch(x -> x.id().equals(n.id())),
                "a claimed message is not handed out twice during its lease");
        outbox.markFailed(n.id(), "connection refused", t0.plusSeconds(30));
        assertTrue(outbox.claimDue(t0.plusSeconds(10), 10, 60_000).stream().noneMatch(x -> x.id().equals(n.id())),
                "not due before its next attempt");
        Notification again = outbox.claimDue(t0.plusSeconds(31), 10, 60_000).stream()
                .filter(x -> x.id().equals(n.id())).findFirst().orElseThrow();
        assertEquals(1, again.attempts());
        assertEquals("connection refused", again.lastError());
        outbox.markSent(n.id(), t0.plusSeconds(32));
        assertTrue(outbox.claimDue(t0.plusSeconds(3600), 10, 60_000).stream().noneMatch(x -> x.id().equals(n.id())));
    }

    /**
     * Marking a message sent or parked may replace its body in the same update (a code e-mail's
     * secret, docs/security.md "Secrets in the outbox"); a patient's messages are listed newest first.
     */
    @Test
    void aMessageLeavingTheOutboxMayHaveItsBodyReplacedAndAPatientsMessagesAreListed() {
        Instant t0 = Instant.now();
        PatientRef patient = new PatientRef(String.format("%015d", System.nanoTime() % 1_000_000_000_000_000L), "1.2.250.1.213.1.4.10");
        outbox.enqueue(Notification.create(patient, "a@example.org", NotificationKind.PROVISIONAL_CODE, "Code",
                "votre code ABCDEF123456", t0));
        outbox.enqueue(Notification.create(patient, "a@example.org", NotificationKind.ONE_TIME_CODE, "Code",
                "code à usage unique est 123456", t0));
        outbox.enqueue(Notification.create(patient, "a@example.org", NotificationKind.DOCUMENT_ADDED, "Document",
                "un document", t0));
        List<NotificationOutbox.Message> listed = outbox.findByPatient(patient, 10);
        assertEquals(List.of(NotificationKind.DOCUMENT_ADDED, NotificationKind.ONE_TIME_CODE,
                NotificationKind.PROVISIONAL_CODE), listed.stream().map(m -> m.notification().kind()).toList());
        assertTrue(listed.stream().allMatch(m -> m.status() == NotificationOutbox.Status.PENDING));
        outbox.markSent(listed.get(2).notification().id(), t0.plusSeconds(1), "effacé");
        outbox.markParked(listed.get(1).notification().id(), "refused", t0.plusSeconds(2), "effacé aussi");
        outbox.markSent(listed.get(0).notification().id(), t0.plusSeconds(3));
        List<NotificationOutbox.Message> after = outbox.findByPatient(patient, 10);
        assertEquals(List.of("un document", "effacé aussi", "effacé"),
                after.stream().map(m -> m.notification().body()).toList());
        assertEquals(List.of(NotificationOutbox.Status.SENT, NotificationOutbox.Status.PARKED,
                NotificationOutbox.Status.SENT), after.stream().map(NotificationOutbox.Message::status).toList());
        assertEquals(t0.plusSeconds(1).toEpochMilli(), after.get(2).notification().sentAt().toEpochMilli());
        assertEquals(1, outbox.findByPatient(patient, 1).size());
    }

    /**
     * Several gateway nodes on one database each poll the outbox with a sender of their own: every
     * due message is handed to exactly one of them.
     */
    @Test
    void concurrentSendersEachClaimADueMessageOnce() throws Exception {
        Instant t0 = Instant.now();
        String domain = "@senders-" + System.nanoTime() + ".example.org";
        int messages = 40;
        for (int i = 0; i < messages; i++) {
            outbox.enqueue(Notification.create(patient, i + domain, NotificationKind.DOCUMENT_ADDED, "Nouveau document",
                    "Un document a été ajouté.", t0));
        }
        int senders = 4;
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(senders);
        java.util.concurrent.CyclicBarrier start = new java.util.concurrent.CyclicBarrier(senders);
        try {
            List<java.util.concurrent.Future<List<Long>>> claims = new java.util.ArrayList<>();
            for (int s = 0; s < senders; s++) {
                NotificationOutbox sender = new JdbcNotificationOutbox(dataSource);
                claims.add(pool.submit(() -> {
                    start.await();
                    List<Long> mine = new java.util.ArrayList<>();
                    for (List<Notification> batch = sender.claimDue(t0, 3, 60_000); !batch.isEmpty();
                         batch = sender.claimDue(t0, 3, 60_000)) {
                        batch.stream().filter(n -> n.recipient().endsWith(domain)).forEach(n -> mine.add(n.id()));
                    }
                    return mine;
                }));
            }
            List<Long> all = new java.util.ArrayList<>();
            for (var claim : claims) {
                all.addAll(claim.get(60, java.util.concurrent.TimeUnit.SECONDS));
            }
            assertEquals(messages, all.size(), "each message handed out once: " + all);
            assertEquals(messages, new java.util.HashSet<>(all).size(), "no message handed to two senders: " + all);
            all.forEach(id -> outbox.markSent(id, t0));
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * Two nodes saving the same new patient and consent at once (e.g. both loading the seed file at
     * start): both succeed, one row each.
     */
    @Test
    void theSamePatientSavedAtOnceByTwoWritersIsStoredOnce() throws Exception {
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 10; round++) {
                PatientRef ins = newPatient();
                PatientRecord record = new PatientRecord(ins, "DUPONT", "Marie", LocalDate.of(1979, 3, 5), "F",
                        PatientRecordState.ACTIVATED);
                ProfessionalConsent consent = new ProfessionalConsent(ins, "810002345678", "DURANT Romuald",
                        ConsentStatus.AUTHORIZED, false, Instant.now());
                java.util.concurrent.CyclicBarrier start = new java.util.concurrent.CyclicBarrier(2);
                List<java.util.concurrent.Future<?>> writers = new java.util.ArrayList<>();
                for (int w = 0; w < 2; w++) {
                    PatientRecordRepository writer = new JdbcPatientRecordRepository(dataSource,
                            new DataSourceTransactionManager(dataSource));
                    writers.add(pool.submit(() -> {
                        start.await();
                        writer.savePatient(record);
                        writer.saveConsent(consent);
                        return null;
                    }));
                }
                for (var w : writers) {
                    w.get(30, java.util.concurrent.TimeUnit.SECONDS);
                }
                assertEquals(1, jdbc.queryForObject("SELECT COUNT(*) FROM patient_record WHERE ins = ? AND ins_authority = ?",
                        Integer.class, ins.id(), ins.authority()));
                assertEquals(1, jdbc.queryForObject("SELECT COUNT(*) FROM professional_consent WHERE patient_id = ? "
                        + "AND patient_authority = ?", Integer.class, ins.id(), ins.authority()));
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aParkedMessageIsNeverHandedOutAgain() {
        Instant t0 = Instant.now();
        int parkedBefore = outbox.countParked();
        outbox.enqueue(Notification.create(patient, "paul@example.org", NotificationKind.DOCUMENT_ADDED, "Nouveau document",
                "Un document a été ajouté.", t0));
        Notification n = outbox.claimDue(t0, 10, 60_000).stream().filter(x -> x.patient().equals(patient)).findFirst()
                .orElseThrow();
        int pendingBefore = outbox.countPending();
        outbox.markParked(n.id(), "connection refused", t0.plusSeconds(1));
        assertEquals(parkedBefore + 1, outbox.countParked());
        assertEquals(pendingBefore - 1, outbox.countPending(), "a parked message is no longer pending");
        assertTrue(outbox.claimDue(t0.plusSeconds(86_400), 100, 60_000).stream().noneMatch(x -> x.id().equals(n.id())),
                "a parked message is not tried again, even a day later");
        Map<String, Object> row = jdbc.queryForMap("SELECT status, attempts, parked_ms, sent_ms, last_error "
                + "FROM notification_outbox WHERE id = ?", n.id());
        assertEquals("PARKED", row.get("status"));
        assertEquals(1, ((Number) row.get("attempts")).intValue());
        assertEquals(t0.plusSeconds(1).toEpochMilli(), ((Number) row.get("parked_ms")).longValue());
        assertNull(row.get("sent_ms"));
        assertEquals("connection refused", row.get("last_error"));
    }

    @Test
    void visibilityFiltersMaskedTypesAndDeletedEntriesInTheQueryItself() {
        String me = "810002345678";
        DocumentEntryRecord plain = new Entry(patient).authors(author(MARTIN)).build();
        DocumentEntryRecord maskedOther = new Entry(patient).confidentiality(N, MASQUE).authors(author(MARTIN)).build();
        DocumentEntryRecord maskedMine = new Entry(patient).confidentiality(N, MASQUE).authors(author(DURANT)).build();
        DocumentEntryRecord imaging = new Entry(patient).typeCode(TYPE_IMAGING).authors(author(MARTIN)).build();
        DocumentEntryRecord deleted = new Entry(patient).status(EntryStatus.DELETED).authors(author(DURANT)).build();
        repository.storeSubmission(write(submissionOf(patient, plain, maskedOther, maskedMine, imaging, deleted)));
        List<CodedValue> masking = List.of(MASQUE);

        DocumentVisibility other = new DocumentVisibility(me, false, false, masking, DocumentVisibility.TypeFilter.ALL);
        assertEquals(uniqueIdsOf(plain, maskedMine, imaging), uniqueIdsOf(repository.findDocuments(mine().visibility(other).build())));
        DocumentVisibility admin = new DocumentVisibility(me, true, false, masking, DocumentVisibility.TypeFilter.ALL);
        assertEquals(uniqueIdsOf(plain, maskedOther, maskedMine, imaging),
                uniqueIdsOf(repository.findDocuments(mine().visibility(admin).build())));
        DocumentVisibility maskAll = new DocumentVisibility(me, false, true, masking, DocumentVisibility.TypeFilter.ALL);
        assertEquals(uniqueIdsOf(maskedMine), uniqueIdsOf(repository.findDocuments(mine().visibility(maskAll).build())));
        DocumentVisibility noImaging = new DocumentVisibility(me, true, false, masking,
                new DocumentVisibility.TypeFilter(true, List.of(TYPE_IMAGING.code())));
        assertEquals(uniqueIdsOf(plain, maskedOther, maskedMine),
                uniqueIdsOf(repository.findDocuments(mine().visibility(noImaging).build())));
        DocumentVisibility onlyImaging = new DocumentVisibility(me, true, false, masking,
                new DocumentVisibility.TypeFilter(false, List.of(TYPE_IMAGING.code())));
        assertEquals(uniqueIdsOf(imaging), uniqueIdsOf(repository.findDocuments(mine().visibility(onlyImaging).build())));
        DocumentVisibility nothing = new DocumentVisibility(me, true, false, masking, new DocumentVisibility.TypeFilter(false, List.of()));
        assertEquals(List.of(), repository.findDocuments(mine().visibility(nothing).build()));
        DocumentVisibility wildcard = new DocumentVisibility("8100%", false, false, masking, DocumentVisibility.TypeFilter.ALL);
        assertEquals(uniqueIdsOf(plain, imaging), uniqueIdsOf(repository.findDocuments(mine().visibility(wildcard).build())),
                "LIKE wildcards in the caller's id match nothing");
        assertEquals(2, repository.findDocuments(mine().visibility(other).limit(2).build()).size(),
                "the limit applies after the filter");
        assertEquals(5, repository.findDocuments(mine().build()).size(), "without visibility everything is selected");
    }

    @Test
    void maskingIsReadOnTheNewestMetadataVersionOfADocument() {
        DocumentEntryRecord v1 = new Entry(patient).authors(author(MARTIN)).status(EntryStatus.DEPRECATED).build();
        DocumentEntryRecord v2 = DocumentEntryRecord.builder().entryUuid(uuid()).logicalUuid(v1.logicalUuid())
                .version("2").uniqueId(v1.uniqueId()).patientId(patient).availabilityStatus(EntryStatus.APPROVED)
                .classCode(v1.classCode()).typeCode(v1.typeCode()).formatCode(v1.formatCode())
                .healthcareFacilityTypeCode(v1.healthcareFacilityTypeCode()).practiceSettingCode(v1.practiceSettingCode())
                .confidentialityCodes(List.of(N, MASQUE)).eventCodes(v1.eventCodes()).creationTime(v1.creationTime())
                .authors(v1.authors()).title(v1.title()).mimeType(v1.mimeType()).hash(v1.hash()).size(v1.size())
                .repositoryUniqueId(v1.repositoryUniqueId()).build();
        repository.storeSubmission(write(submissionOf(patient, v1)));
        repository.storeSubmission(write(new Submission(submissionSet(patient), List.of(new SubmittedDocument(v2, null)),
                List.of(), List.of())));
        DocumentVisibility other = new DocumentVisibility("810002345678", false, false, List.of(MASQUE),
                DocumentVisibility.TypeFilter.ALL);
        assertEquals(List.of(), repository.findDocuments(mine().visibility(other).build()),
                "the deprecated version does not show what the newer version masks");
        DocumentVisibility author = new DocumentVisibility("899700366240", false, false, List.of(MASQUE),
                DocumentVisibility.TypeFilter.ALL);
        assertEquals(2, repository.findDocuments(mine().visibility(author).build()).size());
    }

    /** A professional who is neither author nor submitter of the fixtures' entries (their author is DURANT). */
    private static final String NOT_AN_AUTHOR = "811111111111";

    @Test
    void theNewestVersionsConfidentialityIsKeptInStepOnEveryVersionWhenADocumentIsMaskedUnmaskedOrDeprecated()
            throws Exception {
        DocumentVisibility other = new DocumentVisibility(NOT_AN_AUTHOR, false, false, List.of(MASQUE),
                DocumentVisibility.TypeFilter.ALL);
        DocumentEntryRecord v1 = new Entry(patient).build();
        DocumentEntryRecord unrelated = new Entry(patient).build();
        store(v1, unrelated);
        assertEquals(List.of(v1, unrelated), repository.findDocuments(mine().visibility(other).build()));

        DocumentEntryRecord v2 = nextVersion(v1, N, MASQUE);
        SubmissionSetRecord maskSet = submissionSet(patient);
        repository.storeDocumentUpdate(new DocumentUpdateWrite(maskSet, List.of(v2), List.of(newVersionMember(maskSet, v2, "1")),
                List.of(new DocumentUpdateWrite.StatusChange(v1.entryUuid(), EntryStatus.APPROVED, EntryStatus.DEPRECATED))));
        assertEquals(List.of(unrelated), repository.findDocuments(mine().visibility(other).build()),
                "masked by its new version: every version is hidden");
        assertEquals(List.of(NewestConfidentiality.write(List.of(N, MASQUE))),
                jdbc.queryForList("SELECT DISTINCT newest_confidentiality FROM document_entry WHERE logical_uuid = ?",
                        String.class, v1.logicalUuid()), "the fact of both versions");

        DocumentEntryRecord v3 = nextVersion(v2, N);
        SubmissionSetRecord unmaskSet = submissionSet(patient);
        repository.storeDocumentUpdate(new DocumentUpdateWrite(unmaskSet, List.of(v3),
                List.of(newVersionMember(unmaskSet, v3, "2")),
                List.of(new DocumentUpdateWrite.StatusChange(v2.entryUuid(), EntryStatus.APPROVED, EntryStatus.DEPRECATED))));
        assertEquals(List.of(v1.withStatus(EntryStatus.DEPRECATED), unrelated, v2.withStatus(EntryStatus.DEPRECATED), v3),
                repository.findDocuments(mine().visibility(other).build()), "unmasked by its newest version");

        repository.storeDocumentUpdate(DocumentUpdateWrite.statusChangesOnly(List.of(
                new DocumentUpdateWrite.StatusChange(v3.entryUuid(), EntryStatus.APPROVED, EntryStatus.DEPRECATED))));
        assertEquals(4, repository.findDocuments(mine().visibility(other).build()).size(),
                "a deprecation changes no confidentiality: the fact stays");

        // as stored before V3_35: no fact; the entries count as masked until V3_37 fills it with what the writer wrote
        String facts = "SELECT newest_confidentiality FROM document_entry WHERE patient_id = ? ORDER BY id";
        List<String> written = jdbc.queryForList(facts, String.class, patient.id());
        jdbc.update("UPDATE document_entry SET newest_confidentiality = NULL WHERE patient_id = ?", patient.id());
        assertEquals(List.of(), repository.findDocuments(mine().visibility(other).build()), "an unfilled fact fails closed");
        try (java.sql.Connection c = dataSource.getConnection()) {
            assertTrue(NewestConfidentialityBackfill.fill(c) >= 4);
        }
        assertEquals(written, jdbc.queryForList(facts, String.class, patient.id()));
        assertEquals(4, repository.findDocuments(mine().visibility(other).build()).size());
    }

    @Test
    void theMaskingTestComparesWholeCodesAndSystemsLiterally() {
        CodedValue wildcardLike = new CodedValue("MASQUExPS", MASQUE.codeSystem(), null);
        CodedValue otherSystem = new CodedValue(MASQUE.code(), "1.2.250.1.213.1.1.4.99", null);
        CodedValue longer = new CodedValue("MASQUE_PS2", MASQUE.codeSystem(), null);
        CodedValue withSeparators = new CodedValue("A|B^C\\%", "S|^", null);
        CodedValue noSystem = new CodedValue("MASQUE_PS", null, null);
        DocumentEntryRecord[] entries = java.util.stream.Stream.of(wildcardLike, otherSystem, longer, withSeparators, noSystem)
                .map(c -> new Entry(patient).confidentiality(N, c).build()).toArray(DocumentEntryRecord[]::new);
        store(entries);
        DocumentVisibility byMasque = new DocumentVisibility(NOT_AN_AUTHOR, false, false, List.of(MASQUE),
                DocumentVisibility.TypeFilter.ALL);
        assertEquals(5, repository.findDocuments(mine().visibility(byMasque).build()).size(), "none of them is MASQUE_PS");
        DocumentVisibility bySeparators = new DocumentVisibility(NOT_AN_AUTHOR, false, false,
                List.of(withSeparators, new CodedValue("MASQUE_PS", null, null)), DocumentVisibility.TypeFilter.ALL);
        assertEquals(List.of(entries[0], entries[1], entries[2]),
                repository.findDocuments(mine().visibility(bySeparators).build()),
                "the code with separators, and the code without system, mask their entries only");
    }

    private static List<String> uniqueIdsOf(DocumentEntryRecord... entries) {
        return java.util.Arrays.stream(entries).map(DocumentEntryRecord::uniqueId).sorted().toList();
    }

    private static List<String> uniqueIdsOf(List<DocumentEntryRecord> entries) {
        return entries.stream().map(DocumentEntryRecord::uniqueId).sorted().toList();
    }

    // ---------------------------------------------------------------- helpers

    DocumentCriteria.Builder mine() {
        return DocumentCriteria.builder().patient(patient);
    }

    static TimeRangeCriterion range(String from, String to) {
        return new TimeRangeCriterion(from, to);
    }

    static List<String> ids(DocumentEntryRecord... entries) {
        return List.of(entries).stream().map(DocumentEntryRecord::entryUuid).toList();
    }

    List<String> docIds(DocumentCriteria.Builder criteria) {
        return repository.findDocuments(criteria.build()).stream().map(DocumentEntryRecord::entryUuid).toList();
    }

    /** Stores the entries in one submission (set + HasMember associations). */
    void store(DocumentEntryRecord... entries) {
        repository.storeSubmission(write(submissionOf(entries[0].patientId(), entries)));
    }

    List<SubmissionSetRecord> findSets(List<String> sourceIds, TimeRangeCriterion time, String author, List<CodedValue> contentTypes) {
        return repository.findSubmissionSets(SubmissionSetCriteria.builder().patient(patient).sourceIds(sourceIds)
                .submissionTime(time).authorPerson(author).contentTypeCodes(contentTypes).build());
    }

    List<FolderRecord> findFolders(List<List<CodedValue>> codes, TimeRangeCriterion lastUpdate) {
        return repository.findFolders(FolderCriteria.builder().patient(patient).lastUpdateTime(lastUpdate).codes(codes).build());
    }

    /** Row count of every table (the whole database: tests that compare counts store nothing concurrently). */
    Map<String, Integer> rowCounts() {
        Map<String, Integer> counts = new TreeMap<>();
        for (String table : List.of("submission_set", "document_entry", "folder", "association", "coded_value", "author",
                "text_value", "extra_slot", "document_content", "document_chunk", "content_upload")) {
            counts.put(table, jdbc.queryForObject("SELECT COUNT(*) FROM " + table, Integer.class));
        }
        return counts;
    }
}
