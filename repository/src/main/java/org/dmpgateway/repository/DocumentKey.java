package org.dmpgateway.repository;

/**
 * The identifiers of one selected document entry, without its metadata (a light selection): its
 * row id (the key {@link RegistryRepository#openDocuments} reads the row by), entryUUID and uniqueId.
 */
public record DocumentKey(long id, String entryUuid, String uniqueId) {
}
