package org.dmpgateway.identity;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

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
import javax.xml.transform.OutputKeys;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import java.io.InputStream;
import java.io.StringWriter;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;

/**
 * The VIHF of the tests: {@code vihf/durant.xml} (Dr DURANT, patient 279035121518989, every
 * attribute the reader knows) and the DOM edits the tests make to it, plus an enveloped XML-DSig
 * signer (exc-c14n, rsa-sha256, the certificate in KeyInfo/X509Data).
 */
public final class VihfFixture {
    private VihfFixture() {
    }

    public static Document durant() {
        try (InputStream in = VihfFixture.class.getResourceAsStream("/vihf/durant.xml")) {
            DocumentBuilderFactory f = DocumentBuilderFactory.newDefaultInstance();
            f.setNamespaceAware(true);
            return f.newDocumentBuilder().parse(in);
        } catch (Exception e) {
            throw new IllegalStateException("cannot read the test VIHF", e);
        }
    }

    public static Element assertion(Document document) {
        return document.getDocumentElement();
    }

    /** The saml2:Attribute named {@code name}. */
    public static Element attribute(Document document, String name) {
        for (Element a : elements(document, VihfNames.SAML2_NS, "Attribute")) {
            if (a.getAttribute("Name").equals(name)) {
                return a;
            }
        }
        throw new IllegalArgumentException("the test VIHF has no attribute " + name);
    }

    public static Document without(Document document, String attributeName) {
        Element a = attribute(document, attributeName);
        a.getParentNode().removeChild(a);
        return document;
    }

    /** Replaces the text of the (first) AttributeValue of {@code name}. */
    public static Document withText(Document document, String attributeName, String text) {
        firstValue(document, attributeName).setTextContent(text);
        return document;
    }

    /** Sets an XML attribute of the HL7 element (Role, PurposeOfUse) in the first AttributeValue of {@code name}. */
    public static Document withCoded(Document document, String attributeName, String xmlAttribute, String value) {
        Element value0 = firstValue(document, attributeName);
        for (Node n = value0.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e) {
                e.setAttribute(xmlAttribute, value);
                return document;
            }
        }
        throw new IllegalArgumentException(attributeName + " has no coded element");
    }

    public static Document withPurpose(Document document, String code) {
        return withCoded(document, VihfNames.PURPOSE_OF_USE, "code", code);
    }

    public static Element firstValue(Document document, String attributeName) {
        return elementChildren(attribute(document, attributeName), "AttributeValue").get(0);
    }

    public static List<Element> elementChildren(Element parent, String localName) {
        return Dom.children(parent, VihfNames.SAML2_NS, localName);
    }

    public static List<Element> elements(Document document, String ns, String localName) {
        var list = document.getElementsByTagNameNS(ns, localName);
        var out = new java.util.ArrayList<Element>();
        for (int i = 0; i < list.getLength(); i++) {
            out.add((Element) list.item(i));
        }
        return out;
    }

    /** A wsse:Security element (in a document of its own) holding copies of the given assertions. */
    public static Element securityHeader(Element... assertions) {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newDefaultInstance();
            f.setNamespaceAware(true);
            Document d = f.newDocumentBuilder().newDocument();
            Element security = d.createElementNS(VihfNames.WSSE_NS, "wsse:Security");
            d.appendChild(security);
            for (Element a : assertions) {
                security.appendChild(d.importNode(a, true));
            }
            return security;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public static String toXml(Node node) {
        try {
            var t = TransformerFactory.newDefaultInstance().newTransformer();
            t.setOutputProperty(OutputKeys.OMIT_XML_DECLARATION, "yes");
            StringWriter out = new StringWriter();
            t.transform(new DOMSource(node), new StreamResult(out));
            return out.toString();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Signs the assertion in place, enveloped, the ds:Signature right after the Issuer (SAML schema order). */
    public static Element sign(Element assertion, PrivateKey key, X509Certificate certificate) {
        return sign(assertion, key, certificate, "#" + assertion.getAttribute("ID"));
    }

    public static Element sign(Element assertion, PrivateKey key, X509Certificate certificate, String referenceUri) {
        try {
            XMLSignatureFactory f = XMLSignatureFactory.getInstance("DOM");
            Reference reference = f.newReference(referenceUri, f.newDigestMethod(DigestMethod.SHA256, null),
                    List.of(f.newTransform(Transform.ENVELOPED, (TransformParameterSpec) null),
                            f.newTransform(CanonicalizationMethod.EXCLUSIVE, (TransformParameterSpec) null)),
                    null, null);
            SignedInfo signedInfo = f.newSignedInfo(
                    f.newCanonicalizationMethod(CanonicalizationMethod.EXCLUSIVE, (C14NMethodParameterSpec) null),
                    f.newSignatureMethod(SignatureMethod.RSA_SHA256, null), List.of(reference));
            KeyInfoFactory kif = f.getKeyInfoFactory();
            var keyInfo = kif.newKeyInfo(List.of(kif.newX509Data(List.of(certificate))));
            Element issuer = elementChildren(assertion, "Issuer").get(0);
            Node next = issuer.getNextSibling();
            while (next != null && next.getNodeType() != Node.ELEMENT_NODE) {
                next = next.getNextSibling();
            }
            DOMSignContext context = new DOMSignContext(key, assertion, next);
            context.setDefaultNamespacePrefix("ds");
            context.setIdAttributeNS(assertion, null, "ID");
            f.newXMLSignature(signedInfo, keyInfo).sign(context);
            return assertion;
        } catch (Exception e) {
            throw new IllegalStateException("cannot sign the test VIHF", e);
        }
    }
}
