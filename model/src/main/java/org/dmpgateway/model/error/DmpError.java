package org.dmpgateway.model.error;

/** One error: a stable code, a message that names the field and the rule, and where it occurred. */
public record DmpError(DmpErrorCode code, String message, String location) {
}
