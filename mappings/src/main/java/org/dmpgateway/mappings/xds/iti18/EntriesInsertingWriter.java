package org.dmpgateway.mappings.xds.iti18;

import org.dmpgateway.mappings.xds.metadata.ExtrinsicObjectWriter;

import javax.xml.namespace.NamespaceContext;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * The writer JAXB writes a streamed ITI-18 answer to ({@link StreamedQueryResponse#writingEntries}):
 * every call goes to the writer of the message, and right after the start of the answer's
 * {@code rim:RegistryObjectList} (JAXB's next call on it: its first other object or its end) the
 * document entries are written there by {@link ExtrinsicObjectWriter}, with the prefix JAXB bound to
 * the ebRIM namespace. So JAXB still writes everything else of the answer as before (response
 * element, namespace declarations, status), and the entries sit where JAXB would have put them.
 */
final class EntriesInsertingWriter implements XMLStreamWriter {
    private static final String LIST = "RegistryObjectList";

    private final XMLStreamWriter out;
    private final StreamedQueryResponse.StreamedEntryList entries;
    /** Depth of the element being written, the answer's element being 1. */
    private int depth;
    /** The prefix of the RegistryObjectList just started, its entries still to write; null otherwise. */
    private String pending;

    EntriesInsertingWriter(XMLStreamWriter out, StreamedQueryResponse.StreamedEntryList entries) {
        this.out = out;
        this.entries = entries;
    }

    /** Writes the entries when the RegistryObjectList was just started and what comes is no attribute of it. */
    private void content() throws XMLStreamException {
        if (pending != null) {
            String prefix = pending;
            pending = null;
            entries.writeEntries(out, prefix);
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
        out.writeStartElement(localName);
        depth++;
    }

    @Override
    public void writeStartElement(String namespaceURI, String localName) throws XMLStreamException {
        content();
        out.writeStartElement(namespaceURI, localName);
        started(out.getPrefix(namespaceURI), localName, namespaceURI);
    }

    @Override
    public void writeStartElement(String prefix, String localName, String namespaceURI) throws XMLStreamException {
        content();
        out.writeStartElement(prefix, localName, namespaceURI);
        started(prefix, localName, namespaceURI);
    }

    @Override
    public void writeEmptyElement(String namespaceURI, String localName) throws XMLStreamException {
        content();
        out.writeEmptyElement(namespaceURI, localName);
    }

    @Override
    public void writeEmptyElement(String prefix, String localName, String namespaceURI) throws XMLStreamException {
        content();
        out.writeEmptyElement(prefix, localName, namespaceURI);
    }

    @Override
    public void writeEmptyElement(String localName) throws XMLStreamException {
        content();
        out.writeEmptyElement(localName);
    }

    @Override
    public void writeEndElement() throws XMLStreamException {
        content();
        out.writeEndElement();
        depth--;
    }

    @Override
    public void writeEndDocument() throws XMLStreamException {
        content();
        out.writeEndDocument();
    }

    @Override
    public void close() throws XMLStreamException {
        out.close();
    }

    @Override
    public void flush() throws XMLStreamException {
        out.flush();
    }

    @Override
    public void writeAttribute(String localName, String value) throws XMLStreamException {
        out.writeAttribute(localName, value);
    }

    @Override
    public void writeAttribute(String prefix, String namespaceURI, String localName, String value) throws XMLStreamException {
        out.writeAttribute(prefix, namespaceURI, localName, value);
    }

    @Override
    public void writeAttribute(String namespaceURI, String localName, String value) throws XMLStreamException {
        out.writeAttribute(namespaceURI, localName, value);
    }

    @Override
    public void writeNamespace(String prefix, String namespaceURI) throws XMLStreamException {
        out.writeNamespace(prefix, namespaceURI);
    }

    @Override
    public void writeDefaultNamespace(String namespaceURI) throws XMLStreamException {
        out.writeDefaultNamespace(namespaceURI);
    }

    @Override
    public void writeComment(String data) throws XMLStreamException {
        content();
        out.writeComment(data);
    }

    @Override
    public void writeProcessingInstruction(String target) throws XMLStreamException {
        content();
        out.writeProcessingInstruction(target);
    }

    @Override
    public void writeProcessingInstruction(String target, String data) throws XMLStreamException {
        content();
        out.writeProcessingInstruction(target, data);
    }

    @Override
    public void writeCData(String data) throws XMLStreamException {
        content();
        out.writeCData(data);
    }

    @Override
    public void writeDTD(String dtd) throws XMLStreamException {
        out.writeDTD(dtd);
    }

    @Override
    public void writeEntityRef(String name) throws XMLStreamException {
        content();
        out.writeEntityRef(name);
    }

    @Override
    public void writeStartDocument() throws XMLStreamException {
        out.writeStartDocument();
    }

    @Override
    public void writeStartDocument(String version) throws XMLStreamException {
        out.writeStartDocument(version);
    }

    @Override
    public void writeStartDocument(String encoding, String version) throws XMLStreamException {
        out.writeStartDocument(encoding, version);
    }

    @Override
    public void writeCharacters(String text) throws XMLStreamException {
        content();
        out.writeCharacters(text);
    }

    @Override
    public void writeCharacters(char[] text, int start, int len) throws XMLStreamException {
        content();
        out.writeCharacters(text, start, len);
    }

    @Override
    public String getPrefix(String uri) throws XMLStreamException {
        return out.getPrefix(uri);
    }

    @Override
    public void setPrefix(String prefix, String uri) throws XMLStreamException {
        out.setPrefix(prefix, uri);
    }

    @Override
    public void setDefaultNamespace(String uri) throws XMLStreamException {
        out.setDefaultNamespace(uri);
    }

    @Override
    public void setNamespaceContext(NamespaceContext context) throws XMLStreamException {
        out.setNamespaceContext(context);
    }

    @Override
    public NamespaceContext getNamespaceContext() {
        return out.getNamespaceContext();
    }

    @Override
    public Object getProperty(String name) {
        return out.getProperty(name);
    }
}
