package org.dmpgateway.repository;

import java.util.List;
import java.util.Map;

/**
 * What a submission's new identifiers are already used by, read in one statement
 * ({@link RegistryRepository#findIdentifierUses}): the uniqueIds' uses and the kinds of the objects
 * the entryUUIDs name (unknown entryUUIDs are absent).
 */
public record IdentifierUses(List<UniqueIdUse> uniqueIds, Map<String, ObjectKind> entryUuids) {
}
