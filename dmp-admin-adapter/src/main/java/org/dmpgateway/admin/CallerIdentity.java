package org.dmpgateway.admin;

import org.apache.cxf.binding.soap.Soap12;
import org.apache.cxf.binding.soap.SoapFault;
import org.apache.cxf.binding.soap.SoapMessage;
import org.apache.cxf.headers.Header;
import org.apache.cxf.message.Message;
import org.apache.cxf.phase.PhaseInterceptorChain;
import org.dmpgateway.identity.VihfNames;
import org.dmpgateway.identity.VihfReader;
import org.dmpgateway.model.access.AccessContext;
import org.dmpgateway.model.error.DmpError;
import org.dmpgateway.model.error.DmpException;
import org.springframework.stereotype.Component;

import javax.xml.namespace.QName;
import java.util.stream.Collectors;

/**
 * The caller of a DMP administrative service: the VIHF of the request's {@code wsse:Security}
 * header, read (and, with dmp.vihf.require-signature, verified) by the identity module's {@link VihfReader}.
 * An unacceptable identity answers a SOAP 1.2 Sender fault whose subcode is the DMP Gateway code
 * (IDENTITY_MISSING, IDENTITY_INVALID, IDENTITY_UNTRUSTED) and whose reason says what is wrong: the
 * DMP's own fault catalogue is not public (docs/dmp-admin-services.md).
 */
@Component
public class CallerIdentity {
    /** Namespace of the fault subcodes: the DMP Gateway's error codes (docs/error-codes.md). */
    public static final String FAULT_NS = "urn:dmp-gateway:error";

    private final VihfReader vihf;

    public CallerIdentity(VihfReader vihf) {
        this.vihf = vihf;
    }

    /** The caller of the request being served. */
    public AccessContext current() {
        Message message = PhaseInterceptorChain.getCurrentMessage();
        if (!(message instanceof SoapMessage soap)) {
            throw new IllegalStateException("no SOAP request in progress");
        }
        try {
            return vihf.readSecurityHeaders(soap.getHeaders().stream()
                    .filter(h -> VihfNames.SECURITY_HEADER.equals(h.getName())).map(Header::getObject).toList());
        } catch (DmpException e) {
            throw fault(e);
        }
    }

    /** A SOAP Sender fault naming the refusal's code and messages. */
    static SoapFault fault(DmpException e) {
        SoapFault fault = new SoapFault(e.errors().stream().map(DmpError::message).collect(Collectors.joining("; ")),
                Soap12.getInstance().getSender());
        fault.setSubCode(new QName(FAULT_NS, e.code().name()));
        return fault;
    }
}
