package org.dmpgateway.xds.vihf;

import org.apache.cxf.binding.soap.SoapMessage;
import org.apache.cxf.binding.soap.interceptor.AbstractSoapInterceptor;
import org.apache.cxf.headers.Header;
import org.apache.cxf.phase.Phase;
import org.dmpgateway.identity.VihfNames;
import org.springframework.stereotype.Component;

import javax.xml.namespace.QName;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * Declares to CXF that the XDS endpoints understand the {@code wsse:Security} header, so that a
 * VIHF sent with {@code mustUnderstand="1"} (as WS-Security stacks usually do) is not refused with
 * a MustUnderstand SOAP fault. The header is processed in the route by {@link VihfProcessor}, whose
 * identity-module reader reads (and, with dmp.vihf.require-signature, verifies) the one SAML
 * assertion it carries; other WS-Security content (timestamps, message signatures) is not processed.
 * <p>
 * An ambiguous identity is not let through: IPF hands the route the SOAP headers as a map by name,
 * where a second {@code wsse:Security} header would silently replace the first. When a request
 * carries several, they are replaced here by one header holding a {@link SeveralSecurityHeaders}
 * marker, which {@link VihfProcessor} hands on as that many headers, refused (IDENTITY_INVALID).
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

    /** Marks several wsse:Security headers; the header itself is read in the route, where errors become XDS answers. */
    @Override
    public void handleMessage(SoapMessage message) {
        List<Header> headers = message.getHeaders();
        long count = headers.stream().filter(h -> VihfNames.SECURITY_HEADER.equals(h.getName())).count();
        if (count > 1) {
            for (Iterator<Header> i = headers.iterator(); i.hasNext(); ) {
                if (VihfNames.SECURITY_HEADER.equals(i.next().getName())) {
                    i.remove();
                }
            }
            // an incoming header only: CXF writes the headers of direction OUT (its default) into the answer
            Header marker = new Header(VihfNames.SECURITY_HEADER, new SeveralSecurityHeaders((int) count));
            marker.setDirection(Header.Direction.DIRECTION_IN);
            headers.add(marker);
        }
    }

    /** Stands for the {@code count} wsse:Security headers of a request, none of which is read. */
    public record SeveralSecurityHeaders(int count) {
    }
}
