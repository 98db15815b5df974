package org.dmpgateway.core.retrieve;

import org.dmpgateway.config.DmpProperties;
import org.springframework.beans.factory.annotation.Autowired;
import org.apache.camel.Header;
import org.dmpgateway.model.CoreEndpoints;
import org.dmpgateway.model.access.AccessContext;
import org.dmpgateway.model.error.DmpError;
import org.dmpgateway.model.error.DmpErrorCode;
import org.dmpgateway.model.error.DmpException;
import org.dmpgateway.model.DocumentContent;
import org.dmpgateway.model.DocumentEntryRecord;
import org.dmpgateway.model.EntryStatus;
import org.dmpgateway.model.query.DocumentCriteria;
import org.dmpgateway.model.query.RetrieveCommand;
import org.dmpgateway.model.query.RetrieveResult;
import org.dmpgateway.model.trail.TraceAction;
import org.dmpgateway.repository.RegistryRepository;
import org.dmpgateway.core.GatewayIdentity;
import org.dmpgateway.core.policy.AccessPolicy;
import org.dmpgateway.core.policy.Admission;
import org.dmpgateway.core.trail.AccessTrail;
import org.dmpgateway.core.trail.ProbedDocuments;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import org.dmpgateway.model.limits.Limits;
import org.springframework.util.unit.DataSize;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The core of ITI-43 and ITI-68 (which names the document by the entryUUID of its metadata): serves each requested document of the caller's patient
 * that the caller may see. An item naming another repository, an unknown document, a document of
 * another patient or one masked from the caller gets its own error (the last three alike, so that
 * a masked document's existence is not revealed); a document of a type the caller's profession may
 * not handle gets HABILITATION_DENIED. The others are served (partial success). Traced.
 * <p>
 * Limits (docs/security.md): a document named several times in one request is served once (the
 * duplicates are dropped: the answer could otherwise be multiplied at no cost to the caller); more
 * distinct documents than {@code dmp.limits.retrieve-documents} refuse the whole request
 * (LIMIT_EXCEEDED); a document whose content would take the answer above
 * {@code dmp.limits.retrieve-bytes} is not loaded and gets its own LIMIT_EXCEEDED error (partial
 * success: the caller asks for it again in another request).
 */
@Component
public class RetrieveDocuments {
    private final RegistryRepository repository;
    private final GatewayIdentity identity;
    private final AccessPolicy policy;
    private final AccessTrail trail;
    private final TransactionTemplate transaction;
    private final ProbedDocuments probes;
    /** dmp.limits.retrieve-documents; unlimited when built without Spring. */
    private int maxDocuments = Integer.MAX_VALUE;
    /** dmp.limits.retrieve-bytes; unlimited when built without Spring. */
    private DataSize maxBytes = DataSize.ofBytes(Long.MAX_VALUE);

    /** {@code dmp.limits.retrieve-documents} and {@code -bytes} of the configuration tree. */
    @Autowired
    void limits(DmpProperties.Limits limits) {
        this.maxDocuments = limits.retrieveDocuments();
        this.maxBytes = limits.retrieveBytes();
    }

    public RetrieveDocuments(RegistryRepository repository, GatewayIdentity identity, AccessPolicy policy,
                             AccessTrail trail, TransactionTemplate transaction, ProbedDocuments probes) {
        this.repository = repository;
        this.identity = identity;
        this.policy = policy;
        this.trail = trail;
        this.transaction = transaction;
        this.probes = probes;
    }

    public RetrieveResult retrieve(RetrieveCommand command, @Header(CoreEndpoints.ACCESS_CONTEXT) AccessContext caller) {
        Admission admission = policy.admit(caller, null, TraceAction.RETRIEVE);
        List<RetrieveResult.Retrieved> found = new ArrayList<>();
        List<DmpError> errors = new ArrayList<>();
        List<RetrieveCommand.Item> items = List.copyOf(new LinkedHashSet<>(command.items()));
        if (items.size() > maxDocuments) {
            throw Limits.exceeded("the retrieve (" + items.size() + " distinct documents)", "documents", maxDocuments,
                    Limits.RETRIEVE_DOCUMENTS, "DocumentRequest");
        }
        long[] budget = {maxBytes.toBytes()};
        Set<String> ownEntryUuids = new HashSet<>();
        for (RetrieveCommand.Item item : items) {
            try {
                found.add(serve(admission, item, budget, ownEntryUuids));
            } catch (DmpException e) {
                errors.addAll(e.errors());
            }
        }
        // a document of another patient is answered UNKNOWN_DOCUMENT like any unknown one, and the
        // probe is traced in its owner's history too
        probes.trace(admission, TraceAction.RETRIEVE,
                items.stream().map(RetrieveCommand.Item::entryUuid).filter(Objects::nonNull).toList(),
                items.stream().map(RetrieveCommand.Item::documentUniqueId).filter(Objects::nonNull).toList(),
                null, ownEntryUuids);
        if (found.isEmpty() && !errors.isEmpty()) {
            throw new DmpException(errors);
        }
        List<String> served = found.stream().map(RetrieveResult.Retrieved::documentUniqueId).toList();
        trail.readSucceeded(transaction, admission, TraceAction.RETRIEVE, served,
                errors.isEmpty() ? null : errors.size() + " document(s) refused: "
                        + errors.stream().map(e -> e.code().name()).distinct().toList());
        return new RetrieveResult(found, errors);
    }

    /** One document; an entryUUID it finds in the caller's record is added to {@code ownEntryUuids}. */
    private RetrieveResult.Retrieved serve(Admission admission, RetrieveCommand.Item item, long[] budget,
                                           Set<String> ownEntryUuids) {
        String uid = item.documentUniqueId() != null ? item.documentUniqueId() : uniqueIdOf(admission, item.entryUuid());
        if (item.documentUniqueId() == null) {
            ownEntryUuids.add(item.entryUuid());
        }
        if (!identity.repositoryUniqueId().equals(item.repositoryUniqueId())) {
            throw new DmpException(DmpErrorCode.UNKNOWN_REPOSITORY, "repositoryUniqueId " + item.repositoryUniqueId()
                    + " is not this repository (" + identity.repositoryUniqueId() + ")", uid);
        }
        DocumentEntryRecord current = currentVersion(admission, uid).orElseThrow(() -> unknown(uid));
        policy.requireHabilitation(admission, current);
        boolean visible = !repository.findDocuments(DocumentCriteria.builder().entryUuids(List.of(current.entryUuid()))
                .patient(admission.patient()).visibility(admission.visibility()).limit(1).build()).isEmpty();
        if (!visible) {
            throw unknown(uid);
        }
        long size = current.size() == null ? 0 : current.size();
        if (size > budget[0]) {
            throw Limits.exceeded("document " + uid + " (" + size + " bytes) with the documents served before it in this "
                    + "answer", "bytes", maxBytes.toBytes(), Limits.RETRIEVE_BYTES, uid);
        }
        DocumentContent c = repository.findContent(uid).orElseThrow(() -> unknown(uid));
        budget[0] -= c.size();
        return new RetrieveResult.Retrieved(identity.repositoryUniqueId(), c.documentUniqueId(),
                item.homeCommunityId() != null ? item.homeCommunityId() : identity.homeCommunityId(),
                c.mimeType(), c.size(), c.bytes());
    }

    /**
     * The metadata version that decides for a uniqueId of the caller's patient: the current one
     * (Approved or Archived), else the newest; none when deleted or absent.
     */
    private Optional<DocumentEntryRecord> currentVersion(Admission admission, String uniqueId) {
        List<DocumentEntryRecord> versions = repository.findDocuments(DocumentCriteria.builder()
                .uniqueIds(List.of(uniqueId)).patient(admission.patient()).build());
        if (versions.isEmpty()) {
            return Optional.empty();
        }
        DocumentEntryRecord chosen = versions.stream()
                .filter(v -> v.availabilityStatus() == EntryStatus.APPROVED || v.availabilityStatus() == EntryStatus.ARCHIVED)
                .reduce((first, second) -> second).orElse(versions.get(versions.size() - 1));
        return chosen.availabilityStatus() == EntryStatus.DELETED ? Optional.empty() : Optional.of(chosen);
    }

    /** The uniqueId of the document one of whose metadata versions has this entryUUID (ITI-68), of the caller's patient. */
    private String uniqueIdOf(Admission admission, String entryUuid) {
        if (entryUuid == null || entryUuid.isBlank()) {
            throw new DmpException(DmpErrorCode.INVALID_QUERY_PARAMETER, "a retrieved document needs its uniqueId "
                    + "or the entryUUID of its metadata", "documentUniqueId");
        }
        return repository.findDocuments(DocumentCriteria.builder().entryUuids(List.of(entryUuid))
                        .patient(admission.patient()).limit(1).build()).stream()
                .map(DocumentEntryRecord::uniqueId).findFirst().orElseThrow(() -> unknown(entryUuid));
    }

    private static DmpException unknown(String uid) {
        return new DmpException(DmpErrorCode.UNKNOWN_DOCUMENT, "documentUniqueId " + uid
                + " is not in this repository, or not visible to this professional", uid);
    }
}
