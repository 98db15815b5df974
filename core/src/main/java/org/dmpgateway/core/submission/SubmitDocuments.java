package org.dmpgateway.core.submission;

import org.dmpgateway.model.AssociationRecord;
import org.dmpgateway.model.DocumentEntryRecord;
import org.dmpgateway.model.EntryStatus;
import org.dmpgateway.model.FolderRecord;
import org.dmpgateway.model.Submission;
import org.dmpgateway.model.SubmittedDocument;
import org.dmpgateway.model.error.DmpErrorCode;
import org.dmpgateway.model.error.DmpException;
import org.dmpgateway.repository.ConflictingWriteException;
import org.dmpgateway.repository.ContentUpload;
import org.dmpgateway.repository.RegistryRepository;
import org.dmpgateway.repository.StagedContent;
import org.dmpgateway.repository.SubmissionWrite;
import org.dmpgateway.core.GatewayIdentity;
import org.dmpgateway.core.Hl7Clock;
import org.dmpgateway.config.DmpProperties;
import org.apache.camel.Header;
import org.dmpgateway.model.CoreEndpoints;
import org.dmpgateway.model.access.AccessContext;
import org.dmpgateway.model.trail.TraceAction;
import org.dmpgateway.core.metadata.DmpValueSetRule;
import org.dmpgateway.core.policy.AccessPolicy;
import org.dmpgateway.core.policy.Admission;
import org.dmpgateway.core.trail.AccessTrail;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import org.springframework.util.unit.DataSize;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The core of ITI-41 (and later ITI-65): admits the caller (access policy, habilitation of each
 * document type), checks a submission against the registry, assigns the registry's values, and
 * stores everything in one transaction with its trace and the patient's e-mails. The content of
 * each document is streamed into the database before that transaction, in bounded transactions
 * where no read sees it ({@link ContentUpload}), its size and hash measured on the way (never held
 * whole in memory); the transaction publishes it. Returns the submission as stored.
 */
@Component
public class SubmitDocuments {
    private final RegistryRepository repository;
    private final AccessPolicy policy;
    private final AccessTrail trail;
    private final TransactionTemplate transaction;
    private final GatewayIdentity identity;
    private final DmpValueSetRule valueSets;
    private final Clock clock;
    /** dmp.limits.document-bytes (docs/security.md, "Limits"); unlimited when built without Spring. */
    private DataSize documentBytes = DataSize.ofBytes(Long.MAX_VALUE);

    /** {@code dmp.limits.document-bytes} of the configuration tree. */
    @Autowired
    void limits(DmpProperties.Limits limits) {
        this.documentBytes = limits.documentBytes();
    }

    @Autowired
    public SubmitDocuments(RegistryRepository repository, AccessPolicy policy, AccessTrail trail,
                           TransactionTemplate transaction, GatewayIdentity identity, DmpValueSetRule valueSets) {
        this(repository, policy, trail, transaction, identity, valueSets, Clock.systemUTC());
    }

    SubmitDocuments(RegistryRepository repository, AccessPolicy policy, AccessTrail trail,
                    TransactionTemplate transaction, GatewayIdentity identity, DmpValueSetRule valueSets, Clock clock) {
        this.repository = repository;
        this.policy = policy;
        this.trail = trail;
        this.transaction = transaction;
        this.identity = identity;
        this.valueSets = valueSets;
        this.clock = clock;
    }

    public Submission submit(Submission incoming,
                             @Header(CoreEndpoints.ACCESS_CONTEXT) AccessContext caller) {
        Submission s = SymbolicIds.resolve(incoming);
        Admission admission = policy.admit(caller, s.submissionSet().patientId(), TraceAction.SUBMIT);
        s.documents().forEach(d -> policy.requireHabilitation(admission, d.entry()));
        return store(s, admission);
    }

    /**
     * The patient adds documents to their own record (docs/patient-api.md, "The patient's uploads"):
     * the same checks, storage, trace and answer as a professional's submission, the caller being
     * the patient ({@link AccessPolicy#admitPatientSelf}); no habilitation matrix, no "documents
     * added" e-mail (the patient added them).
     */
    public Submission submitByPatient(Submission incoming, AccessContext patient) {
        Submission s = SymbolicIds.resolve(incoming);
        Admission admission = policy.admitPatientSelf(patient);
        if (!admission.patient().equals(s.submissionSet().patientId())) {
            throw new DmpException(DmpErrorCode.ACCESS_PATIENT_MISMATCH, "the submission is about patient "
                    + s.submissionSet().patientId().toCx() + ", not the signed-in patient", null);
        }
        return store(s, admission);
    }

    private Submission store(Submission s, Admission admission) {
        AccessContext caller = admission.context();
        SubmissionChecks.contentWithinLimit(s, documentBytes.toBytes());
        SubmissionChecks.samePatientEverywhere(s);
        SubmissionChecks.contentPresent(s);
        SubmissionChecks.authorPresent(s);
        valueSets.require(s.documents().stream().map(SubmittedDocument::entry).toList());
        SubmissionChecks.uniqueIdsInMessage(s);
        SubmissionChecks.identifiersUnused(s, repository);
        AssociationResolution refs = AssociationResolution.resolve(s, repository);
        SubmissionChecks.throwIfAny(refs.errors);

        String now = Hl7Clock.now(clock);
        Map<String, String> folderTimes = new LinkedHashMap<>();
        refs.touchedExistingFolders.forEach(uuid -> folderTimes.put(uuid, now));
        // the contents first, streamed into the database in bounded transactions where no read sees them
        // (their size and hash measured on the way), then one transaction that checks them and publishes
        // them with the metadata, the trace and the e-mails; any failure (a read error, the document-bytes
        // limit, a declared hash or size that is not the content's, a uniqueId taken meanwhile) leaves
        // nothing visible, and closing the upload deletes what was staged
        try (ContentUpload upload = repository.openContentUpload()) {
            Map<String, StagedContent> staged = new LinkedHashMap<>();
            Map<String, Measured> measured = stageContents(s, upload, staged);
            SubmissionChecks.hashAndSizeMatch(s, measured);
            Submission stored = withRegistryValues(s, refs.carriedOverMemberships, now, caller.actorId(), measured);
            return transaction.execute(status -> {
                stored.documents().forEach(d -> upload.publish(d.entry().uniqueId(), d.entry().mimeType(),
                        staged.get(d.entry().uniqueId())));
                repository.storeSubmission(new SubmissionWrite(withoutContent(stored), refs.deprecated, folderTimes));
                List<DocumentEntryRecord> entries = stored.documents().stream().map(SubmittedDocument::entry).toList();
                trail.succeeded(admission, TraceAction.SUBMIT, entries.stream().map(DocumentEntryRecord::uniqueId).toList(),
                        "submission set " + stored.submissionSet().uniqueId());
                if (!caller.isPatientSide()) {
                    trail.documentsAdded(admission, entries);
                }
                return stored;
            });
        } catch (ConflictingWriteException e) {
            throw new DmpException(DmpErrorCode.DUPLICATE_UNIQUE_ID, "a uniqueId or entryUUID of this submission was "
                    + "registered by another request at the same time; nothing of this submission was stored", null);
        }
    }

    /** The size and SHA-1 of one document's content, measured while it was stored. */
    record Measured(String sha1, long size) {
    }

    /** Stages each document's content (by uniqueId), measuring it on the way. */
    private Map<String, Measured> stageContents(Submission s, ContentUpload upload, Map<String, StagedContent> staged) {
        Map<String, Measured> measured = new LinkedHashMap<>();
        for (SubmittedDocument d : s.documents()) {
            DocumentEntryRecord e = d.entry();
            try (InputStream in = d.content().open();
                 MeasuringStream m = new MeasuringStream(in, documentBytes.toBytes(), e)) {
                staged.put(e.uniqueId(), upload.stage(m));
                measured.put(e.uniqueId(), new Measured(m.sha1Hex(), m.size()));
            } catch (IOException x) {
                throw new UncheckedIOException("the content of document " + e.uniqueId() + " cannot be stored", x);
            }
        }
        return measured;
    }

    private static Submission withoutContent(Submission s) {
        return new Submission(s.submissionSet(), s.documents().stream().map(d -> new SubmittedDocument(d.entry(), null))
                .toList(), s.folders(), s.associations());
    }

    private Submission withRegistryValues(Submission s, List<AssociationRecord> extraAssociations, String now,
                                          String submitter, Map<String, Measured> measured) {
        String hcid = identity.homeCommunityId();
        var set = s.submissionSet().withRegistryValues(EntryStatus.APPROVED, hcid);
        List<SubmittedDocument> docs = s.documents().stream().map(d -> new SubmittedDocument(
                registryValues(d.entry(), measured.get(d.entry().uniqueId()), hcid).withSubmitter(submitter),
                d.content())).toList();
        List<FolderRecord> folders = s.folders().stream().map(f -> f.withRegistryValues(
                f.logicalUuid() == null ? f.entryUuid() : f.logicalUuid(), "1", EntryStatus.APPROVED, now, hcid)).toList();
        List<AssociationRecord> assocs = new ArrayList<>();
        s.associations().forEach(a -> assocs.add(a.withStatus(EntryStatus.APPROVED)));
        assocs.addAll(extraAssociations);
        return new Submission(set, docs, folders, assocs);
    }

    private DocumentEntryRecord registryValues(DocumentEntryRecord e, Measured content, String hcid) {
        String hash = e.hash() != null ? e.hash().toLowerCase() : content.sha1();
        return e.withRegistryValues(e.logicalUuid() == null ? e.entryUuid() : e.logicalUuid(), "1",
                EntryStatus.APPROVED, hash, content.size(), identity.repositoryUniqueId(), hcid);
    }
}
