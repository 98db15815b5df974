package org.dmpgateway.core.update;

import org.apache.camel.Header;
import org.dmpgateway.model.CoreEndpoints;
import org.dmpgateway.model.access.AccessContext;
import org.dmpgateway.model.error.DmpError;
import org.dmpgateway.model.error.DmpErrorCode;
import org.dmpgateway.model.error.DmpException;
import org.dmpgateway.model.DocumentEntryRecord;
import org.dmpgateway.model.DocumentRemoval;
import org.dmpgateway.model.trail.TraceAction;
import org.dmpgateway.repository.ConflictingWriteException;
import org.dmpgateway.repository.DocumentUpdateWrite;
import org.dmpgateway.repository.DocumentUpdateWrite.StatusChange;
import org.dmpgateway.repository.ObjectKind;
import org.dmpgateway.repository.RegistryRepository;
import org.dmpgateway.core.policy.AccessPolicy;
import org.dmpgateway.core.policy.Admission;
import org.dmpgateway.core.trail.AccessTrail;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * The core of ITI-62 Remove Metadata (FHIR DELETE goes through UpdateDocuments): the author deletes documents of the
 * caller's patient. Each referenced entryUUID must be a document entry (other objects:
 * METADATA_UPDATE_ERROR, only document entries can be removed) of the caller's patient that the
 * caller may handle and see (otherwise unknown: METADATA_UPDATE_ERROR), authored by the caller
 * (NOT_AUTHOR). All or nothing.
 *
 * <p>The removal is logical, as the DMP's deletion (TD3.3c): every version of the document gets the
 * status Deleted, nothing is erased. A deleted document is never returned to professionals (the
 * repository's visibility filter excludes Deleted entries from every query, and retrieval refuses
 * them); its rows stay for the record's history. Traced (DELETE) in the write's transaction.
 */
@Component
public class RemoveDocuments {
    private final RegistryRepository repository;
    private final AccessPolicy policy;
    private final AccessTrail trail;
    private final TransactionTemplate transaction;

    public RemoveDocuments(RegistryRepository repository, AccessPolicy policy, AccessTrail trail,
                           TransactionTemplate transaction) {
        this.repository = repository;
        this.policy = policy;
        this.trail = trail;
        this.transaction = transaction;
    }

    public void remove(DocumentRemoval removal, @Header(CoreEndpoints.ACCESS_CONTEXT) AccessContext caller) {
        Admission admission = policy.admit(caller, null, TraceAction.DELETE);
        if (removal.entryUuids().isEmpty()) {
            throw new DmpException(DmpErrorCode.METADATA_UPDATE_ERROR, "the request names no object to remove", null);
        }
        DocumentAccess access = new DocumentAccess(repository, policy, admission);
        Map<String, ObjectKind> kinds = repository.findObjectKinds(removal.entryUuids());
        List<DmpError> errors = new ArrayList<>();
        Map<String, StatusChange> changes = new LinkedHashMap<>();
        List<String> removed = new ArrayList<>();
        for (String id : new LinkedHashSet<>(removal.entryUuids())) {
            try {
                ObjectKind kind = kinds.get(id);
                if (kind != null && kind != ObjectKind.DOCUMENT_ENTRY) {
                    throw new DmpException(DmpErrorCode.METADATA_UPDATE_ERROR, "only document entries can be removed: "
                            + id + " is a " + kind.name().toLowerCase().replace('_', ' '), id);
                }
                DocumentEntryRecord entry = access.byEntryUuid(id).orElseThrow(() -> access.unknown(id));
                access.requireHandledAndVisible(entry, id);
                access.requireAuthor(entry, "delete it");
                access.deletionOf(entry).forEach(c -> changes.putIfAbsent(c.entryUuid(), c));
                if (!removed.contains(entry.uniqueId())) {
                    removed.add(entry.uniqueId());
                }
            } catch (DmpException e) {
                errors.addAll(e.errors());
            }
        }
        if (!errors.isEmpty()) {
            throw new DmpException(errors);
        }
        try {
            transaction.executeWithoutResult(status -> {
                repository.storeDocumentUpdate(DocumentUpdateWrite.statusChangesOnly(List.copyOf(changes.values())));
                trail.succeeded(admission, TraceAction.DELETE, removed, "ITI-62 Remove Metadata: " + removed.size()
                        + " document(s) deleted (" + changes.size() + " metadata version(s) now Deleted)");
            });
        } catch (ConflictingWriteException e) {
            throw new DmpException(DmpErrorCode.METADATA_UPDATE_ERROR, "a document of this request was changed by another "
                    + "request meanwhile; nothing was removed: send the request again", null);
        }
    }
}
