package org.dmpgateway.xds.vihf;

import org.apache.cxf.binding.soap.SoapMessage;
import org.apache.cxf.binding.soap.interceptor.AbstractSoapInterceptor;
import org.apache.cxf.phase.Phase;
import org.springframework.stereotype.Component;

import javax.xml.namespace.QName;
import java.util.Set;

/**
 * Declares to CXF that the XDS endpoints understand the {@code wsse:Security} header, so that a
 * VIHF sent with {@code mustUnderstand="1"} (as WS-Security stacks usually do) is not refused with
 * a MustUnderstand SOAP fault. The header is processed in the route by {@link VihfReader}, which
 * reads (and, with dmp.vihf.require-signature, verifies) the one SAML assertion it carries; other
 * WS-Security content (timestamps, message signatures) is not processed.
 * <p>
 * Attached to the endpoints with {@code ?inInterceptors=#vihfSecurityHeader}.
 */
@Component(VihfSecurityHeaderInterceptor.BEAN)
public class VihfSecurityHeaderInterceptor extends AbstractSoapInterceptor {
    /** The bean name the endpoint URIs refer to. */
    public static final String BEAN = "vihfSecurityHeader";

    /** The endpoint URI parameter that attaches this interceptor. */
    public static final String ENDPOINT_PARAMETER = "inInterceptors=#" + BEAN;

    public VihfSecurityHeaderInterceptor() {
        super(Phase.PRE_PROTOCOL);
    }

    @Override
    public Set<QName> getUnderstoodHeaders() {
        return Set.of(VihfNames.SECURITY_HEADER);
    }

    /** Nothing to do in CXF: the understood header is read in the route, where errors become XDS answers. */
    @Override
    public void handleMessage(SoapMessage message) {
        // the declaration above is this interceptor's whole purpose
    }
}
