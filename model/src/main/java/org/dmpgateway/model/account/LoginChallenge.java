package org.dmpgateway.model.account;

import java.time.Instant;

/** The login's first answer: the challenge to send back with the code, and where the code went. */
public record LoginChallenge(String challenge, ContactChannel channel, String sentTo, Instant expiresAt) {
}
