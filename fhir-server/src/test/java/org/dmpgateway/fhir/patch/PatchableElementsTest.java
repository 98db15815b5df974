package org.dmpgateway.fhir.patch;

import org.dmpgateway.mappings.fhir.update.DocumentReferencePatch;
import org.dmpgateway.mappings.fhir.common.MhdUrls;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The PDSm rule on what a PATCH path may name ({@link PatchableElements}), before any patch is applied. */
class PatchableElementsTest {

    @ParameterizedTest
    @ValueSource(strings = {"/status", "/securityLabel", "/securityLabel/0", "/securityLabel/-", "/extension",
            "/extension/1/valueBoolean"})
    void aJsonPointerToAPatchableElementPasses(String pointer) {
        assertDoesNotThrow(() -> PatchableElements.requireJsonPointer(pointer));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "/", "/statusReason", "/description", "/securityLabels", "/content/0", "status",
            "/meta/security"})
    void aJsonPointerToAnyOtherElementIs405(String pointer) {
        assertEquals(405, assertThrows(NotPatchable.class, () -> PatchableElements.requireJsonPointer(pointer)).getStatusCode());
    }

    @ParameterizedTest
    @ValueSource(strings = {"DocumentReference.status", "DocumentReference.securityLabel",
            "DocumentReference.securityLabel[0]", "DocumentReference.securityLabel.where(coding.code = 'MASQUE_PS')",
            "DocumentReference.extension('" + MhdUrls.EXT_IS_ARCHIVED + "')",
            "DocumentReference.extension.where(url='" + DocumentReferencePatch.EXT_IS_DELETED + "').value",
            "DocumentReference.extension.where(url = '" + MhdUrls.EXT_IS_ARCHIVED + "')"})
    void aFhirPathToAPatchableElementPasses(String path) {
        assertDoesNotThrow(() -> PatchableElements.requireFhirPath(path));
    }

    @ParameterizedTest
    @ValueSource(strings = {"status", "DocumentReference", "DocumentReference.statusReason", "DocumentReference.description",
            "DocumentReference.extension", "DocumentReference.extension('https://example.org/other')",
            "Patient.status", "DocumentReference.content.attachment.url"})
    void aFhirPathToAnyOtherElementIs405(String path) {
        assertEquals(405, assertThrows(NotPatchable.class, () -> PatchableElements.requireFhirPath(path)).getStatusCode());
    }

    @ParameterizedTest
    @ValueSource(strings = {"status", "securityLabel", "extension"})
    void anAddAtTheRootMayNameAPatchableChild(String name) {
        assertDoesNotThrow(() -> PatchableElements.requireChildName("DocumentReference", name));
    }

    @ParameterizedTest
    @ValueSource(strings = {"description", "subject", "statusReason"})
    void anAddAtTheRootNamingAnotherChildIs405(String name) {
        assertThrows(NotPatchable.class, () -> PatchableElements.requireChildName("DocumentReference", name));
    }
}
