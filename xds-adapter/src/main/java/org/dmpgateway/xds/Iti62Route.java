package org.dmpgateway.xds;

import org.apache.camel.builder.RouteBuilder;
import org.dmpgateway.model.Core;
import org.dmpgateway.model.DocumentRemoval;
import org.dmpgateway.mappings.xds.iti62.XdsRemovalMapper;
import org.dmpgateway.mappings.xds.error.XdsTransaction;
import org.openehealth.ipf.commons.ihe.xds.core.requests.RemoveMetadata;
import org.openehealth.ipf.commons.ihe.xds.core.responses.Response;
import org.openehealth.ipf.commons.ihe.xds.core.responses.Status;
import org.dmpgateway.xds.vihf.VihfProcessor;
import org.dmpgateway.xds.vihf.VihfSecurityHeaderInterceptor;
import org.springframework.stereotype.Component;

import static org.openehealth.ipf.platform.camel.ihe.xds.XdsCamelValidators.iti62RequestValidator;
import static org.openehealth.ipf.platform.camel.ihe.xds.XdsCamelValidators.iti62ResponseValidator;

/**
 * ITI-62 Remove Metadata, served at /services/iti62 (IPF component {@code rmd-iti62}): the author's
 * logical deletion of document entries (status Deleted, see the core's RemoveDocuments). As in the
 * other XDS routes, the caller is the VIHF of the wsse:Security header ({@link VihfProcessor}), read
 * right after validation.
 */
@Component
public class Iti62Route extends RouteBuilder {
    private final VihfProcessor vihf;
    private final Core core;
    private final ResponseValidation responses;

    public Iti62Route(VihfProcessor vihf, Core core, ResponseValidation responses) {
        this.vihf = vihf;
        this.core = core;
        this.responses = responses;
    }

    @Override
    public void configure() {
        // every failure becomes the transaction's XDS answer (XdsFailures), for the whole route
        onException(Exception.class).handled(true)
                .process(XdsFailures.answer(XdsTransaction.ITI_62, core));

        from("rmd-iti62:iti62?" + VihfSecurityHeaderInterceptor.ENDPOINT_PARAMETER).routeId("iti62")
                .process(iti62RequestValidator())
                .process(vihf)
                .convertBodyTo(RemoveMetadata.class)
                .bean(XdsRemovalMapper.class, "toDocumentRemoval")
                .process(CoreStep.call(DocumentRemoval.class, (removal, caller) -> {
                    core.remove(removal, caller);
                    return null;
                }))
                .process(exchange -> exchange.getMessage().setBody(new Response(Status.SUCCESS)))
                .process(responses.of(iti62ResponseValidator()));
    }
}
