package org.dmpgateway.model;

import java.util.List;
import java.util.Map;

/**
 * One version of a document's metadata (XDS DocumentEntry). Times are HL7 DTM strings as sent
 * (precision kept), coded values carry their code system OID, people and organisations keep
 * their HL7v2 encoding. {@code extraMetadata} holds the non-standard slots (name -> values).
 * {@code submitterId} is no XDS attribute: the national identifier (IdNat_PS) of the professional
 * who submitted this document (the VIHF subject, or the bearer token's), recorded by the registry;
 * null in a request and for entries stored before it was recorded. The submitter may manage what
 * he submitted (mask, archive, delete) like an author.
 * {@code patientIdAsSent} is the patientId CX exactly as an XDS request wrote it, in the DMP's
 * convention (e.g. {@code 207058575627097^^^&1.2.250.1.213.1.4.10&ISO^NH^^20100907}, with the
 * identifier type code and effective date IPF's model drops), given back as it came in XDS answers;
 * null when the entry came over FHIR or was stored before it was kept ({@code patientId} then).
 */
public record DocumentEntryRecord(
        String entryUuid,
        String logicalUuid,
        String version,
        String uniqueId,
        String homeCommunityId,
        PatientRef patientId,
        String sourcePatientId,
        List<String> sourcePatientInfo,
        boolean onDemand,
        EntryStatus availabilityStatus,
        CodedValue classCode,
        CodedValue typeCode,
        CodedValue formatCode,
        CodedValue healthcareFacilityTypeCode,
        CodedValue practiceSettingCode,
        List<CodedValue> confidentialityCodes,
        List<CodedValue> eventCodes,
        String creationTime,
        String serviceStartTime,
        String serviceStopTime,
        List<AuthorInfo> authors,
        String title,
        String comments,
        String languageCode,
        String mimeType,
        String hash,
        Long size,
        String repositoryUniqueId,
        String uri,
        String legalAuthenticator,
        List<String> referenceIds,
        String documentAvailability,
        boolean limitedMetadata,
        Map<String, List<String>> extraMetadata,
        String submitterId,
        String patientIdAsSent) {

    public DocumentEntryRecord {
        sourcePatientInfo = List.copyOf(sourcePatientInfo == null ? List.of() : sourcePatientInfo);
        confidentialityCodes = List.copyOf(confidentialityCodes == null ? List.of() : confidentialityCodes);
        eventCodes = List.copyOf(eventCodes == null ? List.of() : eventCodes);
        authors = List.copyOf(authors == null ? List.of() : authors);
        referenceIds = List.copyOf(referenceIds == null ? List.of() : referenceIds);
        extraMetadata = Map.copyOf(extraMetadata == null ? Map.of() : extraMetadata);
    }

    /** Copy keeping the patientId CX as the XDS request wrote it (null: none). */
    public DocumentEntryRecord withPatientIdAsSent(String cx) {
        return toBuilder().patientIdAsSent(cx).build();
    }

    /** Copy recording the professional who submitted the document (IdNat_PS). */
    public DocumentEntryRecord withSubmitter(String submitter) {
        return toBuilder().submitterId(submitter).build();
    }

    public DocumentEntryRecord withStatus(EntryStatus status) {
        return toBuilder().availabilityStatus(status).build();
    }

    /** Copy under other identifiers (registry-assigned entryUUID, logical id). */
    public DocumentEntryRecord withIds(String entryUuid, String logicalUuid) {
        return toBuilder().entryUuid(entryUuid).logicalUuid(logicalUuid).build();
    }

    /** Copy with the values the registry assigns or computes at submission time. */
    public DocumentEntryRecord withRegistryValues(String logicalUuid, String version, EntryStatus status,
                                                  String hash, Long size, String repositoryUniqueId,
                                                  String homeCommunityId) {
        return toBuilder().logicalUuid(logicalUuid).version(version).availabilityStatus(status).hash(hash).size(size)
                .repositoryUniqueId(repositoryUniqueId).homeCommunityId(homeCommunityId).build();
    }

    /**
     * An empty entry to fill by name (every attribute null, empty or false), instead of the 36
     * positional arguments of the canonical constructor.
     */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding every attribute of this entry, to copy it with some of them changed. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.entryUuid = entryUuid;
        b.logicalUuid = logicalUuid;
        b.version = version;
        b.uniqueId = uniqueId;
        b.homeCommunityId = homeCommunityId;
        b.patientId = patientId;
        b.sourcePatientId = sourcePatientId;
        b.sourcePatientInfo = sourcePatientInfo;
        b.onDemand = onDemand;
        b.availabilityStatus = availabilityStatus;
        b.classCode = classCode;
        b.typeCode = typeCode;
        b.formatCode = formatCode;
        b.healthcareFacilityTypeCode = healthcareFacilityTypeCode;
        b.practiceSettingCode = practiceSettingCode;
        b.confidentialityCodes = confidentialityCodes;
        b.eventCodes = eventCodes;
        b.creationTime = creationTime;
        b.serviceStartTime = serviceStartTime;
        b.serviceStopTime = serviceStopTime;
        b.authors = authors;
        b.title = title;
        b.comments = comments;
        b.languageCode = languageCode;
        b.mimeType = mimeType;
        b.hash = hash;
        b.size = size;
        b.repositoryUniqueId = repositoryUniqueId;
        b.uri = uri;
        b.legalAuthenticator = legalAuthenticator;
        b.referenceIds = referenceIds;
        b.documentAvailability = documentAvailability;
        b.limitedMetadata = limitedMetadata;
        b.extraMetadata = extraMetadata;
        b.submitterId = submitterId;
        b.patientIdAsSent = patientIdAsSent;
        return b;
    }

    /** Builds a {@link DocumentEntryRecord} attribute by attribute; see the record for their meaning. */
    public static final class Builder {
        private String entryUuid;
        private String logicalUuid;
        private String version;
        private String uniqueId;
        private String homeCommunityId;
        private PatientRef patientId;
        private String sourcePatientId;
        private List<String> sourcePatientInfo;
        private boolean onDemand;
        private EntryStatus availabilityStatus;
        private CodedValue classCode;
        private CodedValue typeCode;
        private CodedValue formatCode;
        private CodedValue healthcareFacilityTypeCode;
        private CodedValue practiceSettingCode;
        private List<CodedValue> confidentialityCodes;
        private List<CodedValue> eventCodes;
        private String creationTime;
        private String serviceStartTime;
        private String serviceStopTime;
        private List<AuthorInfo> authors;
        private String title;
        private String comments;
        private String languageCode;
        private String mimeType;
        private String hash;
        private Long size;
        private String repositoryUniqueId;
        private String uri;
        private String legalAuthenticator;
        private List<String> referenceIds;
        private String documentAvailability;
        private boolean limitedMetadata;
        private Map<String, List<String>> extraMetadata;
        private String submitterId;
        private String patientIdAsSent;

        private Builder() {
        }

        public Builder entryUuid(String v) { entryUuid = v; return this; }
        public Builder logicalUuid(String v) { logicalUuid = v; return this; }
        public Builder version(String v) { version = v; return this; }
        public Builder uniqueId(String v) { uniqueId = v; return this; }
        public Builder homeCommunityId(String v) { homeCommunityId = v; return this; }
        public Builder patientId(PatientRef v) { patientId = v; return this; }
        public Builder sourcePatientId(String v) { sourcePatientId = v; return this; }
        public Builder sourcePatientInfo(List<String> v) { sourcePatientInfo = v; return this; }
        public Builder onDemand(boolean v) { onDemand = v; return this; }
        public Builder availabilityStatus(EntryStatus v) { availabilityStatus = v; return this; }
        public Builder classCode(CodedValue v) { classCode = v; return this; }
        public Builder typeCode(CodedValue v) { typeCode = v; return this; }
        public Builder formatCode(CodedValue v) { formatCode = v; return this; }
        public Builder healthcareFacilityTypeCode(CodedValue v) { healthcareFacilityTypeCode = v; return this; }
        public Builder practiceSettingCode(CodedValue v) { practiceSettingCode = v; return this; }
        public Builder confidentialityCodes(List<CodedValue> v) { confidentialityCodes = v; return this; }
        public Builder eventCodes(List<CodedValue> v) { eventCodes = v; return this; }
        public Builder creationTime(String v) { creationTime = v; return this; }
        public Builder serviceStartTime(String v) { serviceStartTime = v; return this; }
        public Builder serviceStopTime(String v) { serviceStopTime = v; return this; }
        public Builder authors(List<AuthorInfo> v) { authors = v; return this; }
        public Builder title(String v) { title = v; return this; }
        public Builder comments(String v) { comments = v; return this; }
        public Builder languageCode(String v) { languageCode = v; return this; }
        public Builder mimeType(String v) { mimeType = v; return this; }
        public Builder hash(String v) { hash = v; return this; }
        public Builder size(Long v) { size = v; return this; }
        public Builder repositoryUniqueId(String v) { repositoryUniqueId = v; return this; }
        public Builder uri(String v) { uri = v; return this; }
        public Builder legalAuthenticator(String v) { legalAuthenticator = v; return this; }
        public Builder referenceIds(List<String> v) { referenceIds = v; return this; }
        public Builder documentAvailability(String v) { documentAvailability = v; return this; }
        public Builder limitedMetadata(boolean v) { limitedMetadata = v; return this; }
        public Builder extraMetadata(Map<String, List<String>> v) { extraMetadata = v; return this; }
        public Builder submitterId(String v) { submitterId = v; return this; }
        public Builder patientIdAsSent(String v) { patientIdAsSent = v; return this; }

        public DocumentEntryRecord build() {
            return new DocumentEntryRecord(entryUuid, logicalUuid, version, uniqueId, homeCommunityId, patientId, sourcePatientId,
                    sourcePatientInfo, onDemand, availabilityStatus, classCode, typeCode, formatCode,
                    healthcareFacilityTypeCode, practiceSettingCode, confidentialityCodes, eventCodes,
                    creationTime, serviceStartTime, serviceStopTime, authors, title, comments, languageCode,
                    mimeType, hash, size, repositoryUniqueId, uri, legalAuthenticator, referenceIds,
                    documentAvailability, limitedMetadata, extraMetadata, submitterId, patientIdAsSent);
        }
    }
}
