package org.dmpgateway.xds.vihf;

import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;
import org.apache.cxf.headers.Header;
import org.dmpgateway.model.CoreEndpoints;
import org.dmpgateway.model.access.AccessContext;
import org.dmpgateway.model.access.CallerSoftware;
import org.dmpgateway.model.access.AccessMode;
import org.dmpgateway.model.error.DmpErrorCode;
import org.dmpgateway.model.error.DmpException;
import org.dmpgateway.model.CodedValue;
import org.dmpgateway.model.PatientRef;
import org.openehealth.ipf.platform.camel.ihe.ws.AbstractWsEndpoint;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;
import org.springframework.stereotype.Component;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Reads the caller's identity from the VIHF, the SAML 2.0 assertion of the DMP, into an
 * {@link AccessContext}.
 * <ul>
 *   <li>As a Camel {@link Processor} in the XDS routes: finds the {@code saml2:Assertion} in the
 *       incoming {@code wsse:Security} SOAP header and sets the header
 *       {@link CoreEndpoints#ACCESS_CONTEXT}.</li>
 *   <li>{@link #read(Element)} for an assertion at hand, {@link #readBase64(String)} for the
 *       {@code Authorization: IHE-SAML <base64>} of the REST endpoints.</li>
 * </ul>
 * The assertion is the DMP's VIHF 3.0 as the official example tokens write it (reference-examples/
 * dmp-official/Exemples_Jeton_VIHF, docs/identity.md): {@code VIHF_Version} 3.0,
 * {@code Authentification_mode} DIRECTE, INDIRECTE or INDIRECTE_RENFORCEE ({@link AuthenticationMode}:
 * the indirect modes need {@code subject-id}), {@code Ressource_URN} urn:dmp.
 * <p>
 * Errors are {@link DmpException}s: IDENTITY_MISSING (no assertion), IDENTITY_INVALID (an
 * attribute missing or malformed, named by its exact {@code Name}; an ambiguous identity: several
 * security headers or assertions), IDENTITY_UNTRUSTED (signature
 * required and absent, invalid or by an untrusted certificate; assertion out of its Conditions).
 * <p>
 * With {@code dmp.vihf.require-signature=false} (sandboxes only: dmp.sandbox=true) unsigned assertions
 * are accepted and a signature, if present, is not checked. With {@code true} the assertion must
 * carry an enveloped XML-DSig signature by a certificate of {@code dmp.vihf.trust-store} (or one
 * issued by it), and its Conditions NotBefore/NotOnOrAfter, when given, must hold (with
 * {@link #CLOCK_SKEW} of tolerance).
 * <p>
 * The INS key and the access policy are not checked here: the core does that.
 */
@Component
public class VihfReader implements Processor {
    private static final Logger LOG = LoggerFactory.getLogger(VihfReader.class);

    /** Tolerance on the assertion's Conditions when signatures are required. */
    public static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

    static final String NO_ASSERTION = "the request carries no VIHF assertion in its WS-Security header";
    private static final String ALLOWED_MODES = Arrays.stream(AccessMode.values()).map(AccessMode::code)
            .collect(Collectors.joining(", "));

    private final VihfSignatureVerifier signatures;
    private final Clock clock;

    /**
     * The Spring constructor: the settings {@code dmp.vihf.*}. With require-signature and no trust
     * store the start fails with a message saying what to set.
     */
    @Autowired
    public VihfReader(@Value("${dmp.vihf.require-signature:true}") boolean requireSignature,
                      @Value("${dmp.vihf.trust-store:}") String trustStore,
                      @Value("${dmp.vihf.trust-store-password:}") String trustStorePassword,
                      @Value("${dmp.vihf.trust-store-type:PKCS12}") String trustStoreType,
                      ResourceLoader resources) {
        this(requireSignature, loadTrustStore(requireSignature, trustStore, trustStorePassword, trustStoreType, resources),
                Clock.systemUTC());
        if (requireSignature) {
            LOG.info("VIHF assertions must be signed by one of the {} certificates of {} (or a certificate they issued)",
                    signatures.anchorCount(), trustStore);
        } else {
            LOG.warn("VIHF signatures are not checked (dmp.vihf.require-signature=false): for sandboxes only");
        }
    }

    /**
     * A reader with its settings given directly.
     *
     * @param requireSignature whether assertions must be signed
     * @param trustStore       the certificates trusted to sign them (or to issue the signers'); required
     *                         when {@code requireSignature}, ignored otherwise
     */
    public VihfReader(boolean requireSignature, KeyStore trustStore) {
        this(requireSignature, trustStore, Clock.systemUTC());
    }

    VihfReader(boolean requireSignature, KeyStore trustStore, Clock clock) {
        if (requireSignature && trustStore == null) {
            throw new IllegalStateException(missingTrustStore());
        }
        this.signatures = requireSignature ? new VihfSignatureVerifier(trustStore) : null;
        this.clock = clock;
    }

    /** A reader for sandboxes: unsigned assertions accepted, signatures not checked. */
    public static VihfReader unsigned() {
        return new VihfReader(false, null);
    }

    public boolean requiresSignature() {
        return signatures != null;
    }

    // ------------------------------------------------------------------ entry points

    /** Sets {@link CoreEndpoints#ACCESS_CONTEXT} from the VIHF of the incoming SOAP request. */
    @Override
    public void process(Exchange exchange) {
        Message message = exchange.getMessage();
        message.setHeader(CoreEndpoints.ACCESS_CONTEXT, read(assertionInSoapHeaders(message)));
    }

    /**
     * The identity of an assertion element.
     *
     * @throws DmpException IDENTITY_MISSING (null), IDENTITY_INVALID, IDENTITY_UNTRUSTED
     */
    public AccessContext read(Element assertion) {
        if (assertion == null) {
            throw new DmpException(DmpErrorCode.IDENTITY_MISSING, NO_ASSERTION);
        }
        if (!VihfNames.SAML2_NS.equals(assertion.getNamespaceURI()) || !"Assertion".equals(assertion.getLocalName())) {
            throw invalid("the identity is not a SAML 2.0 Assertion but {" + assertion.getNamespaceURI() + "}"
                    + assertion.getLocalName());
        }
        if (signatures != null) {
            signatures.verify(assertion);
            checkConditions(assertion);
        }
        Map<String, List<Element>> attributes = attributeValues(assertion);

        String actorId = nameId(assertion);
        version(attributes);
        AuthenticationMode authentication = authenticationMode(attributes);
        String actorName = text(attributes, VihfNames.SUBJECT_ID, authentication.requiresSubjectId());
        List<CodedValue> roles = roles(attributes);
        String structureId = text(attributes, VihfNames.STRUCTURE_ID, true);
        String sector = text(attributes, VihfNames.ACTIVITY_SECTOR, true);
        PatientRef patient = parseCx(text(attributes, VihfNames.RESOURCE_ID, true));
        resourceUrn(attributes);
        AccessMode mode = purposeOfUse(attributes);
        String justification = text(attributes, VihfNames.ACCESS_REASON, false);
        CallerSoftware software = software(text(attributes, VihfNames.SOFTWARE_NAME, false),
                text(attributes, VihfNames.SOFTWARE_VERSION, false), text(attributes, VihfNames.SOFTWARE_ID, false),
                text(attributes, VihfNames.SOFTWARE_HOMOLOGATION, false));
        LOG.debug("VIHF of {} ({}, {}), software {}", actorId, authentication, mode.code(), software);
        return new AccessContext(actorId, actorName, roles.get(0), roles.size() > 1 ? roles.get(1) : null,
                structureId, sector, patient, mode, justification, software);
    }

    /**
     * The identity of a base64-encoded assertion (the value of {@code Authorization: IHE-SAML ...}),
     * parsed without DTD nor external entities.
     *
     * @throws DmpException IDENTITY_MISSING (null or blank), IDENTITY_INVALID (not base64, not XML,
     *                      not an assertion, or as {@link #read(Element)}), IDENTITY_UNTRUSTED
     */
    public AccessContext readBase64(String base64) {
        if (base64 == null || base64.isBlank()) {
            throw new DmpException(DmpErrorCode.IDENTITY_MISSING, "the request carries no VIHF assertion");
        }
        byte[] xml;
        try {
            xml = Base64.getDecoder().decode(base64.replaceAll("\\s", "").getBytes(StandardCharsets.US_ASCII));
        } catch (IllegalArgumentException e) {
            throw invalid("the VIHF assertion is not valid base64: " + e.getMessage());
        }
        Document document;
        try {
            document = SecureXml.parse(xml);
        } catch (SAXException | IOException e) {
            throw invalid("the VIHF assertion is not well-formed XML (or declares a DTD): " + e.getMessage());
        }
        return read(document.getDocumentElement());
    }

    // ------------------------------------------------------------------ SOAP header

    /**
     * The {@code saml2:Assertion} under the incoming {@code wsse:Security} header, or null. An
     * ambiguous identity is refused: several {@code wsse:Security} headers (marked by
     * {@link VihfSecurityHeaderInterceptor}), or several assertions in the header.
     */
    static Element assertionInSoapHeaders(Message message) {
        Object headers = message.getHeader(AbstractWsEndpoint.INCOMING_SOAP_HEADERS);
        if (!(headers instanceof Map<?, ?> byName) || !(byName.get(VihfNames.SECURITY_HEADER) instanceof Header security)) {
            return null;
        }
        return assertionIn(security);
    }

    /**
     * The identity of the VIHF in the incoming SOAP headers of a plain CXF (JAX-WS) service, as
     * {@link #process} for the IPF routes: the one {@code wsse:Security} header (several are marked
     * by {@link VihfSecurityHeaderInterceptor}, which such a service must carry too) and its one
     * assertion.
     *
     * @throws DmpException IDENTITY_MISSING, IDENTITY_INVALID, IDENTITY_UNTRUSTED
     */
    public AccessContext readSoapHeaders(List<Header> headers) {
        Header security = headers == null ? null : headers.stream()
                .filter(h -> VihfNames.SECURITY_HEADER.equals(h.getName())).findFirst().orElse(null);
        return read(security == null ? null : assertionIn(security));
    }

    private static Element assertionIn(Header security) {
        if (security.getObject() instanceof VihfSecurityHeaderInterceptor.SeveralSecurityHeaders several) {
            throw invalid("the request carries " + several.count() + " wsse:Security headers, expected one holding"
                    + " one VIHF: the identity is ambiguous");
        }
        if (!(security.getObject() instanceof Element securityElement)) {
            return null;
        }
        List<Element> assertions = children(securityElement, VihfNames.SAML2_NS, "Assertion");
        if (assertions.size() > 1) {
            throw invalid("the WS-Security header carries " + assertions.size()
                    + " SAML assertions, expected one VIHF: the identity is ambiguous");
        }
        return assertions.isEmpty() ? null : assertions.get(0);
    }

    // ------------------------------------------------------------------ attributes

    private static String nameId(Element assertion) {
        List<Element> subjects = children(assertion, VihfNames.SAML2_NS, "Subject");
        List<Element> nameIds = subjects.isEmpty() ? List.of()
                : children(subjects.get(0), VihfNames.SAML2_NS, "NameID");
        if (nameIds.isEmpty()) {
            throw invalid("the VIHF assertion has no " + VihfNames.NAME_ID + " (the professional's identifier)");
        }
        String value = nameIds.get(0).getTextContent().trim();
        if (value.isEmpty()) {
            throw invalid("the VIHF assertion's " + VihfNames.NAME_ID + " is empty");
        }
        return value;
    }

    /** The AttributeValue elements of each Attribute Name, in document order (repeated Attributes merged). */
    private static Map<String, List<Element>> attributeValues(Element assertion) {
        Map<String, List<Element>> byName = new LinkedHashMap<>();
        for (Element statement : children(assertion, VihfNames.SAML2_NS, "AttributeStatement")) {
            for (Element attribute : children(statement, VihfNames.SAML2_NS, "Attribute")) {
                byName.computeIfAbsent(attribute.getAttribute("Name"), n -> new ArrayList<>())
                        .addAll(children(attribute, VihfNames.SAML2_NS, "AttributeValue"));
            }
        }
        return byName;
    }

    /** The one AttributeValue of {@code name}: null if absent and optional. */
    private static Element single(Map<String, List<Element>> attributes, String name, boolean mandatory) {
        List<Element> values = attributes.getOrDefault(name, List.of());
        if (values.isEmpty()) {
            if (mandatory) {
                throw invalid("the VIHF assertion lacks the mandatory attribute " + name);
            }
            return null;
        }
        if (values.size() > 1) {
            throw invalid("the attribute " + name + " carries " + values.size() + " values, expected one");
        }
        return values.get(0);
    }

    private static String text(Map<String, List<Element>> attributes, String name, boolean mandatory) {
        Element value = single(attributes, name, mandatory);
        String text = value == null ? "" : value.getTextContent().trim();
        if (text.isEmpty()) {
            if (mandatory) {
                throw invalid("the attribute " + name + " is empty");
            }
            return null;
        }
        return text;
    }

    /** 1st: the profession (mandatory); 2nd: the specialty (optional). */
    private static List<CodedValue> roles(Map<String, List<Element>> attributes) {
        List<Element> values = attributes.getOrDefault(VihfNames.ROLE, List.of());
        if (values.isEmpty()) {
            throw invalid("the VIHF assertion lacks the mandatory attribute " + VihfNames.ROLE + " (the profession)");
        }
        if (values.size() > 2) {
            throw invalid("the attribute " + VihfNames.ROLE + " carries " + values.size()
                    + " roles, expected the profession and at most one specialty");
        }
        List<CodedValue> roles = new ArrayList<>();
        for (Element value : values) {
            roles.add(coded(value, VihfNames.ROLE, "Role"));
        }
        return roles;
    }

    private static AccessMode purposeOfUse(Map<String, List<Element>> attributes) {
        CodedValue purpose = coded(single(attributes, VihfNames.PURPOSE_OF_USE, true), VihfNames.PURPOSE_OF_USE,
                "PurposeOfUse");
        AccessMode mode = AccessMode.fromCode(purpose.code());
        if (mode == null) {
            throw invalid("the attribute " + VihfNames.PURPOSE_OF_USE + " has the code '" + purpose.code()
                    + "', expected one of " + ALLOWED_MODES);
        }
        if (!AccessMode.CODE_SYSTEM.equals(purpose.codeSystem())) {
            throw invalid("the attribute " + VihfNames.PURPOSE_OF_USE + " has the codeSystem '" + purpose.codeSystem()
                    + "', expected " + AccessMode.CODE_SYSTEM + " (TRE_R248_ModeAcces)");
        }
        return mode;
    }

    /** The HL7 v3 CE element {@code <localName code codeSystem displayName/>} held by an AttributeValue. */
    private static CodedValue coded(Element value, String attributeName, String localName) {
        List<Element> elements = children(value, VihfNames.HL7_NS, localName);
        if (elements.size() != 1) {
            throw invalid("each value of the attribute " + attributeName + " must hold one <" + localName
                    + " xmlns=\"" + VihfNames.HL7_NS + "\" code=\"..\" codeSystem=\"..\"/>");
        }
        Element ce = elements.get(0);
        String code = ce.getAttribute("code").trim();
        String codeSystem = ce.getAttribute("codeSystem").trim();
        if (code.isEmpty() || codeSystem.isEmpty()) {
            throw invalid("the " + localName + " of the attribute " + attributeName + " needs a code and a codeSystem");
        }
        String display = ce.getAttribute("displayName").trim();
        return new CodedValue(code, codeSystem, display.isEmpty() ? null : display);
    }

    /** {@code INS^^^&OID&ISO^NH} to the INS and its authority's OID; the INS key is the core's business. */
    static PatientRef parseCx(String cx) {
        try {
            return PatientRef.fromCx(cx);
        } catch (IllegalArgumentException e) {
            throw invalid("the attribute " + VihfNames.RESOURCE_ID + " is not a patient CX INS^^^&OID&ISO^NH: '"
                    + cx + "'");
        }
    }

    /** VIHF_Version: 3.0, the version of the DMP's official tokens. */
    private static void version(Map<String, List<Element>> attributes) {
        String version = text(attributes, VihfNames.VIHF_VERSION, true);
        if (!VihfNames.VERSION_3_0.equals(version)) {
            throw invalid("the attribute " + VihfNames.VIHF_VERSION + " is '" + version + "', expected "
                    + VihfNames.VERSION_3_0 + " (the DMP's VIHF)");
        }
    }

    /** Authentification_mode, spelled as in the official tokens (a capital M is named in the error). */
    private static AuthenticationMode authenticationMode(Map<String, List<Element>> attributes) {
        if (!attributes.containsKey(VihfNames.AUTHENTICATION_MODE)
                && attributes.containsKey(VihfNames.AUTHENTICATION_MODE_MISSPELLED)) {
            throw invalid("the VIHF assertion lacks the mandatory attribute " + VihfNames.AUTHENTICATION_MODE
                    + ": it carries " + VihfNames.AUTHENTICATION_MODE_MISSPELLED
                    + ", the VIHF 3.0 spelling is " + VihfNames.AUTHENTICATION_MODE + " (lower-case m)");
        }
        String value = text(attributes, VihfNames.AUTHENTICATION_MODE, true);
        AuthenticationMode mode = AuthenticationMode.of(value);
        if (mode == null) {
            throw invalid("the attribute " + VihfNames.AUTHENTICATION_MODE + " is '" + value + "', expected one of "
                    + AuthenticationMode.ALLOWED);
        }
        return mode;
    }

    /** Ressource_URN: urn:dmp. */
    private static void resourceUrn(Map<String, List<Element>> attributes) {
        String urn = text(attributes, VihfNames.RESOURCE_URN, true);
        if (!VihfNames.URN_DMP.equals(urn)) {
            throw invalid("the attribute " + VihfNames.RESOURCE_URN + " is '" + urn + "', expected "
                    + VihfNames.URN_DMP);
        }
    }

    /**
     * The calling software: "LPS_Nom LPS_Version" (either alone when the other is absent), the
     * installation id (LPS_ID) and the DMP homologation number (LPS_ID_HOMOLOGATION_DMP); null when
     * none is given.
     */
    static CallerSoftware software(String name, String version, String installation, String homologation) {
        String nameAndVersion = name == null ? version : version == null ? name : name + " " + version;
        return CallerSoftware.of(nameAndVersion, installation, homologation);
    }

    // ------------------------------------------------------------------ signed mode

    private void checkConditions(Element assertion) {
        List<Element> conditions = children(assertion, VihfNames.SAML2_NS, "Conditions");
        if (conditions.isEmpty()) {
            return;
        }
        Instant now = clock.instant();
        Instant notBefore = instant(conditions.get(0), "NotBefore");
        Instant notOnOrAfter = instant(conditions.get(0), "NotOnOrAfter");
        if (notBefore != null && now.plus(CLOCK_SKEW).isBefore(notBefore)) {
            throw VihfSignatureVerifier.untrusted("the VIHF assertion is not valid before " + notBefore);
        }
        if (notOnOrAfter != null && !now.minus(CLOCK_SKEW).isBefore(notOnOrAfter)) {
            throw VihfSignatureVerifier.untrusted("the VIHF assertion expired at " + notOnOrAfter);
        }
    }

    private static Instant instant(Element conditions, String attribute) {
        String value = conditions.getAttribute(attribute).trim();
        if (value.isEmpty()) {
            return null;
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw invalid("the assertion's Conditions/@" + attribute + " is not an xs:dateTime in UTC: '" + value + "'");
        }
    }

    // ------------------------------------------------------------------ configuration

    private static KeyStore loadTrustStore(boolean required, String location, String password, String type,
                                           ResourceLoader resources) {
        if (location == null || location.isBlank()) {
            if (required) {
                throw new IllegalStateException(missingTrustStore());
            }
            return null;
        }
        Resource resource = resources.getResource(location);
        if (!resource.exists()) {
            throw new IllegalStateException("the VIHF trust store dmp.vihf.trust-store=" + location + " does not exist");
        }
        try (InputStream in = resource.getInputStream()) {
            KeyStore store = KeyStore.getInstance(type == null || type.isBlank() ? "PKCS12" : type);
            store.load(in, password == null ? new char[0] : password.toCharArray());
            return store;
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("the VIHF trust store " + location + " (type " + type
                    + ") cannot be loaded, check dmp.vihf.trust-store-password and -type: " + e.getMessage(), e);
        }
    }

    private static String missingTrustStore() {
        return "dmp.vihf.require-signature is true but no dmp.vihf.trust-store is configured: set it to a keystore"
                + " (PKCS12 by default, e.g. file:/etc/dmp-gateway/vihf-trust.p12) holding the certificates allowed"
                + " to sign VIHF assertions or their issuers, or set dmp.vihf.require-signature=false (sandbox only)";
    }

    // ------------------------------------------------------------------ DOM helpers

    static List<Element> children(Element parent, String namespace, String localName) {
        List<Element> found = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n.getNodeType() == Node.ELEMENT_NODE && namespace.equals(n.getNamespaceURI())
                    && localName.equals(n.getLocalName())) {
                found.add((Element) n);
            }
        }
        return found;
    }

    private static DmpException invalid(String message) {
        return new DmpException(DmpErrorCode.IDENTITY_INVALID, message);
    }
}
