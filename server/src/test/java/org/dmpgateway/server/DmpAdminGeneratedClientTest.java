package org.dmpgateway.server;

import jakarta.xml.ws.BindingProvider;
import jakarta.xml.ws.soap.AddressingFeature;
import org.apache.cxf.headers.Header;
import org.dmpgateway.client.gdp.GDPPortType;
import org.dmpgateway.client.gdp.GDPService;
import org.dmpgateway.client.habilitations.ActionType;
import org.dmpgateway.client.habilitations.HabilitationsEndPoint;
import org.dmpgateway.client.habilitations.HabilitationsEndPointImplService;
import org.dmpgateway.client.habilitations.RoleType;
import org.dmpgateway.client.habilitations.WebServiceResponse;
import org.dmpgateway.client.hl7v3.BL;
import org.dmpgateway.client.hl7v3.CE;
import org.dmpgateway.client.hl7v3.CS;
import org.dmpgateway.client.hl7v3.CV;
import org.dmpgateway.client.hl7v3.II;
import org.dmpgateway.client.hl7v3.MCCIMT000300UV01AttentionLine;
import org.dmpgateway.client.hl7v3.ObjectFactory;
import org.dmpgateway.client.hl7v3.PRPAIN201307UV02;
import org.dmpgateway.client.hl7v3.PRPAIN201307UV02QUQIMT021001UV01ControlActProcess;
import org.dmpgateway.client.hl7v3.PRPAIN201308UV02;
import org.dmpgateway.client.hl7v3.PRPAMT201307UV02ParameterList;
import org.dmpgateway.client.hl7v3.PRPAMT201307UV02PatientIdentifier;
import org.dmpgateway.client.hl7v3.PRPAMT201307UV02QueryByParameter;
import org.dmpgateway.client.hl7v3.TS;
import org.dmpgateway.client.hl7v3.ActClassControlAct;
import org.dmpgateway.client.hl7v3.XActMoodIntentEvent;
import org.dmpgateway.model.PatientRecordState;
import org.dmpgateway.core.patient.InsValidator;
import org.dmpgateway.server.support.AdminClient;
import org.dmpgateway.server.support.Vihf;
import org.dmpgateway.identity.VihfNames;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

import javax.xml.parsers.DocumentBuilderFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.*;

/**
 * A DMP client generated from the official WSDLs by CXF wsdl2java in this module's test build
 * (packages org.dmpgateway.client.*, nothing shared with the server's adapter) calls TD0.2 and
 * TD0.3 at the DMP's own paths, SOAP 1.2 with WS-Addressing and the VIHF in wsse:Security, as an
 * editor's software generated from the same WSDLs would.
 */
@SpringBootTest(classes = DmpGatewayApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestPropertySource(properties = "spring.datasource.url=jdbc:h2:mem:dmp-admin-client;DB_CLOSE_DELAY=-1")
@DirtiesContext
class DmpAdminGeneratedClientTest {
    static final String INS_OID = "1.2.250.1.213.1.4.10";
    static final ObjectFactory HL7 = new ObjectFactory();

    @LocalServerPort
    int port;

    @Test
    void theGeneratedClientTestsTheRecordThenDeclaresItselfMedecinTraitant() throws Exception {
        String ins = "1800475123456";
        ins = ins + String.format("%02d", InsValidator.expectedKey(ins));
        new AdminClient(port).createPatient(ins, PatientRecordState.ACTIVATED);
        Vihf caller = official(ins);

        PRPAIN201308UV02 before = gdp(caller).patientGetDemographicsPRPAIN201307UV02(td02(ins));
        assertEquals("OK", before.getControlActProcess().getQueryAck().getQueryResponseCode().getCode());
        assertEquals("NON_EXISTE", ((CV) attention(before, "AUTORISATION").getValue()).getCode());
        assertEquals(ins, before.getControlActProcess().getSubject().get(0).getRegistrationEvent().getSubject1()
                .getPatient().getId().get(0).getExtension());

        WebServiceResponse declared = habilitations(caller).setAuthorization(ActionType.AJOUT, RoleType.MEDECIN_TRAITANT);
        assertEquals("DMPOk", declared.getStatus(), declared.getContext());

        PRPAIN201308UV02 after = gdp(caller).patientGetDemographicsPRPAIN201307UV02(td02(ins));
        assertEquals("VALIDE", ((CV) attention(after, "AUTORISATION").getValue()).getCode());
        assertTrue(((BL) attention(after, "STATUT_MT").getValue()).isValue());
        assertEquals("active", after.getControlActProcess().getSubject().get(0).getRegistrationEvent().getSubject1()
                .getPatient().getStatusCode().getCode());

        WebServiceResponse again = habilitations(caller).setAuthorization(ActionType.AJOUT, null);
        assertEquals("DMPOk", again.getStatus());
        assertEquals("Autorisation déjà présente aucune action effectuée", again.getContext());
    }

    @Test
    void theGeneratedClientGetsNfForAPatientWithoutRecord() throws Exception {
        String ins = "1800575123456";
        ins = ins + String.format("%02d", InsValidator.expectedKey(ins));

        PRPAIN201308UV02 answer = gdp(official(ins)).patientGetDemographicsPRPAIN201307UV02(td02(ins));

        assertEquals("NF", answer.getControlActProcess().getQueryAck().getQueryResponseCode().getCode());
        assertTrue(answer.getControlActProcess().getSubject().isEmpty());
    }

    // ------------------------------------------------------------------ the client

    static Vihf official(String ins) {
        return Vihf.doctor(ins).as(Vihf.OFFICIAL_PROFESSIONAL, "LIBRE, MAX", Vihf.MEDECIN, null)
                .inStructure(Vihf.OFFICIAL_STRUCTURE, Vihf.SECTOR_CABINET);
    }

    GDPPortType gdp(Vihf caller) throws Exception {
        GDPPortType port = new GDPService().getGDPBindingSoap12(new AddressingFeature());
        return configure(port, "patients", caller);
    }

    HabilitationsEndPoint habilitations(Vihf caller) throws Exception {
        HabilitationsEndPoint port = new HabilitationsEndPointImplService()
                .getHabilitationsEndPointImplPort(new AddressingFeature());
        return configure(port, "habilitations", caller);
    }

    <T> T configure(T port, String service, Vihf caller) throws Exception {
        Map<String, Object> context = ((BindingProvider) port).getRequestContext();
        context.put(BindingProvider.ENDPOINT_ADDRESS_PROPERTY,
                "http://localhost:" + this.port + "/si-dmp-server/v2/services/" + service);
        Document d = DocumentBuilderFactory.newDefaultInstance().newDocumentBuilder().newDocument();
        Element security = d.createElementNS(VihfNames.SECURITY_HEADER.getNamespaceURI(), "wsse:Security");
        security.appendChild(d.importNode(caller.toElement(), true));
        List<Header> headers = new ArrayList<>();
        headers.add(new Header(VihfNames.SECURITY_HEADER, security));
        context.put(Header.HEADER_LIST, headers);
        return port;
    }

    /** TD0.2 as the official example builds it: reasonCode TEST_EXST, the INS as patientIdentifier. */
    static PRPAIN201307UV02 td02(String ins) {
        PRPAIN201307UV02 request = HL7.createPRPAIN201307UV02();
        request.setITSVersion("XML_1.0");
        request.setId(ii("1.3.6.1.4.1.48364.1.1", UUID.randomUUID().toString()));
        TS now = new TS();
        now.setValue("20261202120000");
        request.setCreationTime(now);
        request.setInteractionId(ii("2.16.840.1.113883.1.6", "PRPA_IN201307UV02"));
        request.setProcessingCode(cs("D"));
        request.setProcessingModeCode(cs("T"));
        request.setAcceptAckCode(cs("AL"));
        PRPAIN201307UV02QUQIMT021001UV01ControlActProcess act = new PRPAIN201307UV02QUQIMT021001UV01ControlActProcess();
        act.setClassCode(ActClassControlAct.CACT);
        act.setMoodCode(XActMoodIntentEvent.EVN);
        CE reason = new CE();
        reason.setCode("TEST_EXST");
        reason.setCodeSystem("1.2.250.1.213.1.1.4.11");
        reason.setDisplayName("Test d'existence de dossier");
        act.getReasonCode().add(reason);
        PRPAMT201307UV02QueryByParameter query = new PRPAMT201307UV02QueryByParameter();
        query.setQueryId(ii("1.3.6.1.4.1.48364.2", UUID.randomUUID().toString()));
        query.setStatusCode(cs("new"));
        PRPAMT201307UV02ParameterList parameters = new PRPAMT201307UV02ParameterList();
        PRPAMT201307UV02PatientIdentifier identifier = new PRPAMT201307UV02PatientIdentifier();
        identifier.getValue().add(ii(INS_OID, ins));
        org.dmpgateway.client.hl7v3.ST semantics = new org.dmpgateway.client.hl7v3.ST();
        semantics.getContent().add("Patient.id");
        identifier.setSemanticsText(semantics);
        parameters.getPatientIdentifier().add(identifier);
        query.setParameterList(parameters);
        act.setQueryByParameter(HL7.createPRPAIN201307UV02QUQIMT021001UV01ControlActProcessQueryByParameter(query));
        request.setControlActProcess(act);
        return request;
    }

    static MCCIMT000300UV01AttentionLine attention(PRPAIN201308UV02 answer, String keyword) {
        return answer.getAttentionLine().stream().filter(l -> keyword.equals(l.getKeyWordText().getCode())).findFirst()
                .orElseThrow(() -> new AssertionError("no attentionLine " + keyword + " in " + answer.getAttentionLine()
                        .stream().map(l -> l.getKeyWordText().getCode()).collect(Collectors.joining(", "))));
    }

    static II ii(String root, String extension) {
        II id = new II();
        id.setRoot(root);
        id.setExtension(extension);
        return id;
    }

    static CS cs(String code) {
        CS value = new CS();
        value.setCode(code);
        return value;
    }
}
