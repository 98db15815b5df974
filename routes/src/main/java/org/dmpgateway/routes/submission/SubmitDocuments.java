package org.dmpgateway.routes.submission;

import org.dmpgateway.mappings.model.AssociationRecord;
import org.dmpgateway.mappings.model.DocumentEntryRecord;
import org.dmpgateway.mappings.model.EntryStatus;
import org.dmpgateway.mappings.model.FolderRecord;
import org.dmpgateway.mappings.model.Submission;
import org.dmpgateway.mappings.model.SubmittedDocument;
import org.dmpgateway.mappings.error.DmpErrorCode;
import org.dmpgateway.mappings.error.DmpException;
import org.dmpgateway.repository.ConflictingWriteException;
import org.dmpgateway.repository.RegistryRepository;
import org.dmpgateway.repository.SubmissionWrite;
import org.dmpgateway.routes.GatewayIdentity;
import org.dmpgateway.routes.Hl7Clock;
import org.dmpgateway.routes.patient.PatientResolver;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The core of ITI-41 (and later ITI-65): checks a submission against the registry, assigns the
 * registry's values, and stores everything in one transaction. Returns the submission as stored.
 */
@Component
public class SubmitDocuments {
    private final RegistryRepository repository;
    private final PatientResolver patients;
    private final GatewayIdentity identity;
    private final Clock clock;

    @org.springframework.beans.factory.annotation.Autowired
    public SubmitDocuments(RegistryRepository repository, PatientResolver patients, GatewayIdentity identity) {
        this(repository, patients, identity, Clock.systemUTC());
    }

    SubmitDocuments(RegistryRepository repository, PatientResolver patients, GatewayIdentity identity, Clock clock) {
        this.repository = repository;
        this.patients = patients;
        this.identity = identity;
        this.clock = clock;
    }

    public Submission submit(Submission incoming) {
        Submission s = SymbolicIds.resolve(incoming);
        patients.resolve(s.submissionSet().patientId());
        SubmissionChecks.samePatientEverywhere(s);
        SubmissionChecks.contentPresent(s);
        SubmissionChecks.uniqueIdsInMessage(s);
        SubmissionChecks.hashAndSizeMatch(s);
        SubmissionChecks.uniqueIdsUnused(s, repository);
        AssociationResolution refs = AssociationResolution.resolve(s, repository);
        SubmissionChecks.throwIfAny(refs.errors);

        String now = Hl7Clock.now(clock);
        Submission stored = withRegistryValues(s, refs.carriedOverMemberships, now);
        Map<String, String> folderTimes = new LinkedHashMap<>();
        refs.touchedExistingFolders.forEach(uuid -> folderTimes.put(uuid, now));
        try {
            repository.storeSubmission(new SubmissionWrite(stored, refs.deprecated, folderTimes));
        } catch (ConflictingWriteException e) {
            throw new DmpException(DmpErrorCode.DUPLICATE_UNIQUE_ID, "a uniqueId of this submission was registered by "
                    + "another request at the same time; nothing of this submission was stored", null);
        }
        return stored;
    }

    private Submission withRegistryValues(Submission s, List<AssociationRecord> extraAssociations, String now) {
        String hcid = identity.homeCommunityId();
        var set = s.submissionSet().withRegistryValues(EntryStatus.APPROVED, hcid);
        List<SubmittedDocument> docs = s.documents().stream().map(d -> new SubmittedDocument(
                registryValues(d.entry(), d.content(), hcid), d.content())).toList();
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
