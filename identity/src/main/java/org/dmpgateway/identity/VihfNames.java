package org.dmpgateway.identity;

import javax.xml.namespace.QName;

/**
 * The namespaces and the {@code Attribute@Name}s of the VIHF (SAML 2.0 assertion of the DMP's
 * identity, "Volet d'Identification des Habilitations et de la Fonction"), as listed in
 * the official VIHF 3.0 example tokens of the DMP ("DMP_LPS_Exemple de messages" v02.05.00, folder
 * Exemples_Jeton_VIHF, copied in reference-examples/dmp-official/): the names are spelled exactly as
 * there (e.g. {@code Authentification_mode}, lower-case m). See docs/identity.md.
 */
public final class VihfNames {
    public static final String SAML2_NS = "urn:oasis:names:tc:SAML:2.0:assertion";
    public static final String WSSE_NS = "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd";
    public static final String HL7_NS = "urn:hl7-org:v3";
    public static final String XMLDSIG_NS = "http://www.w3.org/2000/09/xmldsig#";

    /** The SOAP header that carries the assertion. */
    public static final QName SECURITY_HEADER = new QName(WSSE_NS, "Security");

    /** "Nom, Prénom" of the user: mandatory in the INDIRECTE modes, absent from the official DIRECTE tokens. */
    public static final String SUBJECT_ID = "urn:oasis:names:tc:xspa:1.0:subject:subject-id";
    /** Repeated HL7 {@code Role}: 1st the profession, 2nd the specialty. */
    public static final String ROLE = "urn:oasis:names:tc:xacml:2.0:subject:role";
    public static final String STRUCTURE_ID = "Identifiant_Structure";
    public static final String ACTIVITY_SECTOR = "Secteur_Activite";
    /** The patient's INS as a CX {@code INS^^^&OID&ISO^NH}. */
    public static final String RESOURCE_ID = "urn:oasis:names:tc:xacml:2.0:resource:resource-id";
    /** HL7 {@code PurposeOfUse}: the access mode (TRE_R248). */
    public static final String PURPOSE_OF_USE = "urn:oasis:names:tc:xspa:1.0:subject:purposeofuse";
    public static final String ACCESS_REASON = "Mode_Acces_Raison";
    public static final String SOFTWARE_NAME = "LPS_Nom";
    /** Serial number or installation identifier of the software. */
    public static final String SOFTWARE_ID = "LPS_ID";
    /** The software's DMP homologation number, kept with the software identification. */
    public static final String SOFTWARE_HOMOLOGATION = "LPS_ID_HOMOLOGATION_DMP";
    public static final String SOFTWARE_VERSION = "LPS_Version";
    public static final String VIHF_VERSION = "VIHF_Version";
    /** DIRECTE, INDIRECTE or INDIRECTE_RENFORCEE: see {@link AuthenticationMode}. */
    public static final String AUTHENTICATION_MODE = "Authentification_mode";
    /** A spelling seen outside the official tokens, refused with a message naming {@link #AUTHENTICATION_MODE}. */
    public static final String AUTHENTICATION_MODE_MISSPELLED = "Authentification_Mode";
    /** The only VIHF version of the DMP's official tokens. */
    public static final String VERSION_3_0 = "3.0";
    /** The only Ressource_URN of the DMP. */
    public static final String URN_DMP = "urn:dmp";
    public static final String RESOURCE_URN = "Ressource_URN";

    /** How the NameID is named in error messages. */
    public static final String NAME_ID = "Subject/NameID";

    private VihfNames() {
    }
}
