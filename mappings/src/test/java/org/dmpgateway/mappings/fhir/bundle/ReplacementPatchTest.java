package org.dmpgateway.mappings.fhir.bundle;

import org.dmpgateway.model.AssociationKind;
import org.dmpgateway.model.AssociationRecord;
import org.dmpgateway.model.Submission;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.DocumentReference;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.dmpgateway.mappings.fhir.common.FhirFixtures.refusals;
import static org.dmpgateway.mappings.fhir.bundle.ProvideBundleMapperTest.OLD;
import static org.dmpgateway.mappings.fhir.bundle.ProvideBundleMapperTest.bundle;
import static org.dmpgateway.mappings.fhir.bundle.ProvideBundleMapperTest.patch;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** {@link ReplacementPatch}: the TD2.1 replacement PATCH of a bundle, the only one accepted. */
class ReplacementPatchTest {
    @Test
    void aReplacementWithItsPatchGivesAnRplcAssociation() {
        Bundle b = bundle();
        DocumentReference d1 = (DocumentReference) b.getEntry().get(1).getResource();
        d1.addRelatesTo().setCode(DocumentReference.DocumentRelationshipType.REPLACES).getTarget()
                .setReference("DocumentReference/" + OLD);
        b.getEntry().add(2, patch("DocumentReference/" + OLD, "superseded"));
        Submission s = ProvideBundleMapper.toSubmission(b);
        AssociationRecord rplc = s.associations().stream().filter(x -> x.kind() == AssociationKind.REPLACE).findFirst().orElseThrow();
        assertEquals("bundle:urn:uuid:d1", rplc.sourceUuid());
        assertEquals("urn:uuid:" + OLD, rplc.targetUuid());
    }

    @Test
    void otherPatchesAreRefused() {
        Bundle b = bundle();
        b.getEntry().add(patch("DocumentReference/" + OLD, "superseded"));
        b.getEntry().add(patch("DocumentReference/" + OLD, "entered-in-error"));
        assertEquals(List.of(
                "entry urn:uuid:p: Bundle.entry.request.url: DocumentReference/" + OLD + " is not replaced by a DocumentReference "
                        + "of this bundle (relatesTo replaces DocumentReference/" + OLD + "); only a replaced document may be set "
                        + "to superseded here",
                "entry urn:uuid:p: Parameters: the only PATCH accepted in a Provide Document Bundle replaces "
                        + "DocumentReference.status by superseded (TD2.1 replacement); other changes go through PATCH DocumentReference"),
                refusals(() -> ProvideBundleMapper.toSubmission(b)));
    }
}
