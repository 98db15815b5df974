package org.dmpgateway.repository;

/** The kinds of registry objects, as stored. */
public enum ObjectKind {
    DOCUMENT_ENTRY, SUBMISSION_SET, FOLDER, ASSOCIATION
}
