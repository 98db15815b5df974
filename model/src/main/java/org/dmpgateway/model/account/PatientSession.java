package org.dmpgateway.model.account;

import java.time.Instant;

/** A patient's session: its bearer token and expiry. */
public record PatientSession(String token, Instant expiresAt) {
}
