package org.dmpgateway.model.query;

/**
 * A stored query as the core receives it: the query, and whether the caller wants object
 * references only (ObjectRef) or full objects (LeafClass).
 */
public record QueryCommand(RegistryQuery query, boolean objectRefsOnly) {
}
