package org.dmpgateway.mappings.fhir.bundle;

import org.dmpgateway.model.Submission;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.DocumentReference;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.dmpgateway.mappings.fhir.bundle.ProvideBundleMapperTest.OLD;
import static org.dmpgateway.mappings.fhir.bundle.ProvideBundleMapperTest.asStored;
import static org.dmpgateway.mappings.fhir.bundle.ProvideBundleMapperTest.bare;
import static org.dmpgateway.mappings.fhir.bundle.ProvideBundleMapperTest.bundle;
import static org.dmpgateway.mappings.fhir.bundle.ProvideBundleMapperTest.patch;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** {@link ProvideBundleResponseMapper}: the transaction-response of an accepted ITI-65. */
class ProvideBundleResponseMapperTest {
    @Test
    void responseHasOneEntryPerRequestEntryWithTheRegistryIds() {
        Bundle request = bundle();
        request.getEntry().add(2, patch("DocumentReference/" + OLD, "superseded"));
        ((DocumentReference) request.getEntry().get(1).getResource()).addRelatesTo()
                .setCode(DocumentReference.DocumentRelationshipType.REPLACES).getTarget().setReference("DocumentReference/" + OLD);
        Submission s = ProvideBundleMapper.toSubmission(request);
        Submission stored = asStored(s);
        Bundle response = ProvideBundleResponseMapper.toResponse(request, stored);
        assertEquals(Bundle.BundleType.TRANSACTIONRESPONSE, response.getType());
        String d1 = bare(stored.documents().get(0).entry().entryUuid());
        String d2 = bare(stored.documents().get(1).entry().entryUuid());
        assertEquals(List.of("List/" + bare(stored.submissionSet().entryUuid()), "DocumentReference/" + d1,
                        "DocumentReference/" + OLD, "DocumentReference/" + d2, "Binary/" + d1,
                        "List/" + bare(stored.folders().get(0).entryUuid())),
                response.getEntry().stream().map(e -> e.getResponse().getLocation()).toList());
        assertEquals(List.of("201 Created", "201 Created", "200 OK", "201 Created", "201 Created", "201 Created"),
                response.getEntry().stream().map(e -> e.getResponse().getStatus()).toList());
        assertEquals("W/\"1\"", response.getEntry().get(1).getResponse().getEtag());
    }
}
