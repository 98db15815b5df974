package org.dmpgateway.fhir.patch;

import org.dmpgateway.mappings.fhir.common.MhdUrls;
import org.dmpgateway.model.error.DmpErrorCode;
import org.dmpgateway.model.error.DmpException;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.CodeType;
import org.hl7.fhir.r4.model.DocumentReference;
import org.hl7.fhir.r4.model.Enumerations.DocumentReferenceStatus;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.Parameters.ParametersParameterComponent;
import org.hl7.fhir.r4.model.StringType;
import org.hl7.fhir.r4.model.UriType;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * FHIRPath Patch on a DocumentReference ({@link FhirPathPatchApplier}): each operation type on the
 * patchable elements, 405 ({@link NotPatchable}) for any other element whichever way it is named,
 * METADATA_UPDATE_ERROR for a malformed operation or a path that designates no element or several.
 */
class FhirPathPatchApplierTest {

    @Test
    void replaceChangesTheStatusOnly() {
        DocumentReference original = PatchSamples.document();
        PatchedDocument patched = FhirPathPatchApplier.apply(original,
                patch(op("replace", "DocumentReference.status", o -> o.addPart().setName("value").setValue(new CodeType("superseded")))));

        assertEquals(DocumentReferenceStatus.CURRENT, patched.before().getStatus());
        assertEquals(DocumentReferenceStatus.SUPERSEDED, patched.after().getStatus());
        assertEquals("Compte rendu de consultation", patched.after().getDescription());
        assertEquals(DocumentReferenceStatus.CURRENT, original.getStatus(), "the resource given is not changed");
    }

    @Test
    void addAppendsASecurityLabel() {
        PatchedDocument patched = FhirPathPatchApplier.apply(PatchSamples.document(), patch(op("add", "DocumentReference",
                o -> {
                    o.addPart().setName("name").setValue(new StringType("securityLabel"));
                    o.addPart().setName("value").setValue(PatchSamples.masked());
                })));

        assertEquals(List.of("N", "MASQUE_PS"), codes(patched.after()));
    }

    @Test
    void addBuildsAnExtensionFromItsParts() {
        PatchedDocument patched = FhirPathPatchApplier.apply(PatchSamples.document(), patch(op("add", "DocumentReference",
                o -> {
                    o.addPart().setName("name").setValue(new StringType("extension"));
                    ParametersParameterComponent value = o.addPart().setName("value");
                    value.addPart().setName("url").setValue(new UriType(MhdUrls.EXT_IS_ARCHIVED));
                    value.addPart().setName("valueBoolean").setValue(new BooleanType(true));
                })));

        assertEquals(true, ((BooleanType) patched.after().getExtensionByUrl(MhdUrls.EXT_IS_ARCHIVED).getValue()).getValue());
    }

    @Test
    void insertPutsTheLabelAtItsIndex() {
        PatchedDocument patched = FhirPathPatchApplier.apply(PatchSamples.document(), patch(op("insert",
                "DocumentReference.securityLabel", o -> {
                    o.addPart().setName("index").setValue(new IntegerType(0));
                    o.addPart().setName("value").setValue(PatchSamples.masked());
                })));

        assertEquals(List.of("MASQUE_PS", "N"), codes(patched.after()));
    }

    @Test
    void moveReordersTheLabels() {
        DocumentReference doc = PatchSamples.document();
        doc.addSecurityLabel(PatchSamples.masked());
        PatchedDocument patched = FhirPathPatchApplier.apply(doc, patch(op("move", "DocumentReference.securityLabel", o -> {
            o.addPart().setName("source").setValue(new IntegerType(1));
            o.addPart().setName("destination").setValue(new IntegerType(0));
        })));

        assertEquals(List.of("MASQUE_PS", "N"), codes(patched.after()));
    }

    @Test
    void deleteRemovesTheLabelItsPathDesignates() {
        DocumentReference doc = PatchSamples.document();
        doc.addSecurityLabel(PatchSamples.masked());
        PatchedDocument patched = FhirPathPatchApplier.apply(doc, patch(op("delete",
                "DocumentReference.securityLabel.where(coding.code = 'MASQUE_PS')", o -> { })));

        assertEquals(List.of("N", "MASQUE_PS"), codes(patched.before()));
        assertEquals(List.of("N"), codes(patched.after()));
    }

    @Test
    void deleteOfNothingChangesNothing() {
        PatchedDocument patched = FhirPathPatchApplier.apply(PatchSamples.document(), patch(op("delete",
                "DocumentReference.securityLabel.where(coding.code = 'MASQUE_PS')", o -> { })));

        assertEquals(List.of("N"), codes(patched.after()));
    }

    @Test
    void anotherElementIs405WhicheverWayItIsNamed() {
        List<Parameters> patches = List.of(
                patch(op("replace", "DocumentReference.description", o -> o.addPart().setName("value")
                        .setValue(new StringType("autre")))),
                patch(op("delete", "DocumentReference.subject", o -> { })),
                patch(op("replace", "status", o -> o.addPart().setName("value").setValue(new CodeType("superseded")))),
                patch(op("add", "DocumentReference", o -> {
                    o.addPart().setName("name").setValue(new StringType("description"));
                    o.addPart().setName("value").setValue(new StringType("autre"));
                })),
                patch(op("delete", "DocumentReference.extension('https://example.org/other')", o -> { })));
        for (Parameters p : patches) {
            NotPatchable e = assertThrows(NotPatchable.class, () -> FhirPathPatchApplier.apply(PatchSamples.document(), p));
            assertEquals(405, e.getStatusCode());
            assertTrue(e.getMessage().contains("only DocumentReference.status"), e.getMessage());
        }
    }

    @Test
    void anExtensionOfAnotherUrlAddedAtTheRootIsFoundInTheResultAndRefused405() {
        NotPatchable e = assertThrows(NotPatchable.class, () -> FhirPathPatchApplier.apply(PatchSamples.document(),
                patch(op("add", "DocumentReference", o -> {
                    o.addPart().setName("name").setValue(new StringType("extension"));
                    ParametersParameterComponent value = o.addPart().setName("value");
                    value.addPart().setName("url").setValue(new UriType("https://example.org/other"));
                    value.addPart().setName("valueString").setValue(new StringType("x"));
                }))));
        assertTrue(e.getMessage().contains("this patch changes other elements"), e.getMessage());
    }

    @Test
    void aMalformedOperationIsAMetadataUpdateErrorNamingTheProblem() {
        assertInvalid("only 'operation' parameters", new Parameters().addParameter("op", "x"));
        assertInvalid("a 'type' and a 'path'", patch(op(null, "DocumentReference.status", o -> { })));
        assertInvalid("is not one of add, insert, delete, replace, move", patch(op("copy", "DocumentReference.status", o -> { })));
        assertInvalid("needs a 'value'", patch(op("replace", "DocumentReference.status", o -> { })));
        assertInvalid("needs a 'name'", patch(op("add", "DocumentReference", o -> o.addPart().setName("value")
                .setValue(PatchSamples.masked()))));
        assertInvalid("needs 'source' and 'destination'", patch(op("move", "DocumentReference.securityLabel",
                o -> o.addPart().setName("source").setValue(new IntegerType(0)))));
        assertInvalid("'index' is not an integer", patch(op("insert", "DocumentReference.securityLabel", o -> {
            o.addPart().setName("index").setValue(new StringType("first"));
            o.addPart().setName("value").setValue(PatchSamples.masked());
        })));
    }

    @Test
    void aPathDesignatingNoElementOrSeveralIsAMetadataUpdateError() {
        assertInvalid("designates 0 elements", patch(op("replace",
                "DocumentReference.securityLabel.where(coding.code = 'MASQUE_PS')", o -> o.addPart().setName("value")
                        .setValue(PatchSamples.normal()))));
        DocumentReference twoLabels = PatchSamples.document();
        twoLabels.addSecurityLabel(PatchSamples.masked());
        DmpException e = assertThrows(DmpException.class, () -> FhirPathPatchApplier.apply(twoLabels,
                patch(op("delete", "DocumentReference.securityLabel", o -> { }))));
        assertTrue(e.getMessage().contains("designates 2 elements, one at most"), e.getMessage());
        assertInvalid("out of range", patch(op("move", "DocumentReference.securityLabel", o -> {
            o.addPart().setName("source").setValue(new IntegerType(0));
            o.addPart().setName("destination").setValue(new IntegerType(3));
        })));
    }

    // ------------------------------------------------------------------ helpers

    private static void assertInvalid(String expected, Parameters patch) {
        DmpException e = assertThrows(DmpException.class, () -> FhirPathPatchApplier.apply(PatchSamples.document(), patch));
        assertEquals(DmpErrorCode.METADATA_UPDATE_ERROR, e.code());
        assertTrue(e.getMessage().contains("FHIRPath Patch: ") && e.getMessage().contains(expected), e.getMessage());
    }

    private static Parameters patch(ParametersParameterComponent... operations) {
        Parameters p = new Parameters();
        for (ParametersParameterComponent o : operations) {
            p.addParameter(o);
        }
        return p;
    }

    /** An {@code operation} parameter of {@code type} (omitted when null) at {@code path}, with more parts. */
    private static ParametersParameterComponent op(String type, String path, Consumer<ParametersParameterComponent> parts) {
        ParametersParameterComponent o = new ParametersParameterComponent().setName("operation");
        if (type != null) {
            o.addPart().setName("type").setValue(new CodeType(type));
        }
        o.addPart().setName("path").setValue(new StringType(path));
        parts.accept(o);
        return o;
    }

    private static List<String> codes(DocumentReference doc) {
        return doc.getSecurityLabel().stream().map(c -> c.getCodingFirstRep().getCode()).toList();
    }
}
