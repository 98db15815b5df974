package org.dmpgateway.xds;

import org.dmpgateway.model.error.Causes;
import org.apache.cxf.Bus;
import org.apache.cxf.binding.soap.SoapMessage;
import org.apache.cxf.binding.soap.interceptor.AbstractSoapInterceptor;
import org.apache.cxf.interceptor.Fault;
import org.apache.cxf.message.Message;
import org.apache.cxf.phase.Phase;
import org.apache.cxf.transport.http.AbstractHTTPDestination;
import org.dmpgateway.model.limits.Limits;
import jakarta.servlet.http.HttpServletRequest;
import org.dmpgateway.model.error.DmpErrorCode;
import org.dmpgateway.model.error.DmpException;
import org.dmpgateway.mappings.http.HttpErrorMapper;
import org.springframework.context.annotation.Configuration;

import javax.xml.namespace.QName;
import java.util.Locale;

/**
 * The HTTP status of the SOAP faults the endpoints send (an XDS refusal is no fault: it is a
 * RegistryResponse with status Failure, answered 200):
 * <ul>
 *   <li>a fault caused by the request (SOAP 1.2 {@code env:Sender}, SOAP 1.1 {@code Client}: malformed
 *       XML, a body that is not SOAP, a wrong content type) is answered <b>400</b>, as the SOAP 1.2
 *       HTTP binding says (W3C SOAP 1.2 Part 2, 7.5.1.2, table 20: "env:Sender" -> 400 Bad Request);</li>
 *   <li>a request body above {@code dmp.limits.request-bytes} (the LIMIT_EXCEEDED refusal in the
 *       cause chain) is answered <b>413</b> with a Sender fault whose reason names the limit;</li>
 *   <li>any other fault keeps CXF's 500 (SOAP 1.2: "env:Receiver" -> 500).</li>
 * </ul>
 * Added to the out-fault chain of the CXF bus, so every SOAP endpoint has it.
 */
public class SoapFaultHttpStatus extends AbstractSoapInterceptor {
    public SoapFaultHttpStatus() {
        super(Phase.PRE_STREAM);
    }

    @Override
    public void handleMessage(SoapMessage message) {
        if (!(message.getContent(Exception.class) instanceof Fault fault)) {
            return;
        }
        DmpException found = Causes.refusalIn(fault);
        DmpException limit = found != null && found.code() == DmpErrorCode.LIMIT_EXCEEDED ? found : null;
        if (limit == null && message.getExchange().getInMessage() != null
                && message.getExchange().getInMessage().get(AbstractHTTPDestination.HTTP_REQUEST)
                instanceof HttpServletRequest request
                && request.getAttribute(Limits.REFUSAL_ATTRIBUTE) instanceof DmpException refusal) {
            limit = refusal;
        }
        int status;
        if (limit != null) {
            fault.setMessage(limit.getMessage());
            fault.setFaultCode(message.getVersion().getSender());
            status = HttpErrorMapper.status(limit.code());
        } else if (isSender(fault.getFaultCode())) {
            status = 400;
        } else {
            return;
        }
        fault.setStatusCode(status);
        message.put(Message.RESPONSE_CODE, status);
    }

    private static boolean isSender(QName code) {
        if (code == null) {
            return false;
        }
        String local = code.getLocalPart().toLowerCase(Locale.ROOT);
        // SOAP 1.2 Sender, SOAP 1.1 Client, CXF's own "client" fault code
        return local.equals("sender") || local.equals("client");
    }

    /** Puts the interceptor on the bus every XDS endpoint is published on. */
    @Configuration
    static class Registration {
        Registration(Bus bus) {
            bus.getOutFaultInterceptors().add(new SoapFaultHttpStatus());
        }
    }
}
