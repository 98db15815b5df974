package org.dmpgateway.mappings.http;

import org.dmpgateway.model.account.AccountErrorCode;

/**
 * The one mapping of the patient side's refusals to HTTP statuses (the patient portal, and /admin
 * for a record's notice); docs/patient-api.md lists them.
 */
public final class AccountErrorStatus {
    private AccountErrorStatus() {
    }

    public static int status(AccountErrorCode code) {
        return switch (code) {
            case INVALID_FIELD -> 400;
            case WRONG_CREDENTIALS, WRONG_ONE_TIME_CODE, UNAUTHENTICATED -> 401;
            // RFC 4918 11.3: the resource (the code) is locked
            case CODE_LOCKED, LOGIN_LOCKED -> 423;
            case CODE_EXPIRED, CODE_USED -> 410;
            case JOURNEY_UNKNOWN, UNKNOWN_ACCOUNT, UNKNOWN_DOCUMENT, UNKNOWN_PROFESSIONAL,
                    UNKNOWN_PROFILE, UNKNOWN_MESSAGE -> 404;
            case PROFILE_ENDED, NOT_AUTHOR -> 403;
            case STEP_OUT_OF_ORDER, STATE_CONFLICT, IDENTIFIER_TAKEN, CONVERSATION_CLOSED -> 409;
            case DELIVERY_FAILED -> 503;
        };
    }
}
