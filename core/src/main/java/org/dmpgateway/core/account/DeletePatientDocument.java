package org.dmpgateway.core.account;

import org.dmpgateway.model.DocumentEntryRecord;
import org.dmpgateway.model.EntryStatus;
import org.dmpgateway.model.PatientRef;
import org.dmpgateway.model.account.AccountErrorCode;
import org.dmpgateway.model.account.AccountException;
import org.dmpgateway.model.query.DocumentCriteria;
import org.dmpgateway.repository.ConflictingWriteException;
import org.dmpgateway.repository.DocumentUpdateWrite;
import org.dmpgateway.repository.DocumentUpdateWrite.StatusChange;
import org.dmpgateway.repository.RegistryRepository;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.List;

/**
 * The patient deletes a document they added (dmp-rules.md section 2: only the author deletes a
 * document; PDSM4DMP TD3.3c): every version of it gets the status Deleted, as a professional's
 * deletion (ITI-62, TD3.3c) does; nothing is erased and it is never returned again. A document
 * of a professional is refused NOT_AUTHOR (the patient may hide it instead). Traced in the
 * record's history.
 */
@Component
public class DeletePatientDocument {
    private final PatientDocuments documents;
    private final RegistryRepository registry;
    private final AccountHistory history;
    private final TransactionTemplate transaction;

    public DeletePatientDocument(PatientDocuments documents, RegistryRepository registry, AccountHistory history,
                                 TransactionTemplate transaction) {
        this.documents = documents;
        this.registry = registry;
        this.history = history;
        this.transaction = transaction;
    }

    public void delete(PatientRef ins, String documentId) {
        DocumentEntryRecord current = documents.current(ins, documentId);
        if (!ins.id().equals(current.submitterId())) {
            throw new AccountException(AccountErrorCode.NOT_AUTHOR, "documentId", "documentId : vous ne pouvez "
                    + "supprimer que les documents que vous avez ajoutés ; celui-ci a été déposé par un professionnel "
                    + "de santé (vous pouvez le masquer aux professionnels).");
        }
        String logical = current.logicalUuid() != null ? current.logicalUuid() : current.entryUuid();
        List<StatusChange> changes = registry.findDocuments(DocumentCriteria.builder().patient(ins)
                        .logicalUuids(List.of(logical)).statuses(List.of(EntryStatus.APPROVED, EntryStatus.ARCHIVED,
                                EntryStatus.DEPRECATED)).build()).stream()
                .map(v -> new StatusChange(v.entryUuid(), v.availabilityStatus(), EntryStatus.DELETED)).toList();
        try {
            transaction.executeWithoutResult(tx -> {
                registry.storeDocumentUpdate(DocumentUpdateWrite.statusChangesOnly(changes));
                history.byPatient(ins, "document " + current.uniqueId() + " deleted by the patient ("
                        + changes.size() + " metadata version(s) now Deleted)", List.of(current.uniqueId()));
            });
        } catch (ConflictingWriteException e) {
            throw StateConflict.changed();
        }
    }
}
