package org.dmpgateway.fhir;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.api.EncodingEnum;
import ca.uhn.fhir.rest.server.IResourceProvider;
import ca.uhn.fhir.rest.server.IncomingRequestAddressStrategy;
import ca.uhn.fhir.rest.server.RestfulServer;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.dmpgateway.fhir.error.MalformedSearchValues;
import org.dmpgateway.fhir.error.UnexpectedErrorInterceptor;
import org.dmpgateway.fhir.iti68.StreamedBinary;
import org.dmpgateway.fhir.identity.BearerTokenInterceptor;
import org.dmpgateway.fhir.identity.BearerTokenReader;

import java.io.IOException;
import java.util.List;

/**
 * The FHIR R4 endpoint, HAPI's plain RestfulServer at {@code /fhir}: one resource provider per
 * resource type, the system-level providers, the bearer-token identity, and error answers as
 * OperationOutcomes. JSON is the default encoding; XML is served on request.
 */
public class DmpFhirServer extends RestfulServer {
    private final transient List<IResourceProvider> resourceProviders;
    private final transient List<FhirSystemProvider> systemProviders;
    private final transient BearerTokenReader tokens;
    private final String version;

    public DmpFhirServer(FhirContext context, List<IResourceProvider> resourceProviders,
                         List<FhirSystemProvider> systemProviders, BearerTokenReader tokens, String version) {
        super(context);
        this.resourceProviders = List.copyOf(resourceProviders);
        this.systemProviders = List.copyOf(systemProviders);
        this.tokens = tokens;
        this.version = version;
    }

    @Override
    protected void initialize() {
        setServerName("DMP Gateway");
        setServerVersion(version);
        setImplementationDescription("DMP Gateway FHIR R4 (IHE MHD / PDSm)");
        setDefaultResponseEncoding(EncodingEnum.JSON);
        setServerAddressStrategy(new IncomingRequestAddressStrategy());
        setResourceProviders(resourceProviders);
        registerProviders(List.copyOf(systemProviders));
        registerInterceptor(new BearerTokenInterceptor(tokens));
        registerInterceptor(new MalformedSearchValues());
        registerInterceptor(new UnexpectedErrorInterceptor());
        registerInterceptor(new CapabilityStatementCustomizer(version));
        registerInterceptor(new StreamedBinary());
    }

    /** Every answer written through a {@link BufferedResponse}: HAPI's flushes do not reach the socket. */
    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response)
            throws ServletException, IOException {
        super.service(request, new BufferedResponse(response));
    }
}
