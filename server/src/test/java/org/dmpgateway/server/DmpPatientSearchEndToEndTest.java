package org.dmpgateway.server;

import org.dmpgateway.model.PatientRecordState;
import org.dmpgateway.server.support.AdminClient;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.dmpgateway.server.DmpAdminRecordServicesEndToEndTest.TD16;
import static org.dmpgateway.server.DmpAdminRecordServicesEndToEndTest.TD16_ACTION;
import static org.dmpgateway.server.DmpAdminRecordServicesEndToEndTest.differences;
import static org.dmpgateway.server.DmpAdminRecordServicesEndToEndTest.fields;
import static org.dmpgateway.server.DmpAdminRecordServicesEndToEndTest.newId;
import static org.dmpgateway.server.DmpAdminRecordServicesEndToEndTest.newIns;
import static org.dmpgateway.server.DmpAdminServicesEndToEndTest.PROFESSIONAL;
import static org.dmpgateway.server.DmpAdminServicesEndToEndTest.body;
import static org.dmpgateway.server.DmpAdminServicesEndToEndTest.flatten;
import static org.dmpgateway.server.DmpAdminServicesEndToEndTest.forPatient;
import static org.dmpgateway.server.DmpAdminServicesEndToEndTest.header;
import static org.dmpgateway.server.DmpAdminServicesEndToEndTest.official;
import static org.dmpgateway.server.DmpAdminServicesEndToEndTest.parse;
import static org.dmpgateway.server.DmpAdminServicesEndToEndTest.text;
import static org.dmpgateway.server.DmpAdminServicesEndToEndTest.withMessageId;
import static org.junit.jupiter.api.Assertions.*;

/**
 * TD0.5 "Recherche d'un patient dans le DMP sans INS" (IHE PDQv3) at the DMP's own path
 * {@code /si-dmp-server/v2/services/patientsPDQ}, driven with the official example request
 * ("DMP_LPS_Exemple de messages" v02.05.00, reference-examples/dmp-official/) posted over plain HTTP as
 * an editor's software sends it: the official patient 157069329642881 (Mme IRENE ENCHAINE, born
 * DECHAINE) is in the default seed. The answer is compared element by element with the official answer;
 * then the search rule (SearchPatientsWithoutIns) and the refusals. Also /admin's profession and
 * specialty of a professional, read back by TD1.6.
 */
@SpringBootTest(classes = DmpGatewayApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestPropertySource(properties = "spring.datasource.url=jdbc:h2:mem:dmp-patient-search;DB_CLOSE_DELAY=-1")
@DirtiesContext
class DmpPatientSearchEndToEndTest {
    static final String BASE = "/si-dmp-server/v2/services/";
    static final String TD05 = "TD0.5_-_Recherche_d_un_patient_sans_INS_requ_te.xml";
    static final String TD05_ACTION = "urn:hl7-org:v3:PRPA_IN201305UV02";
    /** The WS-Addressing action the ANS kit's PatientSoapService.cs sends. */
    static final String KIT_ACTION = "urn:ihe:iti:pdqv3:2007:PDQSupplier_Service:findCandidatesQuery";
    static final String ROOT = "PRPA_IN201306UV02";
    static final String PATIENT = ROOT + "/controlActProcess/subject/registrationEvent/subject1/patient";
    /** Values of one exchange: the answer's id and time. */
    static final Set<String> PER_RUN = Set.of(ROOT + "/id@root", ROOT + "/creationTime@value");
    /** What the official answer shows and the gateway does not hold: the INS-C, the civility, the address. */
    static final List<String> NOT_HELD = List.of(PATIENT + "/id[1.2.250.1.213.1.4.2]",
            PATIENT + "/patientPerson/name/prefix", PATIENT + "/patientPerson/addr");
    static final String QUERY_ACK_ID = ROOT + "/controlActProcess/queryAck/queryId";

    @LocalServerPort
    int port;

    final HttpClient http = HttpClient.newHttpClient();

    @Test
    void theOfficialSearchAnswersTheOfficialAnswer() throws Exception {
        String messageId = newId();
        HttpResponse<String> response = post(TD05_ACTION, withMessageId(official(TD05), messageId));

        assertEquals(200, response.statusCode(), response.body());
        Document answer = parse(response.body());
        Document expected = parse(official("TD0.5_-_Recherche_d_un_patient_sans_INS_r_ponse.xml"));
        assertEquals(header(expected, "Action"), header(answer, "Action"));
        assertEquals(messageId, header(answer, "RelatesTo"));
        Map<String, String> ours = flatten(body(answer));
        Map<String, String> theirs = flatten(body(expected));
        // the official answer's queryAck/queryId is not the request's (a capture artefact): ours echoes the
        // request's, as PDQv3 (ITI-47) requires
        assertEquals("4cf69f11-f58c-4a49-8dd3-2cca7c342e40", ours.remove(QUERY_ACK_ID + "@extension"));
        assertEquals("1.3.6.1.4.1.48364.2", ours.remove(QUERY_ACK_ID + "@root"));
        assertEquals("654654", theirs.remove(QUERY_ACK_ID + "@extension"));
        theirs.remove(QUERY_ACK_ID + "@root");
        // the empty use="" the DMP's serializer adds to the echoed query
        assertEquals("", theirs.remove(ROOT + "/controlActProcess/queryByParameter/parameterList/livingSubjectName/value@use"));
        assertEquals(List.of(), differences(ours, theirs, PER_RUN, NOT_HELD), response.body());

        // the official WSDL is served, with the NE2008 schemas it includes
        HttpResponse<String> wsdl = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + BASE
                + "patientsPDQ?wsdl")).build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertEquals(200, wsdl.statusCode());
        assertTrue(wsdl.body().contains("findCandidatesQuery") && wsdl.body().contains("PRPA_IN201305UV02.xsd"), wsdl.body());
    }

    @Test
    void theKitsActionIsAcceptedAndTheSearchNarrowsByGivenNameBirthDateAndGender() throws Exception {
        String first = newIns("2800175123450");
        String second = newIns("1800175123450");
        AdminClient admin = new AdminClient(port);
        admin.createPatient(first, record("FOURNIER-PDQ", "Élise Anne", null, "1980-01-17", "F"));
        admin.createPatient(second, record("MARTEL-PDQ", "Paul", "Fournier-Pdq", "1980-01-17", "M"));

        // the family name matches the used name or the birth name, letter case and accents ignored
        // as the ANS kit sends it: its own wsa:Action, the WSDL's soapAction in the Content-Type (its
        // client is generated from the WSDL)
        Document both = parse(post(TD05_ACTION, search("fournier-pdq", null, null, null)
                .replace(">" + TD05_ACTION + "</Action>", ">" + KIT_ACTION + "</Action>")).body());
        assertEquals("OK", queryAck(both).get("queryResponseCode"));
        assertEquals(List.of(second, first), found(both), "in order of INS");
        assertEquals("2", attribute(both, "resultTotalQuantity"));

        assertEquals(List.of(first), found(parse(post(TD05_ACTION, search("FOURNIER-PDQ", "ELISE", null, null)).body())));
        assertEquals(List.of(second), found(parse(post(TD05_ACTION, search("FOURNIER-PDQ", null, "19800117", "M")).body())));
        Document none = parse(post(TD05_ACTION, search("FOURNIER-PDQ", null, "19800118", null)).body());
        assertEquals("AA", attribute(none, "typeCode"));
        assertEquals("NF", queryAck(none).get("queryResponseCode"));
        assertEquals(List.of(), found(none));
    }

    @Test
    void closedOpposedAndBlockingRecordsAreNeverFound() throws Exception {
        AdminClient admin = new AdminClient(port);
        String open = newIns("2800275123450");
        String closed = newIns("2800275123451");
        String opposed = newIns("2800275123452");
        String blocking = newIns("2800275123453");
        for (String ins : List.of(open, closed, opposed, blocking)) {
            admin.createPatient(ins, record("GARNIER-PDQ", "Lea", null, "1980-02-01", "F"));
        }
        admin.setState(closed, PatientRecordState.CLOSED);
        admin.setState(opposed, PatientRecordState.OPPOSED);
        admin.block(blocking, PROFESSIONAL);

        assertEquals(List.of(open), found(parse(post(TD05_ACTION, search("GARNIER-PDQ", null, null, null)).body())));
    }

    @Test
    void moreThanTenPatientsNoCriteriaAndAWrongVihfAreRefused() throws Exception {
        AdminClient admin = new AdminClient(port);
        for (int i = 0; i < 11; i++) {
            admin.createPatient(newIns("28003751234" + (10 + i)), record("ROUSSEL-PDQ", "Anne" + i, null, "1980-03-01", "F"));
        }
        Document tooMany = parse(post(TD05_ACTION, search("ROUSSEL-PDQ", null, null, null)).body());
        assertEquals("AE", attribute(tooMany, "typeCode"));
        assertEquals("QE", queryAck(tooMany).get("queryResponseCode"));
        assertEquals("TOO_MANY_RESULTS", attribute(tooMany, "acknowledgementDetail", "code"));
        assertTrue(text(tooMany, "acknowledgementDetail").contains("10"), text(tooMany, "acknowledgementDetail"));
        // one more criterion finds her
        assertEquals(1, found(parse(post(TD05_ACTION, search("ROUSSEL-PDQ", "ANNE3", null, null)).body())).size());

        Document noCriteria = parse(post(TD05_ACTION, search(null, null, null, null)).body());
        assertEquals("AE", attribute(noCriteria, "typeCode"));
        assertEquals("QE", queryAck(noCriteria).get("queryResponseCode"));
        assertEquals("METADATA_ERROR", attribute(noCriteria, "acknowledgementDetail", "code"));
        assertTrue(text(noCriteria, "acknowledgementDetail").contains("familyName"), text(noCriteria, "acknowledgementDetail"));

        Document badDate = parse(post(TD05_ACTION, search("ROUSSEL-PDQ", null, "1980-03-01", null)).body());
        assertEquals("METADATA_ERROR", attribute(badDate, "acknowledgementDetail", "code"));
        assertTrue(text(badDate, "acknowledgementDetail").contains("livingSubjectBirthTime"));

        String noVihf = official(TD05).replaceAll("(?s)<wsse:Security.*</wsse:Security>", "");
        HttpResponse<String> fault = post(TD05_ACTION, withMessageId(noVihf, newId()));
        assertTrue(fault.statusCode() >= 400, fault.body());
        assertTrue(fault.body().contains("IDENTITY_MISSING"), fault.body());
        assertFalse(fault.body().contains("at org."), "no stack trace: " + fault.body());
    }

    @Test
    void adminSetsAProfessionalsProfessionAndSpecialtyThatTd16Lists() throws Exception {
        String ins = newIns("2800475123450");
        AdminClient admin = new AdminClient(port);
        admin.createPatient(ins, PatientRecordState.ACTIVATED);
        HttpResponse<String> put = admin.putProfessional(ins, PROFESSIONAL, Map.of("status", "AUTHORIZED",
                "name", "LIBRE MAX", "profession", "10", "specialty", "SM26"));
        assertEquals(200, put.statusCode(), put.body());
        assertTrue(put.body().contains("\"profession\":\"10\"") && put.body().contains("\"specialty\":\"SM26\""), put.body());

        Document listed = parse(post("habilitations", TD16_ACTION, forPatient(official(TD16), ins)).body());
        Map<String, String> row = fields((Element) listed.getElementsByTagNameNS("*", "listOfAuthorizationByPatient").item(0));
        assertEquals("G15_10/SM26", row.get("codeSpeciality"));
        assertTrue(row.get("libSpeciality").startsWith("Médecin"), row.get("libSpeciality"));

        // a PUT without them keeps them; a code outside JDV_J65 is refused, naming the field
        assertTrue(admin.putProfessional(ins, PROFESSIONAL, Map.of("status", "AUTHORIZED", "name", "LIBRE MAX"))
                .body().contains("\"specialty\":\"SM26\""));
        HttpResponse<String> wrong = admin.putProfessional(ins, PROFESSIONAL, Map.of("status", "AUTHORIZED",
                "profession", "99999"));
        assertEquals(400, wrong.statusCode(), wrong.body());
        assertTrue(wrong.body().contains("profession") && wrong.body().contains("JDV_J65"), wrong.body());
    }

    // ------------------------------------------------------------------ helpers

    static Map<String, Object> record(String family, String given, String birthName, String birthDate, String gender) {
        Map<String, Object> record = new LinkedHashMap<>();
        record.put("familyName", family);
        record.put("givenName", given);
        record.put("birthName", birthName);
        record.put("birthDate", birthDate);
        record.put("gender", gender);
        record.put("state", PatientRecordState.ACTIVATED.name());
        return record;
    }

    /** The official request with these criteria (null: not sent) instead of its family name alone. */
    static String search(String family, String given, String birthTime, String gender) throws Exception {
        StringBuilder criteria = new StringBuilder();
        if (gender != null) {
            criteria.append("<livingSubjectAdministrativeGender><value code=\"").append(gender)
                    .append("\"/><semanticsText>LivingSubject.administrativeGender</semanticsText></livingSubjectAdministrativeGender>");
        }
        if (birthTime != null) {
            criteria.append("<livingSubjectBirthTime><value value=\"").append(birthTime)
                    .append("\"/><semanticsText>LivingSubject.birthTime</semanticsText></livingSubjectBirthTime>");
        }
        if (family != null || given != null) {
            criteria.append("<livingSubjectName><value>")
                    .append(family == null ? "" : "<family>" + family + "</family>")
                    .append(given == null ? "" : "<given>" + given + "</given>")
                    .append("</value><semanticsText>LivingSubject.name</semanticsText></livingSubjectName>");
        }
        return withMessageId(official(TD05).replaceAll("(?s)<parameterList>.*</parameterList>",
                "<parameterList>" + criteria + "</parameterList>"), newId());
    }

    /** The INS of each patient found, in order. */
    static List<String> found(Document answer) {
        List<String> ins = new ArrayList<>();
        NodeList patients = answer.getElementsByTagNameNS("urn:hl7-org:v3", "patient");
        for (int i = 0; i < patients.getLength(); i++) {
            NodeList ids = ((Element) patients.item(i)).getElementsByTagNameNS("urn:hl7-org:v3", "id");
            ins.add(((Element) ids.item(0)).getAttribute("extension"));
        }
        return ins;
    }

    /** The queryAck's codes and quantities, by element name. */
    static Map<String, String> queryAck(Document answer) {
        Map<String, String> values = new LinkedHashMap<>();
        Element ack = (Element) answer.getElementsByTagNameNS("*", "queryAck").item(0);
        for (var n = ack.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e) {
                values.put(e.getLocalName(), e.hasAttribute("code") ? e.getAttribute("code") : e.getAttribute("value"));
            }
        }
        return values;
    }

    /** The code or value of the first element {@code local}. */
    static String attribute(Document answer, String local) {
        Element e = (Element) answer.getElementsByTagNameNS("*", local).item(0);
        return e.hasAttribute("code") ? e.getAttribute("code") : e.getAttribute("value");
    }

    /** The code of the child {@code child} of the first element {@code local}. */
    static String attribute(Document answer, String local, String child) {
        Element e = (Element) answer.getElementsByTagNameNS("*", local).item(0);
        return ((Element) e.getElementsByTagNameNS("*", child).item(0)).getAttribute("code");
    }

    HttpResponse<String> post(String action, String body) throws Exception {
        return post("patientsPDQ", action, body);
    }

    HttpResponse<String> post(String service, String action, String body) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + BASE + service))
                .header("Content-Type", "application/soap+xml; charset=UTF-8; action=\"" + action + "\"")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build();
        return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }
}
