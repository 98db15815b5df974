package org.dmpgateway.core.account;

import org.dmpgateway.model.PatientRef;

import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * Who acts on a child's profile during one call of the patient API: the legal representative, set
 * by {@link ChildProfiles#onProfile} around the call (and cleared after it, whatever happens), read
 * by the account rules of the same thread: {@link AccountHistory} traces the representative as the
 * actor, {@link PatientDocuments} withholds documents marked INVISIBLE_REPRESENTANTS_LEGAUX. Outside
 * such a call nobody represents anybody: the patient acts on their own record.
 */
final class RepresentativeScope {
    private static final ThreadLocal<Acting> CURRENT = new ThreadLocal<>();

    private RepresentativeScope() {
    }

    /** The representative {@code representative} (named {@code name}) acting on the child's record {@code child}. */
    record Acting(PatientRef child, PatientRef representative, String name) {
    }

    static <T> T run(Acting acting, Callable<T> call) throws Exception {
        Acting before = CURRENT.get();
        CURRENT.set(acting);
        try {
            return call.call();
        } finally {
            if (before == null) {
                CURRENT.remove();
            } else {
                CURRENT.set(before);
            }
        }
    }

    /** The representative acting on {@code record} in this call, if any. */
    static Optional<Acting> on(PatientRef record) {
        Acting acting = CURRENT.get();
        return acting != null && acting.child().equals(record) ? Optional.of(acting) : Optional.empty();
    }
}
