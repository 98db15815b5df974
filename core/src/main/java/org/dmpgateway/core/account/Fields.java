package org.dmpgateway.core.account;

import org.dmpgateway.model.account.AccountErrorCode;
import org.dmpgateway.model.account.AccountException;

/** The refusal of a malformed field: its name and the rule, in French, for the patient. */
final class Fields {
    private Fields() {
    }

    static AccountException invalid(String field, String rule) {
        return new AccountException(AccountErrorCode.INVALID_FIELD, field, field + " : " + rule);
    }

    static String required(String value, String field, String what) {
        if (value == null || value.isBlank()) {
            throw invalid(field, what + " est obligatoire.");
        }
        return value.strip();
    }
}
