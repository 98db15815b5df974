package org.dmpgateway.xds;

import org.apache.camel.builder.RouteBuilder;
import org.dmpgateway.mappings.CoreEndpoints;
import org.dmpgateway.mappings.xds.XdsQueryMapper;
import org.dmpgateway.mappings.xds.XdsQueryResponseMapper;
import org.dmpgateway.mappings.xds.XdsTransaction;
import org.openehealth.ipf.commons.ihe.xds.core.requests.QueryRegistry;
import org.dmpgateway.xds.vihf.VihfReader;
import org.dmpgateway.xds.vihf.VihfSecurityHeaderInterceptor;
import org.springframework.stereotype.Component;

import static org.openehealth.ipf.platform.camel.ihe.xds.XdsCamelValidators.iti18RequestValidator;
import static org.openehealth.ipf.platform.camel.ihe.xds.XdsCamelValidators.iti18ResponseValidator;

/**
 * ITI-18 Registry Stored Query, served at /services/iti18.
 * The caller is the VIHF of the request's wsse:Security header ({@link VihfReader}).
 */
@Component
public class Iti18Route extends RouteBuilder {
    private final VihfReader vihf;

    public Iti18Route(VihfReader vihf) {
        this.vihf = vihf;
    }

    @Override
    public void configure() {
        from("xds-iti18:iti18?" + VihfSecurityHeaderInterceptor.ENDPOINT_PARAMETER).routeId("iti18")
                .doTry()
                    .process(iti18RequestValidator())
                    .process(vihf)
                    .convertBodyTo(QueryRegistry.class)
                    .bean(XdsQueryMapper.class, "toQueryCommand")
                    .to(CoreEndpoints.QUERY_REGISTRY)
                    .bean(XdsQueryResponseMapper.class, "toQueryResponse")
                    .process(iti18ResponseValidator())
                .doCatch(Exception.class)
                    .process(XdsFailures.answer(XdsTransaction.ITI_18))
                .end();
    }
}
