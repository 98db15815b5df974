package org.dmpgateway.xds;

import org.apache.camel.builder.RouteBuilder;
import org.dmpgateway.model.Core;
import org.dmpgateway.model.Submission;
import org.dmpgateway.mappings.xds.iti41.XdsSubmissionMapper;
import org.dmpgateway.mappings.xds.error.XdsTransaction;
import org.openehealth.ipf.commons.ihe.xds.core.requests.ProvideAndRegisterDocumentSet;
import org.openehealth.ipf.commons.ihe.xds.core.responses.Response;
import org.openehealth.ipf.commons.ihe.xds.core.responses.Status;
import org.dmpgateway.xds.vihf.VihfProcessor;
import org.dmpgateway.xds.vihf.VihfSecurityHeaderInterceptor;
import org.springframework.stereotype.Component;

import static org.openehealth.ipf.platform.camel.ihe.xds.XdsCamelValidators.iti41RequestValidator;
import static org.openehealth.ipf.platform.camel.ihe.xds.XdsCamelValidators.iti41ResponseValidator;

/**
 * ITI-41 Provide and Register Document Set-b, served at /services/iti41.
 * The caller is the VIHF of the request's wsse:Security header ({@link VihfProcessor}). IPF validates
 * the request with the DMP's profile ({@link DmpProfiledValidation}: CX with ^NH, XON with IDNST).
 */
@Component
public class Iti41Route extends RouteBuilder {
    private final VihfProcessor vihf;
    private final Core core;
    private final ResponseValidation responses;

    public Iti41Route(VihfProcessor vihf, Core core, ResponseValidation responses) {
        this.vihf = vihf;
        this.core = core;
        this.responses = responses;
    }

    @Override
    public void configure() {
        // every failure becomes the transaction's XDS answer (XdsFailures), for the whole route
        onException(Exception.class).handled(true)
                .process(XdsFailures.answer(XdsTransaction.ITI_41, core));

        from("xds-iti41:iti41?" + VihfSecurityHeaderInterceptor.ENDPOINT_PARAMETER).routeId("iti41")
                .process(DmpProfiledValidation.profiled(iti41RequestValidator()))
                .process(vihf)
                .convertBodyTo(ProvideAndRegisterDocumentSet.class)
                .bean(XdsSubmissionMapper.class, "toSubmission")
                .process(CoreStep.call(Submission.class, core::submit))
                .process(exchange -> exchange.getMessage().setBody(new Response(Status.SUCCESS)))
                .process(responses.of(iti41ResponseValidator()));
    }
}
