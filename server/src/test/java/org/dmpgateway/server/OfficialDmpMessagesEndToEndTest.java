package org.dmpgateway.server;

import org.dmpgateway.model.access.AccessMode;
import org.dmpgateway.mappings.fhir.common.FhirCodeSystems;
import org.dmpgateway.model.CodedValue;
import org.dmpgateway.server.support.FhirClient;
import org.dmpgateway.server.support.Vihf;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DocumentReference;
import org.hl7.fhir.r4.model.DomainResource;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Practitioner;
import org.hl7.fhir.r4.model.PractitionerRole;
import org.hl7.fhir.r4.model.Resource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The official DMP example requests for the document transactions ("DMP_LPS_Exemple de messages"
 * v02.05.00 of ANS / GIE SESAM-Vitale, copied in reference-examples/dmp-official/ with their
 * source) posted as they are, over plain HTTP, by the official test professional 899900063480
 * (Dr MAX LIBRE, structure 499900063480001) for the official test patient 207058575627097, whose
 * record is open and who authorised him: both come from the default seed (patients-sample.json),
 * nothing is set up here. Only what must change from one run to the next changes:
 * the WS-Addressing MessageID, the uniqueIds of the submission (a registry refuses a uniqueId
 * twice), and the identifiers the registry assigned (the entryUUID TD3.3c/d name, the repository
 * TD3.2 asks). Each answer is compared with the official answer for what it fixes: the status,
 * the objects returned and their metadata as submitted (the DMP's CX with ^NH and XON with IDNST
 * kept as sent).
 * <p>
 * The transactions run in the order a professional's software runs them: TD2.1 submits a
 * document and its XAdES signature, TD3.1 finds them, TD3.2 retrieves the document, TD3.3d
 * archives it and TD3.3c deletes it (the official TD3.3c deletes an archived document). Between
 * TD3.2 and TD3.3d, an ITI-67 search finds the same document over FHIR with its author's
 * organisation. The values of the DMP's conventions (patientId with ^NH and its date, XON with
 * IDNST, authorSpecialty code^display^OID, sourcePatientId with ^PI) come back as TD2.1 sent them,
 * in the forms of the official TD3.1 answer; TD3.3c/d answers are compared with the official ones
 * (status and error list).
 */
@SpringBootTest(classes = DmpGatewayApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestPropertySource(properties = "spring.datasource.url=jdbc:h2:mem:official-dmp;DB_CLOSE_DELAY=-1")
@DirtiesContext
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class OfficialDmpMessagesEndToEndTest {
    static final Path OFFICIAL = Path.of("../reference-examples/dmp-official/");
    static final String PATIENT = "207058575627097";
    static final String PROFESSIONAL = "899900063480";
    static final String RIM = "urn:oasis:names:tc:ebxml-regrep:xsd:rim:3.0";
    static final String SUCCESS = "urn:oasis:names:tc:ebxml-regrep:ResponseStatusType:Success";
    /** The TD2.1 capture's MIME boundary. */
    static final String BOUNDARY = "----=_Part_9_20030738.1554380517598";
    static final String DOCUMENT_UNIQUE_ID = "1.2.250.1.999.1.1.7898.3.1622814651504";
    static final String SIGNATURE_UNIQUE_ID = "1.2.250.1.999.1.1.7898.4.1622814651504";
    static final String SET_UNIQUE_ID = "1.2.250.1.999.1.1.7898.1.1622814651504";

    /** What one run submitted and the registry assigned, shared by the ordered steps. */
    static final Map<String, String> RUN = new HashMap<>();

    @LocalServerPort
    int port;

    @Value("${dmp.xds.repository-unique-id}")
    String repositoryUniqueId;

    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** The official patient, his open record and the professional's authorisation come from the default seed. */
    @BeforeEach
    void uniqueIdsOfThisRun() {
        if (RUN.isEmpty()) {
            String run = Long.toString(System.nanoTime());
            RUN.put("document", "1.2.250.1.999.1.1.7898.3." + run);
            RUN.put("signature", "1.2.250.1.999.1.1.7898.4." + run);
            RUN.put("set", "1.2.250.1.999.1.1.7898.1." + run);
        }
    }

    // ------------------------------------------------------------------ the transactions

    @Test
    @Order(1)
    void td21ProvideAndRegisterAsCaptured() throws Exception {
        String mtom = official("TD2.1_-_Alimentation_requ_te.xml")
                .replace(DOCUMENT_UNIQUE_ID, RUN.get("document"))
                .replace(SIGNATURE_UNIQUE_ID, RUN.get("signature"))
                .replace(SET_UNIQUE_ID, RUN.get("set"));
        mtom = newMessageId(mtom);
        String contentType = "multipart/related; type=\"application/xop+xml\"; start=\"<rootpart@soapui.org>\";"
                + " start-info=\"application/soap+xml\"; action=\"urn:ihe:iti:2007:ProvideAndRegisterDocumentSet-b\";"
                + " boundary=\"" + BOUNDARY + "\"";

        HttpResponse<String> response = post("iti41", contentType, mtom);

        assertEquals(200, response.statusCode(), response.body());
        Document answer = parse(soapPart(response));
        Document expected = parse(official("TD2.1_-_Alimentation_r_ponse.xml"));
        assertEquals(status(expected), status(answer), response.body());
        assertEquals(SUCCESS, status(answer));
    }

    @Test
    @Order(2)
    void td31FindDocumentsAsWritten() throws Exception {
        HttpResponse<String> response = post("iti18", soap12("urn:ihe:iti:2007:RegistryStoredQuery"),
                newMessageId(official("TD3.1_-_Recherche_de_document_requ_te.xml")));

        assertEquals(200, response.statusCode(), response.body());
        Document answer = parse(response.body());
        Document expected = parse(official("TD3.1_-_Recherche_de_document_r_ponse.xml"));
        assertEquals(status(expected), status(answer), response.body());

        List<Element> found = elements(answer, "ExtrinsicObject");
        Map<String, Element> byUniqueId = new HashMap<>();
        for (Element e : found) {
            byUniqueId.put(externalIdentifier(e, "urn:uuid:2e82c1f6-a085-4c72-9da3-8640a32e42ab"), e);
        }
        Element document = byUniqueId.get(RUN.get("document"));
        Element signature = byUniqueId.get(RUN.get("signature"));
        assertNotNull(document, "TD3.1 finds the TD2.1 document: " + response.body());
        assertNotNull(signature, "TD3.1 finds the TD2.1 signature: " + response.body());

        Element officialEntry = elements(expected, "ExtrinsicObject").get(0);
        for (Element entry : List.of(document, signature)) {
            assertEquals(officialEntry.getAttribute("objectType"), entry.getAttribute("objectType"));
            assertEquals(officialEntry.getAttribute("status"), entry.getAttribute("status"));
            assertEquals(officialEntry.getAttribute("mimeType"), entry.getAttribute("mimeType"));
            TreeSet<String> expectedSlots = slotNames(officialEntry);
            if (entry == signature) {
                expectedSlots.remove("sourcePatientInfo"); // the official TD2.1 sends none for the signature
            }
            assertTrue(slotNames(entry).containsAll(expectedSlots),
                    "the official answer's slots " + expectedSlots + ", ours " + slotNames(entry));
            assertEquals(repositoryUniqueId, slot(entry, "repositoryUniqueId"));
            assertEquals("urn:oasis:names:tc:ebxml-regrep:StatusType:Approved", entry.getAttribute("status"));
        }
        // every value of the DMP's conventions comes back as TD2.1 sent it, in the form the official
        // TD3.1 answer gives its own documents' values
        Document td21 = parse(soapPartOf(official("TD2.1_-_Alimentation_requ_te.xml")));
        Map<String, Element> submitted = new HashMap<>();
        for (Element e : elements(td21, "ExtrinsicObject")) {
            submitted.put(e.getAttribute("id"), e);
        }
        List<Element> officialEntries = elements(expected, "ExtrinsicObject");
        Map<Element, Element> sentAs = Map.of(document, submitted.get("DocumentME2"), signature, submitted.get("Signature01"));
        for (Map.Entry<Element, Element> pair : sentAs.entrySet()) {
            Element ours = pair.getKey();
            Element sent = pair.getValue();
            for (String name : List.of("authorInstitution", "authorPerson", "authorSpecialty", "legalAuthenticator",
                    "sourcePatientId")) {
                if (slotValues(sent, name).isEmpty()) {
                    continue;
                }
                assertEquals(slotValues(sent, name), slotValues(ours, name), name + " as TD2.1 sent it");
                // the official answer's documents have the forms of TD2.1's document (its signature's
                // sourcePatientId, the INS with NH and a date, has no counterpart there)
                for (String value : ours == document ? slotValues(ours, name) : List.<String>of()) {
                    assertTrue(officialEntries.stream().flatMap(o -> slotValues(o, name).stream())
                                    .anyMatch(o -> shape(o).equals(shape(value))),
                            name + " " + value + " has the form of the official TD3.1 answer's " + name);
                }
            }
            assertEquals(slotValues(sent, "sourcePatientInfo"), slotValues(ours, "sourcePatientInfo"));
            String patientId = externalIdentifier(ours, "urn:uuid:58a6f841-87b3-4a3e-92fd-a8ffeff98427");
            assertEquals(externalIdentifier(sent, "urn:uuid:58a6f841-87b3-4a3e-92fd-a8ffeff98427"), patientId,
                    "the patientId as TD2.1 sent it");
            assertTrue(officialEntries.stream()
                            .map(o -> externalIdentifier(o, "urn:uuid:58a6f841-87b3-4a3e-92fd-a8ffeff98427"))
                            .anyMatch(o -> shape(o).equals(shape(patientId))),
                    "the patientId " + patientId + " has the form of the official TD3.1 answer's");
        }
        assertEquals("CABINET DR LIBRE^^^^^&1.2.250.1.71.4.2.2&ISO^IDNST^^^499900063480001",
                slot(document, "authorInstitution"));
        assertEquals("G15_10/SM26^Médecin - Qualifié en Médecine Générale (SM)^1.2.250.1.213.1.1.4.5",
                slot(document, "authorSpecialty"));
        assertEquals(PATIENT + "^^^&1.2.250.1.213.1.4.10&ISO^NH^^20100907",
                externalIdentifier(document, "urn:uuid:58a6f841-87b3-4a3e-92fd-a8ffeff98427"));
        assertEquals("0456789999^^^&1.2.250.1.999.1.1.7898.2&ISO^PI", slot(document, "sourcePatientId"));
        assertEquals(PATIENT + "^^^&1.2.250.1.213.1.4.10&ISO^NH^^20100907", slot(signature, "sourcePatientId"));
        assertEquals("fr-FR", slot(document, "languageCode"));
        assertEquals("20100319194535", slot(document, "creationTime"));
        RUN.put("documentEntryUuid", document.getAttribute("id"));
        RUN.put("td31", "passed");
    }

    @Test
    @Order(3)
    void td32RetrieveAsWritten() throws Exception {
        String request = newMessageId(official("TD3.2_-_Consultation_d_un_document_requ_te.xml"))
                .replace("1.2.250.1.999.1.1.7898.1.995657292", RUN.get("document"))
                .replace("1.2.250.1.213.4.1.1.1.2", repositoryUniqueId);

        HttpResponse<String> response = post("iti43", soap12("urn:ihe:iti:2007:RetrieveDocumentSet"), request);

        assertEquals(200, response.statusCode(), response.body());
        String soap = soapPart(response);
        Document answer = parse(soap);
        Document expected = parse(official("TD3.2_-_Consultation_d_un_document_r_ponse.xml"));
        assertEquals(status(expected), status(answer), soap);
        assertEquals(RUN.get("document"), text(answer, "urn:ihe:iti:xds-b:2007", "DocumentUniqueId"));
        assertEquals(repositoryUniqueId, text(answer, "urn:ihe:iti:xds-b:2007", "RepositoryUniqueId"));
        assertEquals("text/xml", text(answer, "urn:ihe:iti:xds-b:2007", "mimeType"));
        String cda = official("TD2.1-DocumentME2.xml");
        assertTrue(response.body().contains("Exemple de Document CDA R2 non Structure"),
                "the retrieved content is the submitted CDA");
        assertFalse(cda.isEmpty());
    }

    /**
     * The same document over FHIR (ITI-67, HAPI's generic client, the official professional's token):
     * its author's organisation carries the structure id TD2.1 sent in authorInstitution, typed IDNST
     * (FR Core identifier type), and the specialty its display name and code system.
     */
    @Test
    @Order(4)
    void iti67FindsTheSameDocumentWithItsAuthorOrganisation() {
        assertNotNull(RUN.get("td31"), "ITI-67 finds the document TD2.1 submitted");
        Vihf libre = new Vihf(Vihf.OFFICIAL_PROFESSIONAL, "LIBRE MAX", Vihf.MEDECIN,
                new CodedValue("SM26", "1.2.250.1.71.4.2.5", "Qualifié en Médecine Générale (SM)"),
                Vihf.OFFICIAL_STRUCTURE, "SA07^1.2.250.1.71.4.2.4", PATIENT, "1.2.250.1.213.1.4.10",
                AccessMode.NORMAL, null);

        Bundle found = FhirClient.as(port, libre).search().forResource(DocumentReference.class)
                .where(DocumentReference.PATIENT.hasChainedProperty(Patient.IDENTIFIER.exactly()
                        .systemAndIdentifier("urn:oid:1.2.250.1.213.1.4.10", PATIENT)))
                .and(DocumentReference.STATUS.exactly().code("current"))
                .returnBundle(Bundle.class).execute();

        DocumentReference document = found.getEntry().stream().map(e -> (DocumentReference) e.getResource())
                .filter(d -> ("urn:oid:" + RUN.get("document")).equals(d.getMasterIdentifier().getValue()))
                .findFirst().orElseThrow(() -> new AssertionError("ITI-67 does not find the TD2.1 document"));
        PractitionerRole role = (PractitionerRole) contained(document, document.getAuthorFirstRep().getReference());
        Organization organisation = (Organization) contained(document, role.getOrganization().getReference());
        assertEquals("CABINET DR LIBRE", organisation.getName());
        Identifier structure = organisation.getIdentifierFirstRep();
        assertEquals("urn:oid:1.2.250.1.71.4.2.2", structure.getSystem());
        assertEquals(Vihf.OFFICIAL_STRUCTURE, structure.getValue());
        assertEquals("IDNST", structure.getType().getCodingFirstRep().getCode());
        assertEquals("https://hl7.fr/ig/fhir/core/CodeSystem/fr-core-cs-v2-0203",
                structure.getType().getCodingFirstRep().getSystem());
        Practitioner author = (Practitioner) contained(document, role.getPractitioner().getReference());
        assertEquals(Vihf.OFFICIAL_PROFESSIONAL, author.getIdentifierFirstRep().getValue());
        Coding specialty = role.getSpecialtyFirstRep().getCodingFirstRep();
        assertEquals("G15_10/SM26", specialty.getCode());
        assertEquals("Médecin - Qualifié en Médecine Générale (SM)", specialty.getDisplay());
        assertEquals(FhirCodeSystems.toUri("1.2.250.1.213.1.1.4.5"), specialty.getSystem());
    }

    static Resource contained(DomainResource container, String reference) {
        return container.getContained().stream()
                .filter(r -> reference.equals("#" + r.getIdElement().getIdPart()) || reference.equals(r.getId()))
                .findFirst().orElseThrow(() -> new AssertionError("no contained resource " + reference));
    }

    @Test
    @Order(5)
    void td33dArchiveAsWritten() throws Exception {
        assertNotNull(RUN.get("td31"), "TD3.3d archives the document TD3.1 found");
        String request = newMessageId(official("TD3.3d_-_Archiver_un_document_requ_te.xml"))
                .replace("urn:uuid:fe5287a2-ae6a-11eb-8f5d-0050569e422e", RUN.get("documentEntryUuid"))
                .replace("1.2.250.1.999.1.1.7898.1.11086546546895", RUN.get("set") + ".4");

        HttpResponse<String> response = post("iti57", soap12("urn:ihe:iti:2010:UpdateDocumentSet"), request);

        assertEquals(200, response.statusCode(), response.body());
        Document expected = parse(official("TD3.3d_-_Archiver_un_document_r_ponse.xml"));
        Document answer = parse(response.body());
        assertEquals(status(expected), status(answer), response.body());
        assertEquals(errorCodes(expected), errorCodes(answer), response.body());
        assertEquals(List.of(), errorCodes(answer));
    }

    @Test
    @Order(6)
    void td33cDeleteAsWritten() throws Exception {
        assertNotNull(RUN.get("td31"), "TD3.3c deletes the document TD3.1 found");
        String request = newMessageId(official("TD3.3c_-_Supprimer_un_document_requ_te.xml"))
                .replace("urn:uuid:fe5287a2-ae6a-11eb-8f5d-0050569e422e", RUN.get("documentEntryUuid"))
                .replace("1.2.250.1.999.1.1.7898.3.20180518163612.3", RUN.get("set") + ".5");

        HttpResponse<String> response = post("iti57", soap12("urn:ihe:iti:2010:UpdateDocumentSet"), request);

        assertEquals(200, response.statusCode(), response.body());
        Document expected = parse(official("TD3.3c_-_Supprimer_un_document_r_ponse.xml"));
        Document answer = parse(response.body());
        assertEquals(status(expected), status(answer), response.body());
        assertEquals(errorCodes(expected), errorCodes(answer), response.body());
        assertEquals(List.of(), errorCodes(answer));

        HttpResponse<String> find = post("iti18", soap12("urn:ihe:iti:2007:RegistryStoredQuery"),
                newMessageId(official("TD3.1_-_Recherche_de_document_requ_te.xml")));
        assertFalse(find.body().contains(RUN.get("documentEntryUuid")), "a deleted document is no longer found");
    }

    // ------------------------------------------------------------------ helpers

    static String official(String file) throws Exception {
        return Files.readString(OFFICIAL.resolve(file), StandardCharsets.UTF_8);
    }

    static String newMessageId(String message) {
        return message.replaceFirst("(<MessageID[^>]*>)urn:uuid:[0-9a-f-]+", "$1urn:uuid:" + UUID.randomUUID());
    }

    static String soap12(String action) {
        return "application/soap+xml; charset=UTF-8; action=\"" + action + "\"";
    }

    HttpResponse<String> post(String service, String contentType, String body) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/services/" + service))
                .timeout(Duration.ofSeconds(30)).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build();
        return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    /** The SOAP envelope of an answer, MTOM or not. */
    static String soapPart(HttpResponse<String> response) {
        String body = response.body();
        Matcher m = Pattern.compile("(?s)(<(\\w+:)?Envelope.*?</(\\w+:)?Envelope>)").matcher(body);
        assertTrue(m.find(), "no SOAP envelope in " + body);
        return m.group(1);
    }

    static Document parse(String xml) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newDefaultInstance();
        f.setNamespaceAware(true);
        return f.newDocumentBuilder().parse(new InputSource(new StringReader(xml)));
    }

    /** The status of the RegistryResponse / AdhocQueryResponse / RetrieveDocumentSetResponse. */
    static String status(Document d) {
        for (String local : new String[]{"RegistryResponse", "AdhocQueryResponse"}) {
            NodeList l = d.getElementsByTagNameNS("*", local);
            if (l.getLength() > 0) {
                return ((Element) l.item(0)).getAttribute("status");
            }
        }
        return null;
    }

    /** The errorCodes of the RegistryErrors, in order. */
    static List<String> errorCodes(Document d) {
        NodeList l = d.getElementsByTagNameNS("*", "RegistryError");
        List<String> out = new ArrayList<>();
        for (int i = 0; i < l.getLength(); i++) {
            out.add(((Element) l.item(i)).getAttribute("errorCode"));
        }
        return out;
    }

    /** The SOAP envelope of a message, e.g. of the TD2.1 MTOM capture. */
    static String soapPartOf(String message) {
        Matcher m = Pattern.compile("(?s)(<(\\w+:)?Envelope.*?</(\\w+:)?Envelope>)").matcher(message);
        assertTrue(m.find(), "no SOAP envelope in the message");
        return m.group(1);
    }

    /**
     * The HL7v2 form of a value: each component and sub-component's content replaced by {@code x},
     * the identifier type codes and the universal id type kept (NH, PI, IDNST, IDNPS, ISO, D...),
     * e.g. {@code x^^^&x&ISO^NH^^x} for {@code 207058575627097^^^&1.2.250.1.213.1.4.10&ISO^NH^^20100907}.
     */
    static String shape(String value) {
        StringBuilder out = new StringBuilder();
        for (String part : value.split("(?<=[\\^&])|(?=[\\^&])")) {
            out.append(part.equals("^") || part.equals("&") || part.matches("NH|PI|IDNST|IDNPS|EI|ISO|D|L") ? part
                    : part.isEmpty() ? "" : "x");
        }
        return out.toString();
    }

    static List<String> slotValues(Element entry, String name) {
        List<String> out = new ArrayList<>();
        NodeList l = entry.getElementsByTagNameNS(RIM, "Slot");
        for (int i = 0; i < l.getLength(); i++) {
            Element slot = (Element) l.item(i);
            if (name.equals(slot.getAttribute("name"))) {
                NodeList values = slot.getElementsByTagNameNS(RIM, "Value");
                for (int j = 0; j < values.getLength(); j++) {
                    out.add(values.item(j).getTextContent().trim());
                }
            }
        }
        return out;
    }

    static List<Element> elements(Document d, String local) {
        NodeList l = d.getElementsByTagNameNS(RIM, local);
        List<Element> out = new ArrayList<>();
        for (int i = 0; i < l.getLength(); i++) {
            out.add((Element) l.item(i));
        }
        return out;
    }

    static String text(Document d, String ns, String local) {
        NodeList l = d.getElementsByTagNameNS(ns, local);
        return l.getLength() == 0 ? null : l.item(0).getTextContent().trim();
    }

    static TreeSet<String> slotNames(Element entry) {
        TreeSet<String> names = new TreeSet<>();
        NodeList l = entry.getElementsByTagNameNS(RIM, "Slot");
        for (int i = 0; i < l.getLength(); i++) {
            Element slot = (Element) l.item(i);
            if (slot.getParentNode() == entry || "Classification".equals(slot.getParentNode().getLocalName())) {
                names.add(slot.getAttribute("name"));
            }
        }
        names.remove("codingScheme");
        return names;
    }

    /** The first value of a slot of the entry or of its classifications. */
    static String slot(Element entry, String name) {
        NodeList l = entry.getElementsByTagNameNS(RIM, "Slot");
        for (int i = 0; i < l.getLength(); i++) {
            Element slot = (Element) l.item(i);
            if (name.equals(slot.getAttribute("name"))) {
                return slot.getElementsByTagNameNS(RIM, "Value").item(0).getTextContent().trim();
            }
        }
        return null;
    }

    static String externalIdentifier(Element entry, String scheme) {
        NodeList l = entry.getElementsByTagNameNS(RIM, "ExternalIdentifier");
        for (int i = 0; i < l.getLength(); i++) {
            Element e = (Element) l.item(i);
            if (scheme.equals(e.getAttribute("identificationScheme"))) {
                return e.getAttribute("value");
            }
        }
        return null;
    }
}
