package org.dmpgateway.conformance;

import ca.uhn.hl7v2.DefaultHapiContext;
import ca.uhn.hl7v2.HL7Exception;
import ca.uhn.hl7v2.HapiContext;
import ca.uhn.hl7v2.app.Connection;
import ca.uhn.hl7v2.llp.LLPException;
import ca.uhn.hl7v2.llp.MinLowerLayerProtocol;
import ca.uhn.hl7v2.model.Message;
import ca.uhn.hl7v2.parser.CanonicalModelClassFactory;
import ca.uhn.hl7v2.util.Terser;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * An MLLP step (samples/FORMAT.md, "SMTP and MLLP steps"): the scenario's HL7v2 message (ER7), parsed
 * with HAPI HL7v2 and sent with HAPI's MLLP client to the server's MLLP port, as a hospital integration
 * engine sends it; the acknowledgement read with HAPI's Terser: MSA-1 and the ERR-5 application error
 * codes. UTF-8 both ways (the guide's MSH-18 {@code UNICODE UTF-8}).
 */
final class MllpStep {
    private static final HapiContext CONTEXT = new DefaultHapiContext(new CanonicalModelClassFactory("2.5"));

    static {
        CONTEXT.getParserConfiguration().setValidating(false);
        CONTEXT.setLowerLayerProtocol(new MinLowerLayerProtocol(true));
    }

    private final RunnerOptions options;

    MllpStep(RunnerOptions options) {
        this.options = options;
    }

    /** The acknowledgement: MSA-1, the ERR-5 codes, and the texts (ERR-8) to show when a check fails. */
    record Ack(String code, List<String> errors, List<String> texts) {
    }

    Ack send(String er7, Path transcript) throws IOException {
        // files keep line ends for reading; HL7v2 separates segments with carriage returns
        String text = er7.replace("\r\n", "\r").replace('\n', '\r').strip();
        Files.createDirectories(transcript.getParent());
        Files.writeString(transcript.resolveSibling(transcript.getFileName() + ".request.er7"), text, StandardCharsets.UTF_8);
        try {
            Message message = CONTEXT.getPipeParser().parse(text);
            Connection connection = CONTEXT.newClient(options.mllpHost(), options.mllpPort(), false);
            Message answer;
            try {
                connection.getInitiator().setTimeout(options.timeout().toMillis(), TimeUnit.MILLISECONDS);
                answer = connection.getInitiator().sendAndReceive(message);
            } finally {
                connection.close();
            }
            Files.writeString(transcript.resolveSibling(transcript.getFileName() + ".response.er7"), answer.encode(),
                    StandardCharsets.UTF_8);
            Terser t = new Terser(answer);
            List<String> errors = new ArrayList<>();
            List<String> texts = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                String code = t.get("/ERR(" + i + ")-5-1");
                String reading = t.get("/ERR(" + i + ")-8");
                if (code == null && reading == null && t.get("/ERR(" + i + ")-3-1") == null) {
                    break;
                }
                if (code != null) {
                    errors.add(code);
                }
                if (reading != null) {
                    texts.add(reading);
                }
            }
            return new Ack(t.get("/MSA-1"), errors, texts);
        } catch (HL7Exception | LLPException e) {
            throw new IOException("MLLP exchange with " + options.mllpHost() + ":" + options.mllpPort() + ": " + e.getMessage(), e);
        }
    }
}
