package org.dmpgateway.benchmark;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks the server's answers without a full XML parse (the harness must cost little next to the
 * server): the XDS status, the number of document entries of a query response, the MIME parts of
 * an MTOM answer.
 */
final class Responses {
    private static final byte[] SUCCESS = ascii("ResponseStatusType:Success\"");
    private static final byte[] EXTRINSIC_OBJECT = ascii("ExtrinsicObject ");
    private static final Pattern BOUNDARY = Pattern.compile("boundary=\"?([^\";]+)\"?");
    private static final Pattern ERROR = Pattern.compile("errorCode=\"([^\"]*)\"[^>]*codeContext=\"([^\"]{0,300})");

    private Responses() {
    }

    /** Throws unless the answer is HTTP 200 with an XDS status Success. */
    static void requireSuccess(Http.Response r, String what) {
        if (r.status() != 200 || indexOf(r.body(), SUCCESS, 0) < 0) {
            throw new IllegalStateException(what + " failed: HTTP " + r.status() + " " + failure(r.body()));
        }
    }

    /** The first XDS error of an answer (code and context), or its beginning. */
    static String failure(byte[] body) {
        String text = new String(body, 0, Math.min(body.length, 20_000), StandardCharsets.UTF_8);
        Matcher m = ERROR.matcher(text);
        if (m.find()) {
            return m.group(1) + ": " + m.group(2);
        }
        int fault = text.indexOf("Fault");
        return fault >= 0 ? text.substring(fault, Math.min(text.length(), fault + 400)) : text.substring(0, Math.min(400, text.length()));
    }

    /** Number of ExtrinsicObject start tags (document entries) in a LeafClass query answer. */
    static int countDocumentEntries(byte[] body) {
        int n = 0;
        for (int at = indexOf(body, EXTRINSIC_OBJECT, 0); at >= 0; at = indexOf(body, EXTRINSIC_OBJECT, at + 1)) {
            byte before = body[at - 1];
            if (before == '<' || before == ':') {
                n++;
            }
        }
        return n;
    }

    /** The bodies of the MIME parts of a multipart answer (empty when the answer is not multipart). */
    static List<byte[]> mimeParts(Http.Response r) {
        Matcher m = BOUNDARY.matcher(r.contentType());
        List<byte[]> parts = new ArrayList<>();
        if (!r.contentType().startsWith("multipart/") || !m.find()) {
            return parts;
        }
        byte[] delimiter = ascii("--" + m.group(1));
        byte[] body = r.body();
        int at = indexOf(body, delimiter, 0);
        while (at >= 0) {
            int lineEnd = at + delimiter.length;
            if (lineEnd + 1 < body.length && body[lineEnd] == '-' && body[lineEnd + 1] == '-') {
                break;
            }
            int headersEnd = indexOf(body, ascii("\r\n\r\n"), lineEnd);
            int next = indexOf(body, delimiter, lineEnd);
            if (headersEnd < 0 || next < 0) {
                break;
            }
            int start = headersEnd + 4;
            int end = next - 2; // the CRLF before the delimiter belongs to it
            byte[] part = new byte[Math.max(0, end - start)];
            System.arraycopy(body, start, part, 0, part.length);
            parts.add(part);
            at = next;
        }
        return parts;
    }

    static int indexOf(byte[] haystack, byte[] needle, int from) {
        byte first = needle[0];
        int last = haystack.length - needle.length;
        for (int i = Math.max(0, from); i <= last; i++) {
            if (haystack[i] != first) {
                continue;
            }
            int j = 1;
            while (j < needle.length && haystack[i + j] == needle[j]) {
                j++;
            }
            if (j == needle.length) {
                return i;
            }
        }
        return -1;
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }
}
