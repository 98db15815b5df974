package org.dmpgateway.admin;

import org.apache.cxf.binding.soap.SoapMessage;
import org.apache.cxf.binding.soap.interceptor.AbstractSoapInterceptor;
import org.apache.cxf.phase.Phase;
import org.dmpgateway.identity.VihfNames;

import javax.xml.namespace.QName;
import java.util.Set;

/**
 * Declares to CXF that the administrative services understand the {@code wsse:Security} header, so
 * that a VIHF sent with {@code mustUnderstand="1"} is not refused with a MustUnderstand fault: the
 * service reads it through {@link CallerIdentity}, with every such header of the request (several
 * are refused there as an ambiguous identity). Other WS-Security content is not processed.
 */
final class SecurityHeaderUnderstood extends AbstractSoapInterceptor {
    SecurityHeaderUnderstood() {
        super(Phase.PRE_PROTOCOL);
    }

    @Override
    public Set<QName> getUnderstoodHeaders() {
        return Set.of(VihfNames.SECURITY_HEADER);
    }

    @Override
    public void handleMessage(SoapMessage message) {
        // nothing to do here: the header is read by the service, where a refusal becomes a SOAP fault
    }
}
