package org.dmpgateway.mappings.fhir.common;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.IParser;
import org.dmpgateway.mappings.fhir.documentreference.DocumentReferenceWriter;
import org.dmpgateway.model.error.DmpError;
import org.dmpgateway.model.error.DmpException;
import org.dmpgateway.model.AuthorInfo;
import org.dmpgateway.model.CodedValue;
import org.dmpgateway.model.DocumentEntryRecord;
import org.dmpgateway.model.EntryStatus;
import org.dmpgateway.model.PatientRef;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.DocumentReference;
import org.junit.jupiter.api.function.Executable;

import java.io.FileReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertThrows;

/** Shared data of the FHIR mapping tests. */
public final class FhirFixtures {
    public static final PatientRef DUPONT = new PatientRef("279035121518989", "1.2.250.1.213.1.4.10");
    public static final String DURANT = "810002345678^DURANT^Romuald^^^^^^&1.2.250.1.71.4.2.1&ISO^D^^^IDNPS";
    public static final String CABINET = "CABINET MEDICAL DR DURANT^^^^^&1.2.250.1.71.4.2.2&ISO^^^^401234567890009";
    public static final byte[] CONTENT = "<ClinicalDocument xmlns=\"urn:hl7-org:v3\"/>".getBytes(StandardCharsets.UTF_8);
    public static final IParser JSON = FhirContext.forR4Cached().newJsonParser();

    private FhirFixtures() {
    }

    public static String sha1(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(bytes));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public static AuthorInfo durantAuthor() {
        return new AuthorInfo(DURANT, List.of(CABINET), List.of("Médecin traitant"),
                List.of("G15_10/SM54^^^&1.2.250.1.213.1.1.4.5&ISO"), List.of("^NET^Internet^romuald.durant@mssante.fr"));
    }

    /** A complete DMP document entry as the registry stores it. */
    public static DocumentEntryRecord entry(EntryStatus status) {
        return DocumentEntryRecord.builder()
                .entryUuid("urn:uuid:6a0c1b0e-2f59-4a8a-9f5e-0d6b3b4f1a01")
                .logicalUuid("urn:uuid:6a0c1b0e-2f59-4a8a-9f5e-0d6b3b4f1a00")
                .version("2")
                .uniqueId("1.2.250.1.999.1.1.42")
                .patientId(DUPONT)
                .sourcePatientId("IPP-77^^^&1.2.250.1.999.7&ISO^PI")
                .sourcePatientInfo(List.of("PID-3|IPP-77^^^&1.2.250.1.999.7&ISO^PI",
                        "PID-3|279035121518989^^^&1.2.250.1.213.1.4.10&ISO^NH",
                        "PID-5|DUPONT^Marie^Jeanne^^^^L", "PID-7|19790305", "PID-8|F"))
                .availabilityStatus(status)
                .classCode(new CodedValue("10", "1.2.250.1.213.1.1.4.1", "Compte rendu"))
                .typeCode(new CodedValue("11488-4", "2.16.840.1.113883.6.1", "CR de consultation"))
                .formatCode(new CodedValue("urn:ihe:iti:xds-sd:pdf:2008", "1.3.6.1.4.1.19376.1.2.3", "PDF"))
                .healthcareFacilityTypeCode(new CodedValue("SA07", "1.2.250.1.71.4.2.4", "Cabinet individuel"))
                .practiceSettingCode(new CodedValue("AMBULATOIRE", "1.2.250.1.213.1.1.4.9", "Ambulatoire"))
                .confidentialityCodes(List.of(new CodedValue("N", "2.16.840.1.113883.5.25", "Normal"),
                        new CodedValue("MASQUE_PS", "1.2.250.1.213.1.1.4.13", "Masqué aux professionnels de santé")))
                .eventCodes(List.of(new CodedValue("GLYC", "1.2.250.1.213.2.5", "Glycémie")))
                .creationTime("20260612083000")
                .serviceStartTime("2026061208")
                .serviceStopTime("20260612")
                .authors(List.of(durantAuthor()))
                .title("CR de consultation")
                .comments("Consultation de suivi")
                .languageCode("fr-FR")
                .mimeType("text/xml")
                .hash(sha1(CONTENT))
                .size((long) CONTENT.length)
                .legalAuthenticator(DURANT)
                .referenceIds(List.of("ORD-5^^^&1.2.250.1.999.8&ISO^urn:ihe:iti:xds:2013:order"))
                .build();
    }

    /** The registry-only values (no MHD element) cleared, and the times as FHIR gives them back. */
    public static DocumentEntryRecord asReadBack(DocumentEntryRecord e) {
        return e.toBuilder().homeCommunityId(null).onDemand(false).serviceStartTime("20260612080000")
                .repositoryUniqueId(null).uri(null).documentAvailability(null).limitedMetadata(false)
                .extraMetadata(Map.of()).submitterId(null).patientIdAsSent(null).build();
    }

    public static <T extends IBaseResource> T read(Class<T> type, String path) {
        try (FileReader in = new FileReader(path, StandardCharsets.UTF_8)) {
            return JSON.parseResource(type, in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static List<String> refusals(Executable call) {
        DmpException e = assertThrows(DmpException.class, call);
        return e.errors().stream().map(DmpError::message).toList();
    }

    /** The smallest DocumentReference the DMP accepts (built from the fixture entry). */
    public static DocumentReference minimalDocumentReference() {
        DocumentReference r = DocumentReferenceWriter.toResource(entry(EntryStatus.APPROVED), "https://dmp.example.org/fhir/");
        r.setId((String) null);
        r.getIdentifier().clear();
        return r;
    }
}
