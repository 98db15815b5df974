package org.dmpgateway.mappings.hl7v2;

import org.dmpgateway.model.CodedValue;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

import javax.xml.XMLConstants;
import javax.xml.namespace.NamespaceContext;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.xpath.XPath;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathExpressionException;
import javax.xml.xpath.XPathFactory;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * Reads the header of a CDA R2 document (the JDK's DOM parser, no DTD nor external entity, and XPath over
 * the {@code urn:hl7-org:v3} namespace) into a {@link CdaHeader}. The body is not read, except whether it is
 * a non-XML body (CDA N1, XDS-SD) and its media type.
 */
public final class CdaHeaderReader {
    private static final String V3 = "urn:hl7-org:v3";

    private CdaHeaderReader() {
    }

    /** The header; {@link Hl7v2Refusal} (OBX-5, 906) when the bytes are no CDA R2 document. */
    public static CdaHeader read(byte[] cda) {
        Document doc = parse(cda);
        Element root = doc.getDocumentElement();
        if (!"ClinicalDocument".equals(root.getLocalName()) || !V3.equals(root.getNamespaceURI())) {
            throw notCda("l'élément racine n'est pas ClinicalDocument (urn:hl7-org:v3)");
        }
        try {
            XPath x = xpath();
            Identifier id = identifier(x, root, "cda:id");
            if (id == null) {
                throw notCda("ClinicalDocument/id est absent");
            }
            List<CdaHeader.Identifier> patientIds = new ArrayList<>();
            NodeList ids = (NodeList) x.evaluate("cda:recordTarget/cda:patientRole/cda:id", root, XPathConstants.NODESET);
            for (int i = 0; i < ids.getLength(); i++) {
                Element e = (Element) ids.item(i);
                if (!e.getAttribute("root").isBlank()) {
                    patientIds.add(new CdaHeader.Identifier(attr(e, "extension"), attr(e, "root")));
                }
            }
            Node patient = (Node) x.evaluate("cda:recordTarget/cda:patientRole/cda:patient", root, XPathConstants.NODE);
            CdaHeader.PatientTraits traits = patient == null ? null : new CdaHeader.PatientTraits(
                    text(x, patient, "(cda:name/cda:family[@qualifier='BR'] | cda:name/cda:family)[1]"),
                    text(x, patient, "cda:name/cda:given[1]"),
                    text(x, patient, "cda:administrativeGenderCode/@code"),
                    text(x, patient, "cda:birthTime/@value"));
            List<CdaHeader.Author> authors = new ArrayList<>();
            NodeList as = (NodeList) x.evaluate("cda:author/cda:assignedAuthor", root, XPathConstants.NODESET);
            for (int i = 0; i < as.getLength(); i++) {
                Node a = as.item(i);
                authors.add(new CdaHeader.Author(cdaId(identifier(x, a, "cda:id")),
                        text(x, a, "cda:assignedPerson/cda:name/cda:family[1]"),
                        text(x, a, "cda:assignedPerson/cda:name/cda:given[1]"), code(x, a, "cda:code"),
                        cdaId(identifier(x, a, "cda:representedOrganization/cda:id")),
                        text(x, a, "cda:representedOrganization/cda:name")));
            }
            return new CdaHeader(uniqueId(id), code(x, root, "cda:code"), text(x, root, "cda:title"),
                    text(x, root, "cda:effectiveTime/@value"), code(x, root, "cda:confidentialityCode"),
                    text(x, root, "cda:languageCode/@code"), patientIds, traits, authors,
                    legalAuthenticator(x, root),
                    text(x, root, "cda:documentationOf/cda:serviceEvent/cda:effectiveTime/cda:low/@value"),
                    text(x, root, "cda:documentationOf/cda:serviceEvent/cda:effectiveTime/cda:high/@value"),
                    code(x, root, "cda:documentationOf/cda:serviceEvent/cda:performer/cda:assignedEntity/"
                            + "cda:representedOrganization/cda:standardIndustryClassCode"),
                    code(x, root, "cda:componentOf/cda:encompassingEncounter/cda:location/cda:healthCareFacility/cda:code"),
                    uniqueId(identifier(x, root, "cda:relatedDocument[@typeCode='RPLC']/cda:parentDocument/cda:id")),
                    nonXmlMediaType(x, root));
        } catch (XPathExpressionException e) {
            throw new IllegalStateException("a CDA header XPath does not compile", e);
        }
    }

    /** The uniqueId of an II, as the DMP writes it: {@code root}, or {@code root^extension}. */
    public static String uniqueId(Identifier id) {
        if (id == null) {
            return null;
        }
        return id.extension() == null ? id.root() : id.root() + "^" + id.extension();
    }

    /** An II read before it becomes a {@link CdaHeader.Identifier}. */
    record Identifier(String extension, String root) {
    }

    private static CdaHeader.Identifier cdaId(Identifier id) {
        return id == null ? null : new CdaHeader.Identifier(id.extension(), id.root());
    }

    private static Identifier identifier(XPath x, Node context, String path) throws XPathExpressionException {
        Element e = (Element) x.evaluate(path, context, XPathConstants.NODE);
        if (e == null || attr(e, "root") == null) {
            return null;
        }
        return new Identifier(attr(e, "extension"), attr(e, "root"));
    }

    private static CodedValue code(XPath x, Node context, String path) throws XPathExpressionException {
        Element e = (Element) x.evaluate(path, context, XPathConstants.NODE);
        if (e == null || attr(e, "code") == null) {
            return null;
        }
        return new CodedValue(attr(e, "code"), attr(e, "codeSystem"), attr(e, "displayName"));
    }

    /** legalAuthenticator/assignedEntity as XCN {@code id^family^given^^^^^^&root&ISO^D^^^IDNPS}. */
    private static String legalAuthenticator(XPath x, Node root) throws XPathExpressionException {
        Node e = (Node) x.evaluate("cda:legalAuthenticator/cda:assignedEntity", root, XPathConstants.NODE);
        Identifier id = e == null ? null : identifier(x, e, "cda:id");
        if (id == null || id.extension() == null) {
            return null;
        }
        return Xcn.person(id.extension(), text(x, e, "cda:assignedPerson/cda:name/cda:family[1]"),
                text(x, e, "cda:assignedPerson/cda:name/cda:given[1]"), id.root());
    }

    private static String nonXmlMediaType(XPath x, Node root) throws XPathExpressionException {
        Element text = (Element) x.evaluate("cda:component/cda:nonXMLBody/cda:text", root, XPathConstants.NODE);
        if (text == null) {
            return null;
        }
        String mediaType = attr(text, "mediaType");
        return mediaType == null ? "text/plain" : mediaType;
    }

    private static String text(XPath x, Node context, String path) throws XPathExpressionException {
        String s = x.evaluate(path, context);
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static String attr(Element e, String name) {
        String s = e.getAttribute(name);
        return s.isBlank() ? null : s.strip();
    }

    private static XPath xpath() {
        XPath x = XPathFactory.newDefaultInstance().newXPath();
        x.setNamespaceContext(new NamespaceContext() {
            @Override
            public String getNamespaceURI(String prefix) {
                return "cda".equals(prefix) ? V3 : XMLConstants.NULL_NS_URI;
            }

            @Override
            public String getPrefix(String uri) {
                return V3.equals(uri) ? "cda" : null;
            }

            @Override
            public Iterator<String> getPrefixes(String uri) {
                return List.of("cda").iterator();
            }
        });
        return x;
    }

    private static Document parse(byte[] cda) {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newDefaultInstance();
            f.setNamespaceAware(true);
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            f.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            f.setXIncludeAware(false);
            var builder = f.newDocumentBuilder();
            builder.setErrorHandler(null);
            return builder.parse(new ByteArrayInputStream(cda));
        } catch (SAXException | IOException e) {
            throw notCda("XML illisible (" + e.getMessage() + ")");
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("the JDK's XML parser does not support the secure settings", e);
        }
    }

    private static Hl7v2Refusal notCda(String why) {
        return Hl7v2Refusal.application(ApplicationError.OTHER, "OBX^1^5", "OBX-5 ne porte pas un document CDA R2 : " + why);
    }
}
