package org.dmpgateway.server.support;

import ca.uhn.hl7v2.DefaultHapiContext;
import ca.uhn.hl7v2.HL7Exception;
import ca.uhn.hl7v2.HapiContext;
import ca.uhn.hl7v2.app.Connection;
import ca.uhn.hl7v2.llp.LLPException;
import ca.uhn.hl7v2.llp.MinLowerLayerProtocol;
import ca.uhn.hl7v2.model.Message;
import ca.uhn.hl7v2.parser.CanonicalModelClassFactory;
import ca.uhn.hl7v2.util.Terser;
import ca.uhn.hl7v2.util.idgenerator.NanoTimeGenerator;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;

/**
 * The ANS example messages of "Transmission de documents CDA en HL7v2" (src/test/resources/hl7v2/ans-examples,
 * source in the README there) as HAPI HL7v2 messages, to send as they are or changed by the guide's rules
 * (another control id, patient, document id, meta, or CDA), and an MLLP client (HAPI's) to send them.
 */
public final class Hl7v2Messages {
    /** The guide's creation (T02), replacement (T10) and deletion (T04) examples. */
    public static final String CREATION = "MDM_T02_CR_Radio_INIT_N1.er7";
    public static final String REPLACEMENT = "MDM_T10_CR_Radio_RPLC_N1.er7";
    public static final String DELETION = "MDM_T04_CR_Radio_DEL_N1.er7";
    /** The ids of the examples' documents (v1, and v2 replacing it) and of their patient. */
    public static final String DOCUMENT_V1 = "1.2.250.1.71.4.2.2.120456789.71024000081";
    public static final String DOCUMENT_V2 = "1.2.250.1.71.4.2.2.120456789.71024000082";
    public static final String PATIENT = "279035121518989";
    /** The examples' sender (PRT-4 = SB), Dr Eric Thomas, and the sending application and facility. */
    public static final String SENDER = "801234564895";
    public static final String APPLICATION = "RIS-Y";
    public static final String FACILITY = "Organisation-Y";

    private static final HapiContext CONTEXT = new DefaultHapiContext(new CanonicalModelClassFactory("2.5"));

    static {
        CONTEXT.getParserConfiguration().setValidating(false);
        CONTEXT.getParserConfiguration().setIdGenerator(new NanoTimeGenerator());
        // the charset of MSH-18 (the examples: UNICODE UTF-8) both ways, not HAPI's default
        CONTEXT.setLowerLayerProtocol(new MinLowerLayerProtocol(true));
    }

    private final Message message;

    private Hl7v2Messages(Message message) {
        this.message = message;
    }

    /** One of the examples, with a fresh control id (MSH-10). */
    public static Hl7v2Messages example(String file) {
        try (InputStream in = Hl7v2Messages.class.getResourceAsStream("/hl7v2/ans-examples/" + file)) {
            // the published files end their segments with line feeds; HL7v2's separator is the carriage return
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("\r\n", "\r").replace('\n', '\r');
            return new Hl7v2Messages(CONTEXT.getPipeParser().parse(text)).controlId(UUID.randomUUID().toString()
                    .substring(0, 20));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (HL7Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The guide's expected acknowledgement of its replacement example (ACK_T10.er7). */
    public static Message expectedReplacementAck() {
        return example("ACK_T10.er7").message();
    }

    public Message message() {
        return message;
    }

    public String controlId() {
        return get("/MSH-10");
    }

    public Hl7v2Messages controlId(String id) {
        return set("/MSH-10", id);
    }

    /** Sets a field by its Terser path, e.g. {@code /PID-3-1}. */
    public Hl7v2Messages set(String path, String value) {
        try {
            new Terser(message).set(path, value);
            return this;
        } catch (HL7Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public String get(String path) {
        try {
            return new Terser(message).get(path);
        } catch (HL7Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Sets a MetaDMPMSS (OBX-3.1 {@code code}) to Y or N. */
    public Hl7v2Messages meta(String code, boolean yes) {
        for (int i = 1; ; i++) {
            String id = get("/OBXNTE(" + i + ")/OBX-3-1");
            if (id == null) {
                throw new IllegalArgumentException("no meta " + code);
            }
            if (id.equals(code)) {
                return set("/OBXNTE(" + i + ")/OBX-5-1", yes ? "Y" : "N");
            }
        }
    }

    /**
     * The MSSanté recipients (the guide's page mapping-mss, TO): the example's PRT with PRT-4 = RCT replaced by one
     * per address, {@code PRT||UC||RCT^Results Copies To^participation|||||||||||^^X.400^<address>} as the guide's
     * examples write them (exemples.md).
     */
    public Hl7v2Messages mailTo(String... addresses) {
        StringBuilder recipients = new StringBuilder();
        for (String address : addresses) {
            recipients.append("\rPRT||UC||RCT^Results Copies To^participation|||||||||||^^X.400^").append(address);
        }
        return edit(text -> {
            String without = text.replaceAll("\rPRT\\|\\|UC\\|\\|RCT[^\r]*", "");
            int sb = without.indexOf("\rPRT||UC||SB");
            int end = without.indexOf('\r', sb + 1);
            return without.substring(0, end) + recipients + without.substring(end);
        });
    }

    /** Adds the guide's PRT REPLY (REPLY TO, PRT-15.4) after the sender's PRT SB. */
    public Hl7v2Messages replyTo(String address) {
        return edit(text -> {
            int sb = text.indexOf("\rPRT||UC||SB");
            int end = text.indexOf('\r', sb + 1);
            return text.substring(0, end) + "\rPRT||UC||REPLY^Reply to^participation|||||||||||^^X.400^" + address
                    + text.substring(end);
        });
    }

    /**
     * Adds a mail body (the guide's OBX CORPSMAIL_PS or CORPSMAIL_PATIENT, ED, Base64 as in its examples) and,
     * with {@code end}, the {@code NTE|1|||FIN|} after the OBX DESTMSSANTEPAT (X-MSS-MES: FIN).
     */
    public Hl7v2Messages mailBody(String code, String body, boolean end) {
        String obx = "\rOBX|20|ED|" + code + "^Corps du mail^MetaDMPMSS||^TEXT^^Base64^"
                + Base64.getEncoder().encodeToString(body.getBytes(StandardCharsets.UTF_8)) + "||||||F|";
        return edit(text -> {
            String t = text.endsWith("\r") ? text.substring(0, text.length() - 1) : text;
            if (end) {
                int pat = t.lastIndexOf("\rOBX|", t.indexOf("DESTMSSANTEPAT^"));
                int next = t.indexOf('\r', pat + 1);
                t = t.substring(0, next) + "\rNTE|1|||FIN|" + t.substring(next);
            }
            return t + obx;
        });
    }

    /** The message re-read after a change of its ER7 text (segments separated by carriage returns). */
    private Hl7v2Messages edit(UnaryOperator<String> change) {
        try {
            return new Hl7v2Messages(CONTEXT.getPipeParser().parse(change.apply(message.encode())));
        } catch (HL7Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The CDA of OBX-5 as text. */
    public String cda() {
        return new String(Base64.getDecoder().decode(get("/OBXNTE(0)/OBX-5-5")), StandardCharsets.UTF_8);
    }

    /** Changes the CDA of OBX-5. */
    public Hl7v2Messages cda(UnaryOperator<String> change) {
        return set("/OBXNTE(0)/OBX-5-5", Base64.getEncoder().encodeToString(change.apply(cda())
                .getBytes(StandardCharsets.UTF_8)));
    }

    /** Another patient, in PID-3 and in the CDA's recordTarget. */
    public Hl7v2Messages patient(String ins) {
        return set("/PID-3-1", ins).cda(c -> c.replace("extension=\"" + PATIENT + "\"", "extension=\"" + ins + "\""));
    }

    /** Other document ids: {@code v1} for the example's v1 (81), {@code v2} for its v2 (82), in TXA and the CDA. */
    public Hl7v2Messages documents(String v1, String v2) {
        String txa12 = get("/TXA-12-1");
        String txa13 = get("/TXA-13-1");
        if (txa12 != null) {
            set("/TXA-12-1", txa12.replace(DOCUMENT_V1, v1).replace(DOCUMENT_V2, v2));
        }
        if (txa13 != null) {
            set("/TXA-13-1", txa13.replace(DOCUMENT_V1, v1).replace(DOCUMENT_V2, v2));
        }
        return cda(c -> c.replace(DOCUMENT_V1, v1).replace(DOCUMENT_V2, v2));
    }

    /** Sends the message over MLLP to localhost:{@code port} with HAPI's client; answers the acknowledgement. */
    public Message send(int port) {
        try {
            Connection connection = CONTEXT.newClient("localhost", port, false);
            try {
                connection.getInitiator().setTimeout(60, TimeUnit.SECONDS);
                return connection.getInitiator().sendAndReceive(message);
            } finally {
                connection.close();
            }
        } catch (HL7Exception | LLPException | IOException e) {
            throw new IllegalStateException("MLLP exchange failed: " + e, e);
        }
    }

    /** The acknowledgement as text (segments separated by carriage returns). */
    public static String encode(Message m) {
        try {
            return m.encode();
        } catch (HL7Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** A field of an acknowledgement by its Terser path, e.g. {@code /MSA-1} or {@code /ERR-5-1}. */
    public static String field(Message m, String path) {
        try {
            return new Terser(m).get(path);
        } catch (HL7Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
