package org.dmpgateway.xds;

import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.builder.RouteBuilder;
import org.dmpgateway.model.Core;
import org.dmpgateway.model.query.QueryCommand;
import org.dmpgateway.model.query.StreamedQueryResult;
import org.dmpgateway.mappings.xds.iti18.CisisQueryStatuses;
import org.dmpgateway.mappings.xds.iti18.StreamedQueryResponse;
import org.dmpgateway.mappings.xds.iti18.XdsQueryMapper;
import org.dmpgateway.mappings.xds.error.XdsTransaction;
import org.openehealth.ipf.commons.ihe.xds.core.requests.QueryRegistry;
import org.openehealth.ipf.commons.ihe.xds.core.stub.ebrs30.query.AdhocQueryRequest;
import org.openehealth.ipf.commons.ihe.xds.core.stub.ebrs30.query.AdhocQueryResponse;
import org.dmpgateway.xds.vihf.VihfProcessor;
import org.dmpgateway.xds.vihf.VihfSecurityHeaderInterceptor;
import org.springframework.stereotype.Component;

import java.util.List;

import static org.openehealth.ipf.platform.camel.ihe.xds.XdsCamelValidators.iti18RequestValidator;
import static org.openehealth.ipf.platform.camel.ihe.xds.XdsCamelValidators.iti18ResponseValidator;

/**
 * ITI-18 Registry Stored Query, served at /services/iti18.
 * The caller is the VIHF of the request's wsse:Security header ({@link VihfProcessor}). A document
 * status slot naming the CI-SIS Archived status is read before IPF's validator, which knows only
 * Approved and Deprecated ({@link CisisQueryStatuses}). IPF validates the query, and the answer when
 * {@link ResponseValidation} says so, with the DMP's profile ({@link DmpProfiledValidation}: CX with
 * ^NH, XON with IDNST); the answer gives the values of these conventions back as they were sent
 * (ValuesAsSent). A FindDocuments answer is written as a stream: the core gives its entries
 * in an open cursor ({@link Core#queryStreamed}), JAXB writes the answer and the StAX writer of the
 * mappings its entries, each as it is read ({@link StreamedQueryResponse}, {@link StreamedEntriesWriter}),
 * and {@link StreamedAnswerCloser} closes the cursor when CXF is done, also when the client went away.
 * When the answers are validated (tests), the entries are read whole first, and IPF validates its own
 * ebXML of them ({@link StreamedQueryResponse#forValidation}, the same text, proven by the mappings'
 * tests), while the answer still writes them with the StAX writer. Any failure of the route closes
 * the cursor ({@link XdsFailures} answers it).
 */
@Component
public class Iti18Route extends RouteBuilder {
    /** The document statuses asked for when they include the CI-SIS Archived status ({@link CisisQueryStatuses}). */
    static final String REQUESTED_DOCUMENT_STATUSES = "DmpRequestedDocumentStatuses";

    private final VihfProcessor vihf;
    private final Core core;
    private final ResponseValidation responses;

    public Iti18Route(VihfProcessor vihf, Core core, ResponseValidation responses) {
        this.vihf = vihf;
        this.core = core;
        this.responses = responses;
    }

    @Override
    public void configure() {
        // every failure becomes the transaction's XDS answer (XdsFailures), for the whole route
        onException(Exception.class).handled(true)
                .process(exchange -> closeStream(exchange.getMessage().getBody()))
                .process(XdsFailures.answer(XdsTransaction.ITI_18, core));

        from("xds-iti18:iti18?" + VihfSecurityHeaderInterceptor.ENDPOINT_PARAMETER
                + "&" + StreamedAnswerCloser.ENDPOINT_PARAMETER).routeId("iti18")
                .process(exchange -> exchange.getMessage().setHeader(REQUESTED_DOCUMENT_STATUSES,
                        CisisQueryStatuses.standInForIpf(exchange.getMessage().getBody(AdhocQueryRequest.class))))
                .process(DmpProfiledValidation.profiled(iti18RequestValidator()))
                .process(vihf)
                .convertBodyTo(QueryRegistry.class)
                .bean(XdsQueryMapper.class, "toQueryCommand")
                .process(exchange -> exchange.getMessage().setBody(CisisQueryStatuses.withDocumentStatuses(
                        exchange.getMessage().getBody(QueryCommand.class),
                        exchange.getMessage().getHeader(REQUESTED_DOCUMENT_STATUSES, List.class))))
                .process(CoreStep.call(QueryCommand.class, core::queryStreamed))
                .bean(StreamedQueryResponse.class, "toEbXml")
                .process(responses.of(onTheWholeAnswer(DmpProfiledValidation.profiled(iti18ResponseValidator()))));
    }

    /**
     * {@code validator} run on IPF's ebXML of the whole answer ({@link StreamedQueryResponse#forValidation}),
     * in a copy of the exchange: the answer sent stays the one written with the StAX writer.
     */
    private static Processor onTheWholeAnswer(Processor validator) {
        return exchange -> {
            Exchange whole = exchange.copy();
            whole.getMessage().setBody(StreamedQueryResponse.forValidation(
                    exchange.getMessage().getBody(AdhocQueryResponse.class)));
            validator.process(whole);
        };
    }

    /** The cursor of an answer the route did not finish, closed. */
    private static void closeStream(Object body) {
        if (body instanceof StreamedQueryResult result) {
            result.close();
        }
        StreamedQueryResponse.close(body);
    }
}
