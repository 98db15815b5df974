package org.dmpgateway.model.account;

import org.dmpgateway.model.PatientRecordState;

import java.time.Instant;
import java.util.List;

/**
 * Where the activation (or opposition) journey stands: its token (only when it starts), step, the
 * record and the contact on file, and the confirmations just sent.
 */
public record ActivationStep(String journey, String step, PatientRecordState state, String givenName,
                             String familyName, String email, String mobile, Instant expiresAt,
                             List<String> confirmationsSent) {
}
