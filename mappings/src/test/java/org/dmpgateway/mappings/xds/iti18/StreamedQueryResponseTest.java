package org.dmpgateway.mappings.xds.iti18;

import org.codehaus.stax2.XMLStreamWriter2;
import org.dmpgateway.mappings.xds.iti41.XdsSubmissionMapper;
import org.dmpgateway.mappings.xds.metadata.RenderedValues;
import org.dmpgateway.mappings.xds.metadata.ValuesAsSent;
import org.dmpgateway.model.AuthorInfo;
import org.dmpgateway.model.CodedValue;
import org.dmpgateway.model.DocumentEntryRecord;
import org.dmpgateway.model.query.DocumentCursor;
import org.dmpgateway.model.query.QueryResult;
import org.dmpgateway.model.query.StreamedQueryResult;
import org.junit.jupiter.api.Test;
import org.openehealth.ipf.commons.ihe.xds.core.SampleData;
import org.openehealth.ipf.commons.ihe.xds.core.stub.ebrs30.query.AdhocQueryResponse;

import javax.xml.stream.XMLOutputFactory;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The streamed ITI-18 answer, its entries written by the StAX writer, is byte for byte the answer
 * IPF and JAXB write whole (1,000 document entries, but for the ids drawn at random in every
 * answer), reads its cursor only while it is written, and closes it.
 */
class StreamedQueryResponseTest {
    private static final int ENTRIES = 1_000;

    private final DocumentEntryRecord sample = XdsSubmissionMapper.toSubmission(SampleData.createProvideAndRegisterDocumentSet())
            .documents().get(0).entry();

    private List<DocumentEntryRecord> entries() {
        List<DocumentEntryRecord> entries = new ArrayList<>();
        for (int i = 0; i < ENTRIES; i++) {
            entries.add(sample.toBuilder().entryUuid("urn:uuid:00000000-0000-0000-0000-" + String.format("%012d", i))
                    .uniqueId("1.2.3.4." + i).title("Document " + i).build());
        }
        return entries;
    }

    private static String marshal(AdhocQueryResponse response) throws Exception {
        return AnswerTexts.write(response);
    }

    private static String whole(List<DocumentEntryRecord> entries) throws Exception {
        return AnswerTexts.whole(entries);
    }

    private static void assertSameText(String whole, String streamed) {
        AnswerTexts.assertSameText(whole, streamed);
    }

    private static QueryResult empty() {
        return new QueryResult(List.of(), List.of(), List.of(), List.of(), false);
    }

    @Test
    void theStreamedAnswerIsTheWholeAnswerByteForByteAndClosesItsCursor() throws Exception {
        List<DocumentEntryRecord> entries = entries();
        String whole = whole(entries);
        CountingCursor cursor = new CountingCursor(entries);

        AdhocQueryResponse streamed = StreamedQueryResponse.toEbXml(new StreamedQueryResult(empty(), ENTRIES, cursor));
        assertEquals(0, cursor.read, "nothing is read before the answer is written");
        assertTrue(StreamedQueryResponse.isOpen(streamed));
        String written = marshal(streamed);

        assertSameText(whole, written);
        assertEquals(ENTRIES, cursor.read);
        assertTrue(cursor.isClosed(), "the cursor is closed after its last entry");
        assertEquals(ENTRIES, written.split("<ExtrinsicObject ", -1).length - 1);
    }

    /**
     * Answers share IPF's renderings of equal stored values (RenderedValues): entries whose authors,
     * patient ids as sent and codes differ or repeat, more distinct values than the tests' memory
     * keeps, give the text of the answer written whole, where nothing is shared; so do they through
     * a memory that keeps none, through one that already holds them all, and written to the JDK's
     * StAX writer (no raw text: every element through the writer's calls).
     */
    @Test
    void entriesSharingSomeValuesAndNotOthersGiveTheSameTextAsTheWholeAnswer() throws Exception {
        List<DocumentEntryRecord> entries = new ArrayList<>();
        for (int i = 0; i < 700; i++) {
            AuthorInfo author = sample.authors().get(0);
            AuthorInfo varied = new AuthorInfo("P" + (i % 300) + "^Family" + (i % 300) + "^Given^^^Dr^^^&1.2.250.1.71.4.2.1&ISO",
                    List.of("Clinic " + (i % 7) + "^^^^^&1.2.250.1.71.4.2.2&ISO^IDNST^^^" + (i % 7)),
                    List.of("ROLE" + (i % 3) + "^Role " + (i % 3) + "^1.2.250.1.213.1.1.4.6"), author.specialties(),
                    author.telecoms());
            entries.add(sample.toBuilder().entryUuid("urn:uuid:00000000-0000-0000-0000-" + String.format("%012d", i))
                    .uniqueId("1.2.3.4." + i).title("Document " + i)
                    .authors(i % 5 == 0 ? List.of(author) : List.of(varied, author))
                    .patientIdAsSent(i % 2 == 0 ? sample.patientIdAsSent()
                            : sample.patientId().id() + "^^^&" + sample.patientId().authority() + "&ISO^NH^^2010090" + (i % 9))
                    .classCode(new CodedValue("C" + (i % 11), "1.2.3", "Class " + (i % 11)))
                    .build());
        }
        String whole = whole(entries);

        String streamed = marshal(StreamedQueryResponse.toEbXml(
                new StreamedQueryResult(empty(), entries.size(), new CountingCursor(entries))));

        assertSameText(whole, streamed);
        assertTrue(streamed.contains("Clinic 3^^^^^&amp;1.2.250.1.71.4.2.2&amp;ISO^IDNST^^^3"), "an institution as sent");
        assertTrue(streamed.contains("^^^&amp;" + sample.patientId().authority() + "&amp;ISO^NH^^20100907"),
                "a patient id as sent");
        assertTrue(XMLOutputFactory.newInstance().createXMLStreamWriter(new StringWriter()) instanceof XMLStreamWriter2,
                "the tests write to Woodstox's writer, as CXF does: raw text");
        RenderedValues holdingAll = RenderedValues.keeping(10_000);
        for (RenderedValues rendered : List.of(RenderedValues.keeping(0), holdingAll, holdingAll)) {
            assertSameText(whole, AnswerTexts.write(StreamedQueryResponse.toEbXml(new StreamedQueryResult(empty(),
                    entries.size(), new CountingCursor(entries))), rendered, XMLOutputFactory.newInstance()));
        }
        XMLOutputFactory jdk = XMLOutputFactory.newDefaultFactory();
        assertFalse(jdk.createXMLStreamWriter(new StringWriter()) instanceof XMLStreamWriter2, "the JDK's writer writes no raw text");
        assertSameText(AnswerTexts.write(ValuesAsSent.toEbXml(XdsQueryResponseMapper.toQueryResponse(
                        new QueryResult(entries, List.of(), List.of(), List.of(), false))), holdingAll, jdk),
                AnswerTexts.write(StreamedQueryResponse.toEbXml(new StreamedQueryResult(empty(), entries.size(),
                        new CountingCursor(entries))), holdingAll, jdk));
    }

    /**
     * For IPF's validation, the answer's records are read whole and converted by IPF: that ebXML
     * written is the answer written whole, and the answer itself, its entries now in memory, is
     * still written (by the StAX writer) as the same text.
     */
    @Test
    void theAnswerForValidationIsTheWholeAnswerAndTheAnswerIsStillWrittenTheSame() throws Exception {
        List<DocumentEntryRecord> entries = entries().subList(0, 120);
        String whole = whole(entries);
        CountingCursor cursor = new CountingCursor(entries);
        AdhocQueryResponse answer = StreamedQueryResponse.toEbXml(new StreamedQueryResult(empty(), entries.size(), cursor));

        AdhocQueryResponse forValidation = StreamedQueryResponse.forValidation(answer);

        assertTrue(cursor.isClosed());
        assertFalse(StreamedQueryResponse.isOpen(answer));
        assertEquals(120, forValidation.getRegistryObjectList().getIdentifiable().size());
        assertSameText(whole, marshal(forValidation));
        assertSameText(whole, marshal(answer));
    }

    /**
     * A cursor that reads its rows ahead and gives its connection back after the last of them (as
     * the repository's does, {@code FETCH_SIZE} rows at a time), and keeps the contract of
     * {@link DocumentCursor#isClosed} (not closed while entries read ahead are still to give): the
     * answer of 130 entries (an incomplete last chunk) lists all 130. At stop 26 the repository's
     * cursor counted itself closed as soon as it had read its last rows, and such answers listed 50.
     */
    @Test
    void anAnswerWhoseCursorHasReadItsLastRowsAheadListsEveryEntry() throws Exception {
        List<DocumentEntryRecord> entries = entries().subList(0, 130);
        String whole = whole(entries);

        String streamed = marshal(StreamedQueryResponse.toEbXml(
                new StreamedQueryResult(empty(), entries.size(), new ReadAheadCursor(entries, 100))));
        AdhocQueryResponse forValidation = StreamedQueryResponse.forValidation(StreamedQueryResponse.toEbXml(
                new StreamedQueryResult(empty(), entries.size(), new ReadAheadCursor(entries, 100))));

        assertSameText(whole, streamed);
        assertEquals(130, forValidation.getRegistryObjectList().getIdentifiable().size());
    }

    @Test
    void closingAnAnswerNotWrittenClosesItsCursor() {
        CountingCursor cursor = new CountingCursor(entries());
        AdhocQueryResponse streamed = StreamedQueryResponse.toEbXml(new StreamedQueryResult(empty(), ENTRIES, cursor));

        StreamedQueryResponse.close(streamed);

        assertTrue(cursor.isClosed());
        assertEquals(0, cursor.read);
    }

    @Test
    void aFailureWhileTheEntriesAreReadClosesTheCursor() {
        CountingCursor cursor = new CountingCursor(entries()) {
            @Override
            public DocumentEntryRecord next() {
                if (read == 70) {
                    throw new IllegalStateException("the database went away");
                }
                return super.next();
            }
        };
        AdhocQueryResponse streamed = StreamedQueryResponse.toEbXml(new StreamedQueryResult(empty(), ENTRIES, cursor));

        assertThrows(Exception.class, () -> marshal(streamed));
        assertTrue(cursor.isClosed());
    }

    /**
     * A cursor that reads {@code fetch} entries ahead and releases its source as soon as it has
     * read the last of them, as the repository's cursor does with its connection.
     */
    private static final class ReadAheadCursor implements DocumentCursor {
        private final java.util.Iterator<DocumentEntryRecord> source;
        private final java.util.ArrayDeque<DocumentEntryRecord> ahead = new java.util.ArrayDeque<>();
        private final int fetch;
        private boolean released;
        private boolean closed;

        ReadAheadCursor(List<DocumentEntryRecord> entries, int fetch) {
            this.source = entries.iterator();
            this.fetch = fetch;
        }

        @Override
        public boolean hasNext() {
            if (ahead.isEmpty() && !released && !closed) {
                while (ahead.size() < fetch && source.hasNext()) {
                    ahead.add(source.next());
                }
                released = !source.hasNext();
            }
            return !ahead.isEmpty();
        }

        @Override
        public DocumentEntryRecord next() {
            if (!hasNext()) {
                throw new java.util.NoSuchElementException();
            }
            return ahead.removeFirst();
        }

        @Override
        public void close() {
            closed = true;
            ahead.clear();
        }

        @Override
        public boolean isClosed() {
            return closed || (released && ahead.isEmpty());
        }
    }

    /** A cursor over entries in memory ({@link DocumentCursor#of}) that counts what was read. */
    private static class CountingCursor implements DocumentCursor {
        private final DocumentCursor entries;
        int read;

        CountingCursor(List<DocumentEntryRecord> entries) {
            this.entries = DocumentCursor.of(entries);
        }

        @Override
        public boolean hasNext() {
            return entries.hasNext();
        }

        @Override
        public DocumentEntryRecord next() {
            read++;
            return entries.next();
        }

        @Override
        public void close() {
            entries.close();
        }

        @Override
        public boolean isClosed() {
            return entries.isClosed();
        }
    }
}
