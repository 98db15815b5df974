package org.dmpgateway.core.account;

import org.dmpgateway.model.account.AccountErrorCode;
import org.dmpgateway.model.account.AccountException;

/** The record's state changed meanwhile (another request, the automatic creation): try again. */
final class StateConflict {
    private StateConflict() {
    }

    static AccountException changed() {
        return new AccountException(AccountErrorCode.STATE_CONFLICT, null, "L'état de Mon espace santé vient de changer "
                + "; rechargez la page et recommencez.");
    }
}
