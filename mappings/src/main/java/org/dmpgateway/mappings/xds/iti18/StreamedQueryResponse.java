package org.dmpgateway.mappings.xds.iti18;

import org.dmpgateway.mappings.xds.metadata.ExtrinsicObjectWriter;
import org.dmpgateway.mappings.xds.metadata.RenderedValues;
import org.dmpgateway.mappings.xds.metadata.ValuesAsSent;
import org.dmpgateway.model.DocumentEntryRecord;
import org.dmpgateway.model.query.DocumentCursor;
import org.dmpgateway.model.query.QueryResult;
import org.dmpgateway.model.query.StreamedQueryResult;
import org.openehealth.ipf.commons.ihe.xds.core.stub.ebrs30.query.AdhocQueryResponse;
import org.openehealth.ipf.commons.ihe.xds.core.stub.ebrs30.rim.RegistryObjectListType;

import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * The ITI-18 answer of a {@link StreamedQueryResult}, its document entries written as they are read.
 * <p>
 * The answer is IPF's ebXML {@link AdhocQueryResponse}, as {@link XdsQueryResponseMapper} and
 * {@link ValuesAsSent} write it, whose RegistryObjectList holds no document entry: it holds the
 * core's cursor. JAXB writes the answer (the response element, its namespaces and status, the
 * list's other objects: none for a FindDocuments) through the writer of {@link #writingEntries},
 * which writes the entries first in the list, read from the cursor one by one, with
 * {@link ExtrinsicObjectWriter}: no IPF model, ebXML object or JAXB for the entries, and never the
 * whole list in memory. The text is the one IPF and JAXB write for the same records (proven by the
 * tests) but for the ids drawn at random for every answer. The stored values are rendered by IPF
 * once while the process keeps them ({@link RenderedValues}), for all answers.
 * <p>
 * The cursor is closed after its last entry, when writing fails, and by {@link #close} (the adapter
 * calls it when the answer could not be written: client gone, failure). {@link #forValidation}
 * reads the records whole, keeps them for the writing, and gives IPF's ebXML of them for IPF's
 * validation of the answer (tests).
 */
public final class StreamedQueryResponse {
    private StreamedQueryResponse() {
    }

    /** The ebXML answer; its document entries still in the cursor when the result is streamed. */
    public static AdhocQueryResponse toEbXml(StreamedQueryResult result) {
        try {
            AdhocQueryResponse ebXml = ValuesAsSent.toEbXml(XdsQueryResponseMapper.toQueryResponse(result.result()));
            if (!result.streamed()) {
                return ebXml;
            }
            StreamedEntryList list = new StreamedEntryList(result.documents());
            if (ebXml.getRegistryObjectList() != null) {
                list.getIdentifiable().addAll(ebXml.getRegistryObjectList().getIdentifiable());
            }
            ebXml.setRegistryObjectList(list);
            return ebXml;
        } catch (RuntimeException e) {
            result.close();
            throw e;
        }
    }

    /**
     * IPF's ebXML of the whole answer (its entries converted by IPF's transformer), for IPF's
     * validator: the entries are read from the cursor (then closed) and kept by the answer, which
     * still writes them with {@link ExtrinsicObjectWriter}. Any other answer: itself.
     */
    public static AdhocQueryResponse forValidation(AdhocQueryResponse answer) {
        if (!(answer.getRegistryObjectList() instanceof StreamedEntryList streamed)) {
            return answer;
        }
        List<DocumentEntryRecord> records = streamed.readWhole();
        AdhocQueryResponse whole = ValuesAsSent.toEbXml(XdsQueryResponseMapper.toQueryResponse(
                new QueryResult(records, List.of(), List.of(), List.of(), false)));
        if (whole.getRegistryObjectList() == null) {
            whole.setRegistryObjectList(new RegistryObjectListType());
        }
        whole.getRegistryObjectList().getIdentifiable().addAll(streamed.getIdentifiable());
        whole.setStatus(answer.getStatus());
        return whole;
    }

    /**
     * The writer to marshal {@code answer} to: {@code out} itself for an answer not streamed, else a
     * writer that writes the document entries into the answer's RegistryObjectList, before its other
     * objects, their stored values rendered through {@code rendered}.
     */
    public static XMLStreamWriter writingEntries(Object answer, XMLStreamWriter out, RenderedValues rendered) {
        if (answer instanceof AdhocQueryResponse ebXml && ebXml.getRegistryObjectList() instanceof StreamedEntryList list) {
            return new EntriesInsertingWriter(out, list, rendered);
        }
        return out;
    }

    /** Closes the cursor of a streamed answer (any other object: nothing); idempotent. */
    public static void close(Object answer) {
        if (answer instanceof AdhocQueryResponse ebXml && ebXml.getRegistryObjectList() instanceof StreamedEntryList s) {
            s.cursor.close();
        }
    }

    /** Whether the answer still has entries to read from an open cursor. */
    public static boolean isOpen(Object answer) {
        return answer instanceof AdhocQueryResponse ebXml && ebXml.getRegistryObjectList() instanceof StreamedEntryList s
                && s.whole == null && !s.cursor.isClosed();
    }

    /**
     * A RegistryObjectList whose document entries are in a cursor (or, once read whole, in memory),
     * written by {@link ExtrinsicObjectWriter}; JAXB writes it, with its other objects, as the type
     * it extends (its runtime looks a bean's class up through its superclasses).
     */
    static final class StreamedEntryList extends RegistryObjectListType {
        private final DocumentCursor cursor;
        private List<DocumentEntryRecord> whole;
        private boolean written;

        StreamedEntryList(DocumentCursor cursor) {
            this.cursor = cursor;
        }

        List<DocumentEntryRecord> readWhole() {
            if (whole == null) {
                List<DocumentEntryRecord> read = new ArrayList<>();
                try {
                    cursor.forEachRemaining(read::add);
                } finally {
                    cursor.close();
                }
                whole = read;
            }
            return whole;
        }

        /** Writes the entries, read once; the cursor is closed after its last entry or a failure. */
        void writeEntries(XMLStreamWriter out, String prefix, RenderedValues rendered) throws XMLStreamException {
            if (written && whole == null) {
                throw new IllegalStateException("a streamed answer is written once");
            }
            written = true;
            ExtrinsicObjectWriter writer = new ExtrinsicObjectWriter(out, prefix, rendered);
            Iterator<DocumentEntryRecord> entries = whole != null ? whole.iterator() : cursor;
            try {
                while (entries.hasNext()) {
                    writer.write(entries.next());
                }
            } finally {
                cursor.close();
            }
        }
    }
}
