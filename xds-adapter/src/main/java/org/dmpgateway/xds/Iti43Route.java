package org.dmpgateway.xds;

import org.apache.camel.builder.RouteBuilder;
import org.dmpgateway.model.CoreEndpoints;
import org.dmpgateway.mappings.xds.XdsRetrieveMapper;
import org.dmpgateway.mappings.xds.XdsTransaction;
import org.openehealth.ipf.commons.ihe.xds.core.requests.RetrieveDocumentSet;
import org.dmpgateway.xds.vihf.VihfReader;
import org.dmpgateway.xds.vihf.VihfSecurityHeaderInterceptor;
import org.springframework.stereotype.Component;

import static org.openehealth.ipf.platform.camel.ihe.xds.XdsCamelValidators.iti43RequestValidator;
import static org.openehealth.ipf.platform.camel.ihe.xds.XdsCamelValidators.iti43ResponseValidator;

/**
 * ITI-43 Retrieve Document Set, served at /services/iti43 (MTOM).
 * The caller is the VIHF of the request's wsse:Security header ({@link VihfReader}).
 */
@Component
public class Iti43Route extends RouteBuilder {
    private final VihfReader vihf;

    public Iti43Route(VihfReader vihf) {
        this.vihf = vihf;
    }

    @Override
    public void configure() {
        from("xds-iti43:iti43?" + VihfSecurityHeaderInterceptor.ENDPOINT_PARAMETER).routeId("iti43")
                .doTry()
                    .process(iti43RequestValidator())
                    .process(vihf)
                    .convertBodyTo(RetrieveDocumentSet.class)
                    .bean(XdsRetrieveMapper.class, "toRetrieveCommand")
                    .to(CoreEndpoints.RETRIEVE_DOCUMENTS)
                    .bean(XdsRetrieveMapper.class, "toRetrievedDocumentSet")
                    .process(iti43ResponseValidator())
                .doCatch(Exception.class)
                    .process(XdsFailures.answer(XdsTransaction.ITI_43))
                .end();
    }
}
