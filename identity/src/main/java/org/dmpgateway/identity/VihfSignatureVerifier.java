package org.dmpgateway.identity;

import org.dmpgateway.model.error.Causes;
import org.dmpgateway.model.error.DmpErrorCode;
import org.dmpgateway.model.error.DmpException;
import org.w3c.dom.Element;

import javax.xml.crypto.AlgorithmMethod;
import javax.xml.crypto.KeySelector;
import javax.xml.crypto.KeySelectorException;
import javax.xml.crypto.KeySelectorResult;
import javax.xml.crypto.MarshalException;
import javax.xml.crypto.XMLCryptoContext;
import javax.xml.crypto.dsig.CanonicalizationMethod;
import javax.xml.crypto.dsig.DigestMethod;
import javax.xml.crypto.dsig.Reference;
import javax.xml.crypto.dsig.SignatureMethod;
import javax.xml.crypto.dsig.Transform;
import javax.xml.crypto.dsig.XMLSignature;
import javax.xml.crypto.dsig.XMLSignatureException;
import javax.xml.crypto.dsig.XMLSignatureFactory;
import javax.xml.crypto.dsig.dom.DOMValidateContext;
import javax.xml.crypto.dsig.keyinfo.KeyInfo;
import javax.xml.crypto.dsig.keyinfo.X509Data;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.KeyStoreException;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;

/**
 * Checks the enveloped XML-DSig signature of a VIHF assertion with the JDK's
 * {@code javax.xml.crypto.dsig}: one {@code ds:Signature} child of the Assertion, one Reference to
 * {@code #<Assertion ID>} with only the enveloped and exclusive c14n transforms, an SHA-2 digest
 * and signature method, and the certificate of KeyInfo/X509Data equal to a trust-store
 * certificate or issued (signed) by one. Every refusal is IDENTITY_UNTRUSTED with its reason.
 */
final class VihfSignatureVerifier {
    private static final Set<String> TRANSFORMS = Set.of(Transform.ENVELOPED, CanonicalizationMethod.EXCLUSIVE,
            CanonicalizationMethod.EXCLUSIVE_WITH_COMMENTS);
    private static final Set<String> CANONICALIZATIONS = Set.of(CanonicalizationMethod.EXCLUSIVE,
            CanonicalizationMethod.EXCLUSIVE_WITH_COMMENTS);
    private static final Set<String> DIGESTS = Set.of(DigestMethod.SHA256, DigestMethod.SHA384, DigestMethod.SHA512);
    private static final Set<String> SIGNATURE_METHODS = Set.of(SignatureMethod.RSA_SHA256, SignatureMethod.RSA_SHA384,
            SignatureMethod.RSA_SHA512, SignatureMethod.ECDSA_SHA256, SignatureMethod.ECDSA_SHA384,
            SignatureMethod.ECDSA_SHA512);

    private final List<X509Certificate> anchors;

    VihfSignatureVerifier(KeyStore trustStore) {
        this.anchors = certificates(trustStore);
        if (anchors.isEmpty()) {
            throw new IllegalStateException("the VIHF trust store (dmp.vihf.trust-store) holds no certificate");
        }
    }

    int anchorCount() {
        return anchors.size();
    }

    private static List<X509Certificate> certificates(KeyStore store) {
        List<X509Certificate> found = new ArrayList<>();
        try {
            for (String alias : Collections.list(store.aliases())) {
                if (store.getCertificate(alias) instanceof X509Certificate cert) {
                    found.add(cert);
                }
            }
        } catch (KeyStoreException e) {
            throw new IllegalStateException("the VIHF trust store cannot be read: " + e.getMessage(), e);
        }
        return List.copyOf(found);
    }

    void verify(Element assertion) {
        String id = assertion.getAttributeNS(null, "ID");
        if (id.isBlank()) {
            throw untrusted("the assertion has no ID attribute, so no signature can refer to it");
        }
        List<Element> signatures = Dom.children(assertion, VihfNames.XMLDSIG_NS, "Signature");
        if (signatures.isEmpty()) {
            throw untrusted("the VIHF assertion is not signed (no ds:Signature in the Assertion)"
                    + " and this gateway requires signed assertions (dmp.vihf.require-signature=true)");
        }
        if (signatures.size() > 1) {
            throw untrusted("the VIHF assertion carries " + signatures.size() + " ds:Signature elements, expected one");
        }
        DOMValidateContext context = new DOMValidateContext(new TrustingKeySelector(anchors), signatures.get(0));
        context.setIdAttributeNS(assertion, null, "ID");
        context.setProperty("org.jcp.xml.dsig.secureValidation", Boolean.TRUE);

        XMLSignature signature;
        try {
            signature = XMLSignatureFactory.getInstance("DOM").unmarshalXMLSignature(context);
        } catch (MarshalException e) {
            throw untrusted("the ds:Signature of the assertion is malformed: " + e.getMessage());
        }
        checkShape(signature, id);

        boolean valid;
        try {
            valid = signature.validate(context);
        } catch (XMLSignatureException e) {
            KeySelectorException keyProblem = Causes.find(e, KeySelectorException.class);
            throw untrusted(keyProblem != null ? keyProblem.getMessage()
                    : "the signature of the assertion cannot be checked: " + e.getMessage());
        }
        if (!valid) {
            boolean signatureValue;
            boolean digest;
            try {
                signatureValue = signature.getSignatureValue().validate(context);
                digest = ((Reference) signature.getSignedInfo().getReferences().get(0)).validate(context);
            } catch (XMLSignatureException e) {
                throw untrusted("the signature of the assertion is not valid: " + e.getMessage());
            }
            if (!signatureValue) {
                throw untrusted("the signature value does not match the signed content and the certificate's key");
            }
            throw untrusted(digest ? "the signature of the assertion is not valid"
                    : "the assertion was modified after it was signed (digest mismatch)");
        }
    }

    /** Only the shape of a SAML enveloped signature: no other reference, transform or weak algorithm. */
    private static void checkShape(XMLSignature signature, String id) {
        var info = signature.getSignedInfo();
        if (!CANONICALIZATIONS.contains(info.getCanonicalizationMethod().getAlgorithm())) {
            throw untrusted("the signature's canonicalization " + info.getCanonicalizationMethod().getAlgorithm()
                    + " is not exclusive c14n");
        }
        if (!SIGNATURE_METHODS.contains(info.getSignatureMethod().getAlgorithm())) {
            throw untrusted("the signature method " + info.getSignatureMethod().getAlgorithm()
                    + " is not accepted (RSA or ECDSA with SHA-256, -384 or -512)");
        }
        List<?> references = info.getReferences();
        if (references.size() != 1) {
            throw untrusted("the signature has " + references.size() + " references, expected one to the assertion");
        }
        Reference reference = (Reference) references.get(0);
        if (!("#" + id).equals(reference.getURI())) {
            throw untrusted("the signature refers to '" + reference.getURI() + "', not to the assertion (#" + id + ")");
        }
        if (!DIGESTS.contains(reference.getDigestMethod().getAlgorithm())) {
            throw untrusted("the digest method " + reference.getDigestMethod().getAlgorithm()
                    + " is not accepted (SHA-256, -384 or -512)");
        }
        for (Object t : reference.getTransforms()) {
            String algorithm = ((Transform) t).getAlgorithm();
            if (!TRANSFORMS.contains(algorithm)) {
                throw untrusted("the signature uses the transform " + algorithm
                        + "; only enveloped-signature and exclusive c14n are accepted");
            }
        }
    }

    static DmpException untrusted(String reason) {
        return new DmpException(DmpErrorCode.IDENTITY_UNTRUSTED, reason);
    }

    /** Gives the key of the KeyInfo certificate, once that certificate is found trusted and in its validity period. */
    private static final class TrustingKeySelector extends KeySelector {
        private final List<X509Certificate> anchors;

        TrustingKeySelector(List<X509Certificate> anchors) {
            this.anchors = anchors;
        }

        @Override
        public KeySelectorResult select(KeyInfo keyInfo, Purpose purpose, AlgorithmMethod method,
                                        XMLCryptoContext context) throws KeySelectorException {
            X509Certificate certificate = signingCertificate(keyInfo);
            try {
                certificate.checkValidity();
            } catch (CertificateExpiredException | CertificateNotYetValidException e) {
                throw new KeySelectorException("the signing certificate " + certificate.getSubjectX500Principal()
                        + " is outside its validity period (" + certificate.getNotBefore() + " to "
                        + certificate.getNotAfter() + ")");
            }
            if (!trusted(certificate)) {
                throw new KeySelectorException("the signing certificate " + certificate.getSubjectX500Principal()
                        + " (issuer " + certificate.getIssuerX500Principal()
                        + ") is neither in the VIHF trust store nor issued by one of its certificates");
            }
            return certificate::getPublicKey;
        }

        private static X509Certificate signingCertificate(KeyInfo keyInfo) throws KeySelectorException {
            if (keyInfo != null) {
                for (Object content : keyInfo.getContent()) {
                    if (content instanceof X509Data data) {
                        for (Object item : data.getContent()) {
                            if (item instanceof X509Certificate certificate) {
                                return certificate;
                            }
                        }
                    }
                }
            }
            throw new KeySelectorException("the signature carries no certificate: KeyInfo/X509Data/X509Certificate is required");
        }

        private boolean trusted(X509Certificate certificate) {
            for (X509Certificate anchor : anchors) {
                if (anchor.equals(certificate)) {
                    return true;
                }
                if (anchor.getSubjectX500Principal().equals(certificate.getIssuerX500Principal())) {
                    try {
                        certificate.verify(anchor.getPublicKey());
                        return true;
                    } catch (GeneralSecurityException notSignedByThisAnchor) {
                        // another certificate of the store may have the same subject: keep looking
                    }
                }
            }
            return false;
        }
    }
}
