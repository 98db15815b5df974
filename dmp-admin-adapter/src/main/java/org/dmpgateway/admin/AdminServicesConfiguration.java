package org.dmpgateway.admin;

import org.apache.cxf.Bus;
import org.apache.cxf.jaxws.EndpointImpl;
import org.apache.cxf.binding.soap.model.SoapOperationInfo;
import org.apache.cxf.service.model.BindingInfo;
import org.apache.cxf.service.model.BindingOperationInfo;
import org.apache.cxf.service.model.InterfaceInfo;
import org.apache.cxf.service.model.OperationInfo;
import org.apache.cxf.service.model.ServiceInfo;
import org.apache.cxf.transport.servlet.CXFServlet;
import org.apache.cxf.ws.addressing.JAXWSAConstants;
import org.apache.cxf.ws.addressing.WSAddressingFeature;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Publishes the DMP administrative services on the application's CXF bus, and serves that bus
 * under the DMP's own base path {@value #DMP_BASE} too (beside {@code cxf.path}, /services): a
 * DMP client configured with {@code https://<host>/si-dmp-server/v2/services/} reaches
 * {@code patients}, {@code habilitations} and {@code patientsSpecific} there, and the XDS endpoints at their usual
 * names and under the DMP's names {@code registry} and {@code repository} ({@link DmpXdsServiceNames}). SOAP
 * 1.2 (the official binding), WS-Addressing (the answers carry Action, MessageID, RelatesTo), the
 * wsse:Security VIHF understood and read by the identity module's reader.
 */
@Configuration
public class AdminServicesConfiguration {
    /** The DMP's base path of its web services (official WSDL service addresses, kit, DRIMbox). */
    public static final String DMP_BASE = "/si-dmp-server/v2/services";

    @Bean
    public ServletRegistrationBean<CXFServlet> dmpServicesServlet(Bus bus) {
        CXFServlet servlet = new CXFServlet();
        servlet.setBus(bus);
        ServletRegistrationBean<CXFServlet> registration = new ServletRegistrationBean<>(servlet, DMP_BASE + "/*");
        registration.setName("dmpAdminServices");
        registration.setLoadOnStartup(1);
        return registration;
    }

    /** The XDS endpoints under the DMP's service names {@code registry} and {@code repository} ({@link DmpXdsServiceNames}). */
    @Bean
    public FilterRegistrationBean<DmpXdsServiceNames> dmpXdsServiceNames() {
        FilterRegistrationBean<DmpXdsServiceNames> registration = new FilterRegistrationBean<>(new DmpXdsServiceNames(DMP_BASE),
                new ServletRegistrationBean[0]);
        registration.setName("dmpXdsServiceNames");
        registration.addUrlPatterns(DMP_BASE + "/registry", DMP_BASE + "/repository");
        return registration;
    }

    @Bean(destroyMethod = "stop")
    public EndpointImpl patientsEndpoint(Bus bus, AdminCoreClient core, CallerIdentity identity) {
        return publish(bus, new GdpService(core, identity), "/patients");
    }

    @Bean(destroyMethod = "stop")
    public EndpointImpl habilitationsEndpoint(Bus bus, AdminCoreClient core, CallerIdentity identity) {
        EndpointImpl endpoint = publish(bus, new HabilitationsService(core, identity), "/habilitations");
        officialActions(endpoint);
        return endpoint;
    }

    /** TD0.4 at the DMP's service name {@code patientsSpecific} (the ANS kit's {@code Init}, S4). */
    @Bean(destroyMethod = "stop")
    public EndpointImpl patientsSpecificEndpoint(Bus bus, AdminCoreClient core, CallerIdentity identity) {
        EndpointImpl endpoint = publish(bus, new PatientsSpecificService(core, identity), "/patientsSpecific");
        officialActions(endpoint);
        return endpoint;
    }

    /**
     * TD0.5 at the DMP's service name {@code patientsPDQ} (the ANS kit's {@code Init}, S4). The ANS kit
     * sends the WS-Addressing action {@code urn:ihe:iti:pdqv3:2007:PDQSupplier_Service:findCandidatesQuery}
     * (PatientSoapService.cs) with the WSDL's soapAction, the official example and the WSDL
     * {@code urn:hl7-org:v3:PRPA_IN201305UV02} in both: both are accepted ({@link WsdlSoapActionAlias}).
     */
    @Bean(destroyMethod = "stop")
    public EndpointImpl patientsPdqEndpoint(Bus bus, AdminCoreClient core, CallerIdentity identity) {
        EndpointImpl endpoint = publish(bus, new PdqService(core, identity), "/patientsPDQ");
        endpoint.getServer().getEndpoint().getInInterceptors().add(new WsdlSoapActionAlias(Map.of(
                "urn:ihe:iti:pdqv3:2007:PDQSupplier_Service:findCandidatesQuery", "urn:hl7-org:v3:PRPA_IN201305UV02")));
        return endpoint;
    }

    /**
     * The WS-Addressing actions the DMP and its clients use for a service whose WSDL gives none
     * (Habilitations.wsdl has only the binding's soapAction {@code urn:hl7-org:v3:setAuthorization}):
     * {@code <namespace>:<portType>:<input name>} and {@code ...:<output name>}, e.g.
     * {@code urn:si-dmp-habilitations:HabilitationsEndPoint:setAuthorization}, as the official TD0.3
     * example and every known client send, and its {@code ...:setAuthorizationResponse} answer; the
     * binding's soapAction is accepted too ({@link WsdlSoapActionAlias}).
     */
    static void officialActions(EndpointImpl endpoint) {
        Map<String, String> aliases = new HashMap<>();
        for (ServiceInfo service : endpoint.getServer().getEndpoint().getService().getServiceInfos()) {
            InterfaceInfo portType = service.getInterface();
            String base = portType.getName().getNamespaceURI() + ":" + portType.getName().getLocalPart() + ":";
            for (OperationInfo operation : portType.getOperations()) {
                if (operation.getInput() != null) {
                    operation.getInput().addExtensionAttribute(JAXWSAConstants.WSAW_ACTION_QNAME,
                            base + operation.getInputName());
                }
                for (BindingInfo binding : service.getBindings()) {
                    BindingOperationInfo bound = binding.getOperation(operation);
                    SoapOperationInfo soap = bound == null ? null : bound.getExtensor(SoapOperationInfo.class);
                    if (soap != null && soap.getAction() != null && !soap.getAction().isBlank()) {
                        aliases.put(soap.getAction(), base + operation.getInputName());
                    }
                }
                if (operation.getOutput() != null) {
                    operation.getOutput().addExtensionAttribute(JAXWSAConstants.WSAW_ACTION_QNAME,
                            base + operation.getOutputName());
                }
            }
        }
        endpoint.getServer().getEndpoint().getInInterceptors().add(new WsdlSoapActionAlias(aliases));
    }

    private static EndpointImpl publish(Bus bus, Object service, String address) {
        EndpointImpl endpoint = new EndpointImpl(bus, service);
        endpoint.setFeatures(List.of(new WSAddressingFeature()));
        endpoint.getInInterceptors().add(new SecurityHeaderUnderstood());
        endpoint.publish(address);
        return endpoint;
    }
}
