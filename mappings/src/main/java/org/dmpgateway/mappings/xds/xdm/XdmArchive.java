package org.dmpgateway.mappings.xds.xdm;

import jakarta.xml.bind.JAXBContext;
import jakarta.xml.bind.JAXBException;
import org.dmpgateway.mappings.xds.metadata.XdsMetadataMapper;
import org.dmpgateway.model.DocumentBytes;
import org.dmpgateway.model.Submission;
import org.dmpgateway.model.SubmittedDocument;
import org.dmpgateway.model.error.DmpErrorCode;
import org.dmpgateway.model.error.DmpException;
import org.dmpgateway.model.messaging.XdmReader;
import org.openehealth.ipf.commons.ihe.xds.core.ebxml.ebxml30.EbXMLFactory30;
import org.openehealth.ipf.commons.ihe.xds.core.ebxml.ebxml30.EbXMLSubmitObjectsRequest30;
import org.openehealth.ipf.commons.ihe.xds.core.metadata.DocumentEntry;
import org.openehealth.ipf.commons.ihe.xds.core.requests.RegisterDocumentSet;
import org.openehealth.ipf.commons.ihe.xds.core.stub.ebrs30.lcm.SubmitObjectsRequest;
import org.openehealth.ipf.commons.ihe.xds.core.transform.requests.RegisterDocumentSetTransformer;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * An IHE XDM archive (IHE ITI TF-1 section 16, TF-3 section 4.2.3.3: {@code IHE_XDM/<subset>/METADATA.XML},
 * an ebXML 3.0 SubmitObjectsRequest, beside the documents it names by their {@code URI} slot,
 * relative to the subset's folder) to the internal {@link Submission}: unmarshalled with JAXB into
 * IPF's ebXML stub, then IPF's {@link RegisterDocumentSetTransformer} and the gateway's
 * {@link XdsMetadataMapper}, as an ITI-41 request is. Translation only: the core decides whether and
 * where the documents are saved. The XML is read without DTDs or external entities.
 */
public final class XdmArchive implements XdmReader {
    private static final String ROOT = "IHE_XDM/";
    private static final String METADATA = "METADATA.XML";
    private static final RegisterDocumentSetTransformer TRANSFORMER =
            new RegisterDocumentSetTransformer(new EbXMLFactory30());
    private static final JAXBContext JAXB;

    static {
        try {
            JAXB = JAXBContext.newInstance(SubmitObjectsRequest.class);
        } catch (JAXBException e) {
            throw new IllegalStateException("the ebXML 3.0 JAXB context cannot be created", e);
        }
    }

    @Override
    public Submission read(byte[] zip, long maxBytes) {
        Map<String, byte[]> files = unzip(zip, maxBytes);
        List<String> metadata = files.keySet().stream().filter(XdmArchive::isMetadata).toList();
        if (metadata.size() != 1) {
            throw refused("IHE_XDM.ZIP: expected exactly one submission set, IHE_XDM/<subset>/METADATA.XML, found "
                    + metadata.size());
        }
        String subset = metadata.get(0).substring(0, metadata.get(0).length() - METADATA.length());
        RegisterDocumentSet set = register(files.get(metadata.get(0)), metadata.get(0));
        if (set.getSubmissionSet() == null) {
            throw refused(metadata.get(0) + ": the SubmitObjectsRequest must contain exactly one SubmissionSet");
        }
        if (set.getDocumentEntries().isEmpty()) {
            throw refused(metadata.get(0) + ": the submission set has no DocumentEntry");
        }
        List<SubmittedDocument> documents = new ArrayList<>();
        for (DocumentEntry e : set.getDocumentEntries()) {
            if (e.getUri() == null || e.getUri().isBlank()) {
                throw refused("DocumentEntry " + e.getEntryUuid() + ": the URI slot (the document's file in the "
                        + "archive) is missing");
            }
            byte[] content = files.get((subset + e.getUri().strip()).toUpperCase(Locale.ROOT));
            if (content == null) {
                throw refused("DocumentEntry " + e.getEntryUuid() + ": its file " + subset + e.getUri().strip()
                        + " is not in the archive");
            }
            documents.add(new SubmittedDocument(XdsMetadataMapper.toRecord(e), DocumentBytes.of(content)));
        }
        return new Submission(XdsMetadataMapper.toRecord(set.getSubmissionSet()), documents,
                set.getFolders().stream().map(XdsMetadataMapper::toRecord).toList(),
                set.getAssociations().stream().map(XdsMetadataMapper::toRecord).toList());
    }

    /** {@code IHE_XDM/<subset>/METADATA.XML}, the names upper-cased. */
    private static boolean isMetadata(String name) {
        return name.startsWith(ROOT) && name.endsWith("/" + METADATA) && name.indexOf('/', ROOT.length())
                == name.length() - METADATA.length() - 1;
    }

    private static RegisterDocumentSet register(byte[] xml, String name) {
        try {
            XMLInputFactory factory = XMLInputFactory.newFactory();
            factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
            factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
            XMLStreamReader reader = factory.createXMLStreamReader(new ByteArrayInputStream(xml));
            SubmitObjectsRequest request = JAXB.createUnmarshaller().unmarshal(reader, SubmitObjectsRequest.class)
                    .getValue();
            return TRANSFORMER.fromEbXML(new EbXMLSubmitObjectsRequest30(request));
        } catch (JAXBException | XMLStreamException | RuntimeException e) {
            throw refused(name + ": not a readable ebXML 3.0 SubmitObjectsRequest (" + rootCause(e) + ")");
        }
    }

    /** Every file of the archive by its upper-cased name, at most {@code maxBytes} uncompressed in all. */
    private static Map<String, byte[]> unzip(byte[] zip, long maxBytes) {
        Map<String, byte[]> files = new LinkedHashMap<>();
        long total = 0;
        boolean any = false;
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            byte[] buffer = new byte[8192];
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                any = true;
                if (e.isDirectory()) {
                    continue;
                }
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                for (int n = in.read(buffer); n > 0; n = in.read(buffer)) {
                    total += n;
                    if (total > maxBytes) {
                        throw refused("IHE_XDM.ZIP: more than " + maxBytes + " bytes once uncompressed");
                    }
                    out.write(buffer, 0, n);
                }
                files.put(e.getName().replace('\\', '/').toUpperCase(Locale.ROOT), out.toByteArray());
            }
        } catch (IOException | IllegalArgumentException e) {
            throw refused("IHE_XDM.ZIP: not a readable ZIP archive (" + rootCause(e) + ")");
        }
        if (!any) {
            throw refused("IHE_XDM.ZIP: not a ZIP archive, or an empty one");
        }
        return files;
    }

    private static String rootCause(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + (root.getMessage() == null ? "" : ": " + root.getMessage());
    }

    private static DmpException refused(String message) {
        return new DmpException(DmpErrorCode.METADATA_ERROR, message, "IHE_XDM.ZIP");
    }
}
