package org.dmpgateway.mappings.fhir.documentreference;

import org.dmpgateway.mappings.fhir.bundle.ProvideBundleMapper;
import org.dmpgateway.mappings.fhir.common.FhirAuthors;
import org.dmpgateway.mappings.fhir.common.FhirCodeSystems;
import org.dmpgateway.mappings.fhir.common.FhirCodes;
import org.dmpgateway.mappings.fhir.common.FhirDates;
import org.dmpgateway.mappings.fhir.common.FhirRefs;
import org.dmpgateway.mappings.fhir.common.Hl7Text;
import org.dmpgateway.mappings.fhir.common.MhdUrls;
import org.dmpgateway.mappings.fhir.common.Problems;
import org.dmpgateway.mappings.fhir.patient.PatientIds;
import org.dmpgateway.model.error.DmpErrorCode;
import org.dmpgateway.model.error.DmpException;
import org.dmpgateway.model.AuthorInfo;
import org.dmpgateway.model.CodedValue;
import org.dmpgateway.model.DocumentEntryRecord;
import org.dmpgateway.model.EntryStatus;
import org.dmpgateway.model.PatientRef;
import org.hl7.fhir.r4.model.Attachment;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.DocumentReference;
import org.hl7.fhir.r4.model.DocumentReference.DocumentReferenceContentComponent;
import org.hl7.fhir.r4.model.DocumentReference.DocumentReferenceContextComponent;
import org.hl7.fhir.r4.model.HumanName;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * A DocumentReference (MHD 4.2 Comprehensive / PDSm) to the internal {@link DocumentEntryRecord}
 * (ITI-65 entry, ITI-105, base of a PATCH), field by field (docs/fhir-mapping.md has the table; the
 * identifiers: {@link DocumentReferenceIds}).
 * <ul>
 * <li>Status: current -> Approved; current + PDSm extension isArchived=true -> Archived;
 * superseded -> Deprecated; entered-in-error -> Deleted.</li>
 * <li>Hash: FHIR base64 of the 20 SHA-1 bytes (or of the 40-character hex string), XDS lower-case hex.</li>
 * <li>The fields the DMP requires (patient, type, class, format, facility, practice setting,
 * confidentiality, creation time, author, MIME type, uniqueId) must be present, and every code needs a
 * code system with an OID; every problem is reported at once. Whether a code belongs to its DMP value
 * set is checked by the core for every protocol alike (core/metadata/DmpValueSetRule).</li>
 * </ul>
 * Not carried: DocumentReference.date (MHD: no XDS attribute), docStatus, relatesTo (associations:
 * see {@link ProvideBundleMapper}), custodian.
 */
public final class DocumentReferenceReader {
    private DocumentReferenceReader() {
    }

    /**
     * The document entry a DocumentReference describes (ITI-65 entry, ITI-105, base of a PATCH); its
     * entryUUID is {@link DocumentReferenceIds#defaultEntryUuid}.
     *
     * @param resolver resolves bundle fullUrls and relative references; may return null
     * @throws DmpException METADATA_ERROR listing every problem, each naming its FHIR path
     */
    public static DocumentEntryRecord toEntry(DocumentReference resource, Function<String, Resource> resolver) {
        Problems problems = new Problems(null, null);
        DocumentEntryRecord entry = read(resource, resolver, DocumentReferenceIds.defaultEntryUuid(resource), problems);
        problems.throwIfAny();
        return entry;
    }

    /** Reads the entry, recording problems instead of throwing; returns null when there are any. */
    public static DocumentEntryRecord read(DocumentReference r, Function<String, Resource> resolver, String entryUuid,
                                    Problems p) {
        int before = p.errors().size();
        Function<String, Resource> resolve = ref -> ref.startsWith("#") ? FhirRefs.contained(r, ref.substring(1))
                : resolver == null ? null : resolver.apply(ref);

        String uniqueId = p.attempt(() -> DocumentReferenceIds.uniqueId(r));
        PatientRef patient = p.attempt(() -> PatientIds.fromReference(r.getSubject(), resolve, "DocumentReference.subject"));
        EntryStatus status = p.attempt(() -> status(r));

        CodedValue type = p.attempt(() -> FhirCodes.read(r.getType(), "DocumentReference.type"));
        if (r.getCategory().size() > 1) {
            p.add("DocumentReference.category", "XDS has one classCode, got " + r.getCategory().size() + " categories");
        }
        CodedValue classCode = p.attempt(() -> FhirCodes.read(r.getCategoryFirstRep(), "DocumentReference.category"));
        List<CodedValue> confidentiality = new ArrayList<>();
        for (CodeableConcept label : r.getSecurityLabel()) {
            CodedValue c = p.attempt(() -> FhirCodes.read(label, "DocumentReference.securityLabel"));
            if (c != null) {
                confidentiality.add(c);
            }
        }

        DocumentReferenceContentComponent content = r.getContentFirstRep();
        if (r.getContent().size() > 1) {
            p.add("DocumentReference.content", "the DMP takes one document per DocumentReference, got "
                    + r.getContent().size() + " contents");
        }
        Attachment a = content.getAttachment();
        CodedValue format = p.attempt(() -> FhirCodes.read(content.hasFormat() ? new CodeableConcept().addCoding(content.getFormat())
                : null, "DocumentReference.content.format"));
        String creation = p.attempt(() -> a.hasCreationElement() ? FhirDates.toHl7(a.getCreationElement()) : null);
        String hash = p.attempt(() -> hash(a));
        Long size = a.hasSize() ? (long) a.getSize() : null;

        DocumentReferenceContextComponent ctx = r.getContext();
        CodedValue facility = p.attempt(() -> FhirCodes.read(ctx.getFacilityType(), "DocumentReference.context.facilityType"));
        CodedValue practice = p.attempt(() -> FhirCodes.read(ctx.getPracticeSetting(),
                "DocumentReference.context.practiceSetting"));
        List<CodedValue> events = new ArrayList<>();
        for (CodeableConcept e : ctx.getEvent()) {
            CodedValue c = p.attempt(() -> FhirCodes.read(e, "DocumentReference.context.event"));
            if (c != null) {
                events.add(c);
            }
        }
        String start = ctx.getPeriod().hasStartElement() ? FhirDates.toHl7(ctx.getPeriod().getStartElement()) : null;
        String stop = ctx.getPeriod().hasEndElement() ? FhirDates.toHl7(ctx.getPeriod().getEndElement()) : null;

        List<AuthorInfo> authors = new ArrayList<>();
        for (int i = 0; i < r.getAuthor().size(); i++) {
            Reference ref = r.getAuthor().get(i);
            String field = "DocumentReference.author[" + i + "]";
            AuthorInfo author = p.attempt(() -> FhirAuthors.read(ref, r, resolve, field));
            if (author != null) {
                authors.add(author);
            }
        }
        String legal = null;
        if (r.hasAuthenticator()) {
            legal = p.attempt(() -> {
                Resource who = FhirRefs.resolve(r.getAuthenticator(), r, resolve);
                if (who == null) {
                    throw FhirAuthors.unresolved("DocumentReference.authenticator", r.getAuthenticator());
                }
                return FhirAuthors.person(who, r, resolve, "DocumentReference.authenticator");
            });
        }
        SourcePatient source = p.attempt(() -> sourcePatient(ctx, r, resolve));
        List<String> referenceIds = p.attempt(() -> referenceIds(ctx));

        required(p, uniqueId != null || !r.hasMasterIdentifier(), r.hasMasterIdentifier(), "DocumentReference.masterIdentifier",
                "the document's uniqueId is required");
        required(p, true, r.hasType(), "DocumentReference.type", "the typeCode is required (LOINC or TRE_A05)");
        required(p, true, r.hasCategory(), "DocumentReference.category", "the classCode is required (TRE_A03-ClasseDocument)");
        required(p, true, content.hasFormat(), "DocumentReference.content.format", "the formatCode is required");
        required(p, true, ctx.hasFacilityType(), "DocumentReference.context.facilityType",
                "the healthcareFacilityTypeCode is required (TRE_R02-SecteurActivite or TRE_A00)");
        required(p, true, ctx.hasPracticeSetting(), "DocumentReference.context.practiceSetting",
                "the practiceSettingCode is required (TRE_A01-CadreExercice or TRE_A00)");
        required(p, true, r.hasSecurityLabel(), "DocumentReference.securityLabel",
                "at least one confidentialityCode is required (v3-Confidentiality N, R, V or TRE_A07)");
        required(p, true, a.hasCreationElement(), "DocumentReference.content.attachment.creation",
                "the creationTime is required");
        required(p, true, r.hasAuthor(), "DocumentReference.author", "at least one author is required");
        required(p, true, a.hasContentType(), "DocumentReference.content.attachment.contentType",
                "the MIME type is required");
        required(p, true, a.hasLanguage(), "DocumentReference.content.attachment.language",
                "the languageCode is required (XDS DocumentEntry.languageCode, BCP 47, e.g. fr-FR)");

        if (p.errors().size() > before) {
            return null;
        }
        return DocumentEntryRecord.builder()
                .entryUuid(entryUuid)
                .logicalUuid(DocumentReferenceIds.logicalUuid(r.getIdentifier()))
                .version(r.getMeta().hasVersionId() ? r.getMeta().getVersionId() : null)
                .uniqueId(uniqueId)
                .patientId(patient)
                .sourcePatientId(source == null ? sourcePatientIdDefault(patient) : source.id())
                .sourcePatientInfo(source == null ? List.of() : source.lines())
                .availabilityStatus(status)
                .classCode(classCode)
                .typeCode(type)
                .formatCode(format)
                .healthcareFacilityTypeCode(facility)
                .practiceSettingCode(practice)
                .confidentialityCodes(confidentiality)
                .eventCodes(events)
                .creationTime(creation)
                .serviceStartTime(start)
                .serviceStopTime(stop)
                .authors(authors)
                .title(a.hasTitle() ? a.getTitle() : null)
                .comments(r.hasDescription() ? r.getDescription() : null)
                .languageCode(a.hasLanguage() ? a.getLanguage() : null)
                .mimeType(a.hasContentType() ? a.getContentType() : null)
                .hash(hash)
                .size(size)
                .legalAuthenticator(legal)
                .referenceIds(referenceIds)
                .build();
    }

    /**
     * Without context.sourcePatientInfo the sourcePatientId (mandatory in XDS) is the INS itself, as
     * PDSM4DMP says for a patient with no local identifier.
     */
    private static String sourcePatientIdDefault(PatientRef patient) {
        return patient == null ? null : patient.toCx() + "^NH";
    }

    private static void required(Problems p, boolean ok, boolean present, String field, String rule) {
        if (ok && !present) {
            p.add(field, rule);
        }
    }

    private static EntryStatus status(DocumentReference r) {
        boolean archived = r.getExtension().stream().anyMatch(e -> MhdUrls.EXT_IS_ARCHIVED.equals(e.getUrl())
                && e.getValue() instanceof BooleanType b && b.booleanValue());
        if (!r.hasStatus()) {
            return null;
        }
        return switch (r.getStatus()) {
            case CURRENT -> archived ? EntryStatus.ARCHIVED : EntryStatus.APPROVED;
            case SUPERSEDED -> EntryStatus.DEPRECATED;
            case ENTEREDINERROR -> EntryStatus.DELETED;
            default -> throw new DmpException(DmpErrorCode.METADATA_ERROR,
                    "DocumentReference.status: " + r.getStatus().toCode() + " is not current, superseded or entered-in-error",
                    "DocumentReference.status");
        };
    }

    /**
     * The XDS hex SHA-1 of {@code attachment.hash}, the base64 of the 20 SHA-1 bytes. The base64 of the
     * 40-character hex string (as the IHE MHD examples write it) is accepted too: it cannot be mistaken
     * for anything else.
     */
    private static String hash(Attachment a) {
        if (!a.hasHash()) {
            return null;
        }
        byte[] bytes = a.getHash();
        if (bytes.length == 40) {
            String text = new String(bytes, StandardCharsets.US_ASCII);
            if (text.matches("[0-9a-fA-F]{40}")) {
                return text.toLowerCase(Locale.ROOT);
            }
        }
        if (bytes.length != 20) {
            throw new DmpException(DmpErrorCode.METADATA_ERROR,
                    "DocumentReference.content.attachment.hash: a SHA-1 has 20 bytes, this one decodes to " + bytes.length,
                    "DocumentReference.content.attachment.hash");
        }
        return HexFormat.of().formatHex(bytes);
    }

    /** sourcePatientId (first identifier as CX) and sourcePatientInfo PID lines of the source patient. */
    record SourcePatient(String id, List<String> lines) {
    }

    private static SourcePatient sourcePatient(DocumentReferenceContextComponent ctx, DocumentReference r,
                                               Function<String, Resource> resolve) {
        if (!ctx.hasSourcePatientInfo()) {
            return null;
        }
        Resource res = FhirRefs.resolve(ctx.getSourcePatientInfo(), r, resolve);
        if (!(res instanceof Patient patient)) {
            throw new DmpException(DmpErrorCode.METADATA_ERROR,
                    "DocumentReference.context.sourcePatientInfo: " + ctx.getSourcePatientInfo().getReference()
                            + (res == null ? " is neither contained nor in the bundle" : " is a " + res.fhirType()
                            + ", not a Patient"), "DocumentReference.context.sourcePatientInfo");
        }
        List<String> lines = new ArrayList<>();
        String first = null;
        for (Identifier i : patient.getIdentifier()) {
            if (!i.hasValue()) {
                continue;
            }
            String system = i.getSystem();
            String oid = system != null && system.startsWith(FhirCodeSystems.URN_OID) ? system.substring(8) : "";
            String type = i.getType().getCodingFirstRep().hasCode() ? i.getType().getCodingFirstRep().getCode()
                    : PatientIds.INS_AUTHORITIES.contains(oid) ? "NH" : "";
            String cx = Hl7Text.join('^', Hl7Text.escape(i.getValue()), "", "", Hl7Text.authority(oid), type);
            first = first == null ? cx : first;
            lines.add("PID-3|" + cx);
        }
        for (HumanName n : patient.getName()) {
            String more = n.getGiven().size() > 1 ? String.join(" ", n.getGiven().stream().skip(1).map(g -> g.getValue()).toList()) : "";
            lines.add("PID-5|" + Hl7Text.join('^', Hl7Text.escape(n.getFamily()),
                    n.getGiven().isEmpty() ? "" : Hl7Text.escape(n.getGiven().get(0).getValue()), Hl7Text.escape(more),
                    n.getSuffix().isEmpty() ? "" : Hl7Text.escape(n.getSuffix().get(0).getValue()),
                    n.getPrefix().isEmpty() ? "" : Hl7Text.escape(n.getPrefix().get(0).getValue()), "",
                    n.getUse() == HumanName.NameUse.USUAL ? "D" : "L"));
        }
        if (patient.hasBirthDateElement()) {
            lines.add("PID-7|" + FhirDates.toHl7(patient.getBirthDateElement()));
        }
        if (patient.hasGender()) {
            lines.add("PID-8|" + switch (patient.getGender()) {
                case MALE -> "M";
                case FEMALE -> "F";
                case OTHER -> "O";
                default -> "U";
            });
        }
        return new SourcePatient(first, lines);
    }

    private static List<String> referenceIds(DocumentReferenceContextComponent ctx) {
        List<String> out = new ArrayList<>();
        for (int n = 0; n < ctx.getRelated().size(); n++) {
            Reference ref = ctx.getRelated().get(n);
            if (!ref.hasIdentifier() || !ref.getIdentifier().hasValue()) {
                throw new DmpException(DmpErrorCode.METADATA_ERROR,
                        "DocumentReference.context.related[" + n + "]: XDS keeps only identifiers "
                                + "(referenceIdList); the reference needs an identifier", "DocumentReference.context.related");
            }
            Identifier i = ref.getIdentifier();
            String system = i.getSystem();
            String oid = system != null && system.startsWith(FhirCodeSystems.URN_OID) ? system.substring(8) : "";
            String type = i.getType().getCodingFirstRep().hasCode() ? i.getType().getCodingFirstRep().getCode()
                    : i.getType().hasText() ? i.getType().getText() : "";
            out.add(Hl7Text.join('^', Hl7Text.escape(i.getValue()), "", "", Hl7Text.authority(oid), Hl7Text.escape(type)));
        }
        return out;
    }
}
