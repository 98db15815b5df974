package org.dmpgateway.mappings.xds.iti18;

import jakarta.xml.bind.JAXBContext;
import jakarta.xml.bind.JAXBException;
import jakarta.xml.bind.Marshaller;
import org.dmpgateway.mappings.xds.metadata.RenderedValues;
import org.dmpgateway.mappings.xds.metadata.ValuesAsSent;
import org.dmpgateway.model.DocumentEntryRecord;
import org.dmpgateway.model.query.QueryResult;
import org.openehealth.ipf.commons.ihe.xds.core.XdsJaxbDataBinding;
import org.openehealth.ipf.commons.ihe.xds.core.stub.ebrs30.query.AdhocQueryResponse;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamWriter;
import java.io.StringWriter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * ITI-18 answers as text, written as CXF writes them: JAXB with IPF's XDS marshaller listener
 * (XdsJaxbDataBinding: extra metadata slots) to a StAX writer (Woodstox's, as CXF's), a streamed
 * answer through {@link StreamedQueryResponse#writingEntries}, its values rendered through one
 * memory shared by all the tests' answers (as the server's is by all its answers), smaller than
 * the server's so that the tests' answers overflow it.
 */
final class AnswerTexts {
    /** A UUID drawn at random for an answer (the tests' entries' own ids start with zeros). */
    private static final Pattern RANDOM_ID = Pattern.compile("urn:uuid:(?!00000000-)[0-9a-f-]{36}");
    private static final JAXBContext CONTEXT;
    private static final RenderedValues RENDERED = RenderedValues.keeping(256);

    static {
        try {
            CONTEXT = JAXBContext.newInstance(AdhocQueryResponse.class);
        } catch (JAXBException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private AnswerTexts() {
    }

    /** The answer of the records as IPF's transformer, ValuesAsSent and JAXB write it. */
    static String whole(List<DocumentEntryRecord> records) throws Exception {
        return write(ValuesAsSent.toEbXml(XdsQueryResponseMapper.toQueryResponse(
                new QueryResult(records, List.of(), List.of(), List.of(), false))));
    }

    /** The answer written as the ITI-18 endpoint writes it (a streamed answer's entries by the StAX writer). */
    static String write(AdhocQueryResponse answer) throws Exception {
        return write(answer, RENDERED, XMLOutputFactory.newInstance());
    }

    /** The answer written by JAXB to a StAX writer of {@code stax}, a streamed answer's values rendered through {@code rendered}. */
    static String write(AdhocQueryResponse answer, RenderedValues rendered, XMLOutputFactory stax) throws Exception {
        Marshaller marshaller = CONTEXT.createMarshaller();
        marshaller.setListener(new XdsJaxbDataBinding().getMarshallerListener());
        marshaller.setProperty(Marshaller.JAXB_FRAGMENT, true);
        StringWriter text = new StringWriter();
        XMLStreamWriter out = stax.createXMLStreamWriter(text);
        marshaller.marshal(answer, StreamedQueryResponse.writingEntries(answer, out, rendered));
        out.flush();
        return text.toString();
    }

    /**
     * Equal texts but for the ids drawn at random for each answer (classifications, external
     * identifiers: each the n-th distinct id of its text), or a failure showing where they part.
     */
    static void assertSameText(String expected, String actual) {
        String e = numberRandomIds(expected);
        String a = numberRandomIds(actual);
        int i = 0;
        while (i < Math.min(e.length(), a.length()) && e.charAt(i) == a.charAt(i)) {
            i++;
        }
        int from = Math.max(0, i - 200);
        assertEquals(e.substring(from, Math.min(e.length(), i + 200)), a.substring(from, Math.min(a.length(), i + 200)),
                "the texts differ at " + i);
        assertEquals(e.length(), a.length());
    }

    private static String numberRandomIds(String xml) {
        Map<String, String> numbers = new HashMap<>();
        Matcher m = RANDOM_ID.matcher(xml);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, numbers.computeIfAbsent(m.group(), k -> "random-id-" + numbers.size()));
        }
        m.appendTail(out);
        return out.toString();
    }
}
