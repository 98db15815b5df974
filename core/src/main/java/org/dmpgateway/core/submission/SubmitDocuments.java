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
import org.dmpgateway.repository.RegistryRepository;
import org.dmpgateway.repository.SubmissionWrite;
import org.dmpgateway.core.GatewayIdentity;
import org.dmpgateway.core.Hl7Clock;
import org.apache.camel.Header;
import org.dmpgateway.model.CoreEndpoints;
import org.dmpgateway.model.access.AccessContext;
import org.dmpgateway.model.trail.TraceAction;
import org.dmpgateway.core.metadata.DmpValueSetRule;
import org.dmpgateway.core.policy.AccessPolicy;
import org.dmpgateway.core.policy.Admission;
import org.dmpgateway.core.trail.AccessTrail;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import org.springframework.util.unit.DataSize;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The core of ITI-41 (and later ITI-65): admits the caller (access policy, habilitation of each
 * document type), checks a submission against the registry, assigns the registry's values, and
 * stores everything in one transaction with its trace and the patient's e-mails. Returns the
 * submission as stored.
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
    @org.springframework.beans.factory.annotation.Value("${dmp.limits.document-bytes:20MB}")
    private DataSize documentBytes = DataSize.ofBytes(Long.MAX_VALUE);

    @org.springframework.beans.factory.annotation.Autowired
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
        SubmissionChecks.contentWithinLimit(s, documentBytes.toBytes());
        SubmissionChecks.samePatientEverywhere(s);
        SubmissionChecks.contentPresent(s);
        SubmissionChecks.authorPresent(s);
        valueSets.require(s.documents().stream().map(SubmittedDocument::entry).toList());
        SubmissionChecks.uniqueIdsInMessage(s);
        SubmissionChecks.hashAndSizeMatch(s);
        SubmissionChecks.uniqueIdsUnused(s, repository);
        SubmissionChecks.entryUuidsUnused(s, repository);
        AssociationResolution refs = AssociationResolution.resolve(s, repository);
        SubmissionChecks.throwIfAny(refs.errors);

        String now = Hl7Clock.now(clock);
        Submission stored = withRegistryValues(s, refs.carriedOverMemberships, now, caller.actorId());
        Map<String, String> folderTimes = new LinkedHashMap<>();
        refs.touchedExistingFolders.forEach(uuid -> folderTimes.put(uuid, now));
        List<DocumentEntryRecord> entries = stored.documents().stream().map(SubmittedDocument::entry).toList();
        try {
            transaction.executeWithoutResult(status -> {
                repository.storeSubmission(new SubmissionWrite(stored, refs.deprecated, folderTimes));
                trail.succeeded(admission, TraceAction.SUBMIT, entries.stream().map(DocumentEntryRecord::uniqueId).toList(),
                        "submission set " + stored.submissionSet().uniqueId());
                trail.documentsAdded(admission, entries);
            });
        } catch (ConflictingWriteException e) {
            throw new DmpException(DmpErrorCode.DUPLICATE_UNIQUE_ID, "a uniqueId or entryUUID of this submission was "
                    + "registered by another request at the same time; nothing of this submission was stored", null);
        }
        return stored;
    }

    private Submission withRegistryValues(Submission s, List<AssociationRecord> extraAssociations, String now,
                                          String submitter) {
        String hcid = identity.homeCommunityId();
        var set = s.submissionSet().withRegistryValues(EntryStatus.APPROVED, hcid);
        List<SubmittedDocument> docs = s.documents().stream().map(d -> new SubmittedDocument(
                registryValues(d.entry(), d.content(), hcid).withSubmitter(submitter), d.content())).toList();
        List<FolderRecord> folders = s.folders().stream().map(f -> f.withRegistryValues(
                f.logicalUuid() == null ? f.entryUuid() : f.logicalUuid(), "1", EntryStatus.APPROVED, now, hcid)).toList();
        List<AssociationRecord> assocs = new ArrayList<>();
        s.associations().forEach(a -> assocs.add(a.withStatus(EntryStatus.APPROVED)));
        assocs.addAll(extraAssociations);
        return new Submission(set, docs, folders, assocs);
    }

    private DocumentEntryRecord registryValues(DocumentEntryRecord e, byte[] content, String hcid) {
        String hash = e.hash() != null ? e.hash().toLowerCase() : ContentDigest.sha1Hex(content);
        return e.withRegistryValues(e.logicalUuid() == null ? e.entryUuid() : e.logicalUuid(), "1",
                EntryStatus.APPROVED, hash, (long) content.length, identity.repositoryUniqueId(), hcid);
    }
}
