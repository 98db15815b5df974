package org.dmpgateway.mappings.fhir.documentreference;

import org.dmpgateway.mappings.fhir.common.FhirAuthors;
import org.dmpgateway.mappings.fhir.common.FhirCodeSystems;
import org.dmpgateway.mappings.fhir.common.FhirCodes;
import org.dmpgateway.mappings.fhir.common.FhirDates;
import org.dmpgateway.mappings.fhir.common.Hl7Text;
import org.dmpgateway.mappings.fhir.common.MhdUrls;
import org.dmpgateway.mappings.fhir.patient.PatientIds;
import org.dmpgateway.model.AssociationRecord;
import org.dmpgateway.model.DocumentEntryRecord;
import org.hl7.fhir.r4.model.Attachment;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.DocumentReference;
import org.hl7.fhir.r4.model.DocumentReference.DocumentReferenceContentComponent;
import org.hl7.fhir.r4.model.DocumentReference.DocumentReferenceContextComponent;
import org.hl7.fhir.r4.model.Enumerations.AdministrativeGender;
import org.hl7.fhir.r4.model.Enumerations.DocumentReferenceStatus;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.HumanName;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * The internal {@link DocumentEntryRecord} to a DocumentReference (MHD 4.2 Comprehensive / PDSm):
 * the answer of ITI-67, of a read, of ITI-105 and of a PATCH; docs/fhir-mapping.md has the table (the
 * identifiers: {@link DocumentReferenceIds}).
 * <ul>
 * <li>Status: Approved -> current; Archived -> current + PDSm extension isArchived=true;
 * Deprecated -> superseded; Deleted -> entered-in-error.</li>
 * <li>Hash: XDS lower-case hex to the base64 of the 20 SHA-1 bytes.</li>
 * </ul>
 * Not written: repositoryUniqueId, homeCommunityId and the document availability (no MHD element).
 */
public final class DocumentReferenceWriter {
    private DocumentReferenceWriter() {
    }

    /**
     * {@link #toResource(DocumentEntryRecord, String)} with {@code relatesTo}: the document relationships
     * whose source is this entry (RPLC replaces, XFRM and XFRM_RPLC transforms, APND appends, signs signs;
     * IsSnapshotOf has no FHIR code and is left out), each targeting {@code DocumentReference/<id>} of
     * the related entry.
     */
    public static DocumentReference toResource(DocumentEntryRecord e, String fhirBase, List<AssociationRecord> associations) {
        DocumentReference r = toResource(e, fhirBase);
        for (AssociationRecord a : associations) {
            if (!a.sourceUuid().equals(e.entryUuid())) {
                continue;
            }
            DocumentReference.DocumentRelationshipType code = switch (a.kind()) {
                case REPLACE -> DocumentReference.DocumentRelationshipType.REPLACES;
                case TRANSFORM, TRANSFORM_AND_REPLACE -> DocumentReference.DocumentRelationshipType.TRANSFORMS;
                case APPEND -> DocumentReference.DocumentRelationshipType.APPENDS;
                case SIGNS -> DocumentReference.DocumentRelationshipType.SIGNS;
                default -> null;
            };
            if (code != null) {
                r.addRelatesTo().setCode(code).setTarget(new Reference("DocumentReference/"
                        + DocumentReferenceIds.resourceId(a.targetUuid())));
            }
        }
        return r;
    }

    /**
     * The DocumentReference of a stored entry (ITI-67, read, PATCH answer); authors, the legal
     * authenticator and the source patient are contained resources; the attachment URL is
     * {@code <fhirBase>/Binary/<id>} (ITI-68).
     */
    public static DocumentReference toResource(DocumentEntryRecord e, String fhirBase) {
        DocumentReference r = new DocumentReference();
        DocumentReferenceIds.write(e, r);
        r.getMeta().addProfile(MhdUrls.PROFILE_DOCUMENT_REFERENCE);
        String id = DocumentReferenceIds.resourceId(e.entryUuid());
        if (e.availabilityStatus() != null) {
            switch (e.availabilityStatus()) {
                case DEPRECATED -> r.setStatus(DocumentReferenceStatus.SUPERSEDED);
                case DELETED -> r.setStatus(DocumentReferenceStatus.ENTEREDINERROR);
                case ARCHIVED -> {
                    r.setStatus(DocumentReferenceStatus.CURRENT);
                    r.addExtension(new Extension(MhdUrls.EXT_IS_ARCHIVED, new BooleanType(true)));
                }
                default -> r.setStatus(DocumentReferenceStatus.CURRENT);
            }
        }
        r.setType(FhirCodes.concept(e.typeCode()));
        if (e.classCode() != null) {
            r.addCategory(FhirCodes.concept(e.classCode()));
        }
        if (e.patientId() != null) {
            r.setSubject(PatientIds.reference(e.patientId()));
        }
        for (int i = 0; i < e.authors().size(); i++) {
            r.addAuthor(FhirAuthors.write(e.authors().get(i), r, "author" + (i + 1)));
        }
        if (e.legalAuthenticator() != null && !e.legalAuthenticator().isBlank()) {
            Resource who = FhirAuthors.personResource(e.legalAuthenticator(), "legal-authenticator");
            r.addContained(who);
            r.setAuthenticator(new Reference("#legal-authenticator"));
        }
        if (e.comments() != null) {
            r.setDescription(e.comments());
        }
        e.confidentialityCodes().forEach(c -> r.addSecurityLabel(FhirCodes.concept(c)));

        DocumentReferenceContentComponent content = r.addContent();
        Attachment a = content.getAttachment();
        a.setContentType(e.mimeType());
        a.setLanguage(e.languageCode());
        if (id != null && fhirBase != null) {
            a.setUrl(stripSlash(fhirBase) + "/Binary/" + id);
        }
        if (e.size() != null) {
            a.setSize(Math.toIntExact(e.size()));
        }
        if (e.hash() != null) {
            a.setHash(HexFormat.of().parseHex(e.hash()));
        }
        a.setTitle(e.title());
        if (e.creationTime() != null) {
            a.setCreationElement(FhirDates.toDateTime(e.creationTime(), "creationTime"));
            // PDSM4DMP (dates annex): DocumentReference.date is the document's creation time as well (an
            // instant: a creation time to the day is given at 00:00:00 UTC)
            r.setDateElement(FhirDates.toInstant(e.creationTime(), "creationTime"));
        }
        if (e.formatCode() != null) {
            content.setFormat(FhirCodes.coding(e.formatCode()));
        }

        DocumentReferenceContextComponent ctx = r.getContext();
        e.eventCodes().forEach(c -> ctx.addEvent(FhirCodes.concept(c)));
        if (e.serviceStartTime() != null || e.serviceStopTime() != null) {
            Period period = new Period();
            if (e.serviceStartTime() != null) {
                period.setStartElement(FhirDates.toDateTime(e.serviceStartTime(), "serviceStartTime"));
            }
            if (e.serviceStopTime() != null) {
                period.setEndElement(FhirDates.toDateTime(e.serviceStopTime(), "serviceStopTime"));
            }
            ctx.setPeriod(period);
        }
        ctx.setFacilityType(FhirCodes.concept(e.healthcareFacilityTypeCode()));
        ctx.setPracticeSetting(FhirCodes.concept(e.practiceSettingCode()));
        if (e.sourcePatientId() != null || !e.sourcePatientInfo().isEmpty()) {
            r.addContained(sourcePatient(e.sourcePatientId(), e.sourcePatientInfo()));
            ctx.setSourcePatientInfo(new Reference("#source-patient"));
        }
        for (String cx : e.referenceIds()) {
            Identifier i = new Identifier().setValue(Hl7Text.component(cx, 1));
            String oid = Hl7Text.sub(cx, 4, 2);
            if (!oid.isEmpty()) {
                i.setSystem(FhirCodeSystems.URN_OID + oid);
            }
            if (!Hl7Text.component(cx, 5).isEmpty()) {
                i.setType(new CodeableConcept().addCoding(new Coding().setCode(Hl7Text.component(cx, 5))));
            }
            ctx.addRelated(new Reference().setIdentifier(i));
        }
        return r;
    }

    private static Patient sourcePatient(String sourcePatientId, List<String> lines) {
        Patient p = new Patient();
        p.setId("source-patient");
        List<String> ids = new ArrayList<>();
        if (sourcePatientId != null) {
            ids.add(sourcePatientId);
        }
        for (String line : lines) {
            int bar = line.indexOf('|');
            String field = bar < 0 ? line : line.substring(0, bar);
            String value = bar < 0 ? "" : line.substring(bar + 1);
            switch (field) {
                case "PID-3" -> {
                    if (!ids.contains(value)) {
                        ids.add(value);
                    }
                }
                case "PID-5" -> {
                    HumanName n = p.addName();
                    if (!Hl7Text.component(value, 1).isEmpty()) {
                        n.setFamily(Hl7Text.component(value, 1));
                    }
                    if (!Hl7Text.component(value, 2).isEmpty()) {
                        n.addGiven(Hl7Text.component(value, 2));
                    }
                    for (String more : Hl7Text.component(value, 3).split(" ")) {
                        if (!more.isEmpty()) {
                            n.addGiven(more);
                        }
                    }
                    if (!Hl7Text.component(value, 4).isEmpty()) {
                        n.addSuffix(Hl7Text.component(value, 4));
                    }
                    if (!Hl7Text.component(value, 5).isEmpty()) {
                        n.addPrefix(Hl7Text.component(value, 5));
                    }
                    String type = Hl7Text.component(value, 7);
                    n.setUse("D".equals(type) ? HumanName.NameUse.USUAL : "L".equals(type) ? HumanName.NameUse.OFFICIAL : null);
                }
                case "PID-7" -> {
                    String date = value.length() >= 8 ? value.substring(0, 8) : value;
                    var t = FhirDates.toDateTime(date, "sourcePatientInfo PID-7");
                    if (t != null) {
                        p.setBirthDateElement(new DateType(t.getValueAsString()));
                    }
                }
                case "PID-8" -> p.setGender(switch (value) {
                    case "M" -> AdministrativeGender.MALE;
                    case "F" -> AdministrativeGender.FEMALE;
                    case "O", "A" -> AdministrativeGender.OTHER;
                    default -> AdministrativeGender.UNKNOWN;
                });
                default -> {
                    // other PID fields (address, phone, ...) have no mapping yet; see docs/fhir-mapping.md
                }
            }
        }
        for (String cx : ids) {
            Identifier i = p.addIdentifier().setValue(Hl7Text.component(cx, 1));
            String oid = Hl7Text.sub(cx, 4, 2);
            if (!oid.isEmpty()) {
                i.setSystem(FhirCodeSystems.URN_OID + oid);
            }
            String type = Hl7Text.component(cx, 5);
            if (!type.isEmpty() && !("NH".equals(type) && PatientIds.INS_AUTHORITIES.contains(oid))) {
                i.setType(new CodeableConcept().addCoding(new Coding().setCode(type)));
            }
        }
        return p;
    }

    static String stripSlash(String base) {
        return base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    }
}
