package org.dmpgateway.server.support;

import org.dmpgateway.model.access.AccessMode;
import org.dmpgateway.model.CodedValue;
import org.dmpgateway.identity.VihfNames;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

import javax.xml.XMLConstants;
import javax.xml.crypto.dsig.CanonicalizationMethod;
import javax.xml.crypto.dsig.DigestMethod;
import javax.xml.crypto.dsig.Reference;
import javax.xml.crypto.dsig.SignatureMethod;
import javax.xml.crypto.dsig.SignedInfo;
import javax.xml.crypto.dsig.Transform;
import javax.xml.crypto.dsig.XMLSignatureFactory;
import javax.xml.crypto.dsig.dom.DOMSignContext;
import javax.xml.crypto.dsig.keyinfo.KeyInfoFactory;
import javax.xml.crypto.dsig.spec.C14NMethodParameterSpec;
import javax.xml.crypto.dsig.spec.TransformParameterSpec;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

/**
 * A VIHF (the DMP's SAML 2.0 identity assertion) for the end-to-end tests: who asks, for which
 * patient, in which mode. Immutable; the {@code with...}/{@code as}/{@code forPatient} methods
 * return a changed copy. {@link #toElement()} renders a fresh {@code saml2:Assertion} DOM element
 * at every call (DOM is not thread-safe: concurrent requests must not share one element);
 * {@link #signedWith} renders it signed (enveloped XML-DSig, exc-c14n, rsa-sha256). The attributes
 * are those of the official VIHF 3.0 tokens (reference-examples/dmp-official/Exemples_Jeton_VIHF),
 * in the INDIRECTE mode (a structure's certificate, so subject-id is given); docs/identity.md.
 *
 * @param actorId        Subject/NameID, the professional's national identifier
 * @param actorName      subject-id, "NOM, Prénom"
 * @param profession     1st role (TRE_G15 profession, or another JDV_J65 role)
 * @param specialty      2nd role (savoir-faire TRE_R01, CNOP section TRE_G05), or null
 * @param structureId    Identifiant_Structure
 * @param activitySector Secteur_Activite, e.g. {@code SA07^1.2.250.1.71.4.2.4}, or null
 * @param patientIns     the patient of resource-id
 * @param patientOid     the INS authority of resource-id
 * @param mode           purposeofuse
 * @param justification  Mode_Acces_Raison, or null
 */
public record Vihf(String actorId, String actorName, CodedValue profession, CodedValue specialty, String structureId,
                   String activitySector, String patientIns, String patientOid, AccessMode mode, String justification) {

    /** TRE_G15 profession 10. */
    public static final CodedValue MEDECIN = new CodedValue("10", "1.2.250.1.71.1.2.7", "Médecin");
    /** TRE_G15 profession 60 (no second role). */
    public static final CodedValue INFIRMIER = new CodedValue("60", "1.2.250.1.71.1.2.7", "Infirmier");
    /** TRE_G15 profession 21. */
    public static final CodedValue PHARMACIEN = new CodedValue("21", "1.2.250.1.71.1.2.7", "Pharmacien");
    /** TRE_R01 savoir-faire SM54. */
    public static final CodedValue MEDECINE_GENERALE = new CodedValue("SM54", "1.2.250.1.71.4.2.5", "Médecine générale (SM)");

    /** TRE_G15 profession 40. */
    public static final CodedValue CHIRURGIEN_DENTISTE = new CodedValue("40", "1.2.250.1.71.1.2.7", "Chirurgien-Dentiste");
    /** The other professionals of the end-to-end suites: a dentist, another doctor, the admin doctor. */
    public static final String DENTIST = "810001111111";
    public static final String OTHER_DOCTOR = "810002222222";
    public static final String ADMIN_DOCTOR = "810003333333";

    public static final String DURANT = "810002345678";
    public static final String DURANT_NAME = "DURANT, Romuald";
    public static final String DURANT_STRUCTURE = "1750100125";
    public static final String SECTOR_CABINET = "SA07^1.2.250.1.71.4.2.4";

    /** The official test professional of the DMP example messages (Dr MAX LIBRE) and his structure. */
    public static final String OFFICIAL_PROFESSIONAL = "899900063480";
    public static final String OFFICIAL_STRUCTURE = "499900063480001";
    /** The official test patient of the DMP example messages (in the default seed). */
    public static final String OFFICIAL_PATIENT = "207058575627097";

    public Vihf {
        if (actorId == null || profession == null || patientIns == null || patientOid == null || mode == null) {
            throw new IllegalArgumentException("a test VIHF needs an actor, a profession, a patient and a mode");
        }
    }

    /** Dr DURANT Romuald, general practitioner of his own practice, normal access to {@code ins} (INS-NIR-TEST). */
    public static Vihf doctor(String ins) {
        return new Vihf(DURANT, DURANT_NAME, MEDECIN, MEDECINE_GENERALE, DURANT_STRUCTURE, SECTOR_CABINET, ins,
                SampleSubmissions.INS_OID, AccessMode.NORMAL, null);
    }

    public Vihf withMode(AccessMode newMode) {
        return new Vihf(actorId, actorName, profession, specialty, structureId, activitySector, patientIns, patientOid,
                newMode, justification);
    }

    public Vihf withJustification(String text) {
        return new Vihf(actorId, actorName, profession, specialty, structureId, activitySector, patientIns, patientOid,
                mode, text);
    }

    /** The same professional for another patient of the same INS authority. */
    public Vihf forPatient(String ins) {
        return forPatient(ins, patientOid);
    }

    public Vihf forPatient(String ins, String oid) {
        return new Vihf(actorId, actorName, profession, specialty, structureId, activitySector, ins, oid, mode,
                justification);
    }

    /** Dr MOREAU Jeanne, chirurgien-dentiste, same structure, patient and mode. */
    public Vihf asDentist() {
        return as(DENTIST, "MOREAU, Jeanne", CHIRURGIEN_DENTISTE, null);
    }

    /** Dr PETIT Louis, another general practitioner, same structure, patient and mode. */
    public Vihf asOtherDoctor() {
        return as(OTHER_DOCTOR, "PETIT, Louis", MEDECIN, MEDECINE_GENERALE);
    }

    /** Dr LAMBERT Sophie, the general practitioner the suites make the patient's admin doctor. */
    public Vihf asAdminDoctor() {
        return as(ADMIN_DOCTOR, "LAMBERT, Sophie", MEDECIN, MEDECINE_GENERALE);
    }

    /** Another professional of the same structure (specialty may be null). */
    public Vihf as(String newActorId, String newActorName, CodedValue newProfession, CodedValue newSpecialty) {
        return new Vihf(newActorId, newActorName, newProfession, newSpecialty, structureId, activitySector, patientIns,
                patientOid, mode, justification);
    }

    public Vihf inStructure(String newStructureId, String newActivitySector) {
        return new Vihf(actorId, actorName, profession, specialty, newStructureId, newActivitySector, patientIns,
                patientOid, mode, justification);
    }

    /** resource-id: {@code INS^^^&OID&ISO^NH}. */
    public String patientCx() {
        return patientIns + "^^^&" + patientOid + "&ISO^NH";
    }

    // ------------------------------------------------------------------ rendering

    /** A fresh, unsigned {@code saml2:Assertion} element (the root of its own document). */
    public Element toElement() {
        Document d = newDocument();
        String saml = VihfNames.SAML2_NS;
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Element assertion = d.createElementNS(saml, "saml2:Assertion");
        d.appendChild(assertion);
        // Namespace declarations are written as attributes: the signature's c14n sees only those,
        // and must see what the serialised XML will declare.
        assertion.setAttributeNS(XMLConstants.XMLNS_ATTRIBUTE_NS_URI, "xmlns:saml2", saml);
        assertion.setAttributeNS(XMLConstants.XMLNS_ATTRIBUTE_NS_URI, "xmlns:xs", XMLConstants.W3C_XML_SCHEMA_NS_URI);
        assertion.setAttributeNS(XMLConstants.XMLNS_ATTRIBUTE_NS_URI, "xmlns:xsi", XMLConstants.W3C_XML_SCHEMA_INSTANCE_NS_URI);
        assertion.setAttribute("ID", "_" + UUID.randomUUID());
        assertion.setAttribute("IssueInstant", now.toString());
        assertion.setAttribute("Version", "2.0");

        Element issuer = child(assertion, saml, "saml2:Issuer", "CN=" + structureId + ",O=DMP Gateway tests,C=FR");
        issuer.setAttribute("Format", "urn:oasis:names:tc:SAML:1.1:nameid-format:X509SubjectName");
        Element subject = child(assertion, saml, "saml2:Subject", null);
        child(subject, saml, "saml2:NameID", actorId)
                .setAttribute("Format", "urn:oasis:names:tc:SAML:1.1:nameid-format:unspecified");
        child(subject, saml, "saml2:SubjectConfirmation", null)
                .setAttribute("Method", "urn:oasis:names:tc:SAML:2.0:cm:sender-vouches");
        Element conditions = child(assertion, saml, "saml2:Conditions", null);
        conditions.setAttribute("NotBefore", now.minus(Duration.ofMinutes(1)).toString());
        conditions.setAttribute("NotOnOrAfter", now.plus(Duration.ofHours(2)).toString());
        Element authn = child(assertion, saml, "saml2:AuthnStatement", null);
        authn.setAttribute("AuthnInstant", now.toString());
        child(child(authn, saml, "saml2:AuthnContext", null), saml, "saml2:AuthnContextClassRef",
                "urn:oasis:names:tc:SAML:2.0:ac:classes:unspecified");

        Element statement = child(assertion, saml, "saml2:AttributeStatement", null);
        text(statement, VihfNames.VIHF_VERSION, "3.0");
        text(statement, VihfNames.AUTHENTICATION_MODE, "INDIRECTE");
        text(statement, VihfNames.STRUCTURE_ID, structureId);
        text(statement, VihfNames.ACTIVITY_SECTOR, activitySector);
        text(statement, VihfNames.SUBJECT_ID, actorName);
        Element roles = attribute(statement, VihfNames.ROLE);
        coded(roles, "Role", profession);
        if (specialty != null) {
            coded(roles, "Role", specialty);
        }
        text(statement, VihfNames.RESOURCE_ID, patientCx());
        text(statement, VihfNames.RESOURCE_URN, "urn:dmp");
        coded(attribute(statement, VihfNames.PURPOSE_OF_USE), "PurposeOfUse",
                new CodedValue(mode.code(), AccessMode.CODE_SYSTEM, switch (mode) {
                    case NORMAL -> "Accès normal";
                    case BREAK_GLASS -> "Accès en bris de glace";
                    case SAMU_REGULATION -> "Accès par un centre de régulation médicale";
                }));
        text(statement, VihfNames.ACCESS_REASON, justification);
        text(statement, VihfNames.SOFTWARE_NAME, "DMP Gateway tests");
        text(statement, VihfNames.SOFTWARE_VERSION, "1.0");
        text(statement, VihfNames.SOFTWARE_ID, "DMPGW-TESTS-01");
        text(statement, VihfNames.SOFTWARE_HOMOLOGATION, "NumAutorisation");
        return assertion;
    }

    /** The assertion signed with {@code key}, {@code certificate} in KeyInfo/X509Data. */
    public Element signedWith(PrivateKey key, X509Certificate certificate) {
        Element assertion = toElement();
        try {
            XMLSignatureFactory f = XMLSignatureFactory.getInstance("DOM");
            Reference reference = f.newReference("#" + assertion.getAttribute("ID"),
                    f.newDigestMethod(DigestMethod.SHA256, null),
                    List.of(f.newTransform(Transform.ENVELOPED, (TransformParameterSpec) null),
                            f.newTransform(CanonicalizationMethod.EXCLUSIVE, (TransformParameterSpec) null)),
                    null, null);
            SignedInfo signedInfo = f.newSignedInfo(
                    f.newCanonicalizationMethod(CanonicalizationMethod.EXCLUSIVE, (C14NMethodParameterSpec) null),
                    f.newSignatureMethod(SignatureMethod.RSA_SHA256, null), List.of(reference));
            KeyInfoFactory kif = f.getKeyInfoFactory();
            Element afterIssuer = (Element) assertion.getFirstChild().getNextSibling(); // the Subject
            DOMSignContext context = new DOMSignContext(key, assertion, afterIssuer);
            context.setDefaultNamespacePrefix("ds");
            context.setIdAttributeNS(assertion, null, "ID");
            f.newXMLSignature(signedInfo, kif.newKeyInfo(List.of(kif.newX509Data(List.of(certificate))))).sign(context);
            return assertion;
        } catch (GeneralSecurityException | javax.xml.crypto.MarshalException | javax.xml.crypto.dsig.XMLSignatureException e) {
            throw new IllegalStateException("cannot sign the test VIHF", e);
        }
    }

    /** The assertion as XML text. */
    public String toXml() {
        return toXml(toElement());
    }

    public static String toXml(Element assertion) {
        try {
            var t = TransformerFactory.newDefaultInstance().newTransformer();
            t.setOutputProperty(OutputKeys.OMIT_XML_DECLARATION, "yes");
            StringWriter out = new StringWriter();
            t.transform(new DOMSource(assertion), new StreamResult(out));
            return out.toString();
        } catch (javax.xml.transform.TransformerException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The value of {@code Authorization} for the REST endpoints: {@code IHE-SAML <base64 of the assertion>}. */
    public String authorizationHeader() {
        return authorizationHeader(toElement());
    }

    public static String authorizationHeader(Element assertion) {
        return "IHE-SAML " + Base64.getEncoder().encodeToString(toXml(assertion).getBytes(StandardCharsets.UTF_8));
    }

    /** A {@code wsse:Security} element (root of its own document) holding {@code assertion}. */
    public static Element securityHeader(Element assertion) {
        Document d = newDocument();
        Element security = d.createElementNS(VihfNames.WSSE_NS, "wsse:Security");
        security.setAttributeNS(XMLConstants.XMLNS_ATTRIBUTE_NS_URI, "xmlns:wsse", VihfNames.WSSE_NS);
        d.appendChild(security);
        security.appendChild(d.importNode(assertion, true));
        return security;
    }

    private static Document newDocument() {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newDefaultInstance();
            f.setNamespaceAware(true);
            return f.newDocumentBuilder().newDocument();
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Element child(Element parent, String ns, String qualifiedName, String text) {
        Element e = parent.getOwnerDocument().createElementNS(ns, qualifiedName);
        if (text != null) {
            e.setTextContent(text);
        }
        parent.appendChild(e);
        return e;
    }

    private static Element attribute(Element statement, String name) {
        Element a = child(statement, VihfNames.SAML2_NS, "saml2:Attribute", null);
        a.setAttribute("Name", name);
        return a;
    }

    /** An attribute with one xs:string value; nothing when the value is null. */
    private static void text(Element statement, String name, String value) {
        if (value == null) {
            return;
        }
        Element v = child(attribute(statement, name), VihfNames.SAML2_NS, "saml2:AttributeValue", value);
        v.setAttributeNS(XMLConstants.W3C_XML_SCHEMA_INSTANCE_NS_URI, "xsi:type", "xs:string");
    }

    /** One more AttributeValue holding an HL7 v3 CE element. */
    private static void coded(Element attribute, String localName, CodedValue value) {
        Element v = child(attribute, VihfNames.SAML2_NS, "saml2:AttributeValue", null);
        Element ce = child(v, VihfNames.HL7_NS, localName, null);
        ce.setAttributeNS(XMLConstants.XMLNS_ATTRIBUTE_NS_URI, "xmlns", VihfNames.HL7_NS);
        ce.setAttribute("code", value.code());
        ce.setAttribute("codeSystem", value.codeSystem());
        if (value.displayName() != null) {
            ce.setAttribute("displayName", value.displayName());
        }
        ce.setAttributeNS(XMLConstants.W3C_XML_SCHEMA_INSTANCE_NS_URI, "xsi:type", "CE");
    }
}
