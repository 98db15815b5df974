package org.dmpgateway.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.TreeSet;
import java.util.function.UnaryOperator;

/**
 * Compares one answer with the expectation of its step (samples/FORMAT.md, "expect"). Reads the
 * answer as the endpoint speaks: SOAP for /services, FHIR for /fhir, JSON for the REST operations.
 */
final class StepCheck {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The outcome of one step: what was expected and what came back, in short, and every mismatch. */
    record Result(String expected, String got, List<String> mismatches) {
        boolean passed() {
            return mismatches.isEmpty();
        }
    }

    private StepCheck() {
    }

    /**
     * @param fill fills the placeholders of expected values (uniqueIds of the run)
     */
    static Result check(Scenario.Expectation e, String path, Wire.Answer answer, UnaryOperator<String> fill) {
        List<String> mismatches = new ArrayList<>();
        String got;
        if (e.status() != null && e.status() != answer.status()) {
            mismatches.add("HTTP status: expected " + e.status() + ", got " + answer.status());
        }
        try {
            if (path.startsWith("/services/") || path.startsWith("/si-dmp-server/")) {
                got = checkSoap(e, SoapAnswer.read(answer), fill, mismatches, answer.status());
            } else if (path.startsWith("/fhir")) {
                got = checkFhir(e, FhirAnswer.read(answer), fill, mismatches, answer.status());
            } else {
                got = checkRest(e, answer, mismatches);
            }
        } catch (IllegalArgumentException | IOException ex) {
            mismatches.add(ex.getMessage());
            got = "HTTP " + answer.status() + ", unreadable answer";
        }
        if (e.headers() != null) {
            e.headers().forEach((name, value) -> {
                String actual = answer.header(name);
                if (actual == null || !("*".equals(value) || actual.equals(fill.apply(value)))) {
                    mismatches.add("header " + name + ": expected " + value + ", got " + actual);
                }
            });
        }
        return new Result(expected(e), got, mismatches);
    }

    private static String checkSoap(Scenario.Expectation e, SoapAnswer a, UnaryOperator<String> fill, List<String> mismatches,
                                    int status) throws IOException {
        if (e.fault() != null && e.fault() != a.fault) {
            mismatches.add(e.fault() ? "expected a SOAP fault, got " + a.xdsStatus() : "unexpected " + a.firstError());
        }
        equal("xdsStatus", e.xdsStatus(), a.xdsStatus(), mismatches);
        sameSet("xdsErrors", e.xdsErrors(), a.errorCodes(), fill, mismatches);
        sameSet("documents", e.documents(), a.documentUniqueIds(), fill, mismatches);
        sameSet("submissionSets", e.submissionSets(), a.submissionSetUniqueIds(), fill, mismatches);
        sameSet("folders", e.folders(), a.folderUniqueIds(), fill, mismatches);
        sameSet("objectRefs", e.objectRefs(), a.objectRefs(), fill, mismatches);
        equal("associationCount", e.associationCount(), a.associationCount(), mismatches);
        if (e.content() != null) {
            content(fill.apply(e.content()), a.content(), mismatches);
        }
        for (String x : list(e.xpath())) {
            if (!a.xpath(fill.apply(x))) {
                mismatches.add("xpath is false: " + x);
            }
        }
        StringBuilder got = new StringBuilder("HTTP ").append(status);
        if (a.fault) {
            return got.append(", SOAP fault").toString();
        }
        if (a.xdsStatus() != null) {
            // an HL7v3 answer of the DMP's administrative services (TD0.x, TD1.x) has no ebXML status
            got.append(", ").append(a.xdsStatus());
        }
        if (!a.errorCodes().isEmpty()) {
            got.append(" ").append(a.errorCodes());
        }
        boolean anyCount = e.documents() != null || e.submissionSets() != null || e.folders() != null
                || e.objectRefs() != null || e.associationCount() != null;
        counts(got, e.documents() != null || (!anyCount && (a.query != null || a.retrieved != null)) ? a.documentUniqueIds().size() : null,
                e.submissionSets() != null ? a.submissionSetUniqueIds().size() : null,
                e.folders() != null ? a.folderUniqueIds().size() : null,
                e.objectRefs() != null ? a.objectRefs().size() : null,
                e.associationCount() != null ? a.associationCount() : null);
        if (e.content() != null) {
            byte[] c = a.content();
            got.append(", ").append(c == null ? "no content" : c.length + " bytes");
        }
        if (!mismatches.isEmpty() && a.firstError() != null) {
            got.append(" (").append(shorten(a.firstError())).append(")");
        }
        return got.toString();
    }

    private static String checkFhir(Scenario.Expectation e, FhirAnswer a, UnaryOperator<String> fill, List<String> mismatches,
                                    int status) {
        equal("outcome", e.outcome(), a.outcome(), mismatches);
        equal("resourceType", e.resourceType(), a.resourceType(), mismatches);
        equal("total", e.total(), a.total(), mismatches);
        sameSet("documents", e.documents(), a.documentUniqueIds(), fill, mismatches);
        sameSet("submissionSets", e.submissionSets(), a.listUniqueIds("submissionset"), fill, mismatches);
        sameSet("folders", e.folders(), a.listUniqueIds("folder"), fill, mismatches);
        if (e.content() != null) {
            content(fill.apply(e.content()), a.content(), mismatches);
        }
        for (String p : list(e.fhirPath())) {
            if (!a.fhirPath(fill.apply(p))) {
                mismatches.add("fhirPath is not true: " + p);
            }
        }
        StringBuilder got = new StringBuilder("HTTP ").append(status);
        if (a.outcome() != null) {
            got.append(", ").append(a.outcome());
            if (!mismatches.isEmpty() && a.diagnostics() != null) {
                got.append(" (").append(shorten(a.diagnostics())).append(")");
            }
            return got.toString();
        }
        if (a.resourceType() != null) {
            got.append(", ").append(a.resourceType());
            if (a.total() != null) {
                got.append(" total ").append(a.total());
            }
        }
        counts(got, e.documents() != null ? a.documentUniqueIds().size() : null,
                e.submissionSets() != null ? a.listUniqueIds("submissionset").size() : null,
                e.folders() != null ? a.listUniqueIds("folder").size() : null, null, null);
        if (e.content() != null || (a.resourceType() == null && a.raw.length > 0)) {
            byte[] c = a.content();
            got.append(", ").append(c == null ? "no content" : c.length + " bytes");
        }
        return got.toString();
    }

    private static String checkRest(Scenario.Expectation e, Wire.Answer answer, List<String> mismatches) throws IOException {
        String code = null;
        if (answer.contentType().contains("json") && answer.body().length > 0) {
            JsonNode json = JSON.readTree(answer.body());
            code = json.hasNonNull("code") ? json.get("code").asText() : null;
        }
        equal("outcome", e.outcome(), code, mismatches);
        return "HTTP " + answer.status() + (code == null ? "" : ", " + code);
    }

    /** The decisive expectation, in short, for the table. */
    /** An SMTP step: the server's reply code. */
    static Result checkSmtp(Scenario.Expectation e, SmtpStep.Reply reply) {
        List<String> mismatches = new ArrayList<>();
        if (e.smtpReply() != reply.code()) {
            mismatches.add("SMTP reply: expected " + e.smtpReply() + ", got " + reply.code() + " " + reply.text());
        }
        return new Result("SMTP " + e.smtpReply(), "SMTP " + reply.code(), mismatches);
    }

    /** An MLLP step: the acknowledgement's MSA-1 and its ERR-5 codes (as a set). */
    static Result checkMllp(Scenario.Expectation e, MllpStep.Ack ack) {
        List<String> mismatches = new ArrayList<>();
        equal("ack (MSA-1)", e.ack(), ack.code(), mismatches);
        sameSet("ackErrors (ERR-5)", e.ackErrors(), ack.errors(), UnaryOperator.identity(), mismatches);
        if (!mismatches.isEmpty() && !ack.texts().isEmpty()) {
            mismatches.add("ERR-8: " + String.join(" | ", ack.texts()));
        }
        String expected = "ACK " + e.ack() + (e.ackErrors() == null || e.ackErrors().isEmpty() ? "" : " " + e.ackErrors());
        String got = "ACK " + ack.code() + (ack.errors().isEmpty() ? "" : " " + ack.errors());
        return new Result(expected, got, mismatches);
    }

    static String expected(Scenario.Expectation e) {
        List<String> parts = new ArrayList<>();
        if (e.status() != null) {
            parts.add("HTTP " + e.status());
        }
        if (Boolean.TRUE.equals(e.fault())) {
            parts.add("SOAP fault");
        }
        if (e.xdsStatus() != null) {
            parts.add(e.xdsStatus() + (e.xdsErrors() == null || e.xdsErrors().isEmpty() ? "" : " " + e.xdsErrors()));
        }
        if (e.outcome() != null) {
            parts.add(e.outcome());
        }
        if (e.resourceType() != null) {
            parts.add(e.resourceType() + (e.total() == null ? "" : " total " + e.total()));
        }
        StringBuilder n = new StringBuilder();
        counts(n, e.documents() == null ? null : e.documents().size(), e.submissionSets() == null ? null : e.submissionSets().size(),
                e.folders() == null ? null : e.folders().size(), e.objectRefs() == null ? null : e.objectRefs().size(), e.associationCount());
        if (!n.isEmpty()) {
            parts.add(n.substring(2));
        }
        if (e.content() != null) {
            parts.add(e.content().getBytes(StandardCharsets.UTF_8).length + " bytes");
        }
        return String.join(", ", parts);
    }

    /** Appends ", N doc, N set, ..." for the counts given (null = not shown). */
    private static void counts(StringBuilder out, Integer docs, Integer sets, Integer folders, Integer refs, Integer assocs) {
        if (docs != null) {
            out.append(", ").append(docs).append(" doc");
        }
        if (sets != null) {
            out.append(", ").append(sets).append(" set");
        }
        if (folders != null) {
            out.append(", ").append(folders).append(" folder");
        }
        if (refs != null) {
            out.append(", ").append(refs).append(" ref");
        }
        if (assocs != null) {
            out.append(", ").append(assocs).append(" assoc");
        }
    }

    private static void equal(String what, Object expected, Object got, List<String> mismatches) {
        if (expected != null && !expected.equals(got)) {
            mismatches.add(what + ": expected " + expected + ", got " + got);
        }
    }

    private static void sameSet(String what, List<String> expected, Collection<String> got, UnaryOperator<String> fill,
                                List<String> mismatches) {
        if (expected == null) {
            return;
        }
        TreeSet<String> want = new TreeSet<>(expected.stream().map(fill).toList());
        TreeSet<String> have = new TreeSet<>(got);
        if (!want.equals(have) || got.size() != have.size()) {
            TreeSet<String> missing = new TreeSet<>(want);
            missing.removeAll(have);
            TreeSet<String> extra = new TreeSet<>(have);
            extra.removeAll(want);
            mismatches.add(what + ": expected " + want.size() + ", got " + got.size()
                    + (missing.isEmpty() ? "" : "; missing " + missing) + (extra.isEmpty() ? "" : "; unexpected " + extra)
                    + (got.size() != have.size() ? "; some more than once" : ""));
        }
    }

    private static void content(String expected, byte[] got, List<String> mismatches) {
        if (got == null) {
            mismatches.add("content: expected " + expected.length() + " characters, the answer carries no single document");
        } else if (!expected.equals(new String(got, StandardCharsets.UTF_8))) {
            mismatches.add("content: expected \"" + shorten(expected) + "\", got \"" + shorten(new String(got, StandardCharsets.UTF_8)) + "\"");
        }
    }

    private static List<String> list(List<String> l) {
        return l == null ? List.of() : l;
    }

    private static String shorten(String s) {
        String one = s.replaceAll("\\s+", " ").strip();
        return one.length() <= 160 ? one : one.substring(0, 157) + "...";
    }
}
