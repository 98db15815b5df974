package org.dmpgateway.repository;

import org.dmpgateway.model.AssociationRecord;
import org.dmpgateway.model.DocumentContent;
import org.dmpgateway.model.DocumentEntryRecord;
import org.dmpgateway.model.FolderRecord;
import org.dmpgateway.model.SubmissionSetRecord;
import org.dmpgateway.model.query.AssociationCriteria;
import org.dmpgateway.model.query.DocumentCriteria;
import org.dmpgateway.model.query.DocumentCursor;
import org.dmpgateway.model.query.FolderCriteria;
import org.dmpgateway.model.query.SubmissionSetCriteria;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The internal repository: registry metadata, document content and patient records, in a
 * relational database (H2 or PostgreSQL, schema by Flyway). It stores and selects; it does not
 * decide: the rules live in the routing core. Patient records are in {@link PatientRecordRepository}.
 */
public interface RegistryRepository {

    /**
     * Stores a whole submission atomically: all rows or none. The contents the documents carry are
     * staged first ({@link #openContentUpload}), then published with the rows.
     *
     * @throws ConflictingWriteException when a uniqueness constraint refuses the write
     */
    void storeSubmission(SubmissionWrite write);

    /**
     * Stores a metadata update (ITI-57) or removal (ITI-62) atomically, joining the caller's
     * transaction when there is one: the guarded status changes, then the new objects. All rows or none.
     *
     * @throws ConflictingWriteException when an entry no longer has the expected status (changed by
     *                                   another request meanwhile) or a uniqueness constraint refuses a row
     */
    void storeDocumentUpdate(DocumentUpdateWrite write);

    /** Which of these uniqueIds are already used, by documents, submission sets or folders. */
    List<UniqueIdUse> findUniqueIdUses(Collection<String> uniqueIds);

    /** The kind of each known object among these entryUUIDs (unknown ones are absent). */
    Map<String, ObjectKind> findObjectKinds(Collection<String> entryUuids);

    /**
     * {@link #findUniqueIdUses} and {@link #findObjectKinds} in one statement, one round trip: the
     * uses of a submission's uniqueIds and the objects its entryUUIDs already name.
     */
    IdentifierUses findIdentifierUses(Collection<String> uniqueIds, Collection<String> entryUuids);

    /**
     * The document entries the criteria select, in insertion order (a total, stable order), the
     * page ({@link DocumentCriteria#offset()}, {@link DocumentCriteria#limit()}) cut by the database
     * after every filter, visibility included.
     */
    List<DocumentEntryRecord> findDocuments(DocumentCriteria criteria);

    /** The identifiers of the entries {@link #findDocuments} selects, in the same order, without their metadata. */
    List<DocumentKey> findDocumentKeys(DocumentCriteria criteria);

    /**
     * The entries of these keys ({@link #findDocumentKeys}: the selection, visibility included, is
     * decided there and not again), in insertion order (the keys' order), read row by row by their row id: the cursor
     * holds a database connection of its own until it is closed (by its reader, whatever happens, or
     * by itself after its last row), so that an answer of many entries is written without holding
     * them all. An entry removed since its key was selected is absent; one changed since is read as
     * it is now.
     */
    DocumentCursor openDocuments(List<DocumentKey> keys);

    /**
     * How many document entries the criteria select, visibility included, ignoring their offset and
     * limit: the total of which {@link #findDocuments} returns a page.
     */
    long countDocuments(DocumentCriteria criteria);

    List<SubmissionSetRecord> findSubmissionSets(SubmissionSetCriteria criteria);

    List<FolderRecord> findFolders(FolderCriteria criteria);

    List<AssociationRecord> findAssociations(AssociationCriteria criteria);

    /**
     * A new upload for the document contents of one request: each content staged in bounded
     * transactions, then published in the caller's transaction; close it once that transaction is
     * over ({@link ContentUpload}).
     */
    ContentUpload openContentUpload();

    /**
     * Deletes the uploads untouched since {@code cutoffMillis} (epoch ms), left by a crash; safe
     * with several gateways on one database. Returns how many this call deleted.
     */
    int discardUploadsUntouchedSince(long cutoffMillis);

    /**
     * The content of a document, by its uniqueId: its size, and its bytes read from the database
     * chunk by chunk as the returned stream is read.
     */
    Optional<DocumentContent> findContent(String documentUniqueId);
}
