package org.dmpgateway.core.update;

import org.dmpgateway.core.metadata.DmpValueSetRule;
import org.dmpgateway.model.access.AccessContext;
import org.dmpgateway.model.access.CallerSoftware;
import org.dmpgateway.model.access.AccessMode;
import org.dmpgateway.model.error.DmpErrorCode;
import org.dmpgateway.model.error.DmpException;
import org.dmpgateway.model.DocumentBytes;
import org.dmpgateway.model.AssociationKind;
import org.dmpgateway.model.AssociationRecord;
import org.dmpgateway.model.AuthorInfo;
import org.dmpgateway.model.CodedValue;
import org.dmpgateway.model.ConsentStatus;
import org.dmpgateway.model.DmpConfidentiality;
import org.dmpgateway.model.DocumentEntryRecord;
import org.dmpgateway.model.DocumentRemoval;
import org.dmpgateway.model.DocumentUpdate;
import org.dmpgateway.model.DocumentUpdate.NewVersion;
import org.dmpgateway.model.DocumentUpdate.StatusChange;
import org.dmpgateway.model.EntryStatus;
import org.dmpgateway.model.PatientRecord;
import org.dmpgateway.model.PatientRecordState;
import org.dmpgateway.model.PatientRef;
import org.dmpgateway.model.ProfessionalConsent;
import org.dmpgateway.model.Submission;
import org.dmpgateway.model.SubmissionSetRecord;
import org.dmpgateway.model.SubmittedDocument;
import org.dmpgateway.model.query.AssociationCriteria;
import org.dmpgateway.model.query.DocumentCriteria;
import org.dmpgateway.model.trail.AccessTrace;
import org.dmpgateway.model.trail.TraceAction;
import org.dmpgateway.repository.JdbcAccessTrailRepository;
import org.dmpgateway.repository.JdbcNotificationOutbox;
import org.dmpgateway.repository.JdbcPatientRecordRepository;
import org.dmpgateway.repository.JdbcRegistryRepository;
import org.dmpgateway.repository.RegistryRepository;
import org.dmpgateway.repository.SubmissionWrite;
import org.dmpgateway.core.GatewayIdentity;
import org.dmpgateway.core.policy.AccessPolicy;
import org.dmpgateway.core.policy.HabilitationMatrix;
import org.dmpgateway.core.policy.SubjectRoles;
import org.dmpgateway.core.patient.PatientResolver;
import org.dmpgateway.core.trail.AccessTrail;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The DMP rules of ITI-57 and ITI-62 in the core, on the real repository (H2 in memory, Flyway
 * schema), the real access policy (habilitation matrix of mappings/) and the real trail.
 */
class MetadataUpdateRulesTest {
    static final PatientRef PATIENT = new PatientRef("279035121518989", "1.2.250.1.213.1.4.10");
    static final PatientRef OTHER_PATIENT = new PatientRef("124018852493334", "1.2.250.1.213.1.4.10");
    static final String AUTHOR = "810002345678";
    static final String ADMIN = "810000000011";
    static final String COLLEAGUE = "810000000022";
    static final String DENTIST = "810000000033";
    static final CodedValue MEDECIN = new CodedValue("10", "1.2.250.1.71.1.2.7", "Médecin");
    static final CodedValue CHIRURGIEN_DENTISTE = new CodedValue("40", "1.2.250.1.71.1.2.7", "Chirurgien-dentiste");
    static final CodedValue CONSULTATION = new CodedValue("11488-4", "2.16.840.1.113883.6.1", "CR de consultation");
    static final CodedValue BILAN_PSY = new CodedValue("83901-9", "2.16.840.1.113883.6.1", "Bilan psychologique");
    static final CodedValue N = DmpConfidentiality.NORMAL;
    static final CodedValue MASQUE_PS = DmpConfidentiality.MASQUE_PS;
    static final CodedValue INVISIBLE_PATIENT = DmpConfidentiality.INVISIBLE_PATIENT;
    static final String REPOSITORY = "2.25.4242";

    RegistryRepository repository;
    JdbcAccessTrailRepository traces;
    UpdateDocuments update;
    RemoveDocuments remove;
    int sets;

    @BeforeEach
    void open() throws Exception {
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:mem:rules-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        Flyway.configure().dataSource(ds).load().migrate();
        DataSourceTransactionManager tm = new DataSourceTransactionManager(ds);
        repository = new JdbcRegistryRepository(ds, tm);
        JdbcPatientRecordRepository patients = new JdbcPatientRecordRepository(ds, tm);
        traces = new JdbcAccessTrailRepository(ds);
        HabilitationMatrix matrix;
        try (InputStream in = getClass().getResourceAsStream("/terminology/habilitation-matrix.csv")) {
            matrix = HabilitationMatrix.read(in, "habilitation-matrix.csv");
        }
        AccessPolicy policy = new AccessPolicy(new PatientResolver(patients), matrix, SubjectRoles.shipped(), true);
        AccessTrail trail = new AccessTrail(traces, new JdbcNotificationOutbox(ds));
        TransactionTemplate tx = new TransactionTemplate(tm);
        update = new UpdateDocuments(repository, policy, trail, tx, new GatewayIdentity(REPOSITORY, ""), DmpValueSetRule.shipped());
        remove = new RemoveDocuments(repository, policy, trail, tx);

        for (PatientRef p : List.of(PATIENT, OTHER_PATIENT)) {
            patients.savePatient(new PatientRecord(p, "DUPONT", "Marie", null, "F", PatientRecordState.ACTIVATED));
            for (String actor : List.of(AUTHOR, ADMIN, COLLEAGUE, DENTIST)) {
                patients.saveConsent(new ProfessionalConsent(p, actor, null, ConsentStatus.AUTHORIZED, actor.equals(ADMIN),
                        Instant.parse("2025-11-01T00:00:00Z")));
            }
        }
    }

    // ------------------------------------------------------------------ masking (TD3.3a, TD3.3b)

    @Test
    void theAuthorMasksADocument() {
        DocumentEntryRecord v1 = stored(CONSULTATION, N);

        List<DocumentEntryRecord> result = update.update(newVersion(proposal(v1, N, MASQUE_PS), "1"), as(AUTHOR));

        DocumentEntryRecord v2 = result.get(0);
        assertEquals("2", v2.version());
        assertEquals(v1.logicalUuid(), v2.logicalUuid());
        assertEquals(v1.uniqueId(), v2.uniqueId());
        assertNotEquals(v1.entryUuid(), v2.entryUuid());
        assertEquals(EntryStatus.APPROVED, v2.availabilityStatus());
        assertEquals(List.of(v1.hash(), v1.size(), v1.repositoryUniqueId()), List.of(v2.hash(), v2.size(), v2.repositoryUniqueId()),
                "the registry keeps the stored content's values");
        assertEquals(List.of(N, MASQUE_PS), v2.confidentialityCodes());
        assertEquals(List.of(v1.withStatus(EntryStatus.DEPRECATED), v2), versions(v1));
        AssociationRecord member = repository.findAssociations(AssociationCriteria.toTargets(List.of(v2.entryUuid()))).get(0);
        assertEquals(AssociationKind.HAS_MEMBER, member.kind());
        assertEquals("1", member.previousVersion());
        assertEquals("Original", member.label());
        assertTrue(visibleTo(COLLEAGUE).isEmpty(), "masked from the other professionals");
        assertEquals(List.of(v2.entryUuid()), visibleTo(AUTHOR), "still visible to its author");
        AccessTrace trace = lastTrace();
        assertEquals(TraceAction.UPDATE, trace.action());
        assertEquals(AccessTrace.SUCCESS, trace.outcome());
        assertEquals(List.of(v1.uniqueId()), trace.documentIds());
        assertTrue(trace.detail().contains("+MASQUE_PS"), trace.detail());
    }

    @Test
    void theAdminDoctorMasksAndUnmasksADocumentTheyDidNotAuthor() {
        DocumentEntryRecord v1 = stored(CONSULTATION, N);

        DocumentEntryRecord v2 = update.update(newVersion(proposal(v1, N, MASQUE_PS, INVISIBLE_PATIENT), "1"), as(ADMIN)).get(0);
        DocumentEntryRecord v3 = update.update(newVersion(proposal(v2, N), "2"), as(ADMIN)).get(0);

        assertEquals("3", v3.version());
        assertEquals(List.of(EntryStatus.DEPRECATED, EntryStatus.DEPRECATED, EntryStatus.APPROVED),
                versions(v1).stream().map(DocumentEntryRecord::availabilityStatus).toList());
        assertEquals(List.of(v3.entryUuid()), visibleTo(COLLEAGUE), "unmasked");
    }

    @Test
    void anotherProfessionalMayNotMaskADocument() {
        DocumentEntryRecord v1 = stored(CONSULTATION, N);

        DmpException e = assertThrows(DmpException.class,
                () -> update.update(newVersion(proposal(v1, N, MASQUE_PS), "1"), as(COLLEAGUE)));

        assertEquals(DmpErrorCode.NOT_AUTHOR, e.code());
        assertTrue(e.getMessage().contains("only its author may change its metadata"), e.getMessage());
        assertEquals(List.of(v1), versions(v1), "nothing changed");
    }

    @Test
    void theAdminDoctorMayNotChangeOtherMetadata() {
        DocumentEntryRecord v1 = stored(CONSULTATION, N);
        DocumentEntryRecord retitled = withTitle(proposal(v1, N, MASQUE_PS), "Nouveau titre");

        DmpException e = assertThrows(DmpException.class, () -> update.update(newVersion(retitled, "1"), as(ADMIN)));
        DmpException level = assertThrows(DmpException.class, () -> update.update(newVersion(proposal(v1,
                new CodedValue("R", DmpConfidentiality.HL7_SYSTEM, "Restreint")), "1"), as(ADMIN)));

        assertEquals(DmpErrorCode.NOT_AUTHOR, e.code());
        assertTrue(e.getMessage().contains("this update also changes title"), e.getMessage());
        assertEquals(DmpErrorCode.NOT_AUTHOR, level.code(), "N -> R is not a visibility status");
        assertEquals(List.of(v1), versions(v1));
    }

    @Test
    void theAuthorChangesOtherMetadata() {
        DocumentEntryRecord v1 = stored(CONSULTATION, N);

        DocumentEntryRecord v2 = update.update(newVersion(withTitle(proposal(v1, N), "Compte rendu corrigé"), "1"),
                as(AUTHOR)).get(0);

        assertEquals("Compte rendu corrigé", v2.title());
        assertTrue(lastTrace().detail().contains("title"), lastTrace().detail());
    }

    @Test
    void aDocumentMaskedFromTheCallerIsUnknownToThem() {
        DocumentEntryRecord masked = stored(CONSULTATION, N, MASQUE_PS);

        DmpException e = assertThrows(DmpException.class,
                () -> update.update(newVersion(proposal(masked, N), "1"), as(COLLEAGUE)));

        assertEquals(DmpErrorCode.METADATA_UPDATE_ERROR, e.code(), "not NOT_AUTHOR: the document's existence is not revealed");
        assertEquals(masked.logicalUuid(), e.errors().get(0).location());
        assertTrue(e.getMessage().contains("no document entry of patient"), e.getMessage());
    }

    @Test
    void aProfessionWithoutHabilitationForTheTypeIsRefused() {
        DocumentEntryRecord psy = stored(BILAN_PSY, N);

        DmpException e = assertThrows(DmpException.class,
                () -> update.update(newVersion(proposal(psy, N, MASQUE_PS), "1"), as(DENTIST, CHIRURGIEN_DENTISTE)));

        assertEquals(DmpErrorCode.HABILITATION_DENIED, e.code());
    }

    // ------------------------------------------------------------------ versions and identity of the document

    @Test
    void aPreviousVersionThatIsNotTheCurrentOneIsAVersionError() {
        DocumentEntryRecord v1 = stored(CONSULTATION, N);
        DmpException ahead = assertThrows(DmpException.class,
                () -> update.update(newVersion(proposal(v1, N, MASQUE_PS), "2"), as(AUTHOR)));
        update.update(newVersion(proposal(v1, N, MASQUE_PS), "1"), as(AUTHOR));

        DmpException stale = assertThrows(DmpException.class,
                () -> update.update(newVersion(proposal(v1, N), "1"), as(AUTHOR)));

        assertEquals(DmpErrorCode.METADATA_VERSION_ERROR, ahead.code());
        assertEquals(DmpErrorCode.METADATA_VERSION_ERROR, stale.code());
        assertTrue(stale.getMessage().contains("PreviousVersion 1 is not the current version 2"), stale.getMessage());
        assertEquals(2, versions(v1).size());
    }

    @Test
    void aMetadataUpdateCannotChangeTheContentNorTheUniqueId() {
        DocumentEntryRecord v1 = stored(CONSULTATION, N);
        DocumentEntryRecord p = proposal(v1, N, MASQUE_PS);
        DocumentEntryRecord otherHash = p.withRegistryValues(p.logicalUuid(), null, null, "ffffffffffffffffffffffffffffffffffffffff",
                p.size(), p.repositoryUniqueId(), null);

        DmpException content = assertThrows(DmpException.class, () -> update.update(newVersion(otherHash, "1"), as(AUTHOR)));
        DmpException uniqueId = assertThrows(DmpException.class, () -> update.update(newVersion(withUniqueId(p, "2.25.99"), "1"),
                as(AUTHOR)));

        assertEquals(DmpErrorCode.METADATA_UPDATE_ERROR, content.code());
        assertTrue(content.getMessage().contains("cannot change the document's content: hash"), content.getMessage());
        assertEquals(DmpErrorCode.METADATA_UPDATE_ERROR, uniqueId.code());
        assertEquals(List.of(v1), versions(v1));
    }

    @Test
    void anUnknownDocumentOrOneOfAnotherPatientIsNamed() {
        DocumentEntryRecord elsewhere = stored(OTHER_PATIENT, CONSULTATION, N);
        DocumentEntryRecord mine = stored(CONSULTATION, N);
        DocumentEntryRecord unknown = proposal(mine, N, MASQUE_PS).withIds("urn:uuid:" + UUID.randomUUID(),
                "urn:uuid:00000000-0000-4000-8000-000000000000");

        DmpException e = assertThrows(DmpException.class, () -> update.update(new DocumentUpdate(set(), List.of(
                new NewVersion(unknown, "1")), List.of(new StatusChange(elsewhere.entryUuid(), EntryStatus.APPROVED,
                EntryStatus.DEPRECATED))), as(AUTHOR)));

        assertEquals(2, e.errors().size(), "every error of the request is reported");
        assertEquals(List.of(DmpErrorCode.METADATA_UPDATE_ERROR, DmpErrorCode.METADATA_UPDATE_ERROR),
                e.errors().stream().map(err -> err.code()).toList());
        assertEquals("urn:uuid:00000000-0000-4000-8000-000000000000", e.errors().get(0).location());
        assertEquals(elsewhere.entryUuid(), e.errors().get(1).location());
        assertEquals(List.of(elsewhere), repository.findDocuments(DocumentCriteria.builder().patient(OTHER_PATIENT).build()));
    }

    @Test
    void allOrNothing() {
        DocumentEntryRecord a = stored(CONSULTATION, N);
        DocumentEntryRecord b = stored(CONSULTATION, N);

        assertThrows(DmpException.class, () -> update.update(new DocumentUpdate(set(), List.of(
                new NewVersion(proposal(a, N, MASQUE_PS), "1"), new NewVersion(proposal(b, N, MASQUE_PS), "7")), List.of()),
                as(AUTHOR)));

        assertEquals(List.of(a), versions(a));
        assertEquals(List.of(b), versions(b));
    }

    // ------------------------------------------------------------------ statuses (deprecate, archive TD3.3d, delete TD3.3c)

    @Test
    void theAuthorDeprecatesArchivesAndUnarchives() {
        DocumentEntryRecord old = stored(CONSULTATION, N);
        DocumentEntryRecord doc = stored(CONSULTATION, N);

        update.update(status(old.entryUuid(), EntryStatus.APPROVED, EntryStatus.DEPRECATED), as(AUTHOR));
        update.update(status(doc.logicalUuid(), EntryStatus.APPROVED, EntryStatus.ARCHIVED), as(AUTHOR));
        assertEquals(EntryStatus.ARCHIVED, versions(doc).get(0).availabilityStatus());
        DocumentEntryRecord masked = update.update(newVersion(proposal(doc, N, MASQUE_PS), "1"), as(AUTHOR)).get(0);
        assertEquals(EntryStatus.ARCHIVED, masked.availabilityStatus(), "a new version of an archived document stays archived");
        update.update(status(masked.entryUuid(), EntryStatus.ARCHIVED, EntryStatus.APPROVED), as(AUTHOR));

        assertEquals(EntryStatus.DEPRECATED, versions(old).get(0).availabilityStatus());
        assertEquals(List.of(EntryStatus.DEPRECATED, EntryStatus.APPROVED),
                versions(doc).stream().map(DocumentEntryRecord::availabilityStatus).toList());
        AssociationRecord uas = repository.findAssociations(AssociationCriteria.builder()
                .targetUuids(List.of(masked.entryUuid())).kinds(List.of(AssociationKind.UPDATE_AVAILABILITY_STATUS))
                .build()).get(0);
        assertEquals(EntryStatus.ARCHIVED.urn(), uas.originalStatus());
        assertEquals(EntryStatus.APPROVED.urn(), uas.newStatus());
    }

    @Test
    void otherTransitionsAndAWrongOriginalStatusAreRefused() {
        DocumentEntryRecord doc = stored(CONSULTATION, N);
        update.update(status(doc.entryUuid(), EntryStatus.APPROVED, EntryStatus.DEPRECATED), as(AUTHOR));

        DmpException back = assertThrows(DmpException.class,
                () -> update.update(status(doc.entryUuid(), EntryStatus.DEPRECATED, EntryStatus.APPROVED), as(AUTHOR)));
        DmpException original = assertThrows(DmpException.class,
                () -> update.update(status(doc.entryUuid(), EntryStatus.APPROVED, EntryStatus.ARCHIVED), as(AUTHOR)));

        assertEquals(DmpErrorCode.METADATA_UPDATE_ERROR, back.code());
        assertTrue(back.getMessage().contains("the status change Deprecated -> Approved is not allowed"), back.getMessage());
        assertEquals(DmpErrorCode.METADATA_UPDATE_ERROR, original.code());
        assertTrue(original.getMessage().contains("OriginalStatus Approved is not its status, Deprecated"), original.getMessage());
    }

    @Test
    void onlyTheAuthorChangesAStatus() {
        DocumentEntryRecord doc = stored(CONSULTATION, N);

        DmpException admin = assertThrows(DmpException.class,
                () -> update.update(status(doc.entryUuid(), EntryStatus.APPROVED, EntryStatus.ARCHIVED), as(ADMIN)));
        DmpException delete = assertThrows(DmpException.class,
                () -> update.update(status(doc.entryUuid(), EntryStatus.APPROVED, EntryStatus.DELETED), as(COLLEAGUE)));

        assertEquals(DmpErrorCode.NOT_AUTHOR, admin.code());
        assertTrue(admin.getMessage().contains("only its author may archive it"), admin.getMessage());
        assertEquals(DmpErrorCode.NOT_AUTHOR, delete.code());
        assertEquals(List.of(doc), versions(doc));
    }

    @Test
    void theAuthorDeletesThroughIti57AndEveryVersionIsDeleted() {
        DocumentEntryRecord v1 = stored(CONSULTATION, N);
        DocumentEntryRecord v2 = update.update(newVersion(proposal(v1, N, MASQUE_PS), "1"), as(AUTHOR)).get(0);

        update.update(status(v2.entryUuid(), EntryStatus.APPROVED, EntryStatus.DELETED), as(AUTHOR));

        assertEquals(List.of(EntryStatus.DELETED, EntryStatus.DELETED),
                versions(v1).stream().map(DocumentEntryRecord::availabilityStatus).toList());
        assertTrue(visibleTo(AUTHOR).isEmpty(), "a deleted document is never returned, not even to its author");
        assertEquals(TraceAction.DELETE, lastTrace().action());
        DmpException again = assertThrows(DmpException.class,
                () -> update.update(status(v2.entryUuid(), EntryStatus.DELETED, EntryStatus.APPROVED), as(AUTHOR)));
        assertEquals(DmpErrorCode.METADATA_UPDATE_ERROR, again.code(), "a deleted document is unknown");
    }

    @Test
    void oneChangePerDocumentAndRequest() {
        DocumentEntryRecord doc = stored(CONSULTATION, N);

        DmpException e = assertThrows(DmpException.class, () -> update.update(new DocumentUpdate(set(),
                List.of(new NewVersion(proposal(doc, N, MASQUE_PS), "1")),
                List.of(new StatusChange(doc.logicalUuid(), EntryStatus.APPROVED, EntryStatus.ARCHIVED))), as(AUTHOR)));

        assertEquals(DmpErrorCode.METADATA_UPDATE_ERROR, e.code());
        assertTrue(e.getMessage().contains("changed twice"), e.getMessage());
    }

    @Test
    void theTraceActionOfAnIti57Request() {
        assertEquals(TraceAction.DELETE, UpdateDocuments.traceAction(status("x", EntryStatus.APPROVED, EntryStatus.DELETED)));
        assertEquals(TraceAction.UPDATE, UpdateDocuments.traceAction(status("x", EntryStatus.APPROVED, EntryStatus.ARCHIVED)));
        assertEquals(TraceAction.UPDATE, UpdateDocuments.traceAction(new DocumentUpdate(set(), List.of(), List.of())));
    }

    @Test
    void theTraceDetailIsCut() {
        List<String> many = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            many.add("version 2 of 2.25." + i + " (+MASQUE_PS)");
        }
        String summary = UpdateDocuments.summary(many);
        assertTrue(summary.length() <= UpdateDocuments.MAX_DETAIL + 20, summary);
        assertTrue(summary.endsWith(" more"), summary);
    }

    // ------------------------------------------------------------------ ITI-62

    @Test
    void theAuthorRemovesDocumentsLogically() {
        DocumentEntryRecord v1 = stored(CONSULTATION, N);
        DocumentEntryRecord v2 = update.update(newVersion(proposal(v1, N, MASQUE_PS), "1"), as(AUTHOR)).get(0);
        DocumentEntryRecord other = stored(CONSULTATION, N);

        remove.remove(new DocumentRemoval(List.of(v2.entryUuid(), other.entryUuid())), as(AUTHOR));

        assertEquals(List.of(EntryStatus.DELETED, EntryStatus.DELETED),
                versions(v1).stream().map(DocumentEntryRecord::availabilityStatus).toList());
        assertEquals(EntryStatus.DELETED, versions(other).get(0).availabilityStatus());
        assertTrue(repository.findContent(v1.uniqueId()).isPresent(), "a logical removal erases nothing");
        AccessTrace trace = lastTrace();
        assertEquals(TraceAction.DELETE, trace.action());
        assertEquals(List.of(v1.uniqueId(), other.uniqueId()), trace.documentIds());
    }

    @Test
    void aNonAuthorCannotRemoveAndNothingIsRemoved() {
        DocumentEntryRecord mine = stored(CONSULTATION, N);
        DocumentEntryRecord theirs = storedBy(COLLEAGUE, CONSULTATION);

        DmpException e = assertThrows(DmpException.class,
                () -> remove.remove(new DocumentRemoval(List.of(mine.entryUuid(), theirs.entryUuid())), as(AUTHOR)));

        assertEquals(DmpErrorCode.NOT_AUTHOR, e.code());
        assertEquals(theirs.entryUuid(), e.errors().get(0).location());
        assertEquals(EntryStatus.APPROVED, versions(mine).get(0).availabilityStatus(), "all or nothing");
    }

    @Test
    void onlyDocumentEntriesOfThePatientCanBeRemoved() {
        stored(CONSULTATION, N);
        SubmissionSetRecord set = repository.findSubmissionSets(
                org.dmpgateway.model.query.SubmissionSetCriteria.byPatient(PATIENT, null)).get(0);
        DocumentEntryRecord elsewhere = stored(OTHER_PATIENT, CONSULTATION, N);

        DmpException e = assertThrows(DmpException.class, () -> remove.remove(new DocumentRemoval(List.of(
                set.entryUuid(), elsewhere.entryUuid(), "urn:uuid:00000000-0000-4000-8000-000000000001")), as(AUTHOR)));

        assertEquals(3, e.errors().size());
        assertTrue(e.errors().get(0).message().contains("only document entries can be removed"), e.getMessage());
        assertTrue(e.errors().stream().allMatch(err -> err.code() == DmpErrorCode.METADATA_UPDATE_ERROR));
        assertEquals(EntryStatus.APPROVED, versions(elsewhere).get(0).availabilityStatus());
    }

    // ------------------------------------------------------------------ helpers

    static AccessContext as(String actor) {
        return as(actor, MEDECIN);
    }

    static AccessContext as(String actor, CodedValue profession) {
        return new AccessContext(actor, "Dr " + actor, profession, null, "1750100125", "SA07^1.2.250.1.71.4.2.4",
                PATIENT, AccessMode.NORMAL, null, CallerSoftware.named("tests 1.0"));
    }

    static String person(String actor) {
        return actor + "^DOC^Actor^^^^^^&1.2.250.1.71.4.2.1&ISO";
    }

    DocumentEntryRecord stored(CodedValue type, CodedValue... confidentiality) {
        return stored(PATIENT, type, confidentiality);
    }

    DocumentEntryRecord storedBy(String author, CodedValue type) {
        return store(entry(PATIENT, author, type, List.of(N)));
    }

    DocumentEntryRecord stored(PatientRef patient, CodedValue type, CodedValue... confidentiality) {
        return store(entry(patient, AUTHOR, type, List.of(confidentiality)));
    }

    DocumentEntryRecord store(DocumentEntryRecord e) {
        SubmissionSetRecord set = set(e.patientId());
        AssociationRecord member = new AssociationRecord("urn:uuid:" + UUID.randomUUID(), AssociationKind.HAS_MEMBER,
                set.entryUuid(), e.entryUuid(), "Original", null, null, null, null, EntryStatus.APPROVED, Map.of());
        repository.storeSubmission(new SubmissionWrite(new Submission(set, List.of(new SubmittedDocument(e,
                DocumentBytes.of(("contenu " + e.uniqueId()).getBytes(StandardCharsets.UTF_8)))), List.of(), List.of(member)), List.of(), Map.of()));
        return e;
    }

    static DocumentEntryRecord entry(PatientRef patient, String author, CodedValue type, List<CodedValue> confidentiality) {
        String uuid = "urn:uuid:" + UUID.randomUUID();
        return DocumentEntryRecord.builder().entryUuid(uuid).logicalUuid(uuid).version("1")
                .uniqueId("2.25." + Math.abs(UUID.randomUUID().getMostSignificantBits())).patientId(patient)
                .sourcePatientId("IPP-1^^^&1.2.250.1.999&ISO").sourcePatientInfo(List.of("PID-5|DUPONT^Marie"))
                .availabilityStatus(EntryStatus.APPROVED)
                .classCode(new CodedValue("10", "1.2.250.1.213.1.1.4.1", "Compte rendu")).typeCode(type)
                .formatCode(new CodedValue("urn:ihe:iti:xds-sd:text:2008", "1.3.6.1.4.1.19376.1.2.3", null))
                .healthcareFacilityTypeCode(new CodedValue("SA07", "1.2.250.1.71.4.2.4", "Cabinet"))
                .practiceSettingCode(new CodedValue("AMBULATOIRE", "1.2.250.1.213.1.1.4.9", null))
                .confidentialityCodes(confidentiality).creationTime("20251120093000")
                .authors(List.of(new AuthorInfo(person(author), null, null, null, null))).title("Compte rendu")
                .languageCode("fr-FR").mimeType("text/plain").hash("0a1b2c3d4e5f60718293a4b5c6d7e8f901234567").size(42L)
                .repositoryUniqueId(REPOSITORY).build();
    }

    /** The entry as a client sends it for a new version: new entryUUID, same logicalID, these codes. */
    static DocumentEntryRecord proposal(DocumentEntryRecord current, CodedValue... confidentiality) {
        DocumentEntryRecord e = current.withIds("urn:uuid:" + UUID.randomUUID(), current.logicalUuid());
        return asRequested(e).version(null).homeCommunityId(null).availabilityStatus(null)
                .confidentialityCodes(List.of(confidentiality)).build();
    }

    static DocumentEntryRecord withTitle(DocumentEntryRecord e, String title) {
        return asRequested(e).title(title).build();
    }

    static DocumentEntryRecord withUniqueId(DocumentEntryRecord e, String uniqueId) {
        return asRequested(e).uniqueId(uniqueId).build();
    }

    /** A copy of {@code e} as a request carries it: no submitter recorded, no patientId as sent. */
    static DocumentEntryRecord.Builder asRequested(DocumentEntryRecord e) {
        return e.toBuilder().submitterId(null).patientIdAsSent(null);
    }

    SubmissionSetRecord set() {
        return set(PATIENT);
    }

    SubmissionSetRecord set(PatientRef patient) {
        sets++;
        return new SubmissionSetRecord("urn:uuid:" + UUID.randomUUID(), "2.25.57" + sets + Math.abs(UUID.randomUUID()
                .getLeastSignificantBits()), "1.2.250.1.999.1", null, patient, "20251123101500", null,
                List.of(new AuthorInfo(person(AUTHOR), null, null, null, null)), null, null, null, EntryStatus.APPROVED,
                false, null);
    }

    DocumentUpdate newVersion(DocumentEntryRecord proposed, String previousVersion) {
        return new DocumentUpdate(set(), List.of(new NewVersion(proposed, previousVersion)), List.of());
    }

    DocumentUpdate status(String target, EntryStatus original, EntryStatus next) {
        return new DocumentUpdate(set(), List.of(), List.of(new StatusChange(target, original, next)));
    }

    List<DocumentEntryRecord> versions(DocumentEntryRecord e) {
        return repository.findDocuments(DocumentCriteria.builder().logicalUuids(List.of(e.logicalUuid())).build());
    }

    /** The entryUUIDs of the patient's Approved or Archived entries this professional (a médecin) may see. */
    List<String> visibleTo(String actor) {
        var visibility = new org.dmpgateway.model.query.DocumentVisibility(actor, false, false,
                DmpConfidentiality.MASKING_PROFESSIONALS, null);
        return repository.findDocuments(DocumentCriteria.builder().patient(PATIENT)
                        .statuses(List.of(EntryStatus.APPROVED, EntryStatus.ARCHIVED)).visibility(visibility).build())
                .stream().map(DocumentEntryRecord::entryUuid).toList();
    }

    AccessTrace lastTrace() {
        return traces.findByPatient(PATIENT, 1).get(0);
    }
}
