package org.dmpgateway.benchmark;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/**
 * The VIHF a professional's software puts in the {@code wsse:Security} header of every SOAP
 * request: an unsigned SAML 2.0 assertion (the server is a sandbox with
 * {@code dmp.vihf.require-signature=false}) naming the professional (NameID, subject-id, the
 * profession and specialty as HL7 Roles), the structure, the patient (resource-id) and the access
 * mode (purposeofuse {@code normal}). Attribute names: docs/access-policy.md.
 */
final class Vihf {
    static final String WSSE_NS = "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd";

    private Vihf() {
    }

    /** The whole {@code wsse:Security} header element for a request about this patient. */
    static String securityHeader(String ins) {
        return "<wsse:Security xmlns:wsse=\"" + WSSE_NS + "\">" + assertion(ins) + "</wsse:Security>";
    }

    static String assertion(String ins) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        return "<saml2:Assertion xmlns:saml2=\"urn:oasis:names:tc:SAML:2.0:assertion\""
                + " xmlns:xs=\"http://www.w3.org/2001/XMLSchema\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\""
                + " ID=\"_" + UUID.randomUUID() + "\" IssueInstant=\"" + now + "\" Version=\"2.0\">"
                + "<saml2:Issuer Format=\"urn:oasis:names:tc:SAML:1.1:nameid-format:X509SubjectName\">"
                + "CN=CABINET MEDICAL DR DURANT,OU=" + Catalog.STRUCTURE_ID + ",O=CABINET MEDICAL DR DURANT,C=FR</saml2:Issuer>"
                + "<saml2:Subject><saml2:NameID Format=\"urn:oasis:names:tc:SAML:1.1:nameid-format:unspecified\">"
                + Catalog.ACTOR_ID + "</saml2:NameID>"
                + "<saml2:SubjectConfirmation Method=\"urn:oasis:names:tc:SAML:2.0:cm:sender-vouches\"/></saml2:Subject>"
                + "<saml2:Conditions NotBefore=\"" + now.minus(1, ChronoUnit.MINUTES) + "\" NotOnOrAfter=\""
                + now.plus(2, ChronoUnit.HOURS) + "\"/>"
                + "<saml2:AuthnStatement AuthnInstant=\"" + now + "\"><saml2:AuthnContext><saml2:AuthnContextClassRef>"
                + "urn:oasis:names:tc:SAML:2.0:ac:classes:SmartcardPKI</saml2:AuthnContextClassRef></saml2:AuthnContext>"
                + "</saml2:AuthnStatement>"
                + "<saml2:AttributeStatement>"
                + text("VIHF_Version", "3.0")
                + text("Authentification_mode", "INDIRECTE")
                + text("Identifiant_Structure", Catalog.STRUCTURE_ID)
                + text("Secteur_Activite", "SA07^1.2.250.1.71.4.2.4")
                + text("urn:oasis:names:tc:xspa:1.0:subject:subject-id", Catalog.ACTOR_NAME)
                + "<saml2:Attribute Name=\"urn:oasis:names:tc:xacml:2.0:subject:role\">"
                + "<saml2:AttributeValue><Role xmlns=\"urn:hl7-org:v3\" code=\"10\" codeSystem=\"1.2.250.1.71.1.2.7\""
                + " codeSystemName=\"TRE_G15-ProfessionSante\" displayName=\"Médecin\" xsi:type=\"CE\"/></saml2:AttributeValue>"
                + "<saml2:AttributeValue><Role xmlns=\"urn:hl7-org:v3\" code=\"SM54\" codeSystem=\"1.2.250.1.71.4.2.5\""
                + " codeSystemName=\"TRE_R01-SavoirFaire\" displayName=\"Médecine générale (SM)\" xsi:type=\"CE\"/>"
                + "</saml2:AttributeValue></saml2:Attribute>"
                + text("urn:oasis:names:tc:xacml:2.0:resource:resource-id", ins + "^^^&amp;" + Ins.AUTHORITY + "&amp;ISO^NH")
                + text("Ressource_URN", "urn:dmp")
                + "<saml2:Attribute Name=\"urn:oasis:names:tc:xspa:1.0:subject:purposeofuse\"><saml2:AttributeValue>"
                + "<PurposeOfUse xmlns=\"urn:hl7-org:v3\" code=\"normal\" codeSystem=\"1.2.250.1.213.1.1.4.248\""
                + " codeSystemName=\"mode acces VIHF 2.0\" displayName=\"Accès normal\" xsi:type=\"CE\"/>"
                + "</saml2:AttributeValue></saml2:Attribute>"
                + text("LPS_Nom", "DMP-BENCHMARK")
                + text("LPS_Version", "0.1")
                + "</saml2:AttributeStatement></saml2:Assertion>";
    }

    private static String text(String name, String escapedValue) {
        return "<saml2:Attribute Name=\"" + name + "\"><saml2:AttributeValue xsi:type=\"xs:string\">" + escapedValue
                + "</saml2:AttributeValue></saml2:Attribute>";
    }
}
