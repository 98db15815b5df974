package org.dmpgateway.repository;

/** A uniqueId already used in the registry: by which object, and (for documents) with which hash. */
public record UniqueIdUse(String uniqueId, ObjectKind kind, String entryUuid, String hash) {
}
