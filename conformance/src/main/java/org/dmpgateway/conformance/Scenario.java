package org.dmpgateway.conformance;

import com.fasterxml.jackson.databind.JsonNode;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * One folder of samples/: what is set up through the admin API, what is sent, and what must come
 * back (samples/FORMAT.md).
 */
record Scenario(String name, Path folder, String title, String protocol, String rule,
                List<Exchange> setup, List<Exchange> steps) {
    /** The protocols a scenario is filed under (its decisive exchange's): SOAP, FHIR, SMTP, HL7v2 over MLLP. */
    static final List<String> PROTOCOLS = List.of("XDS", "FHIR", "SMTP", "HL7V2");

    /**
     * One HTTP request of a scenario and, for a step, the outcome it must have, and the values it
     * captures from its answer for the next steps ({@code ${CAPTURED_<name>}}: name -> XPath 1.0
     * string expression on the SOAP envelope).
     */
    record Exchange(String name, String method, String path, Map<String, String> headers,
                    String bodyFile, JsonNode body, Expectation expect, Boolean decisive, Map<String, String> capture,
                    Smtp smtp, Mllp mllp) {

        Exchange(String name, String method, String path, Map<String, String> headers, String bodyFile, JsonNode body,
                 Expectation expect, Boolean decisive) {
            this(name, method, path, headers, bodyFile, body, expect, decisive, Map.of(), null, null);
        }

        /** Whether the step is an HTTP request (not an SMTP or MLLP one). */
        boolean isHttp() {
            return smtp == null && mllp == null;
        }

        boolean isAdminCall() {
            return path != null && path.startsWith("/admin/");
        }
    }

    /**
     * An SMTP step: the message file (RFC 5322, placeholders filled in) sent with STARTTLS to the server's
     * SMTP port, envelope sender {@code from}, envelope recipients {@code to}.
     */
    record Smtp(String from, List<String> to, String messageFile) {
    }

    /** An MLLP step: the HL7v2 message file (ER7, placeholders filled in) sent to the server's MLLP port. */
    record Mllp(String messageFile) {
    }

    /**
     * The checks of a step; a null field is not checked. {@code smtpReply} applies to SMTP steps (the
     * server's reply code: 250 accepted, else the refusal's), {@code ack} (MSA-1) and {@code ackErrors}
     * (the ERR-5 application error codes, as a set) to MLLP steps, the others to HTTP steps.
     */
    record Expectation(Integer status, String xdsStatus, List<String> xdsErrors, Boolean fault,
                       List<String> documents, List<String> submissionSets, List<String> folders,
                       Integer associationCount, List<String> objectRefs, String content, String outcome,
                       String resourceType, Integer total, List<String> fhirPath, List<String> xpath,
                       Map<String, String> headers, Integer smtpReply, String ack, List<String> ackErrors) {

        /** Whether a check of an HTTP answer is asked. */
        boolean checksHttp() {
            return status != null || xdsStatus != null || xdsErrors != null || fault != null || documents != null
                    || submissionSets != null || folders != null || associationCount != null || objectRefs != null
                    || content != null || outcome != null || resourceType != null || total != null || fhirPath != null
                    || xpath != null || headers != null;
        }
    }
}
