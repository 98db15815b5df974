package org.dmpgateway.identity;

import org.w3c.dom.Element;

import java.util.List;

import static org.dmpgateway.identity.Dom.children;

/**
 * Finds the one VIHF assertion among the {@code wsse:Security} SOAP headers of a request, whatever
 * SOAP stack delivered them (IPF's routes, a plain JAX-WS service): the caller hands the content of
 * each such header. An ambiguous identity is refused (IDENTITY_INVALID): several headers, or several
 * assertions in the header.
 */
final class SecurityHeaders {
    private SecurityHeaders() {
    }

    /**
     * The assertion, or null when there is none.
     *
     * @param contents the content of each {@code wsse:Security} header of the request, in order: the
     *                 header's DOM element, or any other object when the SOAP stack kept no element
     */
    static Element assertionIn(List<?> contents) {
        if (contents == null || contents.isEmpty()) {
            return null;
        }
        if (contents.size() > 1) {
            throw VihfAssertionParser.invalid("the request carries " + contents.size() + " wsse:Security headers,"
                    + " expected one holding one VIHF: the identity is ambiguous");
        }
        if (!(contents.get(0) instanceof Element security)) {
            return null;
        }
        List<Element> assertions = children(security, VihfNames.SAML2_NS, "Assertion");
        if (assertions.size() > 1) {
            throw VihfAssertionParser.invalid("the WS-Security header carries " + assertions.size()
                    + " SAML assertions, expected one VIHF: the identity is ambiguous");
        }
        return assertions.isEmpty() ? null : assertions.get(0);
    }
}
