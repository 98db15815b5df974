package org.dmpgateway.model;

import java.util.List;
import java.util.Map;

/**
 * A submission set (XDS SubmissionSet). Times are HL7 DTM strings. {@code patientIdAsSent} is the
 * patientId CX exactly as an XDS request wrote it (the DMP's {@code ^NH}, effective date), given
 * back as it came; null when not submitted over XDS ({@code patientId} then).
 */
public record SubmissionSetRecord(
        String entryUuid,
        String uniqueId,
        String sourceId,
        String homeCommunityId,
        PatientRef patientId,
        String submissionTime,
        CodedValue contentTypeCode,
        List<AuthorInfo> authors,
        List<String> intendedRecipients,
        String title,
        String comments,
        EntryStatus availabilityStatus,
        boolean limitedMetadata,
        Map<String, List<String>> extraMetadata,
        String patientIdAsSent) {

    public SubmissionSetRecord {
        authors = List.copyOf(authors == null ? List.of() : authors);
        intendedRecipients = List.copyOf(intendedRecipients == null ? List.of() : intendedRecipients);
        extraMetadata = Map.copyOf(extraMetadata == null ? Map.of() : extraMetadata);
    }

    /** A set without the patientId as sent (submitted over FHIR, made by the registry). */
    public SubmissionSetRecord(String entryUuid, String uniqueId, String sourceId, String homeCommunityId,
                               PatientRef patientId, String submissionTime, CodedValue contentTypeCode,
                               List<AuthorInfo> authors, List<String> intendedRecipients, String title, String comments,
                               EntryStatus availabilityStatus, boolean limitedMetadata,
                               Map<String, List<String>> extraMetadata) {
        this(entryUuid, uniqueId, sourceId, homeCommunityId, patientId, submissionTime, contentTypeCode, authors,
                intendedRecipients, title, comments, availabilityStatus, limitedMetadata, extraMetadata, null);
    }

    public SubmissionSetRecord withRegistryValues(EntryStatus status, String homeCommunityId) {
        return new SubmissionSetRecord(entryUuid, uniqueId, sourceId, homeCommunityId, patientId, submissionTime,
                contentTypeCode, authors, intendedRecipients, title, comments, status, limitedMetadata,
                extraMetadata, patientIdAsSent);
    }

    /** Copy under another entryUUID (registry-assigned), everything else kept. */
    public SubmissionSetRecord withEntryUuid(String uuid) {
        return new SubmissionSetRecord(uuid, uniqueId, sourceId, homeCommunityId, patientId, submissionTime,
                contentTypeCode, authors, intendedRecipients, title, comments, availabilityStatus, limitedMetadata,
                extraMetadata, patientIdAsSent);
    }
}
