package org.dmpgateway.mappings.xds.metadata;

import org.dmpgateway.mappings.xds.iti18.XdsQueryResponseMapper;
import org.dmpgateway.mappings.xds.iti41.XdsSubmissionMapper;
import org.dmpgateway.mappings.xds.validation.DmpValidationProfile;
import org.dmpgateway.mappings.xds.validation.DmpValidationProfileTest;
import jakarta.xml.bind.JAXBElement;
import org.dmpgateway.model.DocumentEntryRecord;
import org.dmpgateway.model.EntryStatus;
import org.dmpgateway.model.FolderRecord;
import org.dmpgateway.model.Submission;
import org.dmpgateway.model.SubmissionSetRecord;
import org.dmpgateway.model.SubmittedDocument;
import org.dmpgateway.model.query.QueryResult;
import org.junit.jupiter.api.Test;
import org.openehealth.ipf.commons.ihe.xds.XDS;
import org.openehealth.ipf.commons.ihe.xds.core.ebxml.ebxml30.EbXMLFactory30;
import org.openehealth.ipf.commons.ihe.xds.core.ebxml.ebxml30.EbXMLProvideAndRegisterDocumentSetRequest30;
import org.openehealth.ipf.commons.ihe.xds.core.ebxml.ebxml30.EbXMLQueryResponse30;
import org.openehealth.ipf.commons.ihe.xds.core.ebxml.ebxml30.ProvideAndRegisterDocumentSetRequestType;
import org.openehealth.ipf.commons.ihe.xds.core.metadata.Folder;
import org.openehealth.ipf.commons.ihe.xds.core.metadata.Hl7v2Based;
import org.openehealth.ipf.commons.ihe.xds.core.metadata.Identifiable;
import org.openehealth.ipf.commons.ihe.xds.core.metadata.LocalizedString;
import org.openehealth.ipf.commons.ihe.xds.core.requests.ProvideAndRegisterDocumentSet;
import org.openehealth.ipf.commons.ihe.xds.core.stub.ebrs30.query.AdhocQueryResponse;
import org.openehealth.ipf.commons.ihe.xds.core.stub.ebrs30.rim.ExternalIdentifierType;
import org.openehealth.ipf.commons.ihe.xds.core.stub.ebrs30.rim.IdentifiableType;
import org.openehealth.ipf.commons.ihe.xds.core.stub.ebrs30.rim.RegistryObjectType;
import org.openehealth.ipf.commons.ihe.xds.core.stub.ebrs30.rim.SlotType1;
import org.openehealth.ipf.commons.ihe.xds.core.transform.requests.ProvideAndRegisterDocumentSetTransformer;
import org.openehealth.ipf.commons.ihe.xds.core.validate.responses.QueryResponseValidator;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The values of the DMP's conventions in the official TD2.1 (reference-examples/dmp-official/), read
 * by IPF into its model, kept in the records, and written back by {@link ValuesAsSent} into an ITI-18
 * answer exactly as TD2.1 sent them: document entries and the submission set (patientId with NH and
 * its date, sourcePatientId with PI, XON with IDNST, authorSpecialty code^display^OID), and a folder's
 * patientId. The answer passes IPF's response validation with the DMP's profile.
 */
class ValuesAsSentTest {
    static final String INS_AS_SENT = "207058575627097^^^&1.2.250.1.213.1.4.10&ISO^NH^^20100907";

    @Test
    void theOfficialTd21ValuesComeBackAsSent() throws Exception {
        ProvideAndRegisterDocumentSetRequestType td21 = DmpValidationProfileTest.td21();
        DmpValidationProfile.matchDocumentIds(td21);
        Map<String, Map<String, List<String>>> sent = values(td21.getSubmitObjectsRequest().getRegistryObjectList()
                .getIdentifiable());
        ProvideAndRegisterDocumentSet ipf = new ProvideAndRegisterDocumentSetTransformer(new EbXMLFactory30())
                .fromEbXML(new EbXMLProvideAndRegisterDocumentSetRequest30(td21));
        Submission submission = XdsSubmissionMapper.toSubmission(ipf);
        assertEquals(INS_AS_SENT, submission.submissionSet().patientIdAsSent());
        assertEquals(List.of("CABINET DR LIBRE^^^^^&1.2.250.1.71.4.2.2&ISO^IDNST^^^499900063480001"),
                submission.submissionSet().authors().get(0).institutions(), "the record keeps the XON as sent");

        // as the registry stores them: UUIDs for the symbolic ids, the values the registry sets
        Map<String, String> uuids = new HashMap<>();
        List.of("DocumentME2", "Signature01", "SubmissionSet01").forEach(id -> uuids.put(id, "urn:uuid:" + UUID.randomUUID()));
        List<DocumentEntryRecord> stored = submission.documents().stream().map(SubmittedDocument::entry)
                .map(e -> e.withIds(uuids.get(e.entryUuid()), uuids.get(e.entryUuid()))
                        .withRegistryValues(uuids.get(e.entryUuid()), "1", EntryStatus.APPROVED,
                                "da39a3ee5e6b4b0d3255bfef95601890afd80709", 10L, "1.2.250.1.213.4.1.1.1.2", null))
                .toList();
        SubmissionSetRecord set = submission.submissionSet().withEntryUuid(uuids.get("SubmissionSet01"))
                .withRegistryValues(EntryStatus.APPROVED, null);

        AdhocQueryResponse answer = ValuesAsSent.toEbXml(XdsQueryResponseMapper.toQueryResponse(new QueryResult(
                stored, List.of(set), List.of(), List.of(), false)));

        Map<String, Map<String, List<String>>> back = values(answer.getRegistryObjectList().getIdentifiable());
        for (String id : List.of("DocumentME2", "Signature01", "SubmissionSet01")) {
            for (String name : List.of("patientId", "sourcePatientId", "authorInstitution", "authorSpecialty",
                    "authorPerson", "legalAuthenticator")) {
                assertEquals(sent.get(id).get(name), back.get(uuids.get(id)).get(name), id + " " + name);
            }
        }
        assertEquals(List.of(INS_AS_SENT), back.get(uuids.get("DocumentME2")).get("patientId"));
        assertEquals(List.of("G15_10/SM26^Médecin - Qualifié en Médecine Générale (SM)^1.2.250.1.213.1.1.4.5"),
                back.get(uuids.get("DocumentME2")).get("authorSpecialty"));
        assertDoesNotThrow(() -> DmpValidationProfile.validate(answer, () -> QueryResponseValidator.getInstance()
                .validate(new EbXMLQueryResponse30(answer), XDS.Interactions.ITI_18)));
    }

    @Test
    void aFolderPatientIdComesBackAsSentAndAnIheFormUnchanged() {
        Folder dmp = folder("urn:uuid:0a3b6f80-6f44-4d1e-9b6b-6b2cfe1e0f01", INS_AS_SENT);
        Folder ihe = folder("urn:uuid:0a3b6f80-6f44-4d1e-9b6b-6b2cfe1e0f02", "207058575627097^^^&1.2.250.1.213.1.4.10&ISO");
        FolderRecord dmpRecord = XdsMetadataMapper.toRecord(dmp);
        FolderRecord iheRecord = XdsMetadataMapper.toRecord(ihe);
        assertEquals(INS_AS_SENT, dmpRecord.patientIdAsSent());
        assertEquals(dmpRecord.patientId(), iheRecord.patientId(), "the same patient either way");

        AdhocQueryResponse answer = ValuesAsSent.toEbXml(XdsQueryResponseMapper.toQueryResponse(
                new QueryResult(List.of(), List.of(), List.of(dmpRecord, iheRecord), List.of(), false)));

        Map<String, Map<String, List<String>>> back = values(answer.getRegistryObjectList().getIdentifiable());
        assertEquals(List.of(INS_AS_SENT), back.get(dmp.getEntryUuid()).get("patientId"));
        assertEquals(List.of("207058575627097^^^&1.2.250.1.213.1.4.10&ISO"), back.get(ihe.getEntryUuid()).get("patientId"));
    }

    private static Folder folder(String uuid, String patientCx) {
        Folder f = new Folder();
        f.setEntryUuid(uuid);
        f.setUniqueId("1.2.250.1.999.1.1.7898.5." + uuid.substring(uuid.length() - 2));
        f.setPatientId(Hl7v2Based.parse(patientCx, Identifiable.class));
        f.setTitle(new LocalizedString("Suivi"));
        f.setLastUpdateTime("20251123101500");
        return f;
    }

    /** Per object id: its patientId (ExternalIdentifier) and its slots' values, classifications' included. */
    private static Map<String, Map<String, List<String>>> values(List<JAXBElement<? extends IdentifiableType>> objects) {
        Map<String, Map<String, List<String>>> out = new HashMap<>();
        for (JAXBElement<? extends IdentifiableType> element : objects) {
            if (!(element.getValue() instanceof RegistryObjectType o)) {
                continue;
            }
            Map<String, List<String>> values = out.computeIfAbsent(o.getId(), k -> new HashMap<>());
            List<SlotType1> slots = new ArrayList<>(o.getSlot());
            o.getClassification().forEach(c -> slots.addAll(c.getSlot()));
            for (SlotType1 slot : slots) {
                values.computeIfAbsent(slot.getName(), k -> new ArrayList<>()).addAll(slot.getValueList().getValue());
            }
            for (ExternalIdentifierType identifier : o.getExternalIdentifier()) {
                if (identifier.getIdentificationScheme().equals(ValuesAsSent.DOCUMENT_PATIENT_ID)
                        || identifier.getIdentificationScheme().equals(ValuesAsSent.SUBMISSION_SET_PATIENT_ID)
                        || identifier.getIdentificationScheme().equals(ValuesAsSent.FOLDER_PATIENT_ID)) {
                    values.computeIfAbsent("patientId", k -> new ArrayList<>()).add(identifier.getValue());
                }
            }
        }
        return out;
    }
}
