package org.dmpgateway.admin;

import org.apache.cxf.binding.soap.interceptor.SoapActionInInterceptor;
import org.apache.cxf.message.Message;
import org.apache.cxf.phase.AbstractPhaseInterceptor;
import org.apache.cxf.phase.Phase;
import org.apache.cxf.ws.addressing.AddressingProperties;
import org.apache.cxf.ws.addressing.ContextUtils;
import org.apache.cxf.ws.addressing.MAPAggregator;

import java.util.Map;

/**
 * Accepts, as the WS-Addressing action of a request, the binding's {@code soapAction} of the
 * official WSDL as well as the action the DMP's clients send. Habilitations.wsdl gives no
 * {@code wsaw:Action}, only {@code soapAction="urn:hl7-org:v3:setAuthorization"}: the official example
 * and the kit send {@code urn:si-dmp-habilitations:HabilitationsEndPoint:setAuthorization}, a client
 * generated from the WSDL (CXF, .NET) sends the soapAction. Both reach the operation: the second is
 * rewritten to the first before CXF's WS-Addressing check, with the SOAPAction that must agree with it.
 */
final class WsdlSoapActionAlias extends AbstractPhaseInterceptor<Message> {
    private final Map<String, String> aliases;

    WsdlSoapActionAlias(Map<String, String> aliases) {
        super(Phase.PRE_LOGICAL);
        addBefore(MAPAggregator.class.getName());
        this.aliases = Map.copyOf(aliases);
    }

    @Override
    public void handleMessage(Message message) {
        AddressingProperties maps = ContextUtils.retrieveMAPs(message, false, false, false);
        if (maps != null && maps.getAction() != null) {
            String official = aliases.get(maps.getAction().getValue());
            if (official != null) {
                maps.getAction().setValue(official);
                // CXF checks that the SOAPAction (SOAP 1.2: the Content-Type's action) agrees with wsa:Action;
                // a client generated from the WSDL sends the soapAction in both: the pair is verified here
                String soapAction = SoapActionInInterceptor.getSoapAction(message);
                if (soapAction == null || soapAction.isEmpty() || aliases.containsKey(soapAction.replace("\"", ""))
                        || official.equals(soapAction.replace("\"", ""))) {
                    message.put(MAPAggregator.ACTION_VERIFIED, Boolean.TRUE);
                }
            }
        }
    }
}
