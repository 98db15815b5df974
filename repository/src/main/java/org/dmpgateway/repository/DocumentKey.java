package org.dmpgateway.repository;

/** The identifiers of one selected document entry, without its metadata (a light selection). */
public record DocumentKey(String entryUuid, String uniqueId) {
}
