package org.dmpgateway.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A value captured from a JSON answer (the patient API, /admin): a JSON Pointer (RFC 6901, e.g.
 * {@code /journey}, {@code /0/id}), optionally followed by {@code " ~ "} and a regular expression
 * whose first group is kept (e.g. {@code /0/body ~ code provisoire à 12 caractères : (\S{12})}, the
 * code in the body of the newest e-mail of the sandbox outbox listing). samples/FORMAT.md, "capture".
 */
final class JsonCapture {
    static final String REGEX_SEPARATOR = " ~ ";
    private static final ObjectMapper JSON = new ObjectMapper();

    private JsonCapture() {
    }

    /** Whether a step's capture reads JSON (not SOAP): every path but the SOAP services'. */
    static boolean appliesTo(String path) {
        return !path.startsWith("/services/") && !path.startsWith("/si-dmp-server/");
    }

    /** The captured value, empty when the answer has nothing there (or the expression does not match). */
    static String capture(String answer, String expression) {
        int tilde = expression.indexOf(REGEX_SEPARATOR);
        String pointer = (tilde < 0 ? expression : expression.substring(0, tilde)).trim();
        JsonNode root;
        try {
            root = JSON.readTree(answer);
        } catch (IOException e) {
            return "";
        }
        if (root == null) {
            return "";
        }
        JsonNode node = root.at(pointer);
        if (node.isMissingNode() || node.isNull() || node.isContainerNode()) {
            return "";
        }
        String value = node.asText();
        if (tilde < 0) {
            return value;
        }
        Matcher m = Pattern.compile(expression.substring(tilde + REGEX_SEPARATOR.length())).matcher(value);
        return m.find() && m.groupCount() >= 1 && m.group(1) != null ? m.group(1) : "";
    }
}
