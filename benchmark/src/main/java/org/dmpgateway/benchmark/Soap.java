package org.dmpgateway.benchmark;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

/**
 * The SOAP 1.2 requests of the three XDS.b transactions, written as a professional's software
 * sends them: WS-Addressing headers, the VIHF in {@code wsse:Security}, ebXML RIM metadata; ITI-41
 * as MTOM/XOP (the documents as binary MIME parts), ITI-18 and ITI-43 as plain SOAP.
 */
final class Soap {
    static final String ITI41_ACTION = "urn:ihe:iti:2007:ProvideAndRegisterDocumentSet-b";
    static final String ITI18_ACTION = "urn:ihe:iti:2007:RegistryStoredQuery";
    static final String ITI43_ACTION = "urn:ihe:iti:2007:RetrieveDocumentSet";

    private static final String DOCUMENT_ENTRY_TYPE = "urn:uuid:7edca82f-054d-47f2-a032-9b2a5b5186c1";
    private static final String FIND_DOCUMENTS = "urn:uuid:14d4debf-8f97-4251-9a74-a90016b0af0d";

    /** A message ready to post: its Content-Type and body. */
    record Message(String contentType, byte[] body) {
    }

    private Soap() {
    }

    static Message plain(String action, String endpoint, String ins, String bodyXml) {
        String envelope = envelope(action, endpoint, ins, bodyXml);
        return new Message("application/soap+xml; charset=UTF-8; action=\"" + action + "\"",
                envelope.getBytes(StandardCharsets.UTF_8));
    }

    private static String envelope(String action, String endpoint, String ins, String bodyXml) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                + "<s:Envelope xmlns:s=\"http://www.w3.org/2003/05/soap-envelope\" xmlns:a=\"http://www.w3.org/2005/08/addressing\">"
                + "<s:Header>"
                + "<a:Action s:mustUnderstand=\"1\">" + action + "</a:Action>"
                + "<a:MessageID>urn:uuid:" + UUID.randomUUID() + "</a:MessageID>"
                + "<a:ReplyTo><a:Address>http://www.w3.org/2005/08/addressing/anonymous</a:Address></a:ReplyTo>"
                + "<a:To s:mustUnderstand=\"1\">" + endpoint + "</a:To>"
                + Vihf.securityHeader(ins)
                + "</s:Header><s:Body>" + bodyXml + "</s:Body></s:Envelope>";
    }

    /** ITI-18 FindDocuments for the patient, status Approved, LeafClass. */
    static Message findDocuments(String endpoint, String ins) {
        String body = "<query:AdhocQueryRequest xmlns:query=\"urn:oasis:names:tc:ebxml-regrep:xsd:query:3.0\""
                + " xmlns:rim=\"urn:oasis:names:tc:ebxml-regrep:xsd:rim:3.0\">"
                + "<query:ResponseOption returnComposedObjects=\"true\" returnType=\"LeafClass\"/>"
                + "<rim:AdhocQuery id=\"" + FIND_DOCUMENTS + "\">"
                + slot("$XDSDocumentEntryPatientId", "'" + esc(Ins.cx(ins)) + "'")
                + slot("$XDSDocumentEntryStatus", "('urn:oasis:names:tc:ebxml-regrep:StatusType:Approved')")
                + "</rim:AdhocQuery></query:AdhocQueryRequest>";
        return plain(ITI18_ACTION, endpoint, ins, body);
    }

    /** ITI-43 for one document. */
    static Message retrieve(String endpoint, String ins, String repositoryUniqueId, String documentUniqueId) {
        String body = "<xdsb:RetrieveDocumentSetRequest xmlns:xdsb=\"urn:ihe:iti:xds-b:2007\"><xdsb:DocumentRequest>"
                + "<xdsb:RepositoryUniqueId>" + repositoryUniqueId + "</xdsb:RepositoryUniqueId>"
                + "<xdsb:DocumentUniqueId>" + documentUniqueId + "</xdsb:DocumentUniqueId>"
                + "</xdsb:DocumentRequest></xdsb:RetrieveDocumentSetRequest>";
        return plain(ITI43_ACTION, endpoint, ins, body);
    }

    /** ITI-41: a submission set holding the documents, MTOM with one binary part per document. */
    static Message provideAndRegister(String endpoint, Synthesizer.Patient p, String setUniqueId, String submissionTime,
                                      List<Synthesizer.Document> docs) {
        return mtom(envelope(endpoint, p, setUniqueId, submissionTime, docs), docs);
    }

    /**
     * ITI-41 of one document whose content the caller streams: the bytes before the content (MIME
     * head, SOAP part, the document part's headers) and after it (the closing boundary). The
     * document's own {@code content()} is not sent.
     */
    record StreamedMessage(String contentType, byte[] head, byte[] tail) {
    }

    static StreamedMessage provideAndRegisterStreamed(String endpoint, Synthesizer.Patient p, String setUniqueId,
                                                      String submissionTime, Synthesizer.Document doc) {
        String boundary = "uuid:" + UUID.randomUUID();
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        write(head, rootPart(boundary));
        write(head, envelope(endpoint, p, setUniqueId, submissionTime, List.of(doc)));
        write(head, documentPartHeaders(boundary, doc, 0));
        return new StreamedMessage(multipartType(boundary), head.toByteArray(),
                ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    }

    private static String envelope(String endpoint, Synthesizer.Patient p, String setUniqueId, String submissionTime,
                                   List<Synthesizer.Document> docs) {
        StringBuilder b = new StringBuilder(4096 * (docs.size() + 1));
        b.append("<xdsb:ProvideAndRegisterDocumentSetRequest xmlns:xdsb=\"urn:ihe:iti:xds-b:2007\"")
                .append(" xmlns:lcm=\"urn:oasis:names:tc:ebxml-regrep:xsd:lcm:3.0\"")
                .append(" xmlns:rim=\"urn:oasis:names:tc:ebxml-regrep:xsd:rim:3.0\">")
                .append("<lcm:SubmitObjectsRequest><rim:RegistryObjectList>");
        for (int i = 0; i < docs.size(); i++) {
            extrinsicObject(b, "Document" + (i + 1), p, docs.get(i));
        }
        registryPackage(b, p, setUniqueId, submissionTime, docs.get(0).author());
        for (int i = 0; i < docs.size(); i++) {
            b.append("<rim:Association associationType=\"urn:oasis:names:tc:ebxml-regrep:AssociationType:HasMember\"")
                    .append(" sourceObject=\"SubmissionSet01\" targetObject=\"Document").append(i + 1)
                    .append("\" id=\"Assoc").append(i + 1).append("\">")
                    .append(slot("SubmissionSetStatus", "Original")).append("</rim:Association>");
        }
        b.append("</rim:RegistryObjectList></lcm:SubmitObjectsRequest>");
        for (int i = 0; i < docs.size(); i++) {
            b.append("<xdsb:Document id=\"Document").append(i + 1).append("\">")
                    .append("<xop:Include xmlns:xop=\"http://www.w3.org/2004/08/xop/include\" href=\"cid:")
                    .append(contentId(i)).append("\"/></xdsb:Document>");
        }
        b.append("</xdsb:ProvideAndRegisterDocumentSetRequest>");
        return envelope(ITI41_ACTION, endpoint, p.ins(), b.toString());
    }

    private static String contentId(int i) {
        return "document" + (i + 1) + "@dmp-benchmark";
    }

    private static Message mtom(String envelope, List<Synthesizer.Document> docs) {
        String boundary = "uuid:" + UUID.randomUUID();
        ByteArrayOutputStream out = new ByteArrayOutputStream(envelope.length() + docs.stream()
                .mapToInt(d -> d.content().length + 200).sum());
        write(out, rootPart(boundary));
        write(out, envelope);
        for (int i = 0; i < docs.size(); i++) {
            Synthesizer.Document d = docs.get(i);
            write(out, documentPartHeaders(boundary, d, i));
            out.writeBytes(d.content());
        }
        write(out, "\r\n--" + boundary + "--\r\n");
        return new Message(multipartType(boundary), out.toByteArray());
    }

    private static String rootPart(String boundary) {
        return "--" + boundary + "\r\n"
                + "Content-Type: application/xop+xml; charset=UTF-8; type=\"application/soap+xml; action=\\\""
                + ITI41_ACTION + "\\\"\"\r\n"
                + "Content-Transfer-Encoding: binary\r\n"
                + "Content-ID: <root.message@dmp-benchmark>\r\n\r\n";
    }

    private static String documentPartHeaders(String boundary, Synthesizer.Document d, int i) {
        return "\r\n--" + boundary + "\r\n"
                + "Content-Type: " + d.mimeType() + "\r\n"
                + "Content-Transfer-Encoding: binary\r\n"
                + "Content-ID: <" + contentId(i) + ">\r\n\r\n";
    }

    private static String multipartType(String boundary) {
        String startInfo = "application/soap+xml; action=\\\"" + ITI41_ACTION + "\\\"";
        return "multipart/related; type=\"application/xop+xml\"; boundary=\"" + boundary
                + "\"; start=\"<root.message@dmp-benchmark>\"; start-info=\"" + startInfo + "\"";
    }

    private static void write(ByteArrayOutputStream out, String s) {
        out.writeBytes(s.getBytes(StandardCharsets.UTF_8));
    }

    private static void extrinsicObject(StringBuilder b, String id, Synthesizer.Patient p, Synthesizer.Document d) {
        b.append("<rim:ExtrinsicObject id=\"").append(id).append("\" mimeType=\"").append(d.mimeType())
                .append("\" objectType=\"").append(DOCUMENT_ENTRY_TYPE).append("\">")
                .append(slot("creationTime", d.creationTime()))
                .append(slot("languageCode", "fr-FR"))
                .append(slot("serviceStartTime", d.serviceStart()))
                .append(slot("serviceStopTime", d.serviceStop()))
                .append(slot("sourcePatientId", esc(Catalog.sourcePatientId(p.ins()))))
                .append(slot("sourcePatientInfo", p.sourcePatientInfo().stream().map(Soap::esc).toArray(String[]::new)))
                .append(name(d.title()));
        author(b, "urn:uuid:93606bcf-9494-43ec-9b4e-a7748d1a838d", id, id + "-author", d.author());
        classification(b, "urn:uuid:41a5887f-8865-4c09-adf7-e362475b143a", id, id + "-class", d.classCode());
        List<Catalog.Code> conf = d.confidentiality();
        for (int i = 0; i < conf.size(); i++) {
            classification(b, "urn:uuid:f4f85eac-e6cb-4883-b524-f2705394840f", id, id + "-conf" + i, conf.get(i));
        }
        if (d.event() != null) {
            classification(b, "urn:uuid:2c6b8cb7-8b2a-4051-b291-b1ae6a575ef4", id, id + "-event", d.event());
        }
        classification(b, "urn:uuid:a09d5840-386c-46f2-b5ad-9c3699a4309d", id, id + "-format", d.formatCode());
        classification(b, "urn:uuid:f33fb8ac-18af-42cc-ae0e-ed0b0bdb91e1", id, id + "-facility",
                Catalog.FACILITY_CODES.get(d.facility()));
        classification(b, "urn:uuid:cccf5598-8b07-4b77-a05e-ae952c785ead", id, id + "-practice",
                Catalog.PRACTICE_CODES.get(d.practice()));
        classification(b, "urn:uuid:f0306f51-975f-434e-a61c-c59651d33983", id, id + "-type", d.typeCode());
        externalIdentifier(b, "urn:uuid:58a6f841-87b3-4a3e-92fd-a8ffeff98427", id, id + "-pid", Ins.cx(p.ins()),
                "XDSDocumentEntry.patientId");
        externalIdentifier(b, "urn:uuid:2e82c1f6-a085-4c72-9da3-8640a32e42ab", id, id + "-uid", d.uniqueId(),
                "XDSDocumentEntry.uniqueId");
        b.append("</rim:ExtrinsicObject>");
    }

    private static void registryPackage(StringBuilder b, Synthesizer.Patient p, String uniqueId, String submissionTime,
                                        int author) {
        String id = "SubmissionSet01";
        b.append("<rim:RegistryPackage id=\"").append(id).append("\">")
                .append(slot("submissionTime", submissionTime))
                .append(name("Lot de soumission"));
        author(b, "urn:uuid:a7058bb9-b4e4-4307-ba5b-e3f0ab85e12d", id, "set-author", author);
        classification(b, "urn:uuid:aa543740-bdda-424e-8c96-df4873be8500", id, "set-content-type", Catalog.CONTENT_TYPE);
        externalIdentifier(b, "urn:uuid:96fdda7c-d067-4183-912e-bf5ee74998a8", id, "set-uid", uniqueId,
                "XDSSubmissionSet.uniqueId");
        externalIdentifier(b, "urn:uuid:554ac39e-e3fe-47fe-b233-965d2a147832", id, "set-source", Catalog.SOURCE_ID,
                "XDSSubmissionSet.sourceId");
        externalIdentifier(b, "urn:uuid:6b5aea1a-874d-4603-a4bc-96a0a7b38446", id, "set-pid", Ins.cx(p.ins()),
                "XDSSubmissionSet.patientId");
        b.append("</rim:RegistryPackage>")
                .append("<rim:Classification classifiedObject=\"").append(id)
                .append("\" classificationNode=\"urn:uuid:a54d6aa5-d40d-43f9-88c5-b4633d873bdd\" id=\"set-node\"/>");
    }

    private static void author(StringBuilder b, String scheme, String object, String id, int n) {
        b.append("<rim:Classification classificationScheme=\"").append(scheme).append("\" classifiedObject=\"")
                .append(object).append("\" nodeRepresentation=\"\" id=\"").append(id).append("\">")
                .append(slot("authorPerson", esc(Catalog.authorPerson(n))))
                .append(slot("authorInstitution", esc(Catalog.authorInstitution(n))))
                .append(slot("authorRole", esc(Catalog.ROLE)))
                .append(slot("authorSpecialty", esc(Catalog.SPECIALTY)))
                .append("</rim:Classification>");
    }

    private static void classification(StringBuilder b, String scheme, String object, String id, Catalog.Code c) {
        b.append("<rim:Classification classificationScheme=\"").append(scheme).append("\" classifiedObject=\"")
                .append(object).append("\" nodeRepresentation=\"").append(esc(c.code())).append("\" id=\"").append(id)
                .append("\">").append(slot("codingScheme", c.system())).append(name(c.display()))
                .append("</rim:Classification>");
    }

    private static void externalIdentifier(StringBuilder b, String scheme, String object, String id, String value,
                                           String name) {
        b.append("<rim:ExternalIdentifier identificationScheme=\"").append(scheme).append("\" value=\"").append(esc(value))
                .append("\" id=\"").append(id).append("\" registryObject=\"").append(object).append("\">")
                .append(name(name)).append("</rim:ExternalIdentifier>");
    }

    private static String slot(String name, String... escapedValues) {
        StringBuilder b = new StringBuilder("<rim:Slot name=\"").append(name).append("\"><rim:ValueList>");
        for (String v : escapedValues) {
            b.append("<rim:Value>").append(v).append("</rim:Value>");
        }
        return b.append("</rim:ValueList></rim:Slot>").toString();
    }

    private static String name(String value) {
        return "<rim:Name><rim:LocalizedString value=\"" + esc(value) + "\"/></rim:Name>";
    }

    static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
