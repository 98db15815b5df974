package org.dmpgateway.mappings.xds.iti18;

import org.apache.cxf.staxutils.DelegatingXMLStreamWriter;
import org.dmpgateway.mappings.xds.metadata.ExtrinsicObjectWriter;
import org.dmpgateway.mappings.xds.metadata.RenderedValues;

import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * The writer JAXB writes a streamed ITI-18 answer to ({@link StreamedQueryResponse#writingEntries}):
 * every call goes to the writer of the message, and right after the start of the answer's
 * {@code rim:RegistryObjectList} (before JAXB's next call that is no attribute or namespace of it:
 * its first other object or its end) the document entries are written there by
 * {@link ExtrinsicObjectWriter}, with the prefix JAXB bound to the ebRIM namespace. So JAXB still
 * writes everything else of the answer as before (response element, namespace declarations,
 * status), and the entries sit where JAXB would have put them.
 */
final class EntriesInsertingWriter extends DelegatingXMLStreamWriter {
    private static final String LIST = "RegistryObjectList";

    private final StreamedQueryResponse.StreamedEntryList entries;
    private final RenderedValues rendered;
    /** Depth of the element being written, the answer's element being 1. */
    private int depth;
    /** The prefix of the RegistryObjectList just started, its entries still to write; null otherwise. */
    private String pending;

    EntriesInsertingWriter(XMLStreamWriter out, StreamedQueryResponse.StreamedEntryList entries, RenderedValues rendered) {
        super(out);
        this.entries = entries;
        this.rendered = rendered;
    }

    /** Writes the entries when the RegistryObjectList was just started. */
    private void content() throws XMLStreamException {
        if (pending != null) {
            String prefix = pending;
            pending = null;
            entries.writeEntries(delegate, prefix, rendered);
        }
    }

    private void started(String prefix, String localName, String namespaceUri) {
        depth++;
        if (depth == 2 && LIST.equals(localName) && ExtrinsicObjectWriter.RIM.equals(namespaceUri)) {
            pending = prefix == null ? "" : prefix;
        }
    }

    @Override
    public void writeStartElement(String localName) throws XMLStreamException {
        content();
        super.writeStartElement(localName);
        depth++;
    }

    @Override
    public void writeStartElement(String namespaceURI, String localName) throws XMLStreamException {
        content();
        super.writeStartElement(namespaceURI, localName);
        started(delegate.getPrefix(namespaceURI), localName, namespaceURI);
    }

    @Override
    public void writeStartElement(String prefix, String localName, String namespaceURI) throws XMLStreamException {
        content();
        super.writeStartElement(prefix, localName, namespaceURI);
        started(prefix, localName, namespaceURI);
    }

    @Override
    public void writeEmptyElement(String namespaceURI, String localName) throws XMLStreamException {
        content();
        super.writeEmptyElement(namespaceURI, localName);
    }

    @Override
    public void writeEmptyElement(String prefix, String localName, String namespaceURI) throws XMLStreamException {
        content();
        super.writeEmptyElement(prefix, localName, namespaceURI);
    }

    @Override
    public void writeEmptyElement(String localName) throws XMLStreamException {
        content();
        super.writeEmptyElement(localName);
    }

    @Override
    public void writeEndElement() throws XMLStreamException {
        content();
        super.writeEndElement();
        depth--;
    }

    @Override
    public void writeCharacters(String text) throws XMLStreamException {
        content();
        super.writeCharacters(text);
    }

    @Override
    public void writeCharacters(char[] text, int start, int len) throws XMLStreamException {
        content();
        super.writeCharacters(text, start, len);
    }

    @Override
    public void writeCData(String data) throws XMLStreamException {
        content();
        super.writeCData(data);
    }

    @Override
    public void writeComment(String data) throws XMLStreamException {
        content();
        super.writeComment(data);
    }
}
