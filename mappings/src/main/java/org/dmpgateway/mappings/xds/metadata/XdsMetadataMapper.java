package org.dmpgateway.mappings.xds.metadata;

import org.dmpgateway.model.AssociationRecord;
import org.dmpgateway.model.DocumentEntryRecord;
import org.dmpgateway.model.FolderRecord;
import org.dmpgateway.model.SubmissionSetRecord;
import org.openehealth.ipf.commons.ihe.xds.core.metadata.Association;
import org.openehealth.ipf.commons.ihe.xds.core.metadata.AssociationLabel;
import org.openehealth.ipf.commons.ihe.xds.core.metadata.AssociationType;
import org.openehealth.ipf.commons.ihe.xds.core.metadata.DocumentAvailability;
import org.openehealth.ipf.commons.ihe.xds.core.metadata.DocumentEntry;
import org.openehealth.ipf.commons.ihe.xds.core.metadata.DocumentEntryType;
import org.openehealth.ipf.commons.ihe.xds.core.metadata.Folder;
import org.openehealth.ipf.commons.ihe.xds.core.metadata.Hl7v2Based;
import org.openehealth.ipf.commons.ihe.xds.core.metadata.Identifiable;
import org.openehealth.ipf.commons.ihe.xds.core.metadata.Person;
import org.openehealth.ipf.commons.ihe.xds.core.metadata.ReferenceId;
import org.openehealth.ipf.commons.ihe.xds.core.metadata.SubmissionSet;

import static org.dmpgateway.mappings.xds.metadata.XdsComposites.authors;
import static org.dmpgateway.mappings.xds.metadata.XdsComposites.ipfAuthors;
import static org.dmpgateway.mappings.xds.metadata.XdsComposites.ipfRecipients;
import static org.dmpgateway.mappings.xds.metadata.XdsComposites.patientInfo;
import static org.dmpgateway.mappings.xds.metadata.XdsComposites.recipients;
import static org.dmpgateway.mappings.xds.metadata.XdsValues.*;

/**
 * IPF's XDS metadata (DocumentEntry, SubmissionSet, Folder, Association) to and from the internal
 * records.
 * <ul>
 * <li>Codes become {@code CodedValue(code, schemeName, displayName value)}; patient ids become
 * {@code PatientRef(id, assigning authority OID)}.</li>
 * <li>HL7v2 composites (sourcePatientId, legalAuthenticator, author parts, referenceIds) keep
 * their rendered HL7v2 string; intended recipients their {@code XON|XCN|XTN} slot value;
 * sourcePatientInfo is kept as {@code "PID-n|value"} lines; times as HL7 DTM strings with their
 * precision; localized strings as their value.</li>
 * <li>Availability status: IPF knows only Approved and Deprecated. ARCHIVED, DELETED (CI-SIS) and
 * SUBMITTED records are shown to XDS as Approved for now; the DMP presentation of these statuses
 * is decided by the DMP rules.</li>
 * </ul>
 * Reading IPF metadata refuses values the internal model cannot hold (a patient id without
 * assigning authority, a code without value, an unsupported association type) with
 * {@code METADATA_ERROR} naming the field. The values of the DMP's conventions (patientId and
 * sourcePatientId with their type code and effective date, author institutions, roles and
 * specialties) are kept as sent and given back as they came ({@link ValuesAsSent}). Not held by the
 * records: the language and charset of localized strings, the version comment, extra
 * classifications and an association's docCode.
 */
public final class XdsMetadataMapper {
    private XdsMetadataMapper() {
    }

    public static DocumentEntryRecord toRecord(DocumentEntry e) {
        var in = new MetadataReader("DocumentEntry", e.getEntryUuid());
        return DocumentEntryRecord.builder()
                .entryUuid(e.getEntryUuid())
                .logicalUuid(e.getLogicalUuid())
                .version(versionName(e.getVersion()))
                .uniqueId(e.getUniqueId())
                .homeCommunityId(e.getHomeCommunityId())
                .patientId(in.patient("patientId", e.getPatientId()))
                .sourcePatientId(ValuesAsSent.of(e.getSourcePatientId()))
                .sourcePatientInfo(patientInfo(e.getSourcePatientInfo()))
                .onDemand(e.getType() == DocumentEntryType.ON_DEMAND)
                .availabilityStatus(status(e.getAvailabilityStatus()))
                .classCode(in.code("classCode", e.getClassCode()))
                .typeCode(in.code("typeCode", e.getTypeCode()))
                .formatCode(in.code("formatCode", e.getFormatCode()))
                .healthcareFacilityTypeCode(in.code("healthcareFacilityTypeCode", e.getHealthcareFacilityTypeCode()))
                .practiceSettingCode(in.code("practiceSettingCode", e.getPracticeSettingCode()))
                .confidentialityCodes(in.codes("confidentialityCode", e.getConfidentialityCodes()))
                .eventCodes(in.codes("eventCodeList", e.getEventCodeList()))
                .creationTime(time(e.getCreationTime()))
                .serviceStartTime(time(e.getServiceStartTime()))
                .serviceStopTime(time(e.getServiceStopTime()))
                .authors(authors(e.getAuthors()))
                .title(text(e.getTitle()))
                .comments(text(e.getComments()))
                .languageCode(e.getLanguageCode())
                .mimeType(e.getMimeType())
                .hash(e.getHash())
                .size(e.getSize())
                .repositoryUniqueId(e.getRepositoryUniqueId())
                .uri(e.getUri())
                .legalAuthenticator(render(e.getLegalAuthenticator()))
                .referenceIds(renderAll(e.getReferenceIdList()))
                .documentAvailability(DocumentAvailability.toFullQualifiedOpcode(e.getDocumentAvailability()))
                .limitedMetadata(e.isLimitedMetadata())
                .extraMetadata(extraToRecord(e.getExtraMetadata()))
                .patientIdAsSent(ValuesAsSent.of(e.getPatientId()))
                .build();
    }

    /** IPF's document entry of the record (its composites, codes and sourcePatientInfo built for it alone). */
    public static DocumentEntry toXds(DocumentEntryRecord r) {
        DocumentEntry e = new DocumentEntry();
        e.setEntryUuid(r.entryUuid());
        e.setLogicalUuid(r.logicalUuid());
        e.setVersion(version(r.version()));
        e.setUniqueId(r.uniqueId());
        e.setHomeCommunityId(r.homeCommunityId());
        e.setPatientId(patient(r.patientId(), r.patientIdAsSent()));
        e.setSourcePatientId(Hl7v2Based.parse(r.sourcePatientId(), Identifiable.class));
        e.setSourcePatientInfo(XdsComposites.ipfPatientInfo(r.sourcePatientInfo()));
        e.setType(r.onDemand() ? DocumentEntryType.ON_DEMAND : DocumentEntryType.STABLE);
        e.setAvailabilityStatus(status(r.availabilityStatus()));
        e.setClassCode(code(r.classCode()));
        e.setTypeCode(code(r.typeCode()));
        e.setFormatCode(code(r.formatCode()));
        e.setHealthcareFacilityTypeCode(code(r.healthcareFacilityTypeCode()));
        e.setPracticeSettingCode(code(r.practiceSettingCode()));
        e.getConfidentialityCodes().addAll(map(r.confidentialityCodes(), XdsValues::code));
        e.getEventCodeList().addAll(map(r.eventCodes(), XdsValues::code));
        e.setCreationTime(r.creationTime());
        e.setServiceStartTime(r.serviceStartTime());
        e.setServiceStopTime(r.serviceStopTime());
        e.getAuthors().addAll(ipfAuthors(r.authors()));
        e.setTitle(text(r.title()));
        e.setComments(text(r.comments()));
        e.setLanguageCode(r.languageCode());
        e.setMimeType(r.mimeType());
        e.setHash(r.hash());
        e.setSize(r.size());
        e.setRepositoryUniqueId(r.repositoryUniqueId());
        e.setUri(r.uri());
        e.setLegalAuthenticator(Hl7v2Based.parse(r.legalAuthenticator(), Person.class));
        e.getReferenceIdList().addAll(map(r.referenceIds(), s -> Hl7v2Based.parse(s, ReferenceId.class)));
        e.setDocumentAvailability(DocumentAvailability.valueOfOpcode(r.documentAvailability()));
        e.setLimitedMetadata(r.limitedMetadata());
        e.setExtraMetadata(extraToXds(r.extraMetadata()));
        return e;
    }

    public static SubmissionSetRecord toRecord(SubmissionSet s) {
        var in = new MetadataReader("SubmissionSet", s.getEntryUuid());
        return new SubmissionSetRecord(s.getEntryUuid(), s.getUniqueId(), s.getSourceId(), s.getHomeCommunityId(),
                in.patient("patientId", s.getPatientId()), time(s.getSubmissionTime()),
                in.code("contentTypeCode", s.getContentTypeCode()), authors(s.getAuthors()),
                recipients(s.getIntendedRecipients()), text(s.getTitle()), text(s.getComments()),
                status(s.getAvailabilityStatus()), s.isLimitedMetadata(), extraToRecord(s.getExtraMetadata()),
                ValuesAsSent.of(s.getPatientId()));
    }

    public static SubmissionSet toXds(SubmissionSetRecord r) {
        SubmissionSet s = new SubmissionSet();
        s.setEntryUuid(r.entryUuid());
        s.setUniqueId(r.uniqueId());
        s.setSourceId(r.sourceId());
        s.setHomeCommunityId(r.homeCommunityId());
        s.setPatientId(patient(r.patientId(), r.patientIdAsSent()));
        s.setSubmissionTime(r.submissionTime());
        s.setContentTypeCode(code(r.contentTypeCode()));
        s.getAuthors().addAll(ipfAuthors(r.authors()));
        s.getIntendedRecipients().addAll(ipfRecipients(r.intendedRecipients()));
        s.setTitle(text(r.title()));
        s.setComments(text(r.comments()));
        s.setAvailabilityStatus(status(r.availabilityStatus()));
        s.setLimitedMetadata(r.limitedMetadata());
        s.setExtraMetadata(extraToXds(r.extraMetadata()));
        return s;
    }

    public static FolderRecord toRecord(Folder f) {
        var in = new MetadataReader("Folder", f.getEntryUuid());
        return new FolderRecord(f.getEntryUuid(), f.getLogicalUuid(), versionName(f.getVersion()), f.getUniqueId(),
                f.getHomeCommunityId(), in.patient("patientId", f.getPatientId()), in.codes("codeList", f.getCodeList()),
                time(f.getLastUpdateTime()), text(f.getTitle()), text(f.getComments()),
                status(f.getAvailabilityStatus()), f.isLimitedMetadata(), extraToRecord(f.getExtraMetadata()),
                ValuesAsSent.of(f.getPatientId()));
    }

    public static Folder toXds(FolderRecord r) {
        Folder f = new Folder();
        f.setEntryUuid(r.entryUuid());
        f.setLogicalUuid(r.logicalUuid());
        f.setVersion(version(r.version()));
        f.setUniqueId(r.uniqueId());
        f.setHomeCommunityId(r.homeCommunityId());
        f.setPatientId(patient(r.patientId(), r.patientIdAsSent()));
        f.getCodeList().addAll(ipfCodes(r.codes()));
        f.setLastUpdateTime(r.lastUpdateTime());
        f.setTitle(text(r.title()));
        f.setComments(text(r.comments()));
        f.setAvailabilityStatus(status(r.availabilityStatus()));
        f.setLimitedMetadata(r.limitedMetadata());
        f.setExtraMetadata(extraToXds(r.extraMetadata()));
        return f;
    }

    public static AssociationRecord toRecord(Association a) {
        var in = new MetadataReader("Association", a.getEntryUuid());
        return new AssociationRecord(a.getEntryUuid(), in.kind("associationType", a.getAssociationType()),
                a.getSourceUuid(), a.getTargetUuid(), AssociationLabel.toOpcode(a.getLabel()), a.getPreviousVersion(),
                statusUrn(a.getOriginalStatus()), statusUrn(a.getNewStatus()), a.getAssociationPropagation(),
                status(a.getAvailabilityStatus()), extraToRecord(a.getExtraMetadata()));
    }

    public static Association toXds(AssociationRecord r) {
        Association a = new Association();
        a.setEntryUuid(r.entryUuid());
        a.setAssociationType(r.kind() == null ? null : AssociationType.valueOfOpcode30(r.kind().urn()));
        a.setSourceUuid(r.sourceUuid());
        a.setTargetUuid(r.targetUuid());
        a.setLabel(AssociationLabel.fromOpcode(r.label()));
        a.setPreviousVersion(r.previousVersion());
        a.setOriginalStatus(statusFromUrn(r.originalStatus()));
        a.setNewStatus(statusFromUrn(r.newStatus()));
        a.setAssociationPropagation(r.associationPropagation());
        a.setAvailabilityStatus(status(r.availabilityStatus()));
        a.setExtraMetadata(extraToXds(r.extraMetadata()));
        return a;
    }
}
