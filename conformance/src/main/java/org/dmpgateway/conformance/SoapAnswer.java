package org.dmpgateway.conformance;

import jakarta.activation.DataHandler;
import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;
import jakarta.xml.bind.JAXBContext;
import jakarta.xml.bind.JAXBException;
import jakarta.xml.bind.Unmarshaller;
import jakarta.xml.bind.attachment.AttachmentUnmarshaller;
import org.openehealth.ipf.commons.ihe.xds.core.ebxml.ebxml30.EbXMLFactory30;
import org.openehealth.ipf.commons.ihe.xds.core.ebxml.ebxml30.EbXMLQueryResponse30;
import org.openehealth.ipf.commons.ihe.xds.core.ebxml.ebxml30.EbXMLRegistryResponse30;
import org.openehealth.ipf.commons.ihe.xds.core.ebxml.ebxml30.EbXMLRetrieveDocumentSetResponse30;
import org.openehealth.ipf.commons.ihe.xds.core.ebxml.ebxml30.RetrieveDocumentSetResponseType;
import org.openehealth.ipf.commons.ihe.xds.core.responses.ErrorInfo;
import org.openehealth.ipf.commons.ihe.xds.core.responses.QueryResponse;
import org.openehealth.ipf.commons.ihe.xds.core.responses.Response;
import org.openehealth.ipf.commons.ihe.xds.core.responses.RetrievedDocument;
import org.openehealth.ipf.commons.ihe.xds.core.responses.RetrievedDocumentSet;
import org.openehealth.ipf.commons.ihe.xds.core.responses.Status;
import org.openehealth.ipf.commons.ihe.xds.core.stub.ebrs30.query.AdhocQueryResponse;
import org.openehealth.ipf.commons.ihe.xds.core.stub.ebrs30.rs.RegistryResponseType;
import org.openehealth.ipf.commons.ihe.xds.core.transform.responses.QueryResponseTransformer;
import org.openehealth.ipf.commons.ihe.xds.core.transform.responses.ResponseTransformer;
import org.openehealth.ipf.commons.ihe.xds.core.transform.responses.RetrieveDocumentSetResponseTransformer;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathExpressionException;
import javax.xml.xpath.XPathFactory;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * A SOAP answer read with standard parts: the MIME parts of an MTOM message (Jakarta Mail), the
 * envelope (the JDK's DOM parser, no DTD), then the body into IPF's ebXML 3.0 JAXB types and, with
 * IPF's transformers, into IPF's XDS model: a {@link Response}, a {@link QueryResponse} or a
 * {@link RetrievedDocumentSet}; or a SOAP fault.
 */
final class SoapAnswer {
    private static final JAXBContext EBXML = ebxmlContext();
    private static final EbXMLFactory30 FACTORY = new EbXMLFactory30();

    final Document envelope;
    final boolean fault;
    final String faultReason;
    final Response response;
    final QueryResponse query;
    final RetrievedDocumentSet retrieved;

    private SoapAnswer(Document envelope, boolean fault, String faultReason, Response response, QueryResponse query,
                       RetrievedDocumentSet retrieved) {
        this.envelope = envelope;
        this.fault = fault;
        this.faultReason = faultReason;
        this.response = response;
        this.query = query;
        this.retrieved = retrieved;
    }

    static SoapAnswer read(Wire.Answer answer) {
        try {
            Map<String, DataHandler> attachments = new HashMap<>();
            byte[] root = rootPart(answer, attachments);
            Document envelope = parse(root);
            Element body = child(envelope.getDocumentElement(), "Body");
            Element content = body == null ? null : firstElement(body);
            if (content == null) {
                throw new IllegalArgumentException("the answer is not a SOAP envelope with a body");
            }
            Unmarshaller u = EBXML.createUnmarshaller();
            u.setAttachmentUnmarshaller(new Attachments(attachments));
            return switch (content.getLocalName()) {
                case "Fault" -> new SoapAnswer(envelope, true, faultReason(content), null, null, null);
                case "RegistryResponse" -> new SoapAnswer(envelope, false, null, new ResponseTransformer(FACTORY)
                        .fromEbXML(new EbXMLRegistryResponse30(u.unmarshal(content, RegistryResponseType.class).getValue())), null, null);
                case "AdhocQueryResponse" -> new SoapAnswer(envelope, false, null, null, new QueryResponseTransformer(FACTORY)
                        .fromEbXML(new EbXMLQueryResponse30(u.unmarshal(content, AdhocQueryResponse.class).getValue())), null);
                case "RetrieveDocumentSetResponse" -> new SoapAnswer(envelope, false, null, null, null,
                        new RetrieveDocumentSetResponseTransformer(FACTORY).fromEbXML(new EbXMLRetrieveDocumentSetResponse30(
                                u.unmarshal(content, RetrieveDocumentSetResponseType.class).getValue())));
                // the DMP's administrative services (TD0.2, TD0.3, TD0.4, TD0.5, TD1.3b, TD1.4, TD1.6): checked with xpath only
                case "PRPA_IN201308UV02", "setAuthorizationResponse", "listAuthorizationByPatientResponse",
                     "patientListResponse", "PRPA_IN201314UV02_Response", "PRPA_IN201306UV02" -> new SoapAnswer(envelope, false, null, null,
                        null, null);
                default -> throw new IllegalArgumentException("unexpected SOAP body " + content.getLocalName());
            };
        } catch (JAXBException | MessagingException | IOException | SAXException | ParserConfigurationException e) {
            throw new IllegalArgumentException("the SOAP answer cannot be read: " + e, e);
        }
    }

    /** The ebXML status, as the last part of its URN: Success, PartialSuccess, Failure; null for a fault. */
    String xdsStatus() {
        Status s = response != null ? response.getStatus() : query != null ? query.getStatus()
                : retrieved != null ? retrieved.getStatus() : null;
        if (s == null) {
            return null;
        }
        return switch (s) {
            case SUCCESS -> "Success";
            case PARTIAL_SUCCESS -> "PartialSuccess";
            case FAILURE -> "Failure";
            default -> s.name();
        };
    }

    /** The errorCode of each RegistryError (a DMP code where IHE has none). */
    List<String> errorCodes() {
        return errors().stream().map(e -> e.getCustomErrorCode() != null ? e.getCustomErrorCode() : e.getErrorCode().getOpcode()).toList();
    }

    /** The first RegistryError as "code: context", or the fault's reason. */
    String firstError() {
        if (fault) {
            return "SOAP fault: " + faultReason;
        }
        return errors().stream().findFirst().map(e -> e.getCodeContext()).orElse(null);
    }

    private List<ErrorInfo> errors() {
        Response r = response != null ? response : query != null ? query : retrieved;
        return r == null || r.getErrors() == null ? List.of() : r.getErrors();
    }

    /** The uniqueIds of the document entries (query) or of the documents (retrieve). */
    List<String> documentUniqueIds() {
        if (query != null) {
            return query.getDocumentEntries().stream().map(d -> d.getUniqueId()).toList();
        }
        if (retrieved != null) {
            return retrieved.getDocuments().stream().map(d -> d.getRequestData().getDocumentUniqueId()).toList();
        }
        return List.of();
    }

    /** The content of the single retrieved document, or null. */
    byte[] content() throws IOException {
        if (retrieved == null || retrieved.getDocuments().size() != 1) {
            return null;
        }
        RetrievedDocument d = retrieved.getDocuments().get(0);
        try (InputStream in = d.getDataHandler().getInputStream()) {
            return in.readAllBytes();
        }
    }

    /** The string value of an XPath 1.0 expression on the envelope ("" when it selects nothing). */
    String xpathString(String expression) {
        try {
            return (String) XPathFactory.newInstance().newXPath().evaluate(expression, envelope, XPathConstants.STRING);
        } catch (XPathExpressionException e) {
            throw new IllegalArgumentException("xpath " + expression + " is not XPath 1.0: " + e.getMessage(), e);
        }
    }

    boolean xpath(String expression) {
        try {
            return (Boolean) XPathFactory.newInstance().newXPath().evaluate(expression, envelope, XPathConstants.BOOLEAN);
        } catch (XPathExpressionException e) {
            throw new IllegalArgumentException("xpath " + expression + " is not XPath 1.0: " + e.getMessage(), e);
        }
    }

    private static byte[] rootPart(Wire.Answer answer, Map<String, DataHandler> attachments) throws MessagingException, IOException {
        String type = answer.contentType();
        if (!type.toLowerCase(Locale.ROOT).startsWith("multipart/")) {
            return answer.body();
        }
        MimeMultipart parts = new MimeMultipart(new ByteArrayDataSource(answer.body(), type));
        String start = new ContentType(type).getParameter("start");
        BodyPart root = start == null ? parts.getBodyPart(0) : parts.getBodyPart(start);
        for (int i = 0; i < parts.getCount(); i++) {
            BodyPart p = parts.getBodyPart(i);
            String[] ids = p.getHeader("Content-ID");
            if (p != root && ids != null) {
                attachments.put(ids[0].replaceAll("^<|>$", ""), p.getDataHandler());
            }
        }
        try (InputStream in = Objects.requireNonNull(root, "no root part " + start).getInputStream()) {
            return in.readAllBytes();
        }
    }

    private static Document parse(byte[] xml) throws ParserConfigurationException, IOException, SAXException {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        f.setXIncludeAware(false);
        f.setExpandEntityReferences(false);
        return f.newDocumentBuilder().parse(new ByteArrayInputStream(xml));
    }

    private static String faultReason(Element fault) {
        Element reason = child(fault, "Reason");
        Element text = reason != null ? child(reason, "Text") : child(fault, "faultstring");
        return text == null ? fault.getTextContent().strip() : text.getTextContent().strip();
    }

    private static Element child(Element parent, String localName) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && localName.equals(e.getLocalName())) {
                return e;
            }
        }
        return null;
    }

    private static Element firstElement(Element parent) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e) {
                return e;
            }
        }
        return null;
    }

    private static JAXBContext ebxmlContext() {
        try {
            return JAXBContext.newInstance(
                    org.openehealth.ipf.commons.ihe.xds.core.stub.ebrs30.rim.ObjectFactory.class,
                    org.openehealth.ipf.commons.ihe.xds.core.stub.ebrs30.rs.ObjectFactory.class,
                    org.openehealth.ipf.commons.ihe.xds.core.stub.ebrs30.query.ObjectFactory.class,
                    org.openehealth.ipf.commons.ihe.xds.core.stub.ebrs30.lcm.ObjectFactory.class,
                    org.openehealth.ipf.commons.ihe.xds.core.ebxml.ebxml30.ObjectFactory.class);
        } catch (JAXBException e) {
            throw new IllegalStateException("IPF's ebXML 3.0 JAXB types cannot be loaded", e);
        }
    }

    /** Resolves xop:Include cid: references to the MIME parts of the answer. */
    private static final class Attachments extends AttachmentUnmarshaller {
        private final Map<String, DataHandler> parts;

        Attachments(Map<String, DataHandler> parts) {
            this.parts = parts;
        }

        @Override
        public boolean isXOPPackage() {
            return true;
        }

        @Override
        public DataHandler getAttachmentAsDataHandler(String cid) {
            String id = URLDecoder.decode(cid.startsWith("cid:") ? cid.substring(4) : cid, StandardCharsets.UTF_8);
            DataHandler d = parts.get(id);
            if (d == null) {
                throw new IllegalArgumentException("the answer names a MIME part " + cid + " it does not carry");
            }
            return d;
        }

        @Override
        public byte[] getAttachmentAsByteArray(String cid) {
            try (InputStream in = getAttachmentAsDataHandler(cid).getInputStream()) {
                return in.readAllBytes();
            } catch (IOException e) {
                throw new IllegalArgumentException(e);
            }
        }
    }

    List<String> submissionSetUniqueIds() {
        return query == null ? List.of() : query.getSubmissionSets().stream().map(s -> s.getUniqueId()).toList();
    }

    List<String> folderUniqueIds() {
        return query == null ? List.of() : query.getFolders().stream().map(f -> f.getUniqueId()).toList();
    }

    Integer associationCount() {
        return query == null ? null : query.getAssociations().size();
    }

    List<String> objectRefs() {
        return query == null ? List.of() : new ArrayList<>(query.getReferences().stream().map(r -> r.getId()).toList());
    }
}
