package org.dmpgateway.fhir.patch;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.IParser;
import org.dmpgateway.mappings.fhir.update.DocumentReferencePatch;
import org.hl7.fhir.r4.model.DocumentReference;

import java.util.List;

/**
 * The PDSm rule on what a PATCH may change: {@code DocumentReference.status},
 * {@code DocumentReference.securityLabel} and the PDSm extensions isArchived and isDeleted, nothing
 * else (405, {@link NotPatchable}). Checked twice: each operation's path first (a precise message),
 * then the result itself (the patched resource, once these elements are set aside, must equal the
 * original), so that no path spelling gets around the rule.
 */
public final class PatchableElements {
    private static final IParser JSON = FhirContext.forR4Cached().newJsonParser();

    private PatchableElements() {
    }

    /** Refuses the patch when {@code after} differs from {@code before} outside the patchable elements. */
    public static void requireOnlyPatchableChanges(PatchedDocument patched, String paths) {
        String before = JSON.encodeResourceToString(withoutPatchable(patched.before()));
        String after = JSON.encodeResourceToString(withoutPatchable(patched.after()));
        if (!before.equals(after)) {
            throw new NotPatchable(paths, "PATCH " + paths + ": only DocumentReference.status, "
                    + "DocumentReference.securityLabel and the PDSm extensions isArchived and isDeleted may be changed "
                    + "(PDSm); this patch changes other elements");
        }
    }

    /** Refuses a JSON Pointer (JSON Patch) outside the patchable elements. */
    public static void requireJsonPointer(String pointer) {
        if (pointer == null || !(is(pointer, "/status") || is(pointer, "/securityLabel") || is(pointer, "/extension"))) {
            throw notPatchable(pointer);
        }
    }

    /** Refuses a FHIRPath (FHIRPath Patch) outside the patchable elements. */
    public static void requireFhirPath(String path) {
        String p = path == null ? "" : path.trim();
        if (p.startsWith("DocumentReference.")) {
            p = p.substring("DocumentReference.".length());
        } else {
            throw notPatchable(path);
        }
        if (isPath(p, "status") || isPath(p, "securityLabel")) {
            return;
        }
        if (isPath(p, "extension")) {
            for (String url : DocumentReferencePatch.PATCHABLE_EXTENSIONS) {
                if (p.startsWith("extension('" + url + "')") || p.startsWith("extension.where(url='" + url + "')")
                        || p.startsWith("extension.where(url = '" + url + "')")) {
                    return;
                }
            }
        }
        throw notPatchable(path);
    }

    /** For a FHIRPath Patch {@code add} / {@code insert} at {@code DocumentReference} with a child {@code name}. */
    public static void requireChildName(String path, String name) {
        if ("DocumentReference".equals(path == null ? null : path.trim())
                && List.of("status", "securityLabel", "extension").contains(name)) {
            return;
        }
        requireFhirPath(path + (name == null ? "" : "." + name));
    }

    private static NotPatchable notPatchable(String path) {
        return new NotPatchable(path, "PATCH path " + path + ": only DocumentReference.status, "
                + "DocumentReference.securityLabel and the PDSm extensions isArchived and isDeleted may be changed (PDSm)");
    }

    private static boolean is(String pointer, String element) {
        return pointer.equals(element) || pointer.startsWith(element + "/");
    }

    private static boolean isPath(String p, String element) {
        return p.equals(element) || p.startsWith(element + ".") || p.startsWith(element + "[")
                || p.startsWith(element + "(");
    }

    private static DocumentReference withoutPatchable(DocumentReference r) {
        DocumentReference copy = r.copy();
        copy.setStatus(null);
        copy.getSecurityLabel().clear();
        copy.getExtension().removeIf(e -> DocumentReferencePatch.PATCHABLE_EXTENSIONS.contains(e.getUrl()));
        copy.setMeta(null);
        return copy;
    }
}
