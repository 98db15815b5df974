package org.dmpgateway.fhir.patch;

import org.dmpgateway.mappings.fhir.update.DocumentReferencePatch;
import org.dmpgateway.mappings.fhir.common.MhdUrls;
import org.dmpgateway.model.error.DmpErrorCode;
import org.dmpgateway.model.error.DmpException;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.DocumentReference;
import org.hl7.fhir.r4.model.Enumerations.DocumentReferenceStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * RFC 6902 JSON Patch on a DocumentReference ({@link JsonPatchApplier}): the PDSm changes apply,
 * a path outside the patchable elements is 405 ({@link NotPatchable}), a malformed or failing
 * patch is METADATA_UPDATE_ERROR; the resource given is never changed.
 */
class JsonPatchApplierTest {

    @Test
    void replacingTheStatusChangesTheStatusOnly() {
        DocumentReference original = PatchSamples.document();
        PatchedDocument patched = JsonPatchApplier.apply(original,
                "[{\"op\":\"replace\",\"path\":\"/status\",\"value\":\"superseded\"}]");

        assertEquals(DocumentReferenceStatus.CURRENT, patched.before().getStatus());
        assertEquals(DocumentReferenceStatus.SUPERSEDED, patched.after().getStatus());
        assertEquals("Compte rendu de consultation", patched.after().getDescription());
        assertEquals(DocumentReferenceStatus.CURRENT, original.getStatus(), "the resource given is not changed");
    }

    @Test
    void addingTheMaskingLabelKeepsTheOthers() {
        PatchedDocument patched = JsonPatchApplier.apply(PatchSamples.document(),
                "[{\"op\":\"add\",\"path\":\"/securityLabel/-\",\"value\":{\"coding\":[{\"system\":\""
                        + PatchSamples.MASQUE_PS_SYSTEM + "\",\"code\":\"MASQUE_PS\"}]}}]");

        assertEquals(1, patched.before().getSecurityLabel().size());
        assertEquals(2, patched.after().getSecurityLabel().size());
        assertEquals("N", patched.after().getSecurityLabel().get(0).getCodingFirstRep().getCode());
        assertEquals("MASQUE_PS", patched.after().getSecurityLabel().get(1).getCodingFirstRep().getCode());
    }

    @Test
    void removingALabelAndTestingFirstApply() {
        PatchedDocument patched = JsonPatchApplier.apply(PatchSamples.document(),
                "[{\"op\":\"test\",\"path\":\"/status\",\"value\":\"current\"},"
                        + "{\"op\":\"remove\",\"path\":\"/securityLabel/0\"}]");

        assertTrue(patched.after().getSecurityLabel().isEmpty());
    }

    @Test
    void thePdsmExtensionsMayBeAdded() {
        PatchedDocument patched = JsonPatchApplier.apply(PatchSamples.document(),
                "[{\"op\":\"add\",\"path\":\"/extension\",\"value\":[{\"url\":\"" + MhdUrls.EXT_IS_ARCHIVED
                        + "\",\"valueBoolean\":true},{\"url\":\"" + DocumentReferencePatch.EXT_IS_DELETED
                        + "\",\"valueBoolean\":false}]}]");

        assertEquals(true, ((BooleanType) patched.after().getExtensionByUrl(MhdUrls.EXT_IS_ARCHIVED).getValue()).getValue());
        assertEquals(false, ((BooleanType) patched.after().getExtensionByUrl(DocumentReferencePatch.EXT_IS_DELETED)
                .getValue()).getValue());
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "[{\"op\":\"replace\",\"path\":\"/description\",\"value\":\"autre\"}]",
            "[{\"op\":\"remove\",\"path\":\"/subject\"}]",
            "[{\"op\":\"replace\",\"path\":\"/content/0/attachment/url\",\"value\":\"Binary/other\"}]",
            "[{\"op\":\"replace\",\"path\":\"/statusReason\",\"value\":\"x\"}]",
            "[{\"op\":\"replace\",\"path\":\"\",\"value\":{}}]",
            "[{\"op\":\"copy\",\"from\":\"/description\",\"path\":\"/status\"}]",
    })
    void aPathOutsideThePatchableElementsIs405(String patch) {
        NotPatchable e = assertThrows(NotPatchable.class, () -> JsonPatchApplier.apply(PatchSamples.document(), patch));
        assertEquals(405, e.getStatusCode());
        assertTrue(e.getMessage().contains("only DocumentReference.status"), e.getMessage());
    }

    @Test
    void anExtensionOfAnotherUrlIsFoundInTheResultAndRefused405() {
        NotPatchable e = assertThrows(NotPatchable.class, () -> JsonPatchApplier.apply(PatchSamples.document(),
                "[{\"op\":\"add\",\"path\":\"/extension\",\"value\":[{\"url\":\"https://example.org/other\","
                        + "\"valueString\":\"x\"}]}]"));
        assertEquals(405, e.getStatusCode());
        assertTrue(e.getMessage().contains("this patch changes other elements"), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "",
            "not json",
            "{\"op\":\"replace\",\"path\":\"/status\",\"value\":\"superseded\"}",
            "[\"replace\"]",
            "[{\"path\":\"/status\",\"value\":\"superseded\"}]",
            "[{\"op\":\"test\",\"path\":\"/status\",\"value\":\"superseded\"}]",
            "[{\"op\":\"replace\",\"path\":\"/securityLabel/5\",\"value\":{}}]",
            "[{\"op\":\"frobnicate\",\"path\":\"/status\"}]",
    })
    void aMalformedOrFailingPatchIsAMetadataUpdateError(String patch) {
        DmpException e = assertThrows(DmpException.class, () -> JsonPatchApplier.apply(PatchSamples.document(), patch));
        assertEquals(DmpErrorCode.METADATA_UPDATE_ERROR, e.code());
        assertTrue(e.getMessage().contains("JSON Patch: "), e.getMessage());
    }
}
