package org.dmpgateway.server.support;

import jakarta.activation.DataHandler;
import org.apache.cxf.attachment.ByteDataSource;
import org.openehealth.ipf.commons.ihe.xds.core.metadata.AssigningAuthority;
import org.openehealth.ipf.commons.ihe.xds.core.metadata.Association;
import org.openehealth.ipf.commons.ihe.xds.core.metadata.AssociationLabel;
import org.openehealth.ipf.commons.ihe.xds.core.metadata.AssociationType;
import org.openehealth.ipf.commons.ihe.xds.core.metadata.Author;
import org.openehealth.ipf.commons.ihe.xds.core.metadata.AvailabilityStatus;
import org.openehealth.ipf.commons.ihe.xds.core.metadata.Code;
import org.openehealth.ipf.commons.ihe.xds.core.metadata.Document;
import org.openehealth.ipf.commons.ihe.xds.core.metadata.DocumentEntry;
import org.openehealth.ipf.commons.ihe.xds.core.metadata.Folder;
import org.openehealth.ipf.commons.ihe.xds.core.metadata.Identifiable;
import org.openehealth.ipf.commons.ihe.xds.core.metadata.LocalizedString;
import org.openehealth.ipf.commons.ihe.xds.core.metadata.Organization;
import org.openehealth.ipf.commons.ihe.xds.core.metadata.Person;
import org.openehealth.ipf.commons.ihe.xds.core.metadata.SubmissionSet;
import org.openehealth.ipf.commons.ihe.xds.core.metadata.XcnName;
import org.openehealth.ipf.commons.ihe.xds.core.requests.ProvideAndRegisterDocumentSet;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * Builds realistic DMP submissions with IPF's XDS model: a test patient (INS-NIR-TEST), DMP codes
 * (TRE_A03 class, LOINC type, CI-SIS format, J58 confidentiality) and a professional author.
 */
public final class SampleSubmissions {
    public static final String INS_OID = "1.2.250.1.213.1.4.10";
    /** Seeded test patients (see patients-sample.json). */
    public static final String PATIENT_ACTIVATED = "279035121518989";
    public static final String PATIENT_CREATED = "146026322000196";
    public static final String PATIENT_OTHER = "124018852493334";
    public static final String PATIENT_CORSICA = "186022A12345633";
    /** Well formed INS (valid key) that no record has. */
    public static final String PATIENT_UNKNOWN = "175017500003056";
    /** The PDSM4DMP example INS: its key is wrong (expected 11). */
    public static final String PATIENT_BAD_KEY = "123456789012345";

    public static final Code CLASS_CR = code("10", "Compte rendu", "1.2.250.1.213.1.1.4.1");
    public static final Code CLASS_PRESCRIPTION = code("42", "Prescription", "1.2.250.1.213.1.1.4.1");
    public static final Code TYPE_CR_CONSULTATION = code("11488-4", "CR ou fiche de consultation ou de visite", "2.16.840.1.113883.6.1");
    public static final Code TYPE_ORDONNANCE = code("57833-6", "Prescription de produits de santé", "2.16.840.1.113883.6.1");
    public static final Code FORMAT_PDF = code("urn:ihe:iti:xds-sd:pdf:2008", "Document à corps non structuré en PDF", "1.3.6.1.4.1.19376.1.2.3");
    public static final Code FORMAT_TEXT = code("urn:ihe:iti:xds-sd:text:2008", "Document à corps non structuré en texte", "1.3.6.1.4.1.19376.1.2.3");
    public static final Code CONF_NORMAL = code("N", "Normal", "2.16.840.1.113883.5.25");
    public static final Code CONF_MASQUE_PS = code("MASQUE_PS", "Masqué aux professionnels de santé", "1.2.250.1.213.1.1.4.13");
    public static final Code FACILITY_SA07 = code("SA07", "Cabinet individuel", "1.2.250.1.71.4.2.4");
    public static final Code PRACTICE_AMBULATOIRE = code("AMBULATOIRE", "Ambulatoire", "1.2.250.1.213.1.1.4.9");
    public static final Code CONTENT_TYPE = code("04", "Hospitalisation de jour", "1.2.250.1.213.3.3.65");
    public static final Code EVENT_X = code("GLYC", "Glycémie", "1.2.250.1.213.2.5");

    private SampleSubmissions() {
    }

    public static Code code(String code, String display, String scheme) {
        return new Code(code, new LocalizedString(display), scheme);
    }

    public static Identifiable patient(String ins) {
        return new Identifiable(ins, new AssigningAuthority(INS_OID));
    }

    /** A fresh OID under 2.25 (UUID-derived), unique per call. */
    public static String newOid() {
        UUID u = UUID.randomUUID();
        BigInteger value = new BigInteger(1, toBytes(u));
        return "2.25." + value;
    }

    private static byte[] toBytes(UUID u) {
        byte[] b = new byte[16];
        long hi = u.getMostSignificantBits(), lo = u.getLeastSignificantBits();
        for (int i = 0; i < 8; i++) {
            b[i] = (byte) (hi >>> (56 - 8 * i));
            b[8 + i] = (byte) (lo >>> (56 - 8 * i));
        }
        return b;
    }

    public static Author author() {
        Author author = new Author();
        author.setAuthorPerson(new Person(new Identifiable("810002345678", new AssigningAuthority("1.2.250.1.71.4.2.1")),
                new XcnName("DURANT", "Romuald", null, null, null, null)));
        author.getAuthorInstitution().add(new Organization("CABINET MEDICAL DR DURANT", "401234567890009",
                new AssigningAuthority("1.2.250.1.71.4.2.2")));
        author.getAuthorRole().add(new Identifiable("Médecin traitant"));
        author.getAuthorSpecialty().add(new Identifiable("G15_10/SM54", new AssigningAuthority("1.2.250.1.213.1.1.4.5")));
        return author;
    }

    public static SubmissionSet submissionSet(String ins) {
        SubmissionSet set = new SubmissionSet();
        set.setEntryUuid("SubmissionSet01");
        set.setUniqueId(newOid());
        set.setSourceId("1.2.250.1.999.1.1");
        set.setPatientId(patient(ins));
        set.setSubmissionTime("20251123101500");
        set.setContentTypeCode(CONTENT_TYPE);
        set.setTitle(new LocalizedString("Lot de soumission"));
        set.getAuthors().add(author());
        set.setAvailabilityStatus(AvailabilityStatus.APPROVED);
        return set;
    }

    public static DocumentEntry entry(String symbolicId, String ins, Code classCode, Code typeCode, Code format,
                                      String mimeType, String creationTime) {
        DocumentEntry e = new DocumentEntry();
        e.setEntryUuid(symbolicId);
        e.setUniqueId(newOid());
        e.setPatientId(patient(ins));
        e.setSourcePatientId(new Identifiable("IPP-" + ins.substring(0, 6), new AssigningAuthority("1.2.250.1.999.2")));
        e.setClassCode(classCode);
        e.setTypeCode(typeCode);
        e.setFormatCode(format);
        e.getConfidentialityCodes().add(CONF_NORMAL);
        e.setHealthcareFacilityTypeCode(FACILITY_SA07);
        e.setPracticeSettingCode(PRACTICE_AMBULATOIRE);
        e.setCreationTime(creationTime);
        e.setServiceStartTime(creationTime.substring(0, 8) + "0800");
        e.setServiceStopTime(creationTime.substring(0, 8) + "1800");
        e.setLanguageCode("fr-FR");
        e.setMimeType(mimeType);
        e.setTitle(new LocalizedString("Document " + symbolicId));
        e.getAuthors().add(author());
        e.setAvailabilityStatus(AvailabilityStatus.APPROVED);
        return e;
    }

    public static DataHandler content(byte[] bytes, String mimeType) {
        return new DataHandler(new ByteDataSource(bytes, mimeType));
    }

    public static byte[] text(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    public static Association hasMember(String id, String source, String target, AssociationLabel label) {
        Association a = new Association(AssociationType.HAS_MEMBER, id, source, target);
        a.setLabel(label);
        return a;
    }

    /** One document entry with its content, in a new submission set. */
    public static ProvideAndRegisterDocumentSet single(String ins, byte[] bytes) {
        ProvideAndRegisterDocumentSet pnr = new ProvideAndRegisterDocumentSet();
        pnr.setSubmissionSet(submissionSet(ins));
        DocumentEntry e = entry("Document01", ins, CLASS_CR, TYPE_CR_CONSULTATION, FORMAT_TEXT, "text/plain", "20251120093000");
        pnr.getDocuments().add(new Document(e, content(bytes, "text/plain")));
        pnr.getAssociations().add(hasMember("Assoc01", "SubmissionSet01", "Document01", AssociationLabel.ORIGINAL));
        return pnr;
    }

    /**
     * Two documents (a consultation report as text, a prescription as PDF) and a folder holding
     * both, with all HasMember associations.
     */
    public static ProvideAndRegisterDocumentSet twoDocumentsAndFolder(String ins, byte[] report, byte[] prescription) {
        ProvideAndRegisterDocumentSet pnr = new ProvideAndRegisterDocumentSet();
        pnr.setSubmissionSet(submissionSet(ins));
        DocumentEntry e1 = entry("Document01", ins, CLASS_CR, TYPE_CR_CONSULTATION, FORMAT_TEXT, "text/plain", "20251120093000");
        e1.getEventCodeList().add(EVENT_X);
        DocumentEntry e2 = entry("Document02", ins, CLASS_PRESCRIPTION, TYPE_ORDONNANCE, FORMAT_PDF, "application/pdf", "20251121100000");
        pnr.getDocuments().add(new Document(e1, content(report, "text/plain")));
        pnr.getDocuments().add(new Document(e2, content(prescription, "application/pdf")));
        Folder folder = new Folder();
        folder.setEntryUuid("Folder01");
        folder.setUniqueId(newOid());
        folder.setPatientId(patient(ins));
        folder.setTitle(new LocalizedString("Suivi diabète"));
        folder.getCodeList().add(code("DIAB", "Diabète", "1.2.250.1.999.3"));
        folder.setAvailabilityStatus(AvailabilityStatus.APPROVED);
        pnr.getFolders().add(folder);
        pnr.getAssociations().add(hasMember("Assoc01", "SubmissionSet01", "Document01", AssociationLabel.ORIGINAL));
        pnr.getAssociations().add(hasMember("Assoc02", "SubmissionSet01", "Document02", AssociationLabel.ORIGINAL));
        pnr.getAssociations().add(hasMember("Assoc03", "SubmissionSet01", "Folder01", null));
        pnr.getAssociations().add(hasMember("Assoc04", "Folder01", "Document01", null));
        pnr.getAssociations().add(hasMember("Assoc05", "Folder01", "Document02", null));
        pnr.getAssociations().add(hasMember("Assoc06", "SubmissionSet01", "Assoc04", null));
        pnr.getAssociations().add(hasMember("Assoc07", "SubmissionSet01", "Assoc05", null));
        return pnr;
    }

    /** A new version of a document that replaces the registry entry {@code replacedUuid} (RPLC). */
    public static ProvideAndRegisterDocumentSet replacement(String ins, String replacedUuid, byte[] bytes) {
        ProvideAndRegisterDocumentSet pnr = single(ins, bytes);
        pnr.getAssociations().add(new Association(AssociationType.REPLACE, "Assoc02", "Document01", replacedUuid));
        return pnr;
    }
}
