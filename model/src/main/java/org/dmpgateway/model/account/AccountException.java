package org.dmpgateway.model.account;

/**
 * A refusal on the patient side: a code, the field concerned (null when none) and a French message
 * for the patient that names the field and the rule.
 */
public class AccountException extends RuntimeException {
    private final AccountErrorCode code;
    private final String field;

    public AccountException(AccountErrorCode code, String field, String message) {
        super(message);
        this.code = code;
        this.field = field;
    }

    public AccountErrorCode code() {
        return code;
    }

    public String field() {
        return field;
    }
}
