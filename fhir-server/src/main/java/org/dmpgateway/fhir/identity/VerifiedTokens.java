package org.dmpgateway.fhir.identity;

import org.dmpgateway.model.access.AccessContext;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The identities of the bearer tokens {@link BearerTokenReader} has fully verified, by the token's
 * exact compact text, each until its own validity ends: a caller sends the same token with every
 * request until it expires, and its signature, claims and identity are not read again each time.
 * <p>
 * Only a token that passed every check is kept; a refused token is verified (and refused) each
 * time. A kept token is answered only within the window its checks accepted ({@code nbf} and
 * {@code exp} with the clock skew): past it, the entry is dropped and the full verification refuses
 * the token as expired. Another token, even one differing by a single character, is another key:
 * it is verified in full. The keys and settings are fixed for the life of the server, so a kept
 * verdict cannot go stale. The gateway keeps no revocation list: a token is accepted until its
 * {@code exp}, by the full verification as by this cache.
 * <p>
 * At most {@code capacity} tokens are kept ({@code dmp.fhir.token.cache-size}, 0: none): when it is
 * reached, the expired ones are dropped, and if none had expired, all of them (the cache then fills
 * again from the tokens in use).
 */
final class VerifiedTokens {
    private final int capacity;
    private final Map<String, Verified> byToken = new ConcurrentHashMap<>();

    VerifiedTokens(int capacity) {
        if (capacity < 0) {
            throw new IllegalArgumentException("dmp.fhir.token.cache-size must be 0 or more, not " + capacity);
        }
        this.capacity = capacity;
    }

    /** The identity of this token when it was verified and {@code now} is within its validity, else null. */
    AccessContext find(String token, Instant now) {
        Verified verified = byToken.get(token);
        if (verified == null) {
            return null;
        }
        if (now.isBefore(verified.validFrom()) || now.isAfter(verified.validUntil())) {
            byToken.remove(token, verified);
            return null;
        }
        return verified.context();
    }

    /** Keeps a verified token's identity for the window its checks accepted. */
    void keep(String token, AccessContext context, Instant validFrom, Instant validUntil, Instant now) {
        if (capacity == 0) {
            return;
        }
        if (byToken.size() >= capacity) {
            byToken.values().removeIf(v -> now.isAfter(v.validUntil()));
            if (byToken.size() >= capacity) {
                byToken.clear();
            }
        }
        byToken.put(token, new Verified(context, validFrom, validUntil));
    }

    int size() {
        return byToken.size();
    }

    private record Verified(AccessContext context, Instant validFrom, Instant validUntil) {
    }
}
