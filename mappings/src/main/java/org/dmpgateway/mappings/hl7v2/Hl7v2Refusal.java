package org.dmpgateway.mappings.hl7v2;

/**
 * A message the gateway does not act on, with what its acknowledgement says (docs/hl7v2.md,
 * "Acknowledgements"): MSA-1 (AE: the message is in error; AR: rejected, may be sent again later),
 * ERR-2 (the location, {@code SEG^1^field}, or null), ERR-3 (HL7 table 0357: 101 required field
 * missing, 102 data type error, 103 table value not found, 207 application error...), ERR-5 (the
 * guide's 900-906 with 207, else null) and a readable text (ERR-8, French, naming the field and the rule).
 */
public class Hl7v2Refusal extends RuntimeException {
    /** HL7 0357: required field missing. */
    public static final int REQUIRED_FIELD_MISSING = 101;
    /** HL7 0357: data type error. */
    public static final int DATA_TYPE_ERROR = 102;
    /** HL7 0357: table value not found. */
    public static final int TABLE_VALUE_NOT_FOUND = 103;
    /** HL7 0357: application error (the detail in ERR-5). */
    public static final int APPLICATION_ERROR = 207;

    private final String ackCode;
    private final int hl7ErrorCode;
    private final ApplicationError applicationError;
    private final String location;

    public Hl7v2Refusal(String ackCode, int hl7ErrorCode, ApplicationError applicationError, String location,
                        String text) {
        super(text);
        this.ackCode = ackCode;
        this.hl7ErrorCode = hl7ErrorCode;
        this.applicationError = applicationError;
        this.location = location;
    }

    /** A field of the message missing or wrong (AE, ERR-3 {@code hl7ErrorCode}, no ERR-5). */
    public static Hl7v2Refusal field(int hl7ErrorCode, String location, String text) {
        return new Hl7v2Refusal("AE", hl7ErrorCode, null, location, text);
    }

    /** An application error of the guide's table (AE, ERR-3 207, ERR-5 the code). */
    public static Hl7v2Refusal application(ApplicationError error, String location, String text) {
        return new Hl7v2Refusal("AE", APPLICATION_ERROR, error, location, text);
    }

    public String ackCode() {
        return ackCode;
    }

    public int hl7ErrorCode() {
        return hl7ErrorCode;
    }

    public ApplicationError applicationError() {
        return applicationError;
    }

    public String location() {
        return location;
    }
}
