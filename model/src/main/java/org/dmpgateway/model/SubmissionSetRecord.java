package org.dmpgateway.model;

import java.util.List;
import java.util.Map;

/** A submission set (XDS SubmissionSet). Times are HL7 DTM strings. */
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
        Map<String, List<String>> extraMetadata) {

    public SubmissionSetRecord {
        authors = List.copyOf(authors == null ? List.of() : authors);
        intendedRecipients = List.copyOf(intendedRecipients == null ? List.of() : intendedRecipients);
        extraMetadata = Map.copyOf(extraMetadata == null ? Map.of() : extraMetadata);
    }

    public SubmissionSetRecord withRegistryValues(EntryStatus status, String homeCommunityId) {
        return new SubmissionSetRecord(entryUuid, uniqueId, sourceId, homeCommunityId, patientId, submissionTime,
                contentTypeCode, authors, intendedRecipients, title, comments, status, limitedMetadata,
                extraMetadata);
    }
}
