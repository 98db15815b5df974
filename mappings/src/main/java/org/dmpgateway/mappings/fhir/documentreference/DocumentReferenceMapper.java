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
import org.dmpgateway.model.error.DmpException;
import org.dmpgateway.model.AssociationRecord;
import org.dmpgateway.model.AuthorInfo;
import org.dmpgateway.model.CodedValue;
import org.dmpgateway.model.DocumentEntryRecord;
import org.dmpgateway.model.EntryStatus;
import org.dmpgateway.model.PatientRef;
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
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * DocumentReference (MHD 4.2 Comprehensive / PDSm) to and from the internal {@link DocumentEntryRecord},
 * field by field (docs/fhir-mapping.md has the table).
 * <ul>
 * <li>Ids: {@code id} = entryUUID without {@code urn:uuid:}; {@code identifier} (use official,
 * system urn:ietf:rfc:3986) = the entryUUID {@code urn:uuid:...}; {@code identifier} (use secondary,
 * type.text {@value MhdUrls#LOGICAL_ID_TYPE}, system urn:ietf:rfc:3986) = the logicalId
 * {@code urn:uuid:...}; {@code masterIdentifier} = uniqueId ({@code urn:oid:X} for an OID,
 * {@code urn:uuid:X} kept as is); {@code meta.versionId} = version.</li>
 * <li>Status: Approved -> current; Archived -> current + PDSm extension isArchived=true;
 * Deprecated -> superseded; Deleted -> entered-in-error (and back).</li>
 * <li>Hash: FHIR base64 of the 20 SHA-1 bytes, XDS lower-case hex.</li>
 * <li>Inbound, the fields the DMP requires (patient, type, class, format, facility, practice setting,
 * confidentiality, creation time, author, MIME type, uniqueId) must be present, and every code needs a
 * code system with an OID; every problem is reported at once. Whether a code belongs to its DMP value
 * set is checked by the core for every protocol alike (core/metadata/DmpValueSetRule).</li>
 * </ul>
 * Not carried: DocumentReference.date (MHD: no XDS attribute), docStatus, relatesTo (associations:
 * see {@link ProvideBundleMapper}), custodian; outbound, repositoryUniqueId, homeCommunityId and the
 * document availability (no MHD element).
 */
public final class DocumentReferenceMapper {
    private static final Pattern UUID_FORM = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    private static final Pattern OID_EXT = Pattern.compile("[0-2](\\.(0|[1-9][0-9]*))+(\\^[^\\s]{1,16})?");
    private static final String URN_UUID = "urn:uuid:";

    private DocumentReferenceMapper() {
    }

    // ------------------------------------------------------------------ inbound

    /**
     * The document entry a DocumentReference describes (ITI-65 entry, ITI-105, base of a PATCH).
     * entryUUID: identifier(use official, urn:uuid) if any, else the resource id
     * ({@code urn:uuid:<id>} when the id is a UUID, else the id as a symbolic id the core replaces),
     * else null (the core assigns one).
     *
     * @param resolver resolves bundle fullUrls and relative references; may return null
     * @throws DmpException METADATA_ERROR listing every problem, each naming its FHIR path
     */
    public static DocumentEntryRecord toEntry(DocumentReference resource, Function<String, Resource> resolver) {
        Problems problems = new Problems(null, null);
        DocumentEntryRecord entry = read(resource, resolver, defaultEntryUuid(resource), problems);
        problems.throwIfAny();
        return entry;
    }

    public static String defaultEntryUuid(DocumentReference r) {
        String official = officialUuid(r.getIdentifier());
        if (official != null) {
            return official;
        }
        String id = r.getIdElement().getIdPart();
        if (id == null || id.isBlank()) {
            return null;
        }
        if (id.startsWith(URN_UUID)) {
            return id;
        }
        return UUID_FORM.matcher(id).matches() ? URN_UUID + id.toLowerCase() : id;
    }

    /** The value of the identifier use=official whose value is urn:uuid:..., or null. */
    public static String officialUuid(List<Identifier> ids) {
        for (Identifier i : ids) {
            if (i.getUse() == Identifier.IdentifierUse.OFFICIAL && i.hasValue() && i.getValue().startsWith(URN_UUID)) {
                return i.getValue();
            }
        }
        return null;
    }

    /** Reads the entry, recording problems instead of throwing; returns null when there are any. */
    public static DocumentEntryRecord read(DocumentReference r, Function<String, Resource> resolver, String entryUuid,
                                    Problems p) {
        int before = p.errors().size();
        Function<String, Resource> resolve = ref -> ref.startsWith("#") ? FhirRefs.contained(r, ref.substring(1))
                : resolver == null ? null : resolver.apply(ref);

        String uniqueId = p.attempt(() -> uniqueId(r));
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
        return new DocumentEntryRecord(entryUuid, logicalUuid(r.getIdentifier()),
                r.getMeta().hasVersionId() ? r.getMeta().getVersionId() : null, uniqueId, null, patient,
                source == null ? sourcePatientIdDefault(patient) : source.id(),
                source == null ? List.of() : source.lines(), false, status,
                classCode, type, format, facility, practice, confidentiality, events, creation, start, stop, authors,
                a.hasTitle() ? a.getTitle() : null, r.hasDescription() ? r.getDescription() : null,
                a.hasLanguage() ? a.getLanguage() : null, a.hasContentType() ? a.getContentType() : null, hash, size,
                null, null, legal, referenceIds, null, false, Map.of());
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

    private static String uniqueId(DocumentReference r) {
        if (!r.hasMasterIdentifier() || !r.getMasterIdentifier().hasValue()) {
            return null;
        }
        return uniqueIdFromValue(r.getMasterIdentifier().getValue(), "DocumentReference.masterIdentifier");
    }

    /** urn:oid:X -> X; urn:uuid:X kept; a bare OID (optionally ^extension) kept. */
    public static String uniqueIdFromValue(String value, String field) {
        if (value.startsWith(FhirCodeSystems.URN_OID) && FhirCodeSystems.isOid(value.substring(FhirCodeSystems.URN_OID.length()))) {
            return value.substring(FhirCodeSystems.URN_OID.length());
        }
        if (value.startsWith(URN_UUID) && UUID_FORM.matcher(value.substring(URN_UUID.length())).matches()) {
            return value;
        }
        if (OID_EXT.matcher(value).matches()) {
            return value;
        }
        throw new DmpException(org.dmpgateway.model.error.DmpErrorCode.METADATA_ERROR, field + ": '" + value
                + "' is not a uniqueId; expected urn:oid:<OID> or urn:uuid:<UUID>", field);
    }

    public static String uniqueIdToValue(String uniqueId) {
        return uniqueId == null || uniqueId.startsWith("urn:") || !FhirCodeSystems.isOid(uniqueId) ? uniqueId
                : FhirCodeSystems.URN_OID + uniqueId;
    }

    private static String logicalUuid(List<Identifier> ids) {
        for (Identifier i : ids) {
            if (i.getUse() == Identifier.IdentifierUse.SECONDARY && i.hasValue()
                    && MhdUrls.LOGICAL_ID_TYPE.equals(i.getType().getText())) {
                return i.getValue();
            }
        }
        return null;
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
            default -> throw new DmpException(org.dmpgateway.model.error.DmpErrorCode.METADATA_ERROR,
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
            String text = new String(bytes, java.nio.charset.StandardCharsets.US_ASCII);
            if (text.matches("[0-9a-fA-F]{40}")) {
                return text.toLowerCase(java.util.Locale.ROOT);
            }
        }
        if (bytes.length != 20) {
            throw new DmpException(org.dmpgateway.model.error.DmpErrorCode.METADATA_ERROR,
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
            throw new DmpException(org.dmpgateway.model.error.DmpErrorCode.METADATA_ERROR,
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
                throw new DmpException(org.dmpgateway.model.error.DmpErrorCode.METADATA_ERROR,
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

    // ------------------------------------------------------------------ outbound

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
                String target = a.targetUuid().startsWith(URN_UUID) ? a.targetUuid().substring(URN_UUID.length())
                        : a.targetUuid();
                r.addRelatesTo().setCode(code).setTarget(new Reference("DocumentReference/" + target));
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
        String id = e.entryUuid() == null ? null
                : e.entryUuid().startsWith(URN_UUID) ? e.entryUuid().substring(URN_UUID.length()) : e.entryUuid();
        if (id != null) {
            r.setId(id);
        }
        if (e.version() != null) {
            r.getMeta().setVersionId(e.version());
        }
        if (e.uniqueId() != null) {
            // MHD 4.2.3 UniqueIdIdentifier: use 1..1, fixed "usual" (IHE.MHD.Comprehensive.DocumentReference)
            r.setMasterIdentifier(new Identifier().setUse(Identifier.IdentifierUse.USUAL).setSystem(MhdUrls.URI_SYSTEM)
                    .setValue(uniqueIdToValue(e.uniqueId())));
        }
        if (e.entryUuid() != null) {
            r.addIdentifier().setUse(Identifier.IdentifierUse.OFFICIAL).setSystem(MhdUrls.URI_SYSTEM)
                    .setValue(e.entryUuid().startsWith(URN_UUID) ? e.entryUuid() : URN_UUID + e.entryUuid());
        }
        if (e.logicalUuid() != null) {
            r.addIdentifier().setUse(Identifier.IdentifierUse.SECONDARY).setSystem(MhdUrls.URI_SYSTEM)
                    .setValue(e.logicalUuid()).setType(new CodeableConcept().setText(MhdUrls.LOGICAL_ID_TYPE));
        }
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

    /** The base64 of an XDS hex SHA-1 (what FHIR writes in attachment.hash). */
    static String base64Hash(String hex) {
        return Base64.getEncoder().encodeToString(HexFormat.of().parseHex(hex));
    }
}
