package org.dmpgateway.mappings.hl7v2;

import org.dmpgateway.mappings.fhir.bundle.XdsConstraints;
import org.dmpgateway.mappings.fhir.common.UuidOids;
import org.dmpgateway.model.AssociationKind;
import org.dmpgateway.model.AssociationRecord;
import org.dmpgateway.model.AuthorInfo;
import org.dmpgateway.model.CodedValue;
import org.dmpgateway.model.DmpConfidentiality;
import org.dmpgateway.model.DocumentBytes;
import org.dmpgateway.model.DocumentEntryRecord;
import org.dmpgateway.model.EntryStatus;
import org.dmpgateway.model.PatientRef;
import org.dmpgateway.model.Submission;
import org.dmpgateway.model.SubmissionSetRecord;
import org.dmpgateway.model.SubmittedDocument;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An MDM creation (T02) or replacement (T10) into the internal {@link Submission}: the document entry from
 * the CDA header (the CI-SIS annex "Lien entre l'en-tête CDA et les métadonnées XDS", as the guide's XDS
 * mapping table lists it), the visibility metas as confidentiality codes, and a submission set the
 * gateway generates for the sender (docs/hl7v2.md, "Mapping"). The INS checks of the guide (903, 904, 905)
 * and the consistency of the message with its document are made here, before the core is asked.
 */
public final class Hl7v2SubmissionMapper {
    /** The INS assigning authorities: INS-NIR, INS-NIA, INS-NIR test and demo. */
    static final Set<String> INS_AUTHORITIES = Set.of("1.2.250.1.213.1.4.8", "1.2.250.1.213.1.4.9",
            "1.2.250.1.213.1.4.10", "1.2.250.1.213.1.4.11");
    /** TRE_A03-ClasseDocument. */
    static final String CLASS_SYSTEM = "1.2.250.1.213.1.1.4.1";
    /** The formatCode system of the IHE XDS-SD formats (JDV_J60). */
    static final String IHE_FORMAT_SYSTEM = "1.3.6.1.4.1.19376.1.2.3";
    /** The person identifier authority of professionals (RPPS / ADELI based IdNat_PS). */
    static final String PS_AUTHORITY = "1.2.250.1.71.4.2.1";

    private static final Map<String, String> CLASS_OF_TYPE = typeClassMap();
    private static final Map<String, String> CLASS_NAMES = Map.ofEntries(Map.entry("10", "Compte rendu"),
            Map.entry("11", "Synthèse"), Map.entry("31", "Imagerie médicale"), Map.entry("42", "Prescription"),
            Map.entry("43", "Dispensation"), Map.entry("44", "Plan de soins, protocole de soins"),
            Map.entry("45", "Traitement administré"), Map.entry("52", "Certificat, déclaration"),
            Map.entry("60", "Données de remboursement"), Map.entry("90", "Autres documents déposés par le patient"),
            Map.entry("95", "Document de gestion"));
    private static final Map<String, CodedValue> XDS_SD_FORMATS = Map.of(
            "application/pdf", new CodedValue("urn:ihe:iti:xds-sd:pdf:2008", IHE_FORMAT_SYSTEM,
                    "Document à corps non structuré en Pdf/A-1"),
            "text/plain", new CodedValue("urn:ihe:iti:xds-sd:text:2008", IHE_FORMAT_SYSTEM,
                    "Document à corps non structuré en texte brut"),
            "image/jpeg", new CodedValue("urn:ihe:iti-fr:xds-sd:jpeg:2010", IHE_FORMAT_SYSTEM,
                    "Document à corps non structuré en format jpeg"),
            "text/rtf", new CodedValue("urn:ihe:iti-fr:xds-sd:rtf:2010", IHE_FORMAT_SYSTEM,
                    "Document à corps non structuré en format rtf"),
            "image/tiff", new CodedValue("urn:ihe:iti-fr:xds-sd:tiff:2010", IHE_FORMAT_SYSTEM,
                    "Document à corps non structuré en format tiff"));
    private static final DateTimeFormatter DTM = DateTimeFormatter.ofPattern("yyyyMMddHHmmss");
    private static final Pattern TS = Pattern.compile("(\\d{8,14})(\\.\\d+)?([+-]\\d{4})?");

    private Hl7v2SubmissionMapper() {
    }

    /**
     * The submission of a T02 ({@code replacedEntryUuid} null) or a T10 (the entryUUID of the replaced
     * document, found through the core: an RPLC association to it). {@code sourceId}: the OID of the sender.
     */
    public static Submission toSubmission(MdmMessage m, CdaHeader h, String replacedEntryUuid, String sourceId,
                                          Clock clock) {
        PatientRef patient = patient(m, h);
        if (!m.documentId().equals(h.uniqueId())) {
            throw Hl7v2Refusal.application(ApplicationError.OTHER, "TXA^1^12", "TXA-12 (" + m.documentId()
                    + ") ne correspond pas à l'identifiant du document CDA ClinicalDocument/id (" + h.uniqueId() + ")");
        }
        if (h.type() == null || !m.type().code().equals(h.type().code())) {
            throw Hl7v2Refusal.application(ApplicationError.OTHER, "OBX^1^3", "OBX-3 (" + m.type().code()
                    + ") ne correspond pas au type du document CDA ClinicalDocument/code ("
                    + (h.type() == null ? "absent" : h.type().code()) + ")");
        }
        if (replacedEntryUuid != null && h.replacedId() != null && !h.replacedId().equals(m.parentDocumentId())) {
            throw Hl7v2Refusal.application(ApplicationError.OTHER, "TXA^1^13", "TXA-13 (" + m.parentDocumentId()
                    + ") ne correspond pas au document remplacé du CDA relatedDocument[@typeCode='RPLC'] ("
                    + h.replacedId() + ")");
        }
        String classCode = CLASS_OF_TYPE.get(h.type().code());
        if (classCode == null) {
            throw Hl7v2Refusal.application(ApplicationError.OTHER, "OBX^1^3", "le type de document " + h.type().code()
                    + " n'a pas de classe dans la correspondance ASS_X16 type-classe du DMP");
        }
        CodedValue format = h.unstructuredMediaType() == null ? null : XDS_SD_FORMATS.get(h.unstructuredMediaType());
        if (format == null) {
            throw Hl7v2Refusal.application(ApplicationError.OTHER, "OBX^1^5", h.unstructuredMediaType() == null
                    ? "document CDA structuré (N3) : son formatCode (correspondance ASS_A11 modèle - formatCode) n'est "
                    + "pas encore pris en charge par la passerelle ; seuls les CDA N1 (XDS-SD) le sont"
                    : "corps non structuré de type " + h.unstructuredMediaType() + " : application/pdf, text/plain, "
                    + "image/jpeg, text/rtf ou image/tiff");
        }
        String entryUuid = "urn:uuid:" + UUID.randomUUID();
        DocumentEntryRecord entry = DocumentEntryRecord.builder()
                .entryUuid(entryUuid)
                .uniqueId(h.uniqueId())
                .patientId(patient)
                .sourcePatientId(patient.toCx())
                .sourcePatientInfo(sourcePatientInfo(h.patientTraits()))
                .availabilityStatus(EntryStatus.APPROVED)
                .classCode(new CodedValue(classCode, CLASS_SYSTEM, CLASS_NAMES.get(classCode)))
                .typeCode(h.type())
                .formatCode(format)
                .healthcareFacilityTypeCode(h.facilityType())
                .practiceSettingCode(h.practiceSetting())
                .confidentialityCodes(confidentiality(m, h))
                .creationTime(utc(h.effectiveTime()))
                .serviceStartTime(utc(h.serviceStart()))
                .serviceStopTime(utc(h.serviceStop()))
                .authors(h.authors().stream().map(Hl7v2SubmissionMapper::author).toList())
                .title(h.title())
                .languageCode(h.languageCode())
                .mimeType("text/xml")
                .legalAuthenticator(h.legalAuthenticator())
                .build();
        String setUuid = "urn:uuid:" + UUID.randomUUID();
        SubmissionSetRecord set = new SubmissionSetRecord(setUuid, UuidOids.oidOf(UUID.randomUUID()), sourceId, null,
                patient, OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC).format(DTM),
                h.facilityType(), List.of(submissionAuthor(m)), List.of(), null, null, null, false, Map.of());
        List<AssociationRecord> associations = new ArrayList<>();
        associations.add(new AssociationRecord("urn:uuid:" + UUID.randomUUID(), AssociationKind.HAS_MEMBER, setUuid,
                entryUuid, "Original", null, null, null, null, null, Map.of()));
        if (replacedEntryUuid != null) {
            associations.add(new AssociationRecord("urn:uuid:" + UUID.randomUUID(), AssociationKind.REPLACE, entryUuid,
                    replacedEntryUuid, null, null, null, null, null, null, Map.of()));
        }
        return XdsConstraints.require(new Submission(set, List.of(new SubmittedDocument(entry, DocumentBytes.of(m.cda()))),
                List.of(), associations));
    }

    /**
     * The patient's INS, as the guide requires it (codes 903 to 905): the CDA's recordTarget carries an INS
     * (903), with its identity traits (905), and PID-3 names the same INS (904).
     */
    public static PatientRef patient(MdmMessage m, CdaHeader h) {
        PatientRef ins = h.patientIds().stream().filter(i -> i.extension() != null && INS_AUTHORITIES.contains(i.root()))
                .map(i -> new PatientRef(i.extension(), i.root())).findFirst().orElse(null);
        if (ins == null) {
            throw Hl7v2Refusal.application(ApplicationError.INS_MISSING, "OBX^1^5", "le document CDA ne porte pas l'INS "
                    + "du patient (recordTarget/patientRole/id d'autorité INS-NIR ou INS-NIA)");
        }
        if (h.patientTraits() == null || !h.patientTraits().complete()) {
            throw Hl7v2Refusal.application(ApplicationError.INS_INCOMPLETE, "OBX^1^5", "l'INS " + ins.id() + " est "
                    + "présent sans l'ensemble de ses traits dans le document CDA (nom de naissance, premier prénom, sexe, "
                    + "date de naissance)");
        }
        if (!m.patientIds().contains(ins)) {
            throw Hl7v2Refusal.application(ApplicationError.INS_MISMATCH, "PID^1^3", "l'INS du document CDA (" + ins.id()
                    + ") n'est pas celui de PID-3 (" + m.patientIds().stream().map(PatientRef::id).toList() + ")");
        }
        return ins;
    }

    /**
     * The CDA's confidentialityCode first, then the visibility statuses of the metas: MASQUE_PS, INVISIBLE_PATIENT
     * and INVISIBLE_REP_LEGAUX set to Y become MASQUE_PS, INVISIBLE_PATIENT and INVISIBLE_REPRESENTANTS_LEGAUX
     * (TRE_A07-StatutVisibiliteDocument, JDV_J58).
     */
    static List<CodedValue> confidentiality(MdmMessage m, CdaHeader h) {
        List<CodedValue> codes = new ArrayList<>();
        codes.add(h.confidentiality() == null ? DmpConfidentiality.NORMAL : h.confidentiality());
        if (m.meta(MdmMessage.MASQUE_PS)) {
            codes.add(DmpConfidentiality.MASQUE_PS);
        }
        if (m.meta(MdmMessage.INVISIBLE_PATIENT)) {
            codes.add(DmpConfidentiality.INVISIBLE_PATIENT);
        }
        if (m.meta(MdmMessage.INVISIBLE_REP_LEGAUX)) {
            codes.add(DmpConfidentiality.INVISIBLE_REPRESENTANTS_LEGAUX);
        }
        return codes;
    }

    private static List<String> sourcePatientInfo(CdaHeader.PatientTraits t) {
        return List.of("PID-5|" + t.family() + "^" + t.given() + "^^^^^L", "PID-7|" + t.birthTime(),
                "PID-8|" + t.gender());
    }

    private static AuthorInfo author(CdaHeader.Author a) {
        String person = a.id() == null ? null : Xcn.person(a.id().extension() == null ? a.id().root() : a.id().extension(),
                a.family(), a.given(), a.id().extension() == null ? null : a.id().root());
        List<String> institutions = a.organizationName() == null ? List.of() : List.of(Xcn.organization(
                a.organizationName(), a.organizationId() == null ? null : a.organizationId().extension(),
                a.organizationId() == null ? null : a.organizationId().root()));
        List<String> specialties = a.code() == null ? List.of() : List.of(Xcn.code(a.code().code(), a.code().codeSystem()));
        return new AuthorInfo(person, institutions, List.of(), specialties, List.of());
    }

    /** The submission set's author: the sender of the message (PRT-4 = SB: PRT-5, PRT-8), the guide's mapping. */
    private static AuthorInfo submissionAuthor(MdmMessage m) {
        MdmMessage.Sender s = m.sender();
        String person = s.personId() != null
                ? Xcn.person(s.personId(), s.familyName(), s.givenName(), s.personAuthority() == null ? PS_AUTHORITY
                : s.personAuthority())
                : Xcn.person(s.deviceId(), null, null, null);
        List<String> institutions = s.organizationName() == null && s.organizationId() == null ? List.of()
                : List.of(Xcn.organization(s.organizationName() == null ? s.organizationId() : s.organizationName(),
                s.organizationId(), s.organizationId() == null ? null : "1.2.250.1.71.4.2.2"));
        return new AuthorInfo(person, institutions, List.of(), List.of(), List.of());
    }

    /** An HL7 TS of the CDA as the XDS DTM (UTC): an offset is applied, a time without one kept as written. */
    static String utc(String ts) {
        if (ts == null) {
            return null;
        }
        Matcher t = TS.matcher(ts);
        if (!t.matches()) {
            throw Hl7v2Refusal.application(ApplicationError.OTHER, "OBX^1^5", "date CDA '" + ts + "' illisible "
                    + "(AAAAMMJJ[hhmm[ss]][+zzzz])");
        }
        if (t.group(3) == null) {
            return t.group(1);
        }
        String digits = (t.group(1) + "000000").substring(0, 14);
        try {
            return OffsetDateTime.parse(digits + t.group(3), DateTimeFormatter.ofPattern("yyyyMMddHHmmssxx"))
                    .withOffsetSameInstant(ZoneOffset.UTC).format(DTM).substring(0, Math.max(t.group(1).length(), 8));
        } catch (DateTimeParseException e) {
            throw Hl7v2Refusal.application(ApplicationError.OTHER, "OBX^1^5", "date CDA '" + ts + "' invalide");
        }
    }

    private static Map<String, String> typeClassMap() {
        Map<String, String> map = new HashMap<>();
        try (InputStream in = Hl7v2SubmissionMapper.class.getResourceAsStream("/hl7v2/ASS_X16-type-class.csv")) {
            if (in == null) {
                throw new IllegalStateException("hl7v2/ASS_X16-type-class.csv is missing from the classpath");
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    String[] parts = line.split(";");
                    map.put(parts[0].strip(), parts[1].strip());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Map.copyOf(map);
    }
}
