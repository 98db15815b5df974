package org.dmpgateway.mappings.fhir.bundle;

import org.dmpgateway.model.AssociationRecord;
import org.dmpgateway.model.DocumentEntryRecord;
import org.dmpgateway.model.Submission;
import org.dmpgateway.model.SubmissionSetRecord;
import org.hl7.fhir.r4.model.DocumentReference;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import static org.dmpgateway.mappings.fhir.common.FhirFixtures.CONTENT;
import static org.dmpgateway.mappings.fhir.common.FhirFixtures.DUPONT;
import static org.dmpgateway.mappings.fhir.common.FhirFixtures.minimalDocumentReference;
import static org.dmpgateway.mappings.fhir.common.FhirFixtures.refusals;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@link SimplifiedPublishMapper}: ITI-105, the document and its generated submission set. */
class SimplifiedPublishMapperTest {
    @Test
    void simplifiedPublishGeneratesTheSubmissionSet() throws Exception {
        DocumentReference r = minimalDocumentReference();
        r.getContentFirstRep().getAttachment().setUrl(null).setData(CONTENT);
        Clock clock = Clock.fixed(Instant.parse("2026-06-12T08:45:10Z"), ZoneOffset.UTC);
        Submission s = SimplifiedPublishMapper.toSubmission(r, clock);
        SubmissionSetRecord set = s.submissionSet();
        DocumentEntryRecord e = s.documents().get(0).entry();
        assertEquals("bundle:iti105-submissionset", set.entryUuid());
        assertTrue(set.uniqueId().matches("2\\.25\\.\\d+"), set.uniqueId());
        assertEquals(SimplifiedPublishMapper.SIMPLIFIED_PUBLISH_SOURCE_ID, set.sourceId());
        assertEquals("20260612084510", set.submissionTime());
        assertEquals(e.healthcareFacilityTypeCode(), set.contentTypeCode());
        assertEquals(e.authors(), set.authors());
        assertEquals(DUPONT, set.patientId());
        assertEquals("bundle:iti105-document", e.entryUuid());
        assertArrayEquals(CONTENT, s.documents().get(0).content().readAllBytes());
        assertEquals(List.of("Original"), s.associations().stream().map(AssociationRecord::label).toList());

        r.getContentFirstRep().getAttachment().setData(null).setUrl("https://elsewhere.example.org/doc.xml");
        assertEquals(List.of("DocumentReference.content.attachment.data: ITI-105 carries the document inline (attachment.data); "
                + "attachment.url https://elsewhere.example.org/doc.xml is not fetched"),
                refusals(() -> SimplifiedPublishMapper.toSubmission(r, clock)));
    }
}
