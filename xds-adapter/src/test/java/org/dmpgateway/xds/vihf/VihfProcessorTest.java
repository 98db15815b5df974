package org.dmpgateway.xds.vihf;

import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.apache.cxf.binding.soap.SoapHeader;
import org.apache.cxf.headers.Header;
import org.dmpgateway.identity.VihfNames;
import org.dmpgateway.identity.VihfReader;
import org.dmpgateway.model.CoreEndpoints;
import org.dmpgateway.model.access.AccessContext;
import org.dmpgateway.model.error.DmpErrorCode;
import org.dmpgateway.model.error.DmpException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openehealth.ipf.platform.camel.ihe.ws.AbstractWsEndpoint;
import org.w3c.dom.Element;

import javax.xml.namespace.QName;
import java.util.Map;

import static org.dmpgateway.identity.VihfFixture.assertion;
import static org.dmpgateway.identity.VihfFixture.durant;
import static org.dmpgateway.identity.VihfFixture.securityHeader;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The Camel step of the XDS routes: the VIHF of IPF's incoming SOAP headers becomes the access context. */
class VihfProcessorTest {
    private static DefaultCamelContext camel;
    private final VihfProcessor processor = new VihfProcessor(VihfReader.unsigned());

    @BeforeAll
    static void startCamel() {
        camel = new DefaultCamelContext();
    }

    @AfterAll
    static void stopCamel() throws Exception {
        camel.close();
    }

    private static Exchange exchangeWith(Map<QName, Header> soapHeaders) {
        Exchange exchange = new DefaultExchange(camel);
        if (soapHeaders != null) {
            exchange.getMessage().setHeader(AbstractWsEndpoint.INCOMING_SOAP_HEADERS, soapHeaders);
        }
        return exchange;
    }

    private static Map<QName, Header> security(Element content) {
        return Map.of(VihfNames.SECURITY_HEADER, new SoapHeader(VihfNames.SECURITY_HEADER, content));
    }

    private DmpException refused(DmpErrorCode expected, Exchange exchange) {
        DmpException e = assertThrows(DmpException.class, () -> processor.process(exchange));
        assertEquals(expected, e.code(), e::getMessage);
        assertNull(exchange.getMessage().getHeader(CoreEndpoints.ACCESS_CONTEXT));
        return e;
    }

    @Test
    void setsTheAccessContextFromTheSecurityHeader() {
        Exchange exchange = exchangeWith(security(securityHeader(assertion(durant()))));

        processor.process(exchange);

        AccessContext c = exchange.getMessage().getHeader(CoreEndpoints.ACCESS_CONTEXT, AccessContext.class);
        assertNotNull(c);
        assertEquals("810002345678", c.actorId());
        assertEquals("279035121518989", c.patient().id());
    }

    @Test
    void refusesARequestWithoutAssertion() {
        for (Exchange exchange : new Exchange[]{exchangeWith(null), exchangeWith(Map.of()),
                exchangeWith(security(securityHeader()))}) {
            DmpException e = refused(DmpErrorCode.IDENTITY_MISSING, exchange);
            assertEquals("the request carries no VIHF assertion in its WS-Security header", e.errors().get(0).message());
        }
    }

    @Test
    void refusesTwoAssertions() {
        refused(DmpErrorCode.IDENTITY_INVALID, exchangeWith(security(securityHeader(assertion(durant()),
                assertion(durant())))));
    }

    @Test
    void refusesSeveralSecurityHeaders() {
        Header marker = new Header(VihfNames.SECURITY_HEADER, new VihfSecurityHeaderInterceptor.SeveralSecurityHeaders(2));
        DmpException e = refused(DmpErrorCode.IDENTITY_INVALID, exchangeWith(Map.of(VihfNames.SECURITY_HEADER, marker)));
        assertTrue(e.getMessage().contains("2 wsse:Security headers"), e.getMessage());
    }

    @Test
    void replacesAnAccessContextSetBeforeIt() {
        Exchange exchange = exchangeWith(security(securityHeader(assertion(durant()))));
        exchange.getMessage().setHeader(CoreEndpoints.ACCESS_CONTEXT, "forged");
        processor.process(exchange);
        assertInstanceOf(AccessContext.class, exchange.getMessage().getHeader(CoreEndpoints.ACCESS_CONTEXT));
    }
}
