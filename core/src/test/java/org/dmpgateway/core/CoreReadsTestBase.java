package org.dmpgateway.core;
import org.dmpgateway.core.metadata.DmpValueSetRule;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.impl.DefaultCamelContext;
import org.dmpgateway.model.CoreEndpoints;
import org.dmpgateway.model.access.AccessContext;
import org.dmpgateway.model.access.CallerSoftware;
import org.dmpgateway.model.access.AccessMode;
import org.dmpgateway.model.access.PatientMatch;
import org.dmpgateway.model.access.PatientSearch;
import org.dmpgateway.model.access.RecordStatus;
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
import org.dmpgateway.model.EntryStatus;
import org.dmpgateway.model.PatientRecord;
import org.dmpgateway.model.PatientRecordState;
import org.dmpgateway.model.PatientRef;
import org.dmpgateway.model.PatientSettings;
import org.dmpgateway.model.ProfessionalConsent;
import org.dmpgateway.model.Submission;
import org.dmpgateway.model.SubmissionSetRecord;
import org.dmpgateway.model.SubmittedDocument;
import org.dmpgateway.model.FolderRecord;
import org.dmpgateway.model.query.DocumentCriteria;
import org.dmpgateway.model.query.DocumentsPage;
import org.dmpgateway.model.query.FolderCriteria;
import org.dmpgateway.model.query.FoundLists;
import org.dmpgateway.model.query.ListSearch;
import org.dmpgateway.model.query.QueryCommand;
import org.dmpgateway.model.query.QueryResult;
import org.dmpgateway.model.query.RegistryQuery;
import org.dmpgateway.model.query.StreamedQueryResult;
import org.dmpgateway.model.trail.AccessTrace;
import org.dmpgateway.model.trail.TraceAction;
import org.dmpgateway.repository.JdbcAccessTrailRepository;
import org.dmpgateway.repository.JdbcNotificationOutbox;
import org.dmpgateway.repository.JdbcPatientRecordRepository;
import org.dmpgateway.repository.JdbcProfileRepository;
import org.dmpgateway.repository.JdbcRegistryRepository;
import org.dmpgateway.repository.RegistryRepository;
import org.dmpgateway.repository.SubmissionWrite;
import org.dmpgateway.core.consent.DeclareAuthorization;
import org.dmpgateway.core.consent.ListProfessionals;
import org.dmpgateway.core.record.ListAuthorisedRecords;
import org.dmpgateway.core.record.ReviseRecord;
import org.dmpgateway.core.record.SearchPatientsWithoutIns;
import org.dmpgateway.core.profile.ProfessionalMedicalProfile;
import org.dmpgateway.core.patient.InsValidator;
import org.dmpgateway.core.patient.PatientResolver;
import org.dmpgateway.core.policy.AccessPolicy;
import org.dmpgateway.core.policy.HabilitationMatrix;
import org.dmpgateway.core.policy.SubjectRoles;
import org.dmpgateway.core.query.ListMembers;
import org.dmpgateway.core.query.StoredQueries;
import org.dmpgateway.core.retrieve.RetrieveDocuments;
import org.dmpgateway.core.submission.SubmitDocuments;
import org.dmpgateway.core.trail.AccessTrail;
import org.dmpgateway.core.trail.ProbedDocuments;
import org.dmpgateway.model.query.AssociationCriteria;
import org.dmpgateway.model.query.SubmissionSetCriteria;
import org.dmpgateway.core.trail.ReadTraces;
import org.dmpgateway.core.update.RemoveDocuments;
import org.dmpgateway.core.update.UpdateDocuments;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import javax.sql.DataSource;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The core's reads for the FHIR side, through the real Camel routes ({@link CoreRoutes}) on the
 * real repository, policy, habilitation matrix and trail: paged FindDocuments and its count, the
 * result cap, the access history (READ_TRACES) and who may read it, the patient side refused
 * elsewhere, and the record's identity in TD0.2. Subclasses choose the database; every test works
 * on a patient of its own.
 */
abstract class CoreReadsTestBase {
    static final int MAX_RESULTS = 4;
    static final String AUTHOR = "810002345678";
    static final String ADMIN = "810000000011";
    static final String COLLEAGUE = "810000000022";
    static final String STRANGER = "810000000044";
    static final String BLOCKED = "810000000055";
    static final CodedValue MEDECIN = new CodedValue("10", "1.2.250.1.71.1.2.7", "Médecin");
    static final CodedValue CONSULTATION = new CodedValue("11488-4", "2.16.840.1.113883.6.1", "CR de consultation");
    static final String REPOSITORY = "2.25.4242";

    RegistryRepository repository;
    JdbcPatientRecordRepository records;
    JdbcAccessTrailRepository traces;
    JdbcNotificationOutbox outbox;
    CamelContext camel;
    ProducerTemplate producer;
    PatientRef patient;
    /** The patient's documents in the order they were stored; the second is masked. */
    List<DocumentEntryRecord> docs;
    /** The SQL statements prepared on the database so far. */
    final AtomicInteger statements = new AtomicInteger();

    /** A database migrated by Flyway with the repository's migrations. */
    abstract DataSource migratedDataSource();

    @BeforeEach
    void open() throws Exception {
        DataSource ds = counted(migratedDataSource());
        DataSourceTransactionManager tm = new DataSourceTransactionManager(ds);
        repository = new JdbcRegistryRepository(ds, tm);
        records = new JdbcPatientRecordRepository(ds, tm);
        traces = new JdbcAccessTrailRepository(ds);
        outbox = new JdbcNotificationOutbox(ds);
        HabilitationMatrix matrix;
        try (InputStream in = getClass().getResourceAsStream("/terminology/habilitation-matrix.csv")) {
            matrix = HabilitationMatrix.read(in, "habilitation-matrix.csv");
        }
        AccessPolicy policy = new AccessPolicy(new PatientResolver(records), matrix, SubjectRoles.shipped(), true);
        AccessTrail trail = new AccessTrail(traces, outbox);
        TransactionTemplate tx = new TransactionTemplate(tm);
        GatewayIdentity identity = new GatewayIdentity(REPOSITORY, "");
        CoreRoutes routes = new CoreRoutes(new SubmitDocuments(repository, policy, trail, tx, identity, DmpValueSetRule.shipped()),
                new StoredQueries(repository, policy, trail, tx, new ProbedDocuments(repository, trail), MAX_RESULTS),
                new ListMembers(repository, policy, trail, tx, MAX_RESULTS),
                new RetrieveDocuments(repository, identity, policy, trail, tx, new ProbedDocuments(repository, trail)),
                new DeclareAuthorization(policy, records, trail, tx),
                new UpdateDocuments(repository, policy, trail, tx, identity, DmpValueSetRule.shipped()), new RemoveDocuments(repository, policy, trail, tx),
                new ReadTraces(policy, traces, trail, tx), trail,
                new ListProfessionals(policy, records, traces, trail, SubjectRoles.shipped(), tx),
                new ListAuthorisedRecords(policy, records, traces), new ReviseRecord(policy, records, trail, tx),
                new SearchPatientsWithoutIns(policy, records),
                // the medical profile's route is not exercised here: no FHIR codec (HAPI stays out of the core)
                new ProfessionalMedicalProfile(policy, trail, new JdbcProfileRepository(ds), null, tx));
        camel = new DefaultCamelContext();
        camel.addRoutes(routes);
        camel.start();
        producer = camel.createProducerTemplate();

        patient = newIns();
        records.savePatient(new PatientRecord(patient, "DUPONT", "Marie", LocalDate.of(1979, 3, 12), "F",
                PatientRecordState.ACTIVATED, new PatientSettings("marie.dupont@example.org", true, true, false, false)));
        for (String actor : List.of(AUTHOR, ADMIN, COLLEAGUE)) {
            records.saveConsent(new ProfessionalConsent(patient, actor, "Dr " + actor, ConsentStatus.AUTHORIZED,
                    actor.equals(ADMIN), Instant.parse("2025-11-01T00:00:00Z")));
        }
        records.saveConsent(new ProfessionalConsent(patient, BLOCKED, null, ConsentStatus.BLOCKED, false,
                Instant.parse("2025-11-01T00:00:00Z")));
        docs = new ArrayList<>();
        docs.add(store(entry(List.of(DmpConfidentiality.NORMAL))));
        docs.add(store(entry(List.of(DmpConfidentiality.NORMAL, DmpConfidentiality.MASQUE_PS))));
        for (int i = 0; i < 3; i++) {
            docs.add(store(entry(List.of(DmpConfidentiality.NORMAL))));
        }
    }

    @AfterEach
    void close() throws Exception {
        camel.close();
    }

    // ------------------------------------------------------------------ paging and total

    @Test
    void findDocumentsAnswersAPageInInsertionOrderAfterTheVisibilityFilter() {
        // the colleague does not see the masked document: d0, d2, d3, d4
        assertEquals(uniqueIds(docs.get(2), docs.get(3)), found(as(COLLEAGUE), find(1, 2)));
        assertEquals(uniqueIds(docs.get(4)), found(as(COLLEAGUE), find(3, 2)));
        assertEquals(uniqueIds(), found(as(COLLEAGUE), find(4, 2)));
        // the admin doctor sees it: d0 .. d4
        assertEquals(uniqueIds(docs.get(1), docs.get(2)), found(as(ADMIN), find(1, 2)));
    }

    @Test
    void aPageComesWithTheTotalOfItsSelectionInOneAdmissionAndOneTrace() {
        found(as(COLLEAGUE), find(1, 2)); // the colleague's first access: its e-mail to the patient written once
        int statementsBefore = statements.get();
        found(as(COLLEAGUE), find(1, 2));
        int forQuery = statements.get() - statementsBefore;
        int before = traces.findByPatient(patient, 1000).size();
        statementsBefore = statements.get();
        DocumentsPage full = page(as(COLLEAGUE), 1, 2);
        assertEquals(uniqueIds(docs.get(2), docs.get(3)), uniqueIds(full));
        assertEquals(4, full.total(), "a full page: its selection counted, the masked document left out");
        assertEquals(forQuery + 1, statements.get() - statementsBefore,
                "the query's statements and the count: one admission for the page and its total");

        statementsBefore = statements.get();
        DocumentsPage last = page(as(COLLEAGUE), 3, 2);
        assertEquals(uniqueIds(docs.get(4)), uniqueIds(last));
        assertEquals(4, last.total(), "a page with fewer documents than its size ends the selection");
        assertEquals(forQuery, statements.get() - statementsBefore, "no count when the page shows the end");

        assertEquals(4, page(as(COLLEAGUE), 4, 2).total(), "an empty page past the first: counted");
        assertEquals(0, page(as(COLLEAGUE), 0, 0).page().documents().size());
        assertEquals(4, page(as(COLLEAGUE), 0, 0).total(), "a page of no document (_count=0): counted");
        assertEquals(5, page(as(ADMIN), 0, 2).total(), "the admin doctor sees the masked document");

        List<AccessTrace> traced = traces.findByPatient(patient, 1000);
        assertEquals(before + 6, traced.size(), "each page traced once");
        AccessTrace newest = traced.get(0);
        assertEquals(List.of(TraceAction.QUERY, ADMIN), List.of(newest.action(), newest.actorId()));
        assertEquals(uniqueIds(docs.get(0), docs.get(1)), newest.documentIds(), "the trace names the page's documents");
    }

    @Test
    void theResultCapAppliesToWhatOneQueryReturns() {
        assertEquals(DmpErrorCode.TOO_MANY_RESULTS, refusal(CoreEndpoints.QUERY_REGISTRY,
                new QueryCommand(find(null, null), false), as(ADMIN)), "5 documents, cap 4");
        assertEquals(DmpErrorCode.TOO_MANY_RESULTS, refusal(CoreEndpoints.QUERY_REGISTRY,
                new QueryCommand(find(0, 10), false), as(ADMIN)), "a page larger than the cap is cut by the cap");
        assertEquals(4, found(as(ADMIN), find(0, 4)).size(), "a page within the cap");
        assertEquals(uniqueIds(docs.get(1), docs.get(2), docs.get(3), docs.get(4)), found(as(ADMIN), find(1, null)),
                "an offset leaves 4: within the cap");
        assertEquals(uniqueIds(docs.get(0), docs.get(2), docs.get(3), docs.get(4)), found(as(COLLEAGUE), find(null, null)),
                "4 visible to the colleague: exactly the cap");
        assertEquals(5, page(as(ADMIN), 0, 4).total(), "the total is no result list: not capped");
    }

    @Test
    void aStreamedFindDocumentsIsAdmittedCappedAndTracedBeforeItsEntriesAreRead() {
        StreamedQueryResult streamed = (StreamedQueryResult) ask(CoreEndpoints.QUERY_REGISTRY_STREAMED,
                new QueryCommand(find(null, null), false), as(COLLEAGUE));
        assertTrue(streamed.streamed());
        assertEquals(4, streamed.documentCount());
        AccessTrace traced = traces.findByPatient(patient, 1).get(0);
        assertEquals(List.of(TraceAction.QUERY, COLLEAGUE), List.of(traced.action(), traced.actorId()));
        assertEquals(uniqueIds(docs.get(0), docs.get(2), docs.get(3), docs.get(4)), traced.documentIds(),
                "traced before any entry is read");
        List<DocumentEntryRecord> read = new ArrayList<>();
        streamed.documents().forEachRemaining(read::add);
        assertEquals(List.of(docs.get(0), docs.get(2), docs.get(3), docs.get(4)), read, "the masked one left out");
        assertTrue(streamed.documents().isClosed(), "closed after its last entry");

        assertEquals(DmpErrorCode.TOO_MANY_RESULTS, refusal(CoreEndpoints.QUERY_REGISTRY_STREAMED,
                new QueryCommand(find(null, null), false), as(ADMIN)), "5 documents, cap 4: refused before any is read");
        assertEquals(DmpErrorCode.PS_NOT_AUTHORIZED, refusal(CoreEndpoints.QUERY_REGISTRY_STREAMED,
                new QueryCommand(find(null, null), false), as(STRANGER)));
        StreamedQueryResult page = (StreamedQueryResult) ask(CoreEndpoints.QUERY_REGISTRY_STREAMED,
                new QueryCommand(find(1, 2), false), as(ADMIN));
        List<String> pageIds = new ArrayList<>();
        page.documents().forEachRemaining(d -> pageIds.add(d.uniqueId()));
        assertEquals(uniqueIds(docs.get(1), docs.get(2)), pageIds);

        StreamedQueryResult refs = (StreamedQueryResult) ask(CoreEndpoints.QUERY_REGISTRY_STREAMED,
                new QueryCommand(find(null, null), true), as(COLLEAGUE));
        assertFalse(refs.streamed(), "ObjectRef answers are small: answered whole");
        assertEquals(4, refs.result().documents().size());
    }

    @Test
    void aPageIsAdmittedAndRefusedLikeAQuery() {
        int before = traces.findByPatient(patient, 1000).size();
        assertEquals(DmpErrorCode.PS_NOT_AUTHORIZED, refusal(CoreEndpoints.FIND_DOCUMENTS_PAGE,
                new QueryCommand(find(null, null), false), as(STRANGER)));
        AccessTrace refused = traces.findByPatient(patient, 1).get(0);
        assertEquals(List.of(TraceAction.QUERY, "PS_NOT_AUTHORIZED", STRANGER),
                List.of(refused.action(), refused.outcome(), refused.actorId()));
        assertEquals(DmpErrorCode.PS_BLOCKED, refusal(CoreEndpoints.FIND_DOCUMENTS_PAGE,
                new QueryCommand(find(null, null), false), as(BLOCKED)));
        PatientRef other = newIns();
        assertEquals(DmpErrorCode.ACCESS_PATIENT_MISMATCH, refusal(CoreEndpoints.FIND_DOCUMENTS_PAGE, new QueryCommand(
                new RegistryQuery.FindDocuments(DocumentCriteria.builder().patient(other).build()), false), as(AUTHOR)));
        AccessTrace probe = traces.findByPatient(other, 1).get(0);
        assertEquals(List.of(TraceAction.QUERY, "ACCESS_PATIENT_MISMATCH", AUTHOR),
                List.of(probe.action(), probe.outcome(), probe.actorId()), "a probe is traced in the targeted record");
        assertEquals(DmpErrorCode.INVALID_QUERY_PARAMETER, refusal(CoreEndpoints.FIND_DOCUMENTS_PAGE, new QueryCommand(
                new RegistryQuery.GetAll(patient, null, null, null, null, null, null), false), as(AUTHOR)));
        assertEquals(DmpErrorCode.INVALID_QUERY_PARAMETER, refusal(CoreEndpoints.FIND_DOCUMENTS_PAGE, new QueryCommand(
                new RegistryQuery.FindDocuments(DocumentCriteria.builder().build()), false), as(AUTHOR)),
                "the patient is required");
        assertEquals(DmpErrorCode.HABILITATION_DENIED, refusal(CoreEndpoints.FIND_DOCUMENTS_PAGE,
                new QueryCommand(find(null, null), false), patientSelf()));
        assertEquals(before + 5, traces.findByPatient(patient, 1000).size(),
                "each other refusal is traced in the patient's history");
        page(as(AUTHOR), 0, 2);
        assertEquals(before + 6, traces.findByPatient(patient, 1000).size(), "a page is traced as a query");
    }

    // ------------------------------------------------------------------ a read by id (FHIR read, ITI-18 GetDocuments)

    @Test
    void aReadByIdIsTracedAndCommittedWithItsFirstAccessMailAndProbesNoOtherRecord() {
        DocumentEntryRecord d = docs.get(0);
        RegistryQuery byId = new RegistryQuery.GetDocuments(List.of(d.entryUuid()), null, null, true);
        int before = traces.findByPatient(patient, 1000).size();
        int mails = outbox.findByPatient(patient, 1000).size();

        assertEquals(uniqueIds(d), found(as(COLLEAGUE), byId));
        List<AccessTrace> history = traces.findByPatient(patient, 1000);
        assertEquals(before + 1, history.size(), "one trace: the document is the caller's patient's, no probe");
        assertEquals(List.of(TraceAction.QUERY, AccessTrace.SUCCESS, COLLEAGUE, uniqueIds(d)), List.of(
                history.get(0).action(), history.get(0).outcome(), history.get(0).actorId(), history.get(0).documentIds()));
        assertEquals(mails + 1, outbox.findByPatient(patient, 1000).size(), "the colleague's first access is mailed");

        assertEquals(uniqueIds(d), found(as(COLLEAGUE), byId));
        assertEquals(before + 2, traces.findByPatient(patient, 1000).size());
        assertEquals(mails + 1, outbox.findByPatient(patient, 1000).size(), "a second access is not mailed");
        assertTrue(traces.findByPatient(patient, 1000).stream().allMatch(t -> AccessTrace.SUCCESS.equals(t.outcome())),
                "no probe traced");
    }

    // ------------------------------------------------------------------ probes by document id (issue 13, item 7)

    @Test
    void aLookupByIdOfAnotherPatientsDocumentIsTracedInTheOwnersHistory() {
        PatientRef other = newIns();
        records.savePatient(new PatientRecord(other, "MARTIN", "Luc", LocalDate.of(1980, 1, 1), "M",
                PatientRecordState.ACTIVATED, new PatientSettings(null, true, true, false, false)));
        records.saveConsent(new ProfessionalConsent(other, AUTHOR, "Dr " + AUTHOR, ConsentStatus.AUTHORIZED, false,
                Instant.parse("2025-11-01T00:00:00Z")));
        AccessContext onOther = new AccessContext(AUTHOR, "Dr " + AUTHOR, MEDECIN, null, "1750100125", null, other,
                AccessMode.NORMAL, null, CallerSoftware.of("tests 1.0", "POSTE-1", "HOMOLOGATION-1"));
        DocumentEntryRecord theirs = docs.get(0);
        int before = traces.findByPatient(patient, 1000).size();

        // the lookup before a FHIR DELETE (FIND_FOR_CHANGE): nothing found, as for an unknown document
        QueryResult found = (QueryResult) producer.send(CoreEndpoints.FIND_FOR_CHANGE, e -> {
            e.getIn().setBody(new QueryCommand(new RegistryQuery.GetDocuments(List.of(theirs.entryUuid()), null, null),
                    false));
            e.getIn().setHeader(CoreEndpoints.ACCESS_CONTEXT, onOther);
            e.getIn().setHeader(CoreEndpoints.CHANGE_ACTION, TraceAction.DELETE);
        }).getMessage().getBody();
        assertTrue(found.documents().isEmpty());
        // a GetDocuments by the owner's uniqueId (ITI-18, FHIR read): nothing
        assertEquals(List.of(), found(onOther, new RegistryQuery.GetDocuments(null, List.of(theirs.uniqueId()), null)));

        List<AccessTrace> owners = traces.findByPatient(patient, 1000);
        assertEquals(before + 2, owners.size(), "one line per probe in the owner's history");
        AccessTrace query = owners.get(0);
        AccessTrace delete = owners.get(1);
        assertEquals(List.of(TraceAction.QUERY, "ACCESS_PATIENT_MISMATCH", AUTHOR, List.of(theirs.uniqueId())),
                List.of(query.action(), query.outcome(), query.actorId(), query.documentIds()));
        assertEquals(List.of(TraceAction.DELETE, "ACCESS_PATIENT_MISMATCH", AUTHOR, List.of(theirs.uniqueId())),
                List.of(delete.action(), delete.outcome(), delete.actorId(), delete.documentIds()));
        assertEquals(CallerSoftware.of("tests 1.0", "POSTE-1", "HOMOLOGATION-1"), delete.software());
        assertFalse(delete.detail().contains(other.id()), "the owner's history does not name the other patient");
        assertTrue(traces.findByPatient(other, 1000).stream()
                        .noneMatch(t -> "ACCESS_PATIENT_MISMATCH".equals(t.outcome())),
                "the identity's record keeps only its own query trace");

        // the other queries that name a document by id
        for (RegistryQuery q : List.of(new RegistryQuery.GetDocumentsAndAssociations(null, List.of(theirs.uniqueId())),
                new RegistryQuery.GetRelatedDocuments(theirs.entryUuid(), null, null, null),
                new RegistryQuery.GetFoldersForDocument(null, theirs.uniqueId()))) {
            int count = traces.findByPatient(patient, 1000).size();
            ask(CoreEndpoints.QUERY_REGISTRY, new QueryCommand(q, false), onOther);
            AccessTrace probe = traces.findByPatient(patient, 1).get(0);
            assertEquals(count + 1, traces.findByPatient(patient, 1000).size(), q.getClass().getSimpleName());
            assertEquals(List.of(TraceAction.QUERY, "ACCESS_PATIENT_MISMATCH", List.of(theirs.uniqueId())),
                    List.of(probe.action(), probe.outcome(), probe.documentIds()), q.getClass().getSimpleName());
        }
    }

    @Test
    void aLookupByIdOfAnotherPatientsSubmissionSetOrAssociationIsTracedInTheOwnersHistory() {
        PatientRef other = newIns();
        records.savePatient(new PatientRecord(other, "MARTIN", "Luc", LocalDate.of(1980, 1, 1), "M",
                PatientRecordState.ACTIVATED, new PatientSettings(null, true, true, false, false)));
        records.saveConsent(new ProfessionalConsent(other, AUTHOR, "Dr " + AUTHOR, ConsentStatus.AUTHORIZED, false,
                Instant.parse("2025-11-01T00:00:00Z")));
        AccessContext onOther = new AccessContext(AUTHOR, "Dr " + AUTHOR, MEDECIN, null, "1750100125", null, other,
                AccessMode.NORMAL, null, CallerSoftware.of("tests 1.0", "POSTE-1", "HOMOLOGATION-1"));
        SubmissionSetRecord theirSet = repository.findSubmissionSets(SubmissionSetCriteria.byPatient(patient, null)).get(0);
        AssociationRecord theirAssociation = repository.findAssociations(
                AssociationCriteria.fromSources(List.of(theirSet.entryUuid()))).get(0);

        for (RegistryQuery q : List.of(new RegistryQuery.GetSubmissionSets(List.of(theirSet.entryUuid())),
                new RegistryQuery.GetSubmissionSetAndContents(null, theirSet.uniqueId(), null, null, null),
                new RegistryQuery.GetAssociations(List.of(theirAssociation.entryUuid())))) {
            int count = traces.findByPatient(patient, 1000).size();
            ask(CoreEndpoints.QUERY_REGISTRY, new QueryCommand(q, false), onOther);
            assertEquals(count + 1, traces.findByPatient(patient, 1000).size(), q.getClass().getSimpleName());
            AccessTrace probe = traces.findByPatient(patient, 1).get(0);
            String probed = q instanceof RegistryQuery.GetAssociations ? theirAssociation.entryUuid() : theirSet.uniqueId();
            assertEquals(List.of(TraceAction.QUERY, "ACCESS_PATIENT_MISMATCH", AUTHOR, List.of(probed)),
                    List.of(probe.action(), probe.outcome(), probe.actorId(), probe.documentIds()),
                    q.getClass().getSimpleName());
            assertFalse(probe.detail().contains(other.id()), "the owner's history does not name the other patient");
        }
        assertTrue(traces.findByPatient(other, 1000).stream()
                        .noneMatch(t -> "ACCESS_PATIENT_MISMATCH".equals(t.outcome())),
                "the identity's record keeps only its own query traces");
    }

    // ------------------------------------------------------------------ ITI-66: the Lists with their members

    @Test
    void aListSearchIsOneQueryTracedOnceNamingTheVisibleMembersOfAllItsListsEachOnce() {
        Contents c = storeSetWithFolder();
        SubmissionSetRecord first = setOf(docs.get(0));
        ListSearch search = lists(List.of(first.entryUuid(), c.set().entryUuid()), List.of(c.folder().entryUuid()));
        int before = traces.findByPatient(patient, 1000).size();

        FoundLists found = (FoundLists) ask(CoreEndpoints.FIND_LISTS, search, as(COLLEAGUE));

        assertEquals(List.of(first.entryUuid(), c.set().entryUuid()),
                found.submissionSets().stream().map(SubmissionSetRecord::entryUuid).toList());
        assertEquals(List.of(c.folder().entryUuid()), found.folders().stream().map(FolderRecord::entryUuid).toList());
        assertEquals(List.of(docs.get(0).entryUuid()), found.membersOf(first.entryUuid()));
        assertEquals(entryUuids(c.docs().get(0), c.docs().get(2)), found.membersOf(c.set().entryUuid()),
                "the masked document is no member for the colleague; the folder and the association are none either");
        assertEquals(entryUuids(c.docs().get(0)), found.membersOf(c.folder().entryUuid()));

        List<AccessTrace> after = traces.findByPatient(patient, 1000);
        assertEquals(before + 1, after.size(), "one trace for the whole search");
        AccessTrace trace = after.get(0);
        assertEquals(List.of(TraceAction.QUERY, COLLEAGUE, AccessTrace.SUCCESS,
                        uniqueIds(docs.get(0), c.docs().get(0), c.docs().get(2)),
                        "FindSubmissionSets and FindFolders with members: 3 documents"),
                List.of(trace.action(), trace.actorId(), trace.outcome(), trace.documentIds(), trace.detail()),
                "the union of the members, each document once");

        FoundLists forAdmin = (FoundLists) ask(CoreEndpoints.FIND_LISTS, search, as(ADMIN));
        assertEquals(entryUuids(c.docs().get(0), c.docs().get(1), c.docs().get(2)), forAdmin.membersOf(c.set().entryUuid()));
        assertEquals(entryUuids(c.docs().get(0), c.docs().get(1)), forAdmin.membersOf(c.folder().entryUuid()));
    }

    @Test
    void aListWhoseMembersAreAllHiddenIsAnsweredWithoutMembers() {
        SubmissionSetRecord masked = setOf(docs.get(1));
        FoundLists found = (FoundLists) ask(CoreEndpoints.FIND_LISTS, lists(List.of(masked.entryUuid()), null),
                as(COLLEAGUE));

        assertEquals(List.of(masked.entryUuid()), found.submissionSets().stream().map(SubmissionSetRecord::entryUuid).toList());
        assertEquals(List.of(), found.membersOf(masked.entryUuid()));
        AccessTrace trace = traces.findByPatient(patient, 1).get(0);
        assertEquals(List.of(List.of(), "FindSubmissionSets with members: 0 documents"),
                List.of(trace.documentIds(), trace.detail()));
    }

    @Test
    void theResultCapCountsTheListsNotTheirMembers() {
        Contents c = storeSetWithFolder();
        List<String> sets = repository.findSubmissionSets(SubmissionSetCriteria.byPatient(patient, null)).stream()
                .map(SubmissionSetRecord::entryUuid).toList();
        assertEquals(DmpErrorCode.TOO_MANY_RESULTS, refusal(CoreEndpoints.FIND_LISTS,
                new ListSearch(new RegistryQuery.FindSubmissionSets(SubmissionSetCriteria.byPatient(patient, null)), null),
                as(ADMIN)), "6 sets, cap 4");
        assertEquals(DmpErrorCode.TOO_MANY_RESULTS, refusal(CoreEndpoints.FIND_LISTS,
                lists(sets.subList(0, 4), List.of(c.folder().entryUuid())), as(ADMIN)), "4 sets and a folder, cap 4");
        assertEquals(TraceAction.QUERY, traces.findByPatient(patient, 1).get(0).action(), "the refusal is traced");

        FoundLists found = (FoundLists) ask(CoreEndpoints.FIND_LISTS,
                lists(List.of(sets.get(0), sets.get(1), c.set().entryUuid()), List.of(c.folder().entryUuid())), as(ADMIN));
        assertEquals(4, found.submissionSets().size() + found.folders().size());
        assertEquals(7, found.members().values().stream().mapToInt(List::size).sum(),
                "the members are not capped: 1 + 1 + 3 + 2 references in the 4 Lists the cap allows");
    }

    @Test
    void theStatementsOfAListSearchDoNotGrowWithTheNumberOfLists() {
        List<String> sets = docs.stream().map(d -> setOf(d).entryUuid()).toList();
        ask(CoreEndpoints.FIND_LISTS, lists(sets.subList(0, 1), null), as(ADMIN));

        int before = statements.get();
        FoundLists one = (FoundLists) ask(CoreEndpoints.FIND_LISTS, lists(sets.subList(0, 1), null), as(ADMIN));
        int forOne = statements.get() - before;
        before = statements.get();
        FoundLists four = (FoundLists) ask(CoreEndpoints.FIND_LISTS, lists(sets.subList(0, 4), null), as(ADMIN));
        int forFour = statements.get() - before;

        assertEquals(1, one.members().size());
        assertEquals(4, four.members().size());
        assertEquals(forOne, forFour, "the same statements for 1 and 4 submission sets");
    }

    record Contents(SubmissionSetRecord set, FolderRecord folder, List<DocumentEntryRecord> docs) {
    }

    /**
     * A submission of three documents (the second masked) and a folder of the first two, as an XDS
     * client submits it: the set's HasMember to each document, to the folder and to each folder
     * membership.
     */
    Contents storeSetWithFolder() {
        List<DocumentEntryRecord> entries = List.of(entry(List.of(DmpConfidentiality.NORMAL)),
                entry(List.of(DmpConfidentiality.NORMAL, DmpConfidentiality.MASQUE_PS)), entry(List.of(DmpConfidentiality.NORMAL)));
        SubmissionSetRecord set = submissionSet();
        String folderUuid = "urn:uuid:" + UUID.randomUUID();
        FolderRecord folder = new FolderRecord(folderUuid, folderUuid, "1", "2.25." + Math.abs(UUID.randomUUID().getLeastSignificantBits()),
                null, patient, List.of(new CodedValue("DIAB", "1.2.250.1.999.3", "Diabète")), "20251123101500",
                "Suivi", null, EntryStatus.APPROVED, false, Map.of());
        List<AssociationRecord> associations = new ArrayList<>();
        entries.forEach(e -> associations.add(hasMember(set.entryUuid(), e.entryUuid())));
        associations.add(hasMember(set.entryUuid(), folderUuid));
        for (DocumentEntryRecord e : entries.subList(0, 2)) {
            AssociationRecord inFolder = hasMember(folderUuid, e.entryUuid());
            associations.add(inFolder);
            associations.add(hasMember(set.entryUuid(), inFolder.entryUuid()));
        }
        repository.storeSubmission(new SubmissionWrite(new Submission(set, entries.stream().map(e -> new SubmittedDocument(e,
                DocumentBytes.of(("contenu " + e.uniqueId()).getBytes(StandardCharsets.UTF_8)))).toList(), List.of(folder),
                associations), List.of(), Map.of()));
        return new Contents(set, folder, entries);
    }

    ListSearch lists(List<String> sets, List<String> folders) {
        return new ListSearch(sets == null ? null : new RegistryQuery.FindSubmissionSets(SubmissionSetCriteria.builder()
                .patient(patient).entryUuids(sets).build()),
                folders == null ? null : new RegistryQuery.FindFolders(FolderCriteria.builder().patient(patient)
                        .entryUuids(folders).build()));
    }

    SubmissionSetRecord setOf(DocumentEntryRecord e) {
        String source = repository.findAssociations(AssociationCriteria.builder().targetUuids(List.of(e.entryUuid()))
                .build()).get(0).sourceUuid();
        return repository.findSubmissionSets(SubmissionSetCriteria.byUuids(List.of(source))).get(0);
    }

    static List<String> entryUuids(DocumentEntryRecord... entries) {
        return List.of(entries).stream().map(DocumentEntryRecord::entryUuid).toList();
    }

    /** The data source, counting the statements prepared on its connections ({@link #statements}). */
    DataSource counted(DataSource ds) {
        return proxy(DataSource.class, ds, (name, result) -> result instanceof Connection c && name.equals("getConnection")
                ? proxy(Connection.class, c, (n, r) -> {
                    if (n.startsWith("prepare") || n.equals("createStatement")) {
                        statements.incrementAndGet();
                    }
                    return r;
                })
                : result);
    }

    @SuppressWarnings("unchecked")
    static <T> T proxy(Class<T> type, T target, java.util.function.BiFunction<String, Object, Object> after) {
        return (T) Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[]{type}, (p, method, args) -> {
            try {
                return after.apply(method.getName(), method.invoke(target, args));
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        });
    }

    // ------------------------------------------------------------------ the access history

    @Test
    void theAdminDoctorReadsTheHistoryNewestFirstAndTheReadIsTraced() {
        found(as(COLLEAGUE), find(0, 2));
        refusal(CoreEndpoints.QUERY_REGISTRY, new QueryCommand(find(0, 2), false), as(STRANGER));
        List<AccessTrace> before = traces.findByPatient(patient, 1000);

        List<AccessTrace> read = readTraces(as(ADMIN), null);

        assertEquals(before, read);
        assertEquals(List.of("QUERY/PS_NOT_AUTHORIZED/" + STRANGER, "QUERY/SUCCESS/" + COLLEAGUE),
                read.stream().map(t -> t.action() + "/" + t.outcome() + "/" + t.actorId()).toList());
        AccessTrace self = traces.findByPatient(patient, 1).get(0);
        assertEquals(List.of(TraceAction.READ_TRACES, AccessTrace.SUCCESS, ADMIN),
                List.of(self.action(), self.outcome(), self.actorId()));
        assertEquals(List.of(self, read.get(0)), readTraces(as(ADMIN), 2), "DmpLimit caps, newest first");
        assertEquals(List.of(), readTraces(as(ADMIN), 0));
    }

    @Test
    void thePatientReadsTheirOwnHistory() {
        found(as(ADMIN), find(0, 1));
        int pendingMails = outbox.countPending();

        List<AccessTrace> read = readTraces(patientSelf(), null);

        assertEquals(1, read.size());
        assertEquals(ADMIN, read.get(0).actorId());
        AccessTrace self = traces.findByPatient(patient, 1).get(0);
        assertEquals(List.of(TraceAction.READ_TRACES, AccessTrace.SUCCESS, patient.id(), "PATIENT"),
                List.of(self.action(), self.outcome(), self.actorId(), self.role()));
        assertEquals(pendingMails, outbox.countPending(), "the patient is not told of their own reading");
    }

    @Test
    void anyoneElseIsRefusedTheHistoryAndTheRefusalIsTraced() {
        assertEquals(DmpErrorCode.TRACE_ACCESS_DENIED, refusal(CoreEndpoints.READ_TRACES, null, as(COLLEAGUE)));
        AccessTrace refused = traces.findByPatient(patient, 1).get(0);
        assertEquals(List.of(TraceAction.READ_TRACES, "TRACE_ACCESS_DENIED", COLLEAGUE),
                List.of(refused.action(), refused.outcome(), refused.actorId()));
        AccessContext emergencyAdmin = new AccessContext(ADMIN, "Dr " + ADMIN, MEDECIN, null, "1750100125", null,
                patient, AccessMode.BREAK_GLASS, "patient inconscient", CallerSoftware.named("tests 1.0"));
        assertEquals(DmpErrorCode.TRACE_ACCESS_DENIED, refusal(CoreEndpoints.READ_TRACES, null, emergencyAdmin));
        AccessContext anotherPatient = new AccessContext(newIns().id(), "MARTIN, Luc", AccessContext.PATIENT_ROLE,
                null, null, null, patient, AccessMode.NORMAL, null, null);
        assertEquals(DmpErrorCode.TRACE_ACCESS_DENIED, refusal(CoreEndpoints.READ_TRACES, null, anotherPatient));
        assertEquals(DmpErrorCode.PS_BLOCKED, refusal(CoreEndpoints.READ_TRACES, null, as(BLOCKED)));
        assertEquals(DmpErrorCode.IDENTITY_MISSING, refusal(CoreEndpoints.READ_TRACES, null, null));
        assertEquals(DmpErrorCode.INVALID_QUERY_PARAMETER, refusal(CoreEndpoints.READ_TRACES, null, as(ADMIN),
                Map.of(CoreEndpoints.LIMIT, -1)));

        records.savePatient(records.findPatient(patient).orElseThrow().withState(PatientRecordState.CLOSED));
        assertEquals(DmpErrorCode.DMP_CLOSED, refusal(CoreEndpoints.READ_TRACES, null, as(ADMIN)));
        assertEquals(DmpErrorCode.DMP_CLOSED, refusal(CoreEndpoints.READ_TRACES, null, patientSelf()));
    }

    @Test
    void thePatientSideIsRefusedTheOtherActions() {
        assertEquals(DmpErrorCode.HABILITATION_DENIED, refusal(CoreEndpoints.QUERY_REGISTRY,
                new QueryCommand(find(0, 2), false), patientSelf()));
        assertEquals(TraceAction.QUERY, traces.findByPatient(patient, 1).get(0).action());
        assertEquals(DmpErrorCode.HABILITATION_DENIED, refusal(CoreEndpoints.RECORD_STATUS, null, patientSelf()));
        assertEquals(TraceAction.STATUS_CHECK, traces.findByPatient(patient, 1).get(0).action());
        assertEquals(DmpErrorCode.HABILITATION_DENIED, refusal(CoreEndpoints.DECLARE_AUTHORIZATION,
                new org.dmpgateway.model.access.AuthorizationDeclaration(true), patientSelf()));
    }

    // ------------------------------------------------------------------ TD0.2

    @Test
    void theRecordStatusCarriesTheRecordsIdentity() {
        RecordStatus status = (RecordStatus) ask(CoreEndpoints.RECORD_STATUS, null, as(ADMIN));
        // the last two: the patient's break-glass and SAMU switches (TD1.3a's oppositions)
        assertEquals(new RecordStatus(patient, PatientRecordState.ACTIVATED, ConsentStatus.AUTHORIZED, true, "DUPONT",
                "Marie", LocalDate.of(1979, 3, 12), "F", false, null, null, null, true, true), status);
        records.savePatient(new PatientRecord(patient, "MARTIN", null, null, null, PatientRecordState.CLOSED));
        assertEquals(new RecordStatus(patient, PatientRecordState.CLOSED, null, false, "MARTIN", null, null, null,
                        false, null, null, null, true, true),
                ask(CoreEndpoints.RECORD_STATUS, null, as(STRANGER)), "whatever the state; absent parts are null");
    }

    // ------------------------------------------------------------------ TD0.5

    @Test
    void aSearchWithoutInsFindsOpenRecordsByUsedOrBirthNameAndNeverOneThatBlocksTheCaller() {
        String family = "PDQ-" + patient.id();
        PatientRef married = newIns();
        records.savePatient(new PatientRecord(married, "ENCHAINE", "Irène Marie", LocalDate.of(1957, 6, 28), "F",
                PatientRecordState.ACTIVATED, null, null, null, family));
        PatientRef same = newIns();
        records.savePatient(new PatientRecord(same, family, "Paul", LocalDate.of(1960, 1, 1), "M",
                PatientRecordState.CREATED));
        PatientRef closed = newIns();
        records.savePatient(new PatientRecord(closed, family, "Paul", LocalDate.of(1960, 1, 1), "M",
                PatientRecordState.CLOSED));
        PatientRef blocking = newIns();
        records.savePatient(new PatientRecord(blocking, family, "Paul", LocalDate.of(1960, 1, 1), "M",
                PatientRecordState.ACTIVATED));
        records.saveConsent(new ProfessionalConsent(blocking, STRANGER, null, ConsentStatus.BLOCKED, false,
                Instant.parse("2025-11-01T00:00:00Z")));

        // the birth name and the used name, letter case and accents ignored; 100 percent each
        assertEquals(List.of(married, same).stream().sorted(java.util.Comparator.comparing(PatientRef::id)).toList(),
                searched(new PatientSearch(family.toLowerCase(), null, null, null)));
        assertEquals(List.of(married), searched(new PatientSearch(family, "IRENE", null, null)));
        assertEquals(List.of(same), searched(new PatientSearch(family, null, LocalDate.of(1960, 1, 1), "m")));
        assertEquals(List.of(), searched(new PatientSearch(family, "Luc", null, null)));
        assertEquals(DmpErrorCode.METADATA_ERROR, refusal(CoreEndpoints.SEARCH_PATIENTS,
                new PatientSearch(" ", "Paul", null, null), as(STRANGER)), "the family name is required");
        assertEquals(DmpErrorCode.HABILITATION_DENIED, refusal(CoreEndpoints.SEARCH_PATIENTS,
                new PatientSearch(family, null, null, null), patientSelf()), "a professional's search");
        for (int i = 0; i < SearchPatientsWithoutIns.MAX_RESULTS; i++) {
            records.savePatient(new PatientRecord(newIns(), family, "Anne", null, "F", PatientRecordState.ACTIVATED));
        }
        assertEquals(DmpErrorCode.TOO_MANY_RESULTS, refusal(CoreEndpoints.SEARCH_PATIENTS,
                new PatientSearch(family, null, null, null), as(STRANGER)), "12 open records, at most 10");
        assertEquals(List.of(same), searched(new PatientSearch(family, "PAUL", null, null)), "narrowed: found again");
    }

    /** The INS of the patients a professional (not on their lists, blocked by one) finds. */
    @SuppressWarnings("unchecked")
    List<PatientRef> searched(PatientSearch search) {
        List<PatientMatch> found = (List<PatientMatch>) ask(CoreEndpoints.SEARCH_PATIENTS, search, as(STRANGER));
        assertTrue(found.stream().allMatch(m -> m.matchPercent() == 100), found.toString());
        return found.stream().map(m -> m.record().ins()).toList();
    }

    // ------------------------------------------------------------------ helpers

    AccessContext as(String actor) {
        return new AccessContext(actor, "Dr " + actor, MEDECIN, null, "1750100125", "SA07^1.2.250.1.71.4.2.4",
                patient, AccessMode.NORMAL, null, CallerSoftware.named("tests 1.0"));
    }

    AccessContext patientSelf() {
        return new AccessContext(patient.id(), "DUPONT, Marie", AccessContext.PATIENT_ROLE, null, null, null, patient,
                AccessMode.NORMAL, null, CallerSoftware.named("portail patient"));
    }

    RegistryQuery find(Integer offset, Integer limit) {
        return new RegistryQuery.FindDocuments(DocumentCriteria.builder().patient(patient)
                .statuses(List.of(EntryStatus.APPROVED)).offset(offset).limit(limit).build());
    }

    DocumentsPage page(AccessContext caller, Integer offset, Integer limit) {
        return (DocumentsPage) ask(CoreEndpoints.FIND_DOCUMENTS_PAGE, new QueryCommand(find(offset, limit), false), caller);
    }

    static List<String> uniqueIds(DocumentsPage page) {
        return page.page().documents().stream().map(DocumentEntryRecord::uniqueId).toList();
    }

    List<String> found(AccessContext caller, RegistryQuery query) {
        QueryResult result = (QueryResult) ask(CoreEndpoints.QUERY_REGISTRY, new QueryCommand(query, false), caller);
        return result.documents().stream().map(DocumentEntryRecord::uniqueId).toList();
    }

    @SuppressWarnings("unchecked")
    List<AccessTrace> readTraces(AccessContext caller, Integer limit) {
        Map<String, Object> headers = new HashMap<>();
        if (limit != null) {
            headers.put(CoreEndpoints.LIMIT, limit);
        }
        Exchange answer = send(CoreEndpoints.READ_TRACES, null, caller, headers);
        assertNull(answer.getException());
        return (List<AccessTrace>) answer.getMessage().getBody();
    }

    Object ask(String endpoint, Object body, AccessContext caller) {
        Exchange answer = send(endpoint, body, caller, Map.of());
        assertNull(answer.getException(), () -> "refused: " + answer.getException());
        return answer.getMessage().getBody();
    }

    DmpErrorCode refusal(String endpoint, Object body, AccessContext caller) {
        return refusal(endpoint, body, caller, Map.of());
    }

    DmpErrorCode refusal(String endpoint, Object body, AccessContext caller, Map<String, Object> headers) {
        Exchange answer = send(endpoint, body, caller, headers);
        return assertInstanceOf(DmpException.class, answer.getException()).code();
    }

    Exchange send(String endpoint, Object body, AccessContext caller, Map<String, Object> headers) {
        return producer.send(endpoint, e -> {
            e.getIn().setBody(body);
            e.getIn().setHeader(CoreEndpoints.ACCESS_CONTEXT, caller);
            headers.forEach(e.getIn()::setHeader);
        });
    }

    static List<String> uniqueIds(DocumentEntryRecord... entries) {
        return List.of(entries).stream().map(DocumentEntryRecord::uniqueId).toList();
    }

    /** A valid INS (NIR form, key computed) of a patient of its own. */
    static PatientRef newIns() {
        String first13 = (ThreadLocalRandom.current().nextBoolean() ? "1" : "2")
                + String.format("%012d", ThreadLocalRandom.current().nextLong(100_000_000_000L));
        // month 01..12 and a numeric department keep the shape the validator expects
        first13 = first13.substring(0, 3) + String.format("%02d", ThreadLocalRandom.current().nextInt(1, 13))
                + "75" + first13.substring(7);
        return new PatientRef(first13 + String.format("%02d", InsValidator.expectedKey(first13)), "1.2.250.1.213.1.4.10");
    }

    DocumentEntryRecord entry(List<CodedValue> confidentiality) {
        String uuid = "urn:uuid:" + UUID.randomUUID();
        return DocumentEntryRecord.builder().entryUuid(uuid).logicalUuid(uuid).version("1")
                .uniqueId("2.25." + Math.abs(UUID.randomUUID().getMostSignificantBits())).patientId(patient)
                .sourcePatientId("IPP-1^^^&1.2.250.1.999&ISO").sourcePatientInfo(List.of("PID-5|DUPONT^Marie"))
                .availabilityStatus(EntryStatus.APPROVED)
                .classCode(new CodedValue("10", "1.2.250.1.213.1.1.4.1", "Compte rendu")).typeCode(CONSULTATION)
                .formatCode(new CodedValue("urn:ihe:iti:xds-sd:text:2008", "1.3.6.1.4.1.19376.1.2.3", null))
                .healthcareFacilityTypeCode(new CodedValue("SA07", "1.2.250.1.71.4.2.4", "Cabinet"))
                .practiceSettingCode(new CodedValue("AMBULATOIRE", "1.2.250.1.213.1.1.4.9", null))
                .confidentialityCodes(confidentiality).creationTime("20251120093000")
                .authors(List.of(new AuthorInfo(AUTHOR + "^DOC^Actor^^^^^^&1.2.250.1.71.4.2.1&ISO", null, null, null, null)))
                .title("Compte rendu").languageCode("fr-FR").mimeType("text/plain")
                .hash("0a1b2c3d4e5f60718293a4b5c6d7e8f901234567").size(42L).repositoryUniqueId(REPOSITORY).build();
    }

    SubmissionSetRecord submissionSet() {
        return new SubmissionSetRecord("urn:uuid:" + UUID.randomUUID(),
                "2.25." + Math.abs(UUID.randomUUID().getLeastSignificantBits()), "1.2.250.1.999.1", null, patient,
                "20251123101500", null, List.of(new AuthorInfo(AUTHOR + "^DOC^Actor", null, null, null, null)), null,
                null, null, EntryStatus.APPROVED, false, null);
    }

    static AssociationRecord hasMember(String source, String target) {
        return new AssociationRecord("urn:uuid:" + UUID.randomUUID(), AssociationKind.HAS_MEMBER,
                source, target, "Original", null, null, null, null, EntryStatus.APPROVED, Map.of());
    }

    DocumentEntryRecord store(DocumentEntryRecord e) {
        SubmissionSetRecord set = submissionSet();
        AssociationRecord member = hasMember(set.entryUuid(), e.entryUuid());
        repository.storeSubmission(new SubmissionWrite(new Submission(set, List.of(new SubmittedDocument(e,
                DocumentBytes.of(("contenu " + e.uniqueId()).getBytes(StandardCharsets.UTF_8)))), List.of(), List.of(member)), List.of(),
                Map.of()));
        return e;
    }
}
