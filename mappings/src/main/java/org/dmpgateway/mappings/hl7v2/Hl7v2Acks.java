package org.dmpgateway.mappings.hl7v2;

import ca.uhn.hl7v2.AcknowledgmentCode;
import ca.uhn.hl7v2.HL7Exception;
import ca.uhn.hl7v2.model.Message;
import ca.uhn.hl7v2.model.v25.message.ACK;
import ca.uhn.hl7v2.model.v25.segment.ERR;

import java.io.IOException;

/**
 * The acknowledgements of the guide (page profils-messages, "Le message d'acquittement du message HL7v2"):
 * HAPI HL7v2 generates the ACK of the received message (MSH-3/4 and 5/6 swapped, MSH-9 {@code ACK^<event>^ACK},
 * MSA-2 = MSH-10), this class adds MSA-1 and the ERR segment: ERR-2 location, ERR-3 HL7 table 0357 code,
 * ERR-4 severity (E error, W warning), ERR-5 the guide's 900-906 (applicationErrorCode), ERR-8 the readable text.
 */
public final class Hl7v2Acks {
    /** HL7 table 0357's code system name, as the guide writes ERR-3. */
    static final String MESSAGE_ERROR_CONDITION = "messageErrorCondition";
    /** MSH-18 of UTF-8 (HL7 table 0211). */
    static final String UTF_8 = "UNICODE UTF-8";

    private Hl7v2Acks() {
    }

    /** AA: the message was acted on. */
    public static Message accepted(Message received) {
        return ack(received, AcknowledgmentCode.AA);
    }

    /** AA with a warning (ERR-4 = W): acted on, except what the warning says (e.g. a destination not served). */
    public static Message acceptedWithWarning(Message received, ApplicationError error, String text) {
        Message ack = ack(received, AcknowledgmentCode.AA);
        err(ack, null, Hl7v2Refusal.APPLICATION_ERROR, "Application error", error, "W", text);
        return ack;
    }

    /** AE or AR with the refusal's ERR segment. */
    public static Message refused(Message received, Hl7v2Refusal refusal) {
        Message ack = ack(received, AcknowledgmentCode.valueOf(refusal.ackCode()));
        err(ack, refusal.location(), refusal.hl7ErrorCode(), label(refusal.hl7ErrorCode()), refusal.applicationError(),
                "E", refusal.getMessage());
        return ack;
    }

    private static Message ack(Message received, AcknowledgmentCode code) {
        try {
            ACK ack = (ACK) received.generateACK(code, null);
            // the guide's MSH-17 and MSH-18; the gateway sends UTF-8 (docs/hl7v2.md)
            ack.getMSH().getCountryCode().setValue("FRA");
            ack.getMSH().getCharacterSet(0).setValue(UTF_8);
            return ack;
        } catch (HL7Exception | IOException e) {
            throw new IllegalStateException("HAPI could not generate the acknowledgement: " + e.getMessage(), e);
        }
    }

    private static void err(Message ack, String location, int hl7Code, String hl7Label, ApplicationError error,
                            String severity, String text) {
        try {
            ERR err = ((ACK) ack).getERR(((ACK) ack).getERRReps());
            if (location != null) {
                String[] parts = location.split("\\^");
                err.getErrorLocation(0).getSegmentID().setValue(parts[0]);
                if (parts.length > 1) {
                    err.getErrorLocation(0).getSegmentSequence().setValue(parts[1]);
                }
                if (parts.length > 2) {
                    err.getErrorLocation(0).getFieldPosition().setValue(parts[2]);
                }
            }
            err.getHL7ErrorCode().getIdentifier().setValue(Integer.toString(hl7Code));
            err.getHL7ErrorCode().getText().setValue(hl7Label);
            err.getHL7ErrorCode().getNameOfCodingSystem().setValue(MESSAGE_ERROR_CONDITION);
            err.getSeverity().setValue(severity);
            if (error != null) {
                err.getApplicationErrorCode().getIdentifier().setValue(error.code());
                err.getApplicationErrorCode().getText().setValue(error.label());
                err.getApplicationErrorCode().getNameOfCodingSystem().setValue(ApplicationError.CODE_SYSTEM);
            }
            err.getUserMessage().setValue(text);
        } catch (HL7Exception e) {
            throw new IllegalStateException("HAPI could not fill the ERR segment: " + e.getMessage(), e);
        }
    }

    /** The labels of HL7 table 0357 the gateway sends. */
    static String label(int code) {
        return switch (code) {
            case 100 -> "Segment sequence error";
            case 101 -> "Required field missing";
            case 102 -> "Data type error";
            case 103 -> "Table value not found";
            case 200 -> "Unsupported message type";
            case 201 -> "Unsupported event code";
            case 203 -> "Unsupported version id";
            default -> "Application error";
        };
    }
}
