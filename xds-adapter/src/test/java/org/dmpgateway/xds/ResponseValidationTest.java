package org.dmpgateway.xds;

import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.openehealth.ipf.commons.ihe.xds.core.stub.ebrs30.query.AdhocQueryResponse;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.openehealth.ipf.platform.camel.ihe.xds.XdsCamelValidators.iti18ResponseValidator;

/** {@code dmp.xds.validate-responses}: IPF's validator of an answer runs when it is on, only then. */
class ResponseValidationTest {

    /** An ITI-18 answer without its status: IPF's response validator refuses it. */
    private static Exchange answerWithoutStatus() {
        Exchange exchange = new DefaultExchange(new DefaultCamelContext());
        exchange.getIn().setBody(new AdhocQueryResponse());
        return exchange;
    }

    @Test
    void onIpfValidatesTheAnswer() {
        var validation = new ResponseValidation(true);
        assertThrows(Exception.class, () -> validation.of(DmpProfiledValidation.profiled(iti18ResponseValidator()))
                .process(answerWithoutStatus()));
    }

    @Test
    void offTheAnswerIsNotValidated() {
        var validation = new ResponseValidation(false);
        assertDoesNotThrow(() -> validation.of(DmpProfiledValidation.profiled(iti18ResponseValidator()))
                .process(answerWithoutStatus()));
    }
}
