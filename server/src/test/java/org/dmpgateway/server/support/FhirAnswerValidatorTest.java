package org.dmpgateway.server.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.hl7.fhir.r4.model.DocumentReference;
import org.junit.jupiter.api.Test;

/**
 * The answer validator itself: the published IHE MHD example of a Comprehensive DocumentReference
 * passes; the same resource broken against the MHD profile (a cardinality its R4 base allows) or
 * against the R4 base fails with the rule named; a code of an unknown external code system does not.
 */
class FhirAnswerValidatorTest {
    static final Path EXAMPLE = Path.of(
            "../reference-examples/ihe-mhd-4.2.3/example/DocumentReference-ex-DocumentReferenceComprehensive.json");

    final FhirAnswerValidator validator = FhirAnswerValidator.get();

    String example() throws Exception {
        return Files.readString(EXAMPLE);
    }

    @Test
    void thePublishedMhdExamplePasses() throws Exception {
        assertEquals(List.of(), validator.errors(example()));
    }

    @Test
    void aClaimedMhdProfileIsEnforcedBeyondTheR4Base() throws Exception {
        DocumentReference document = (DocumentReference) FhirClient.context().newJsonParser().parseResource(example());
        document.setMasterIdentifier(null); // 0..1 in R4, 1..1 in MHD Comprehensive
        String body = FhirClient.context().newJsonParser().encodeResourceToString(document);
        List<String> errors = validator.errors(body);
        assertTrue(errors.stream().anyMatch(e -> e.contains("masterIdentifier")), errors.toString());
        AssertionError failure = assertThrows(AssertionError.class, () -> validator.assertValid(body, "a test"));
        assertTrue(failure.getMessage().contains("masterIdentifier"), failure.getMessage());
    }

    @Test
    void theR4BaseIsEnforcedWithoutAClaimedProfile() throws Exception {
        DocumentReference document = (DocumentReference) FhirClient.context().newJsonParser().parseResource(example());
        document.getMeta().getProfile().clear();
        document.getContent().clear(); // content is 1..* in R4
        String body = FhirClient.context().newJsonParser().encodeResourceToString(document);
        List<String> errors = validator.errors(body);
        assertTrue(errors.stream().anyMatch(e -> e.contains("content")), errors.toString());
    }

    @Test
    void anUnknownExternalCodeSystemIsNotAnError() throws Exception {
        DocumentReference document = (DocumentReference) FhirClient.context().newJsonParser().parseResource(example());
        document.getType().getCodingFirstRep().setSystem("urn:oid:1.2.250.1.213.1.1.4.12").setCode("11488-4");
        String body = FhirClient.context().newJsonParser().encodeResourceToString(document);
        assertEquals(List.of(), validator.errors(body));
    }

    @Test
    void aDocumentsBytesAreNotAFhirAnswer() {
        assertFalse(FhirAnswerValidator.isFhirBody("application/pdf"));
        assertTrue(FhirAnswerValidator.isFhirBody("application/fhir+json;charset=UTF-8"));
    }
}
