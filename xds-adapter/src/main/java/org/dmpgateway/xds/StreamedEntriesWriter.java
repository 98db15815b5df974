package org.dmpgateway.xds;

import org.apache.cxf.message.Message;
import org.apache.cxf.phase.AbstractPhaseInterceptor;
import org.apache.cxf.phase.Phase;
import org.dmpgateway.mappings.xds.iti18.StreamedQueryResponse;
import org.dmpgateway.mappings.xds.metadata.RenderedValues;

import javax.xml.stream.XMLStreamWriter;
import java.util.List;

/**
 * Has the document entries of an ITI-18 answer written as a stream ({@link StreamedQueryResponse})
 * written straight from the core's cursor: before CXF marshals the answer (its BareOutInterceptor,
 * phase MARSHAL), the message's XMLStreamWriter is replaced by the one of
 * {@link StreamedQueryResponse#writingEntries}, which passes everything JAXB writes on and writes the
 * entries into the answer's RegistryObjectList with the StAX writer of the mappings. Any other answer
 * keeps its writer. The stored values are rendered through {@link RenderedValues}, one for the
 * process. Added to the outgoing chain by {@link StreamedAnswerCloser}, which closes the
 * cursor when CXF is done.
 */
final class StreamedEntriesWriter extends AbstractPhaseInterceptor<Message> {
    private final RenderedValues rendered;

    StreamedEntriesWriter(RenderedValues rendered) {
        super(Phase.PRE_MARSHAL);
        this.rendered = rendered;
    }

    @Override
    public void handleMessage(Message message) {
        List<?> contents = message.getContent(List.class);
        XMLStreamWriter out = message.getContent(XMLStreamWriter.class);
        if (contents == null || out == null) {
            return;
        }
        for (Object part : contents) {
            XMLStreamWriter writer = StreamedQueryResponse.writingEntries(part, out, rendered);
            if (writer != out) {
                message.setContent(XMLStreamWriter.class, writer);
                return;
            }
        }
    }
}
