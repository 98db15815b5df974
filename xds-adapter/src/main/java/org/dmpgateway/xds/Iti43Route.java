package org.dmpgateway.xds;

import org.apache.camel.builder.RouteBuilder;
import org.dmpgateway.model.Core;
import org.dmpgateway.model.query.RetrieveCommand;
import org.dmpgateway.mappings.xds.iti43.XdsRetrieveMapper;
import org.dmpgateway.mappings.xds.error.XdsTransaction;
import org.openehealth.ipf.commons.ihe.xds.core.requests.RetrieveDocumentSet;
import org.dmpgateway.xds.vihf.VihfProcessor;
import org.dmpgateway.xds.vihf.VihfSecurityHeaderInterceptor;
import org.springframework.stereotype.Component;

import static org.openehealth.ipf.platform.camel.ihe.xds.XdsCamelValidators.iti43RequestValidator;
import static org.openehealth.ipf.platform.camel.ihe.xds.XdsCamelValidators.iti43ResponseValidator;

/**
 * ITI-43 Retrieve Document Set, served at /services/iti43 (MTOM).
 * The caller is the VIHF of the request's wsse:Security header ({@link VihfProcessor}).
 */
@Component
public class Iti43Route extends RouteBuilder {
    private final VihfProcessor vihf;
    private final Core core;
    private final ResponseValidation responses;

    public Iti43Route(VihfProcessor vihf, Core core, ResponseValidation responses) {
        this.vihf = vihf;
        this.core = core;
        this.responses = responses;
    }

    @Override
    public void configure() {
        // every failure becomes the transaction's XDS answer (XdsFailures), for the whole route
        onException(Exception.class).handled(true)
                .process(XdsFailures.answer(XdsTransaction.ITI_43, core));

        from("xds-iti43:iti43?" + VihfSecurityHeaderInterceptor.ENDPOINT_PARAMETER).routeId("iti43")
                .process(iti43RequestValidator())
                .process(vihf)
                .convertBodyTo(RetrieveDocumentSet.class)
                .bean(XdsRetrieveMapper.class, "toRetrieveCommand")
                .process(CoreStep.call(RetrieveCommand.class, core::retrieve))
                .bean(XdsRetrieveMapper.class, "toRetrievedDocumentSet")
                .process(responses.of(iti43ResponseValidator()));
    }
}
