package org.dmpgateway.benchmark;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

/**
 * The FHIR requests of the three MHD transactions (docs/fhir.md), written as JSON text as a
 * professional's software sends them, so that the client costs little next to the server (the SOAP
 * scenarios are text templates too, {@link Soap}):
 * <ul>
 *   <li>ITI-65: a {@code transaction} Bundle with a submission-set List, one DocumentReference and
 *       its Binary, carrying the same metadata as {@link Soap#provideAndRegister} (codes, author as
 *       a PractitionerRole with its Practitioner and Organization, sourcePatientInfo as a contained
 *       Patient, creation and service times);</li>
 *   <li>ITI-67: the search path for a patient's current documents, one page;</li>
 *   <li>ITI-68: the path of a document's Binary.</li>
 * </ul>
 */
final class FhirMessages {
    static final String FHIR_JSON = "application/fhir+json";
    static final String MHD = "https://profiles.ihe.net/ITI/MHD/StructureDefinition/";
    static final String MHD_LIST_TYPES = "https://profiles.ihe.net/ITI/MHD/CodeSystem/MHDlistTypes";
    static final String V3_CONFIDENTIALITY = "http://terminology.hl7.org/CodeSystem/v3-Confidentiality";
    static final String TRE_A07 = "https://mos.esante.gouv.fr/NOS/TRE_A07-StatutVisibiliteDocument/FHIR/TRE-A07-StatutVisibiliteDocument";

    private FhirMessages() {
    }

    /** The search of ITI-67: the patient's current documents, the first page of {@code count}. */
    static String findPath(String ins, int count) {
        return findPath(ins, count, 0);
    }

    /** The search of ITI-67, the page of {@code count} starting at {@code offset}. */
    static String findPath(String ins, int count, int offset) {
        return "/fhir/DocumentReference?patient.identifier=urn:oid:" + Ins.AUTHORITY + "%7C" + ins
                + "&status=current&_count=" + count + (offset > 0 ? "&_offset=" + offset : "");
    }

    /** The search of ITI-66: the patient's current submission sets (List.code submissionset), each with its documents. */
    static String findListsPath(String ins) {
        return "/fhir/List?patient.identifier=urn:oid:" + Ins.AUTHORITY + "%7C" + ins
                + "&status=current&code=" + MHD_LIST_TYPES + "%7Csubmissionset";
    }

    /** ITI-67 narrowed to one document by its uniqueId (how the harness finds the ids of its own documents). */
    static String findByUniqueIdPath(String ins, String uniqueId) {
        return "/fhir/DocumentReference?patient.identifier=urn:oid:" + Ins.AUTHORITY + "%7C" + ins
                + "&status=current&identifier=urn:oid:" + uniqueId;
    }

    /** ITI-68: the document of the DocumentReference with this id. */
    static String binaryPath(String documentReferenceId) {
        return "/fhir/Binary/" + documentReferenceId;
    }

    /** ITI-65: a new submission set with one document, its content as a Binary entry. */
    static byte[] provideBundle(Synthesizer.Patient p, String setUniqueId, String submissionTime, Synthesizer.Document d) {
        String setUrl = "urn:uuid:" + UUID.randomUUID();
        String docUrl = "urn:uuid:" + UUID.randomUUID();
        String binUrl = "urn:uuid:" + UUID.randomUUID();
        String subject = "{\"reference\":\"Patient?identifier=urn:oid:" + Ins.AUTHORITY + "|" + p.ins() + "\"}";
        StringBuilder b = new StringBuilder(4096 + d.content().length * 4 / 3);
        b.append("{\"resourceType\":\"Bundle\",\"meta\":{\"profile\":[\"").append(MHD)
                .append("IHE.MHD.Comprehensive.ProvideBundle\"]},\"type\":\"transaction\",\"entry\":[");
        // the submission set
        b.append("{\"fullUrl\":\"").append(setUrl).append("\",\"resource\":{\"resourceType\":\"List\",")
                .append("\"meta\":{\"profile\":[\"").append(MHD).append("IHE.MHD.Comprehensive.SubmissionSet\"]},")
                .append("\"contained\":[");
        author(b, d.author());
        b.append("],\"extension\":[{\"url\":\"").append(MHD).append("ihe-sourceId\",\"valueIdentifier\":")
                .append("{\"system\":\"urn:ietf:rfc:3986\",\"value\":\"urn:oid:").append(Catalog.SOURCE_ID).append("\"}},")
                .append("{\"url\":\"").append(MHD).append("ihe-designationType\",\"valueCodeableConcept\":")
                .append(concept(Catalog.CONTENT_TYPE)).append("}],")
                .append("\"identifier\":[{\"use\":\"usual\",\"system\":\"urn:ietf:rfc:3986\",\"value\":\"urn:oid:")
                .append(setUniqueId).append("\"},{\"use\":\"official\",\"system\":\"urn:ietf:rfc:3986\",\"value\":\"")
                .append(setUrl).append("\"}],")
                .append("\"status\":\"current\",\"mode\":\"working\",\"title\":\"Lot de soumission\",")
                .append("\"code\":{\"coding\":[{\"system\":\"").append(MHD_LIST_TYPES)
                .append("\",\"code\":\"submissionset\",\"display\":\"Submission Set\"}]},")
                .append("\"subject\":").append(subject).append(",")
                .append("\"date\":\"").append(instant(submissionTime)).append("\",")
                .append("\"source\":{\"reference\":\"#author\"},")
                .append("\"entry\":[{\"item\":{\"reference\":\"").append(docUrl).append("\"}}]},")
                .append("\"request\":{\"method\":\"POST\",\"url\":\"List\"}},");
        documentEntries(b, p, subject, d, docUrl, binUrl);
        b.append("]}");
        return b.toString().getBytes(StandardCharsets.UTF_8);
    }

    /**
     * The loading of the peer (HAPI FHIR JPA, docs/performance.md): a transaction creating each
     * patient once (conditional create on the INS), each with its INS, name, gender and birth date.
     */
    static byte[] patientsBundle(List<Synthesizer.Patient> patients) {
        StringBuilder b = new StringBuilder(512 * patients.size() + 64);
        b.append("{\"resourceType\":\"Bundle\",\"type\":\"transaction\",\"entry\":[");
        for (int i = 0; i < patients.size(); i++) {
            Synthesizer.Patient p = patients.get(i);
            String birth = p.birthDate();
            b.append(i == 0 ? "" : ",").append("{\"fullUrl\":\"urn:uuid:").append(UUID.randomUUID())
                    .append("\",\"resource\":{\"resourceType\":\"Patient\",\"identifier\":[{\"system\":\"urn:oid:")
                    .append(Ins.AUTHORITY).append("\",\"value\":\"").append(p.ins()).append("\"}],")
                    .append("\"name\":[{\"use\":\"official\",\"family\":\"").append(json(p.family()))
                    .append("\",\"given\":[\"").append(json(p.given())).append("\"]}],")
                    .append("\"gender\":\"").append(p.gender().equals("M") ? "male" : "female").append("\",")
                    .append("\"birthDate\":\"").append(birth, 0, 4).append('-').append(birth, 4, 6).append('-')
                    .append(birth, 6, 8).append("\"},\"request\":{\"method\":\"POST\",\"url\":\"Patient\",")
                    .append("\"ifNoneExist\":\"identifier=urn:oid:").append(Ins.AUTHORITY).append("%7C").append(p.ins())
                    .append("\"}}");
        }
        return b.append("]}").toString().getBytes(StandardCharsets.UTF_8);
    }

    /**
     * The loading of the peer: a transaction of documents of one patient, each a DocumentReference
     * with the metadata of ITI-65 and its Binary, the subject the patient's resource
     * ({@code Patient/<id>}), without a submission-set List.
     */
    static byte[] documentsBundle(Synthesizer.Patient p, String patientReference, List<Synthesizer.Document> docs) {
        String subject = "{\"reference\":\"" + patientReference + "\"}";
        StringBuilder b = new StringBuilder(4096 * docs.size());
        b.append("{\"resourceType\":\"Bundle\",\"type\":\"transaction\",\"entry\":[");
        for (int i = 0; i < docs.size(); i++) {
            b.append(i == 0 ? "" : ",");
            documentEntries(b, p, subject, docs.get(i), "urn:uuid:" + UUID.randomUUID(), "urn:uuid:" + UUID.randomUUID());
        }
        return b.append("]}").toString().getBytes(StandardCharsets.UTF_8);
    }

    /**
     * A document's two entries of a transaction (no comma before, none after): its DocumentReference
     * (the metadata of {@link Soap#provideAndRegister}), then its content as a Binary.
     */
    private static void documentEntries(StringBuilder b, Synthesizer.Patient p, String subject, Synthesizer.Document d,
                                        String docUrl, String binUrl) {
        b.append("{\"fullUrl\":\"").append(docUrl).append("\",\"resource\":{\"resourceType\":\"DocumentReference\",")
                .append("\"meta\":{\"profile\":[\"").append(MHD).append("IHE.MHD.Comprehensive.DocumentReference\"]},")
                .append("\"contained\":[");
        author(b, d.author());
        b.append(",");
        sourcePatient(b, p);
        b.append("],\"masterIdentifier\":{\"system\":\"urn:ietf:rfc:3986\",\"value\":\"urn:oid:").append(d.uniqueId())
                .append("\"},\"status\":\"current\",")
                .append("\"type\":").append(concept(d.typeCode())).append(",")
                .append("\"category\":[").append(concept(d.classCode())).append("],")
                .append("\"subject\":").append(subject).append(",")
                .append("\"author\":[{\"reference\":\"#author\"}],")
                .append("\"description\":\"Document du benchmark\",")
                .append("\"securityLabel\":[");
        for (int i = 0; i < d.confidentiality().size(); i++) {
            Catalog.Code c = d.confidentiality().get(i);
            b.append(i == 0 ? "" : ",").append(c.code().equals("N") ? concept(V3_CONFIDENTIALITY, c) : concept(TRE_A07, c));
        }
        b.append("],\"content\":[{\"attachment\":{\"contentType\":\"").append(d.mimeType())
                .append("\",\"language\":\"fr-FR\",\"url\":\"").append(binUrl).append("\",\"title\":\"")
                .append(json(d.title())).append("\",\"creation\":\"").append(instant(d.creationTime())).append("\"},")
                .append("\"format\":").append(coding("urn:oid:" + d.formatCode().system(), d.formatCode())).append("}],")
                .append("\"context\":{");
        if (d.event() != null) {
            b.append("\"event\":[").append(concept(d.event())).append("],");
        }
        b.append("\"period\":{\"start\":\"").append(instant(d.serviceStart())).append("\",\"end\":\"")
                .append(instant(d.serviceStop())).append("\"},")
                .append("\"facilityType\":").append(concept(Catalog.FACILITY_CODES.get(d.facility()))).append(",")
                .append("\"practiceSetting\":").append(concept(Catalog.PRACTICE_CODES.get(d.practice()))).append(",")
                .append("\"sourcePatientInfo\":{\"reference\":\"#source-patient\"}}},")
                .append("\"request\":{\"method\":\"POST\",\"url\":\"DocumentReference\"}},");
        // the content
        b.append("{\"fullUrl\":\"").append(binUrl).append("\",\"resource\":{\"resourceType\":\"Binary\",\"contentType\":\"")
                .append(d.mimeType()).append("\",\"data\":\"").append(Base64.getEncoder().encodeToString(d.content()))
                .append("\"},\"request\":{\"method\":\"POST\",\"url\":\"Binary\"}}");
    }

    /**
     * The author of {@link Soap}'s ITI-41 as contained resources: a PractitionerRole {@code #author}
     * (role and specialty) pointing at its Practitioner (IdNat_PS, name) and Organization (IdNat_Struct, name).
     */
    private static void author(StringBuilder b, int n) {
        String[] xcn = Catalog.authorPerson(n).split("\\^");
        String[] xon = Catalog.authorInstitution(n).split("\\^");
        b.append("{\"resourceType\":\"PractitionerRole\",\"id\":\"author\",")
                .append("\"practitioner\":{\"reference\":\"#author-person\"},")
                .append("\"organization\":{\"reference\":\"#author-org\"},")
                .append("\"code\":[{\"coding\":[{\"system\":\"urn:oid:1.2.250.1.71.1.2.7\",\"code\":\"10\",\"display\":\"Médecin\"}]}],")
                .append("\"specialty\":[{\"coding\":[{\"system\":\"urn:oid:1.2.250.1.213.1.1.4.5\",\"code\":\"G15_10/SM54\",")
                .append("\"display\":\"Médecine générale (SM)\"}]}]},")
                .append("{\"resourceType\":\"Practitioner\",\"id\":\"author-person\",\"identifier\":[{\"system\":\"urn:oid:")
                .append(Catalog.PERSON_AUTHORITY).append("\",\"value\":\"").append(xcn[0]).append("\"}],")
                .append("\"name\":[{\"family\":\"").append(json(xcn[1])).append("\",\"given\":[\"").append(json(xcn[2]))
                .append("\"]}]},")
                .append("{\"resourceType\":\"Organization\",\"id\":\"author-org\",\"identifier\":[{\"system\":\"urn:oid:")
                .append(Catalog.INSTITUTION_AUTHORITY).append("\",\"value\":\"").append(xon[xon.length - 1]).append("\"}],")
                .append("\"name\":\"").append(json(xon[0])).append("\"}");
    }

    /** sourcePatientInfo (the IPP as sourcePatientId, then the INS; name, birth date, gender) as a contained Patient. */
    private static void sourcePatient(StringBuilder b, Synthesizer.Patient p) {
        String ipp = Catalog.sourcePatientId(p.ins()).split("\\^")[0];
        String birth = p.birthDate();
        b.append("{\"resourceType\":\"Patient\",\"id\":\"source-patient\",\"identifier\":[")
                .append("{\"system\":\"urn:oid:1.2.250.1.999.2\",\"value\":\"").append(ipp).append("\"},")
                .append("{\"system\":\"urn:oid:").append(Ins.AUTHORITY).append("\",\"value\":\"").append(p.ins()).append("\"}],")
                .append("\"name\":[{\"use\":\"official\",\"family\":\"").append(json(p.family())).append("\",\"given\":[\"")
                .append(json(p.given())).append("\"]}],")
                .append("\"gender\":\"").append(p.gender().equals("M") ? "male" : "female").append("\",")
                .append("\"birthDate\":\"").append(birth, 0, 4).append('-').append(birth, 4, 6).append('-')
                .append(birth, 6, 8).append("\"}");
    }

    private static String concept(Catalog.Code c) {
        return concept("urn:oid:" + c.system(), c);
    }

    private static String concept(String system, Catalog.Code c) {
        return "{\"coding\":[" + coding(system, c) + "]}";
    }

    private static String coding(String system, Catalog.Code c) {
        return "{\"system\":\"" + system + "\",\"code\":\"" + json(c.code()) + "\",\"display\":\"" + json(c.display()) + "\"}";
    }

    /** An HL7 time of the harness (yyyyMMddHHmm[ss], UTC as on the XDS side) as a FHIR instant. */
    static String instant(String hl7) {
        String s = hl7.length() >= 14 ? hl7.substring(12, 14) : "00";
        return hl7.substring(0, 4) + "-" + hl7.substring(4, 6) + "-" + hl7.substring(6, 8) + "T" + hl7.substring(8, 10)
                + ":" + hl7.substring(10, 12) + ":" + s + "Z";
    }

    /** A JSON string's content. */
    static String json(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        b.append(String.format("\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.toString();
    }
}
