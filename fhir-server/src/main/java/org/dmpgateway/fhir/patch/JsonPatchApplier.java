package org.dmpgateway.fhir.patch;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.DataFormatException;
import ca.uhn.fhir.parser.IParser;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonStructure;
import jakarta.json.JsonValue;
import org.dmpgateway.model.error.DmpErrorCode;
import org.dmpgateway.model.error.DmpException;
import org.hl7.fhir.r4.model.DocumentReference;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;

/**
 * RFC 6902 JSON Patch ({@code application/json-patch+json}) on a DocumentReference, with the JSON-P
 * implementation (Eclipse Parsson): the resource is written as FHIR JSON, patched, and read back
 * with HAPI. Every operation's {@code path} (and {@code from}) must name a patchable element
 * ({@link PatchableElements}: otherwise 405); a malformed patch, a failing {@code test} or a path
 * that designates nothing is METADATA_UPDATE_ERROR (422).
 */
public final class JsonPatchApplier {
    private static final IParser JSON = FhirContext.forR4Cached().newJsonParser();

    private JsonPatchApplier() {
    }

    public static PatchedDocument apply(DocumentReference resource, String patchBody) {
        JsonArray operations = operations(patchBody);
        List<String> paths = new ArrayList<>();
        for (JsonValue v : operations) {
            if (!(v instanceof JsonObject op) || !op.containsKey("op") || !op.containsKey("path")) {
                throw invalid("each JSON Patch operation is an object with 'op' and 'path'");
            }
            String path = op.getString("path", null);
            PatchableElements.requireJsonPointer(path);
            if (op.containsKey("from")) {
                PatchableElements.requireJsonPointer(op.getString("from", null));
            }
            paths.add(path);
        }
        String json = JSON.encodeResourceToString(resource);
        JsonStructure patched;
        try (JsonReader reader = Json.createReader(new StringReader(json))) {
            patched = Json.createPatch(operations).apply(reader.readObject());
        } catch (JsonException | ClassCastException e) {
            throw invalid("the JSON Patch does not apply to DocumentReference/" + resource.getIdElement().getIdPart()
                    + " (" + String.join(", ", paths) + "): " + shortMessage(e));
        }
        DocumentReference before = JSON.parseResource(DocumentReference.class, json);
        DocumentReference after;
        try {
            after = JSON.parseResource(DocumentReference.class, patched.toString());
        } catch (DataFormatException e) {
            throw invalid("the patched DocumentReference is not valid FHIR: " + e.getMessage());
        }
        PatchedDocument result = new PatchedDocument(before, after);
        PatchableElements.requireOnlyPatchableChanges(result, String.join(", ", paths));
        return result;
    }

    /** Parsson's message without the JSON document it sometimes quotes in full. */
    private static String shortMessage(Exception e) {
        String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        int quoted = m.indexOf(" '{");
        int end = m.lastIndexOf("}'");
        return quoted >= 0 && end > quoted ? m.substring(0, quoted) + m.substring(end + 2) : m;
    }

    private static JsonArray operations(String body) {
        if (body == null || body.isBlank()) {
            throw invalid("the PATCH body is empty");
        }
        try (JsonReader reader = Json.createReader(new StringReader(body))) {
            JsonStructure s = reader.read();
            if (s instanceof JsonArray array) {
                return array;
            }
        } catch (JsonException e) {
            throw invalid("the PATCH body is not JSON: " + e.getMessage());
        }
        throw invalid("a JSON Patch body is a JSON array of operations");
    }

    private static DmpException invalid(String message) {
        return new DmpException(DmpErrorCode.METADATA_UPDATE_ERROR, "JSON Patch: " + message, "PATCH");
    }
}
