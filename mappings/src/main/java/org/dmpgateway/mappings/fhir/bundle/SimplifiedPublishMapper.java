package org.dmpgateway.mappings.fhir.bundle;

import org.dmpgateway.mappings.fhir.common.Problems;
import org.dmpgateway.mappings.fhir.common.UuidOids;
import org.dmpgateway.mappings.fhir.documentreference.DocumentReferenceIds;
import org.dmpgateway.mappings.fhir.documentreference.DocumentReferenceReader;
import org.dmpgateway.model.DocumentBytes;
import org.dmpgateway.model.AssociationRecord;
import org.dmpgateway.model.DocumentEntryRecord;
import org.dmpgateway.model.Submission;
import org.dmpgateway.model.SubmissionSetRecord;
import org.dmpgateway.model.SubmittedDocument;
import org.hl7.fhir.r4.model.Attachment;
import org.hl7.fhir.r4.model.DocumentReference;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * ITI-105 Simplified Publish: one DocumentReference with its document inline becomes the internal
 * {@link Submission}, with a submission set the gateway generates, in the shape an ITI-41 has.
 */
public final class SimplifiedPublishMapper {
    /**
     * sourceId of the submission sets the gateway generates for ITI-105: the OID 2.25.x of the
     * name-based UUID of "dmp-gateway ITI-105 Simplified Publish".
     */
    public static final String SIMPLIFIED_PUBLISH_SOURCE_ID = UuidOids.oidOf(
            UUID.nameUUIDFromBytes("dmp-gateway ITI-105 Simplified Publish".getBytes(StandardCharsets.UTF_8)));
    private static final DateTimeFormatter DTM = DateTimeFormatter.ofPattern("yyyyMMddHHmmss");

    private SimplifiedPublishMapper() {
    }

    /** ITI-105 Simplified Publish with the current time as submissionTime; see {@link #toSubmission(DocumentReference, Clock)}. */
    public static Submission toSubmission(DocumentReference resource) {
        return toSubmission(resource, Clock.systemUTC());
    }

    /**
     * ITI-105 Simplified Publish: the document (content in attachment.data) and a generated
     * submission set: symbolic id {@code bundle:iti105-submissionset}, uniqueId {@code 2.25.<random UUID>},
     * sourceId {@link #SIMPLIFIED_PUBLISH_SOURCE_ID}, the document's patient, submissionTime = now (UTC,
     * to the second), contentTypeCode = the document's healthcareFacilityTypeCode (TRE_R02 / TRE_A00 codes
     * are in JDV_J59-ContentTypeCode-DMP), authors = the document's authors; HasMember (Original) to the
     * document and its relatesTo associations.
     */
    public static Submission toSubmission(DocumentReference resource, Clock clock) {
        Problems p = new Problems(null, null);
        String entryUuid = DocumentReferenceIds.defaultEntryUuid(resource);
        if (entryUuid == null) {
            entryUuid = ProvideBundleMapper.SYMBOLIC_PREFIX + "iti105-document";
        }
        DocumentEntryRecord entry = DocumentReferenceReader.read(resource, null, entryUuid, p);
        Attachment a = resource.getContentFirstRep().getAttachment();
        if (!a.hasData()) {
            p.add("DocumentReference.content.attachment.data", "ITI-105 carries the document inline (attachment.data)"
                    + (a.hasUrl() ? "; attachment.url " + a.getUrl() + " is not fetched" : ""));
        }
        List<AssociationRecord> relations = new ArrayList<>();
        for (int i = 0; i < resource.getRelatesTo().size(); i++) {
            AssociationRecord rel = DocumentRelations.relation(entryUuid, resource.getRelatesTo().get(i), i, p, null);
            if (rel != null) {
                relations.add(rel);
            }
        }
        p.throwIfAny();
        String setUuid = ProvideBundleMapper.SYMBOLIC_PREFIX + "iti105-submissionset";
        SubmissionSetRecord set = new SubmissionSetRecord(setUuid, UuidOids.oidOf(UUID.randomUUID()), SIMPLIFIED_PUBLISH_SOURCE_ID,
                null, entry.patientId(), ZonedDateTime.now(clock).withZoneSameInstant(ZoneOffset.UTC).format(DTM),
                entry.healthcareFacilityTypeCode(), entry.authors(), List.of(), null, null, null, false, Map.of());
        List<AssociationRecord> associations = new ArrayList<>();
        associations.add(DocumentRelations.hasMember(setUuid, entry.entryUuid(), "Original"));
        associations.addAll(relations);
        return XdsConstraints.require(new Submission(set, List.of(new SubmittedDocument(entry, DocumentBytes.of(a.getData()))), List.of(),
                associations));
    }
}
