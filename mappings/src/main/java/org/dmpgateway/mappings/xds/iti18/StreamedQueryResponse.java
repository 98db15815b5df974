package org.dmpgateway.mappings.xds.iti18;

import jakarta.xml.bind.JAXBElement;
import org.dmpgateway.mappings.xds.metadata.SharedComposites;
import org.dmpgateway.mappings.xds.metadata.ValuesAsSent;
import org.dmpgateway.mappings.xds.metadata.XdsMetadataMapper;
import org.dmpgateway.model.query.DocumentCursor;
import org.dmpgateway.model.query.StreamedQueryResult;
import org.openehealth.ipf.commons.ihe.xds.core.responses.QueryResponse;
import org.openehealth.ipf.commons.ihe.xds.core.responses.Status;
import org.openehealth.ipf.commons.ihe.xds.core.stub.ebrs30.query.AdhocQueryResponse;
import org.openehealth.ipf.commons.ihe.xds.core.stub.ebrs30.rim.IdentifiableType;
import org.openehealth.ipf.commons.ihe.xds.core.stub.ebrs30.rim.RegistryObjectListType;

import java.util.AbstractList;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * The ITI-18 answer of a {@link StreamedQueryResult}, written as its entries are read.
 * <p>
 * The answer is IPF's ebXML {@link AdhocQueryResponse}, as {@link XdsQueryResponseMapper} and
 * {@link ValuesAsSent} write it, except that its RegistryObjectList reads its document entries from
 * the core's cursor when JAXB iterates it to write them (JAXB's runtime writes a list through its
 * iterator): {@value #CHUNK} entries at a time are mapped to IPF's model, converted to ebXML by
 * IPF's QueryResponseTransformer (whose document entries do not depend on each other) with the
 * values as sent given back, and handed to JAXB. So the whole list is never held, as records, IPF
 * model or ebXML objects. The entries of one answer share IPF's objects of their equal values
 * (patient ids, authors, codes: {@link SharedComposites}), parsed and rendered once per answer. The list can be iterated once; the cursor is closed after its last entry,
 * when a conversion fails, and by {@link #close} (the adapter calls it when the answer could not be
 * written: client gone, failure). {@link #materialise} reads it whole, for IPF's validation of the
 * answer (tests); so does a first access by index.
 */
public final class StreamedQueryResponse {
    /** Entries converted to ebXML at a time. */
    static final int CHUNK = 50;

    private StreamedQueryResponse() {
    }

    /** The ebXML answer; its document entries still in the cursor when the result is streamed. */
    public static AdhocQueryResponse toEbXml(StreamedQueryResult result) {
        try {
            AdhocQueryResponse ebXml = ValuesAsSent.toEbXml(XdsQueryResponseMapper.toQueryResponse(result.result()));
            if (!result.streamed()) {
                return ebXml;
            }
            List<JAXBElement<? extends IdentifiableType>> others = ebXml.getRegistryObjectList() == null
                    ? List.of() : List.copyOf(ebXml.getRegistryObjectList().getIdentifiable());
            ebXml.setRegistryObjectList(new StreamedObjectList(
                    new StreamedObjects(result.documents(), result.documentCount(), others)));
            return ebXml;
        } catch (RuntimeException e) {
            result.close();
            throw e;
        }
    }

    /** The same answer with every entry read and converted (the cursor closed), for a validation of the whole. */
    public static AdhocQueryResponse materialise(AdhocQueryResponse ebXml) {
        if (ebXml.getRegistryObjectList() instanceof StreamedObjectList streamed) {
            RegistryObjectListType whole = new RegistryObjectListType();
            whole.getIdentifiable().addAll(streamed.objects.whole());
            ebXml.setRegistryObjectList(whole);
        }
        return ebXml;
    }

    /** Closes the cursor of a streamed answer (any other object: nothing); idempotent. */
    public static void close(Object answer) {
        if (answer instanceof AdhocQueryResponse ebXml && ebXml.getRegistryObjectList() instanceof StreamedObjectList s) {
            s.objects.cursor.close();
        }
    }

    /** Whether the answer still has entries to read from an open cursor. */
    public static boolean isOpen(Object answer) {
        return answer instanceof AdhocQueryResponse ebXml && ebXml.getRegistryObjectList() instanceof StreamedObjectList s
                && !s.objects.cursor.isClosed();
    }

    /**
     * A RegistryObjectList whose objects are read when written. JAXB writes it as the type it
     * extends (its runtime looks a bean's class up through its superclasses).
     */
    static final class StreamedObjectList extends RegistryObjectListType {
        private final StreamedObjects objects;

        StreamedObjectList(StreamedObjects objects) {
            this.objects = objects;
            this.identifiable = objects;
        }
    }

    /**
     * The objects of the answer: the cursor's entries converted chunk by chunk, then the others
     * (none for a FindDocuments). {@link #size()} is the number of entries selected. The first
     * reader decides how they are read: {@link #iterator()} reads them once, as a stream (JAXB);
     * {@link #get(int)} (a reader that needs random access, as a validator) reads and converts the
     * whole list at once, then serves it, iterator included, from memory.
     */
    static final class StreamedObjects extends AbstractList<JAXBElement<? extends IdentifiableType>> {
        private final DocumentCursor cursor;
        private final int count;
        private final List<JAXBElement<? extends IdentifiableType>> others;
        /** The composites, codes and sourcePatientInfo the answer's entries share. */
        private final SharedComposites composites = SharedComposites.forOneAnswer();
        private boolean streaming;
        private List<JAXBElement<? extends IdentifiableType>> whole;

        StreamedObjects(DocumentCursor cursor, int count, List<JAXBElement<? extends IdentifiableType>> others) {
            this.cursor = cursor;
            this.count = count;
            this.others = others;
        }

        @Override
        public int size() {
            return whole != null ? whole.size() : count + others.size();
        }

        @Override
        public JAXBElement<? extends IdentifiableType> get(int index) {
            return whole().get(index);
        }

        @Override
        public Iterator<JAXBElement<? extends IdentifiableType>> iterator() {
            return whole != null ? whole.iterator() : readOnce();
        }

        /** Every object, read from the cursor and converted now (the cursor is then closed). */
        List<JAXBElement<? extends IdentifiableType>> whole() {
            if (whole == null) {
                List<JAXBElement<? extends IdentifiableType>> read = new ArrayList<>(count + others.size());
                readOnce().forEachRemaining(read::add);
                whole = read;
            }
            return whole;
        }

        private Iterator<JAXBElement<? extends IdentifiableType>> readOnce() {
            if (streaming) {
                throw new IllegalStateException("a streamed answer is read once");
            }
            streaming = true;
            return new Iterator<>() {
                private final Deque<JAXBElement<? extends IdentifiableType>> chunk = new ArrayDeque<>();
                private final Iterator<JAXBElement<? extends IdentifiableType>> rest = others.iterator();

                @Override
                public boolean hasNext() {
                    if (chunk.isEmpty() && cursor.hasNext()) {
                        convertChunk();
                    }
                    return !chunk.isEmpty() || rest.hasNext();
                }

                @Override
                public JAXBElement<? extends IdentifiableType> next() {
                    if (!hasNext()) {
                        throw new NoSuchElementException("no more objects in the answer");
                    }
                    return chunk.isEmpty() ? rest.next() : chunk.removeFirst();
                }

                private void convertChunk() {
                    try {
                        QueryResponse part = new QueryResponse(Status.SUCCESS);
                        while (part.getDocumentEntries().size() < CHUNK && cursor.hasNext()) {
                            part.getDocumentEntries().add(XdsMetadataMapper.toXds(cursor.next(), composites));
                        }
                        if (!cursor.hasNext()) {
                            cursor.close();
                        }
                        if (!part.getDocumentEntries().isEmpty()) {
                            chunk.addAll(ValuesAsSent.toEbXml(part, composites).getRegistryObjectList().getIdentifiable());
                        }
                    } catch (RuntimeException e) {
                        cursor.close();
                        throw e;
                    }
                }
            };
        }
    }
}
