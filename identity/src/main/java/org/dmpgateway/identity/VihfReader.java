package org.dmpgateway.identity;

import org.dmpgateway.config.DmpProperties;
import org.dmpgateway.model.access.AccessContext;
import org.dmpgateway.model.error.DmpErrorCode;
import org.dmpgateway.model.error.DmpException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.ResourceLoader;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.xml.sax.SAXException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.KeyStore;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.List;

/**
 * Reads the caller's identity from the VIHF, the SAML 2.0 assertion of the DMP, into an
 * {@link AccessContext}, for every adapter: {@link #readSecurityHeaders(List)} for the
 * {@code wsse:Security} SOAP headers (the XDS routes, the DMP administrative services),
 * {@link #readBase64(String)} for the {@code Authorization: IHE-SAML <base64>} of the REST
 * endpoints, {@link #read(Element)} for an assertion at hand. No SOAP stack here: each adapter hands
 * the headers it received.
 * <p>
 * The jobs are split: {@link SecurityHeaders} finds the one assertion, {@link SecureXml} parses a
 * caller's XML, {@link VihfSignatureVerifier} and {@link AssertionConditions} verify (signed mode),
 * {@link VihfAssertionParser} turns the attributes into the access context, {@link VihfTrustStore}
 * loads the trust store of the {@code dmp.vihf.*} settings ({@link IdentityConfiguration}).
 * <p>
 * Errors are {@link DmpException}s: IDENTITY_MISSING (no assertion), IDENTITY_INVALID (an
 * attribute missing or malformed, named by its exact {@code Name}; an ambiguous identity: several
 * security headers or assertions), IDENTITY_UNTRUSTED (signature required and absent, invalid or by
 * an untrusted certificate; assertion out of its Conditions).
 * <p>
 * With {@code dmp.vihf.require-signature=false} (sandboxes only: dmp.sandbox=true) unsigned
 * assertions are accepted and a signature, if present, is not checked. With {@code true} the
 * assertion must carry an enveloped XML-DSig signature by a certificate of
 * {@code dmp.vihf.trust-store} (or one issued by it), and its Conditions NotBefore/NotOnOrAfter, when
 * given, must hold (with {@link #CLOCK_SKEW} of tolerance).
 */
public class VihfReader {
    private static final Logger LOG = LoggerFactory.getLogger(VihfReader.class);

    /** Tolerance on the assertion's Conditions when signatures are required. */
    public static final Duration CLOCK_SKEW = AssertionConditions.CLOCK_SKEW;

    static final String NO_ASSERTION = "the request carries no VIHF assertion in its WS-Security header";

    private final VihfSignatureVerifier signatures;
    private final AssertionConditions conditions;

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
            throw new IllegalStateException(VihfTrustStore.missing());
        }
        this.signatures = requireSignature ? new VihfSignatureVerifier(trustStore) : null;
        this.conditions = new AssertionConditions(clock);
    }

    /**
     * The reader of the {@code dmp.vihf.*} settings. With require-signature and no usable trust
     * store the start fails with a message saying what to set.
     */
    public static VihfReader configured(DmpProperties.Vihf settings, ResourceLoader resources) {
        VihfReader reader = new VihfReader(settings.requireSignature(), VihfTrustStore.load(settings, resources));
        if (reader.requiresSignature()) {
            LOG.info("VIHF assertions must be signed by one of the {} certificates of {} (or a certificate they issued)",
                    reader.signatures.anchorCount(), settings.trustStore());
        } else {
            LOG.warn("VIHF signatures are not checked (dmp.vihf.require-signature=false): for sandboxes only");
        }
        return reader;
    }

    /** A reader for sandboxes: unsigned assertions accepted, signatures not checked. */
    public static VihfReader unsigned() {
        return new VihfReader(false, null);
    }

    public boolean requiresSignature() {
        return signatures != null;
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
            throw VihfAssertionParser.invalid("the identity is not a SAML 2.0 Assertion but {"
                    + assertion.getNamespaceURI() + "}" + assertion.getLocalName());
        }
        if (signatures != null) {
            signatures.verify(assertion);
            conditions.check(assertion);
        }
        return VihfAssertionParser.parse(assertion);
    }

    /**
     * The identity of the VIHF in the {@code wsse:Security} SOAP headers of a request: the one header
     * and its one assertion.
     *
     * @param contents the content of each {@code wsse:Security} header of the request (its DOM
     *                 element; any other object counts as a header without assertion)
     * @throws DmpException IDENTITY_MISSING, IDENTITY_INVALID (several headers or assertions, or as
     *                      {@link #read(Element)}), IDENTITY_UNTRUSTED
     */
    public AccessContext readSecurityHeaders(List<?> contents) {
        return read(SecurityHeaders.assertionIn(contents));
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
            throw VihfAssertionParser.invalid("the VIHF assertion is not valid base64: " + e.getMessage());
        }
        Document document;
        try {
            document = SecureXml.parse(xml);
        } catch (SAXException | IOException e) {
            throw VihfAssertionParser.invalid("the VIHF assertion is not well-formed XML (or declares a DTD): "
                    + e.getMessage());
        }
        return read(document.getDocumentElement());
    }
}
