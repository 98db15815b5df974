package org.dmpgateway.repository;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import org.dmpgateway.model.AuthorInfo;
import org.dmpgateway.model.CodedValue;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The multi-valued metadata of one document entry (confidentiality and event codes, authors,
 * sourcePatientInfo lines, referenceIdList, extra slots) as one compact JSON text, kept in the
 * entry's own row ({@code document_entry.child_metadata}, migrations V3_26 and V3_27).
 *
 * <p>Why: a FindDocuments selection reads one patient's entries through the patient index; with
 * the lists only in the child tables, each entry then cost four more lookups in child tables keyed
 * by its random entryUUID, i.e. as many scattered index leaves as entries (docs/performance.md,
 * "The selection layout"). With the column, the entry and its metadata come back in one row. The
 * child tables are still written: the selection criteria (codes, author person, referenceId) and
 * the visibility rule search them.
 *
 * <p>The metadata of a stored version never changes (a metadata update stores a new version),
 * so the text is written once, with the row. Layout: an object with the keys {@code c}
 * (confidentiality codes), {@code e} (event codes), each code an array [code, system, display];
 * {@code a} (authors, each [person, [institutions], [roles], [specialties], [telecoms]]);
 * {@code p} (sourcePatientInfo); {@code r} (referenceIdList); {@code x} (extra slots, name to
 * values, in name order). An empty list is left out.
 */
public final class EntryMetadataColumn {
    /**
     * The longest text written into the column (the column's declared length); an entry whose
     * metadata is longer keeps a null column and is read from the child tables.
     */
    public static final int MAX_LENGTH = 1_000_000;

    private static final JsonFactory JSON = new JsonFactory();

    /** The lists of one entry, as the record holds them. */
    public record Lists(List<CodedValue> confidentiality, List<CodedValue> events, List<AuthorInfo> authors,
                        List<String> sourcePatientInfo, List<String> referenceIds, Map<String, List<String>> slots) {
    }

    private EntryMetadataColumn() {
    }

    /** The column's text, or null when it would be longer than {@link #MAX_LENGTH}. */
    public static String write(Lists lists) {
        StringWriter out = new StringWriter(256);
        try (JsonGenerator g = JSON.createGenerator(out)) {
            g.writeStartObject();
            codes(g, "c", lists.confidentiality());
            codes(g, "e", lists.events());
            if (!empty(lists.authors())) {
                g.writeArrayFieldStart("a");
                for (AuthorInfo a : lists.authors()) {
                    g.writeStartArray();
                    g.writeString(a.person());
                    strings(g, a.institutions());
                    strings(g, a.roles());
                    strings(g, a.specialties());
                    strings(g, a.telecoms());
                    g.writeEndArray();
                }
                g.writeEndArray();
            }
            texts(g, "p", lists.sourcePatientInfo());
            texts(g, "r", lists.referenceIds());
            if (lists.slots() != null && !lists.slots().isEmpty()) {
                g.writeObjectFieldStart("x");
                for (Map.Entry<String, List<String>> slot : new TreeMap<>(lists.slots()).entrySet()) {
                    g.writeFieldName(slot.getKey());
                    strings(g, slot.getValue());
                }
                g.writeEndObject();
            }
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot encode the metadata of a document entry", e);
        }
        return out.getBuffer().length() > MAX_LENGTH ? null : out.toString();
    }

    /** The lists from the column's text. */
    public static Lists read(String text) {
        List<CodedValue> confidentiality = List.of();
        List<CodedValue> events = List.of();
        List<AuthorInfo> authors = List.of();
        List<String> sourcePatientInfo = List.of();
        List<String> referenceIds = List.of();
        Map<String, List<String>> slots = Map.of();
        try (JsonParser p = JSON.createParser(text)) {
            expect(p.nextToken(), JsonToken.START_OBJECT, text);
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String key = p.currentName();
                p.nextToken();
                switch (key) {
                    case "c" -> confidentiality = codes(p);
                    case "e" -> events = codes(p);
                    case "a" -> authors = authors(p);
                    case "p" -> sourcePatientInfo = strings(p);
                    case "r" -> referenceIds = strings(p);
                    case "x" -> slots = slots(p);
                    default -> p.skipChildren();
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("corrupt document entry metadata column: " + text, e);
        }
        return new Lists(confidentiality, events, authors, sourcePatientInfo, referenceIds, slots);
    }

    private static void codes(JsonGenerator g, String key, List<CodedValue> codes) throws IOException {
        if (!empty(codes)) {
            g.writeArrayFieldStart(key);
            for (CodedValue c : codes) {
                g.writeStartArray();
                g.writeString(c.code());
                g.writeString(c.codeSystem());
                g.writeString(c.displayName());
                g.writeEndArray();
            }
            g.writeEndArray();
        }
    }

    private static void texts(JsonGenerator g, String key, List<String> values) throws IOException {
        if (!empty(values)) {
            g.writeFieldName(key);
            strings(g, values);
        }
    }

    private static void strings(JsonGenerator g, List<String> values) throws IOException {
        g.writeStartArray();
        if (values != null) {
            for (String v : values) {
                g.writeString(v);
            }
        }
        g.writeEndArray();
    }

    private static List<CodedValue> codes(JsonParser p) throws IOException {
        List<CodedValue> codes = new ArrayList<>();
        while (p.nextToken() == JsonToken.START_ARRAY) {
            List<String> parts = strings(p);
            codes.add(new CodedValue(parts.get(0), parts.get(1), parts.get(2)));
        }
        return codes;
    }

    private static List<AuthorInfo> authors(JsonParser p) throws IOException {
        List<AuthorInfo> authors = new ArrayList<>();
        while (p.nextToken() == JsonToken.START_ARRAY) {
            p.nextToken();
            String person = p.currentToken() == JsonToken.VALUE_NULL ? null : p.getText();
            p.nextToken();
            List<String> institutions = strings(p);
            p.nextToken();
            List<String> roles = strings(p);
            p.nextToken();
            List<String> specialties = strings(p);
            p.nextToken();
            List<String> telecoms = strings(p);
            p.nextToken();
            authors.add(new AuthorInfo(person, institutions, roles, specialties, telecoms));
        }
        return authors;
    }

    /** The strings of the array the parser is at (its START_ARRAY read); nulls kept. */
    private static List<String> strings(JsonParser p) throws IOException {
        List<String> values = new ArrayList<>();
        while (p.nextToken() != JsonToken.END_ARRAY) {
            values.add(p.currentToken() == JsonToken.VALUE_NULL ? null : p.getText());
        }
        return values;
    }

    private static Map<String, List<String>> slots(JsonParser p) throws IOException {
        Map<String, List<String>> slots = new LinkedHashMap<>();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            p.nextToken();
            slots.put(name, strings(p));
        }
        return slots;
    }

    private static void expect(JsonToken actual, JsonToken expected, String text) {
        if (actual != expected) {
            throw new IllegalStateException("corrupt document entry metadata column: " + text);
        }
    }

    private static boolean empty(List<?> values) {
        return values == null || values.isEmpty();
    }
}
