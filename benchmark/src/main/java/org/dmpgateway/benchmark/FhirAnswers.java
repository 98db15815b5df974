package org.dmpgateway.benchmark;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks the server's FHIR answers without parsing them into a model (the client must cost little
 * next to the server, as {@link Responses} does for SOAP): the resources of a Bundle counted by
 * their {@code resourceType}, a searchset's {@code total}, the ids of its DocumentReferences, the
 * statuses of a transaction-response, the first issue of an OperationOutcome.
 */
final class FhirAnswers {
    private static final Pattern TOTAL = Pattern.compile("\"total\"\\s*:\\s*(\\d+)");
    private static final Pattern DOCUMENT_REFERENCE_ID =
            Pattern.compile("\"resourceType\"\\s*:\\s*\"DocumentReference\"\\s*,\\s*\"id\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern DOCUMENT_REFERENCE_REFERENCE =
            Pattern.compile("\"reference\"\\s*:\\s*\"DocumentReference/");
    private static final Pattern ENTRY_STATUS = Pattern.compile("\"status\"\\s*:\\s*\"(\\d{3})[^\"]*\"");
    private static final Pattern LOCATION = Pattern.compile(
            "\"location\"\\s*:\\s*\"(?:[^\"]*/)?([A-Z][A-Za-z]+)/([^\"/]+)(?:/_history/[^\"]*)?\"");
    private static final Pattern ISSUE = Pattern.compile("\"(code|diagnostics)\"\\s*:\\s*\"([^\"]{0,300})\"");

    private FhirAnswers() {
    }

    /** Number of resources of this type in a JSON answer ({@code "resourceType":"<type>"}, any spacing). */
    static int countResources(byte[] json, String type) {
        byte[] key = ascii("\"resourceType\"");
        byte[] value = ascii("\"" + type + "\"");
        int n = 0;
        for (int at = Responses.indexOf(json, key, 0); at >= 0; at = Responses.indexOf(json, key, at + key.length)) {
            int i = skipSpaces(json, at + key.length);
            if (i < json.length && json[i] == ':' && startsWith(json, skipSpaces(json, i + 1), value)) {
                n++;
            }
        }
        return n;
    }

    /** Number of references to a DocumentReference in a JSON answer ({@code "reference":"DocumentReference/...}). */
    static int countDocumentReferenceReferences(String json) {
        Matcher m = DOCUMENT_REFERENCE_REFERENCE.matcher(json);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }

    /** A searchset's {@code total}, or -1 when absent. */
    static long total(String json) {
        Matcher m = TOTAL.matcher(json);
        return m.find() ? Long.parseLong(m.group(1)) : -1;
    }

    /** The ids of the DocumentReferences of a searchset, in order (HAPI writes {@code id} right after {@code resourceType}). */
    static List<String> documentReferenceIds(String json) {
        List<String> ids = new ArrayList<>();
        Matcher m = DOCUMENT_REFERENCE_ID.matcher(json);
        while (m.find()) {
            ids.add(m.group(1));
        }
        return ids;
    }

    /** The HTTP statuses of a transaction-response's entries ({@code response.status}, e.g. 201), in order. */
    static List<Integer> entryStatuses(String json) {
        List<Integer> statuses = new ArrayList<>();
        Matcher m = ENTRY_STATUS.matcher(json);
        while (m.find()) {
            statuses.add(Integer.parseInt(m.group(1)));
        }
        return statuses;
    }

    /** The ids of the resources of this type a transaction-response created, in order ({@code location} Type/id/_history/n). */
    static List<String> createdIds(String json, String type) {
        List<String> ids = new ArrayList<>();
        Matcher m = LOCATION.matcher(json);
        while (m.find()) {
            if (m.group(1).equals(type)) {
                ids.add(m.group(2));
            }
        }
        return ids;
    }

    /** Throws unless the ITI-65 answer is HTTP 200, a transaction-response whose every entry is 201. */
    static void requireCreated(Http.Response r, int entries, String what) {
        String text = r.text();
        List<Integer> statuses = entryStatuses(text);
        if (r.status() != 200 || !text.contains("\"transaction-response\"") || statuses.size() != entries
                || statuses.stream().anyMatch(s -> s != 201)) {
            throw new IllegalStateException(what + " failed: HTTP " + r.status() + ", entry statuses " + statuses
                    + ", " + failure(r.body()));
        }
    }

    /** The first issue of an OperationOutcome (its code and diagnostics), or the answer's beginning. */
    static String failure(byte[] body) {
        String text = new String(body, 0, Math.min(body.length, 20_000), StandardCharsets.UTF_8);
        int outcome = text.indexOf("\"OperationOutcome\"");
        if (outcome >= 0) {
            StringBuilder b = new StringBuilder();
            Matcher m = ISSUE.matcher(text);
            m.region(outcome, text.length());
            while (m.find() && b.length() < 600) {
                b.append(b.length() == 0 ? "" : ", ").append(m.group(1)).append('=').append(m.group(2));
            }
            return b.toString();
        }
        return text.substring(0, Math.min(400, text.length()));
    }

    private static int skipSpaces(byte[] b, int i) {
        while (i < b.length && (b[i] == ' ' || b[i] == '\n' || b[i] == '\r' || b[i] == '\t')) {
            i++;
        }
        return i;
    }

    private static boolean startsWith(byte[] b, int at, byte[] prefix) {
        if (at + prefix.length > b.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (b[at + i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }
}
