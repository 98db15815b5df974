package org.dmpgateway.xds;

import org.apache.cxf.message.Message;
import org.apache.cxf.phase.AbstractPhaseInterceptor;
import org.apache.cxf.phase.Phase;
import org.dmpgateway.config.DmpProperties;
import org.dmpgateway.mappings.xds.iti18.StreamedQueryResponse;
import org.dmpgateway.mappings.xds.metadata.RenderedValues;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * Closes the database cursor of an ITI-18 answer written as a stream ({@link StreamedQueryResponse})
 * once CXF is done with the answer, whatever happened: after the answer was written (an ending
 * interceptor, the last of the outgoing chain), and when writing it failed (the client went away,
 * the database failed while the entries were read: CXF then calls {@link #handleFault} of every
 * interceptor that ran, this one first in the chain). Attached to the ITI-18 endpoint with
 * {@code ?outInterceptors=#streamedAnswerCloser}, it also adds {@link StreamedEntriesWriter}, which has
 * the answer's entries written from the cursor, their stored values rendered through the process's
 * {@link RenderedValues} (at most {@code dmp.xds.rendered-values-cache-size} values kept).
 */
@Component(StreamedAnswerCloser.BEAN)
public class StreamedAnswerCloser extends AbstractPhaseInterceptor<Message> {
    public static final String BEAN = "streamedAnswerCloser";
    /** The endpoint parameter that attaches it. */
    public static final String ENDPOINT_PARAMETER = "outInterceptors=#" + BEAN;

    private final StreamedEntriesWriter entries;
    private final AbstractPhaseInterceptor<Message> ending = new AbstractPhaseInterceptor<>(Phase.SETUP_ENDING) {
        @Override
        public void handleMessage(Message message) {
            closeAnswerOf(message);
        }
    };

    /** With {@code dmp.xds.rendered-values-cache-size} of the configuration tree. */
    public StreamedAnswerCloser(DmpProperties.Xds xds) {
        super(Phase.SETUP);
        this.entries = new StreamedEntriesWriter(RenderedValues.keeping(xds.renderedValuesCacheSize()));
    }

    @Override
    public void handleMessage(Message message) {
        message.getInterceptorChain().add(entries);
        message.getInterceptorChain().add(ending);
    }

    @Override
    public void handleFault(Message message) {
        closeAnswerOf(message);
    }

    private static void closeAnswerOf(Message message) {
        List<?> contents = message.getContent(List.class);
        if (contents != null) {
            contents.forEach(StreamedQueryResponse::close);
        }
    }
}
