package org.dmpgateway.mappings.hl7v2;

import ca.uhn.hl7v2.DefaultHapiContext;
import ca.uhn.hl7v2.HapiContext;
import ca.uhn.hl7v2.model.Message;
import ca.uhn.hl7v2.parser.CanonicalModelClassFactory;
import ca.uhn.hl7v2.util.Terser;
import ca.uhn.hl7v2.util.idgenerator.NanoTimeGenerator;
import org.dmpgateway.model.CodedValue;
import org.dmpgateway.model.PatientRef;
import org.dmpgateway.model.messaging.DocumentMail;
import org.dmpgateway.model.Submission;
import org.dmpgateway.model.error.DmpErrorCode;
import org.dmpgateway.model.error.DmpException;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The HL7v2 mappings on a compact MDM^T02 written by the rules of the ANS guide "Transmission de documents
 * CDA en HL7v2" (segments and metas of its page profils-messages, the example's patient and sender) with a
 * small CDA N1; the guide's own examples are sent end to end by the server's Hl7v2EndToEndTestBase.
 */
class Hl7v2MappingTest {
    private static final HapiContext HAPI = new DefaultHapiContext(new CanonicalModelClassFactory("2.5"));

    static {
        HAPI.getParserConfiguration().setIdGenerator(new NanoTimeGenerator()); // no id_file written
    }
    private static final String CDA = """
            <ClinicalDocument xmlns="urn:hl7-org:v3">
              <id root="1.2.250.1.71.4.2.2.1.42"/>
              <code code="11488-4" codeSystem="2.16.840.1.113883.6.1" displayName="CR de consultation"/>
              <title>Consultation</title>
              <effectiveTime value="20250411103328+0200"/>
              <confidentialityCode code="N" codeSystem="2.16.840.1.113883.5.25" displayName="Normal"/>
              <languageCode code="fr-FR"/>
              <recordTarget><patientRole><id extension="279035121518989" root="1.2.250.1.213.1.4.10"/>
                <patient><name><given>DOMINIQUE</given><family qualifier="BR">PAT-TROIS</family></name>
                  <administrativeGenderCode code="F" codeSystem="2.16.840.1.113883.5.1"/>
                  <birthTime value="19790328"/></patient></patientRole></recordTarget>
              <author><assignedAuthor><id extension="801234564895" root="1.2.250.1.71.4.2.1"/>
                <assignedPerson><name><family>Eric</family><given>Thomas</given></name></assignedPerson>
                <representedOrganization><id extension="1120456789" root="1.2.250.1.71.4.2.2"/>
                  <name>Organisation-Y</name></representedOrganization></assignedAuthor></author>
              <documentationOf><serviceEvent><effectiveTime><low value="20250411"/></effectiveTime>
                <performer><assignedEntity><representedOrganization>
                  <standardIndustryClassCode code="ETABLISSEMENT" codeSystem="1.2.250.1.213.1.1.4.9"/>
                </representedOrganization></assignedEntity></performer></serviceEvent></documentationOf>
              <componentOf><encompassingEncounter><location><healthCareFacility>
                <code code="SA01" codeSystem="1.2.250.1.71.4.2.4" displayName="Etablissement public de santé"/>
              </healthCareFacility></location></encompassingEncounter></componentOf>
              <component><nonXMLBody><text mediaType="application/pdf" representation="B64">JVBERi0=</text></nonXMLBody></component>
            </ClinicalDocument>
            """;

    static Message message(String cda, String masquePs) throws Exception {
        String b64 = Base64.getEncoder().encodeToString(cda.getBytes(StandardCharsets.UTF_8));
        String text = String.join("\r",
                "MSH|^~\\&|RIS-Y|Organisation-Y|PFI-Y|Organisation-Y|202106060931||MDM^T02^MDM_T02|015|P|2.6|||||FRA|UNICODE UTF-8|||2.1^CISIS_CDA_HL7_V2",
                "EVN||20211005152908",
                "PID|||279035121518989^^^ASIP-SANTE-INS-NIR&1.2.250.1.213.1.4.10&ISO^INS||PAT-TROIS^DOMINIQUE^^^^^L||19790328|F",
                "PV1|1|I",
                "ORC|NW|",
                "OBR|1|||11488-4^CR de consultation^LN|",
                "TXA|1|11488-4|TEXT|202212160932||||||||1.2.250.1.71.4.2.2.1.42^Organisation-Y|||||AU",
                "OBX|1|ED|11488-4^CR de consultation^LN||^text^XML^Base64^" + b64 + "||||||F|",
                "PRT||UC||SB^^participation|801234564895^Eric^Thomas^^^^^^ASIP-SANTE-PS&1.2.250.1.71.4.2.1&ISO^D^^^IDNPS|||Organisation-Y^^^^^ASIP-SANTE-ST&1.2.250.1.71.4.2.2&ISO^FINEG^^^300017985",
                "OBX|2|CWE|MASQUE_PS^Masqué aux professionnels de Santé^MetaDMPMSS||" + masquePs + "^^expandedYes-NoIndicator||||||F|",
                "OBX|3|CWE|DESTDMP^Destinataire DMP^MetaDMPMSS||Y^^expandedYes-NoIndicator||||||F|");
        return HAPI.getPipeParser().parse(text);
    }

    @Test
    void aCreationBecomesASubmissionWithItsMetadataFromTheCdaHeader() throws Exception {
        MdmMessage m = MdmMessageReader.read(message(CDA, "Y"));
        assertEquals("T02", m.event());
        assertEquals("1.2.250.1.71.4.2.2.1.42", m.documentId());
        assertEquals(List.of(new PatientRef("279035121518989", "1.2.250.1.213.1.4.10")), m.patientIds());
        assertEquals("801234564895", m.sender().personId());
        assertEquals("300017985", m.sender().organizationId());
        assertTrue(m.meta(MdmMessage.MASQUE_PS));
        assertTrue(m.meta(MdmMessage.DESTDMP));

        CdaHeader h = CdaHeaderReader.read(m.cda());
        Submission s = Hl7v2SubmissionMapper.toSubmission(m, h, null, "2.25.1",
                Clock.fixed(Instant.parse("2026-01-02T03:04:05Z"), ZoneOffset.UTC));
        var entry = s.documents().get(0).entry();
        assertEquals("1.2.250.1.71.4.2.2.1.42", entry.uniqueId());
        assertEquals("10", entry.classCode().code(), "ASS_X16: 11488-4 -> Compte rendu");
        assertEquals("urn:ihe:iti:xds-sd:pdf:2008", entry.formatCode().code());
        assertEquals("20250411083328", entry.creationTime(), "+0200 converted to UTC");
        assertEquals(List.of("N", "MASQUE_PS"), entry.confidentialityCodes().stream().map(CodedValue::code).toList());
        assertEquals("20260102030405", s.submissionSet().submissionTime());
        assertTrue(s.submissionSet().authors().get(0).person().startsWith("801234564895^Thomas") || s.submissionSet()
                .authors().get(0).person().startsWith("801234564895^Eric"), s.submissionSet().authors().toString());
    }

    @Test
    void theMssantePartBecomesADocumentMail() throws Exception {
        String body = Base64.getEncoder().encodeToString("Bonjour, voici votre CR.".getBytes(StandardCharsets.UTF_8));
        // the guide's segments (exemples.md): PRT RCT / REPLY with PRT-15.4, NTE-4 FIN after DESTMSSANTEPAT, CORPSMAIL
        String text = message(CDA, "N").encode().replace("\rOBX|2|",
                "\rPRT||UC||RCT^Results Copies To^participation|||||||||||^^X.400^279035121518989@patient.mssante.fr"
                + "\rPRT||UC||REPLY^Reply to^participation|||||||||||^^X.400^eric.thomas@hopital-y.mssante.fr\rOBX|2|")
                + "\rOBX|4|CWE|DESTMSSANTEPAT^Destinataire Patient^MetaDMPMSS||Y^^expandedYes-NoIndicator||||||F|"
                + "\rNTE|1|||FIN|"
                + "\rOBX|5|ED|CORPSMAIL_PATIENT^Corps du mail pour le patient^MetaDMPMSS||^TEXT^^Base64^" + body
                + "||||||F|";
        MdmMessage m = MdmMessageReader.read(HAPI.getPipeParser().parse(text));
        assertEquals(List.of("279035121518989@patient.mssante.fr"), m.mss().recipients());
        assertEquals("eric.thomas@hopital-y.mssante.fr", m.mss().replyTo());
        assertEquals("Bonjour, voici votre CR.", m.mss().patientText());
        assertNull(m.mss().professionalText());
        assertTrue(m.mss().endOfExchange());

        CdaHeader h = CdaHeaderReader.read(m.cda());
        DocumentMail mail = Hl7v2MailMapper.toMail(m, h, Hl7v2SubmissionMapper.patient(m, h), "pfi@hopital-y.mssante.fr");
        assertEquals("pfi@hopital-y.mssante.fr", mail.from());
        assertTrue(mail.toPatient());
        assertTrue(!mail.toProfessionals() && !mail.hiddenFromPatient());
        assertEquals("11488-4", mail.documentCode());
        assertEquals("DOC0001.XML", mail.document().fileName());
        assertEquals(CDA, new String(mail.document().content(), StandardCharsets.UTF_8));
    }

    @Test
    void theInsRulesOfTheGuideAre903To905() throws Exception {
        Hl7v2Refusal missing = assertThrows(Hl7v2Refusal.class, () -> patientOf(CDA.replace("1.2.250.1.213.1.4.10",
                "1.2.250.1.999")));
        assertEquals(ApplicationError.INS_MISSING, missing.applicationError());
        Hl7v2Refusal incomplete = assertThrows(Hl7v2Refusal.class, () -> patientOf(CDA.replace("<birthTime value=\"19790328\"/>",
                "")));
        assertEquals(ApplicationError.INS_INCOMPLETE, incomplete.applicationError());
        Hl7v2Refusal mismatch = assertThrows(Hl7v2Refusal.class, () -> patientOf(CDA.replace("279035121518989",
                "146026322000196")));
        assertEquals(ApplicationError.INS_MISMATCH, mismatch.applicationError());
        assertEquals("PID^1^3", mismatch.location());
    }

    private static PatientRef patientOf(String cda) throws Exception {
        MdmMessage m = MdmMessageReader.read(message(cda, "N"));
        return Hl7v2SubmissionMapper.patient(m, CdaHeaderReader.read(m.cda()));
    }

    @Test
    void aWrongOrderControlIsRefusedNamingTheField() throws Exception {
        Message msg = message(CDA, "N");
        new Terser(msg).set("/COMMON_ORDER/ORC-1", "CA");
        Hl7v2Refusal r = assertThrows(Hl7v2Refusal.class, () -> MdmMessageReader.read(msg));
        assertEquals("ORC^1^1", r.location());
        assertEquals(Hl7v2Refusal.TABLE_VALUE_NOT_FOUND, r.hl7ErrorCode());
        assertNull(r.applicationError());
    }

    @Test
    void theCoreRefusalsMapToTheGuideCodes() {
        assertEquals("900", Hl7v2Errors.of(new DmpException(DmpErrorCode.UNKNOWN_DOCUMENT, "x")).applicationError().code());
        assertEquals("901", Hl7v2Errors.of(new DmpException(DmpErrorCode.PS_NOT_AUTHORIZED, "x")).applicationError().code());
        assertEquals("902", Hl7v2Errors.of(new DmpException(DmpErrorCode.DMP_UNKNOWN, "x")).applicationError().code());
        assertEquals("904", Hl7v2Errors.of(new DmpException(DmpErrorCode.INVALID_INS, "x")).applicationError().code());
        assertEquals("906", Hl7v2Errors.of(new DmpException(DmpErrorCode.DMP_CLOSED, "x")).applicationError().code());
        assertEquals("AR", Hl7v2Errors.of(new DmpException(DmpErrorCode.INTERNAL_ERROR, "x")).ackCode());
    }

    @Test
    void theAcknowledgementCarriesTheGuideErrSegment() throws Exception {
        Message ack = Hl7v2Acks.refused(message(CDA, "N"), Hl7v2Refusal.application(ApplicationError.UNKNOWN_PATIENT,
                "PID^1^3", "patient inconnu"));
        Terser t = new Terser(ack);
        assertEquals("AE", t.get("/MSA-1"));
        assertEquals("015", t.get("/MSA-2"));
        assertEquals("ACK", t.get("/MSH-9-1"));
        assertEquals("T02", t.get("/MSH-9-2"));
        assertEquals("PID", t.get("/ERR-2-1"));
        assertEquals("3", t.get("/ERR-2-3"));
        assertEquals("207", t.get("/ERR-3-1"));
        assertEquals("E", t.get("/ERR-4"));
        assertEquals("902", t.get("/ERR-5-1"));
        assertEquals("applicationErrorCode", t.get("/ERR-5-3"));
        assertEquals("UNICODE UTF-8", t.get("/MSH-18"));
    }
}
