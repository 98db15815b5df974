package org.dmpgateway.xds;

import org.apache.camel.Processor;
import org.apache.camel.builder.RouteBuilder;
import org.dmpgateway.model.Core;
import org.dmpgateway.model.DocumentUpdate;
import org.dmpgateway.mappings.xds.error.XdsTransaction;
import org.dmpgateway.mappings.xds.iti57.XdsUpdateMapper;
import org.dmpgateway.mappings.xds.iti57.XdsUpdateValidation;
import org.openehealth.ipf.commons.ihe.xds.core.responses.Response;
import org.openehealth.ipf.commons.ihe.xds.core.responses.Status;
import org.openehealth.ipf.commons.ihe.xds.core.stub.ebrs30.lcm.SubmitObjectsRequest;
import org.dmpgateway.xds.vihf.VihfProcessor;
import org.dmpgateway.xds.vihf.VihfSecurityHeaderInterceptor;
import org.springframework.stereotype.Component;

import static org.openehealth.ipf.platform.camel.core.adapter.ValidatorAdapter.validationEnabled;
import static org.openehealth.ipf.platform.camel.ihe.xds.XdsCamelValidators.iti57ResponseValidator;

/**
 * ITI-57 Update Document Set, served at /services/iti57: masking and visibility (TD3.3a, TD3.3b),
 * archiving (TD3.3d) and deletion (TD3.3c) of documents.
 *
 * <p>The request stays in its ebXML form up to the translation: the CI-SIS statuses Archived and
 * Deleted of UpdateAvailabilityStatus associations exist only there (IPF's simplified model drops
 * them). Validation is IPF's ITI-57 validator, run by {@link XdsUpdateValidation} on a view of the
 * request in which those statuses stand as Approved / Deprecated, since IPF's validator alone
 * refuses them; the header {@code ValidatorAdapter.NEED_VALIDATION_HEADER_NAME = false} turns it
 * off as it does IPF's own validators. As in the other XDS routes, the caller is the VIHF
 * of the wsse:Security header ({@link VihfProcessor}), read right after validation.
 */
@Component
public class Iti57Route extends RouteBuilder {
    private final VihfProcessor vihf;
    private final Core core;
    private final ResponseValidation responses;

    public Iti57Route(VihfProcessor vihf, Core core, ResponseValidation responses) {
        this.vihf = vihf;
        this.core = core;
        this.responses = responses;
    }

    @Override
    public void configure() {
        // every failure becomes the transaction's XDS answer (XdsFailures), for the whole route
        onException(Exception.class).handled(true)
                .process(XdsFailures.answer(XdsTransaction.ITI_57, core));

        from("xds-iti57:iti57?" + VihfSecurityHeaderInterceptor.ENDPOINT_PARAMETER).routeId("iti57")
                .process(requestValidator())
                .process(vihf)
                .bean(XdsUpdateMapper.class, "toDocumentUpdate")
                .process(CoreStep.call(DocumentUpdate.class, core::update))
                .process(exchange -> exchange.getMessage().setBody(new Response(Status.SUCCESS)))
                .process(responses.of(iti57ResponseValidator()));
    }

    /** IPF's ITI-57 request validation, accepting the CI-SIS availability statuses. */
    static Processor requestValidator() {
        return exchange -> {
            if (validationEnabled(exchange)) {
                XdsUpdateValidation.validate(exchange.getIn().getBody(SubmitObjectsRequest.class));
            }
        };
    }
}
