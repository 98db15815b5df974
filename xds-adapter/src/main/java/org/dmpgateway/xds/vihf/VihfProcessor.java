package org.dmpgateway.xds.vihf;

import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;
import org.apache.cxf.headers.Header;
import org.dmpgateway.identity.VihfNames;
import org.dmpgateway.identity.VihfReader;
import org.dmpgateway.model.CoreEndpoints;
import org.openehealth.ipf.platform.camel.ihe.ws.AbstractWsEndpoint;
import org.springframework.stereotype.Component;

import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * The XDS routes' step that sets {@link CoreEndpoints#ACCESS_CONTEXT} from the VIHF of the incoming
 * {@code wsse:Security} SOAP header: the Camel glue around the identity module's {@link VihfReader},
 * which reads (and, with dmp.vihf.require-signature, verifies) it. IPF hands the route the SOAP
 * headers as a map by name; several {@code wsse:Security} headers arrive here as the marker of
 * {@link VihfSecurityHeaderInterceptor} and are refused by the reader as an ambiguous identity.
 */
@Component
public class VihfProcessor implements Processor {
    private final VihfReader reader;

    public VihfProcessor(VihfReader reader) {
        this.reader = reader;
    }

    @Override
    public void process(Exchange exchange) {
        Message message = exchange.getMessage();
        message.setHeader(CoreEndpoints.ACCESS_CONTEXT, reader.readSecurityHeaders(securityHeaders(message)));
    }

    /** The content of each incoming wsse:Security header: none, one, or as many as the marker counts. */
    static List<?> securityHeaders(Message message) {
        Object headers = message.getHeader(AbstractWsEndpoint.INCOMING_SOAP_HEADERS);
        if (!(headers instanceof Map<?, ?> byName) || !(byName.get(VihfNames.SECURITY_HEADER) instanceof Header security)) {
            return List.of();
        }
        if (security.getObject() instanceof VihfSecurityHeaderInterceptor.SeveralSecurityHeaders several) {
            return Collections.nCopies(several.count(), several);
        }
        return Collections.singletonList(security.getObject());
    }
}
