package org.dmpgateway.mappings.hl7v2;

import org.dmpgateway.model.error.DmpErrorCode;
import org.dmpgateway.model.error.DmpException;

/**
 * The core's refusals in the guide's acknowledgement (docs/hl7v2.md, "Acknowledgements"): AE with ERR-3 207 and
 * the closest code of the guide's 900-906 table in ERR-5; the core's own message as the readable text.
 */
public final class Hl7v2Errors {
    private Hl7v2Errors() {
    }

    /** The refusal's acknowledgement: 900 to 906 by the core's code, AR for an internal error. */
    public static Hl7v2Refusal of(DmpException e) {
        DmpErrorCode code = e.code();
        if (code == DmpErrorCode.INTERNAL_ERROR) {
            return new Hl7v2Refusal("AR", Hl7v2Refusal.APPLICATION_ERROR, ApplicationError.OTHER, null,
                    "erreur interne de la passerelle ; le message peut être réémis plus tard");
        }
        return Hl7v2Refusal.application(applicationError(code), null, code + ": " + e.getMessage());
    }

    static ApplicationError applicationError(DmpErrorCode code) {
        return switch (code) {
            case DEPRECATED_DOCUMENT, UNKNOWN_DOCUMENT, UNRESOLVED_REFERENCE, METADATA_VERSION_ERROR -> ApplicationError.VERSION;
            case NOT_AUTHOR, PS_NOT_AUTHORIZED, PS_BLOCKED, HABILITATION_DENIED -> ApplicationError.NOT_AUTHORISED;
            case UNKNOWN_PATIENT, DMP_UNKNOWN -> ApplicationError.UNKNOWN_PATIENT;
            case INVALID_INS, PATIENT_ID_MISMATCH, ACCESS_PATIENT_MISMATCH -> ApplicationError.INS_MISMATCH;
            default -> ApplicationError.OTHER;
        };
    }
}
