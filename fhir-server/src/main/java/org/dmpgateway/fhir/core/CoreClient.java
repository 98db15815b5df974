package org.dmpgateway.fhir.core;

import org.dmpgateway.model.error.Causes;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.dmpgateway.fhir.error.FhirRefusal;
import org.dmpgateway.model.CoreEndpoints;
import org.dmpgateway.model.access.AccessContext;
import org.dmpgateway.model.error.DmpException;
import org.springframework.stereotype.Component;

import java.util.Map;

/**
 * How the FHIR providers talk to the core: the internal command goes to a core route
 * ({@link CoreEndpoints}) with the caller's identity; the answer is the internal result, and a
 * refusal of the core comes back as the {@link FhirRefusal} of its error code. The providers hold
 * no rule: the core decides.
 */
@Component
public class CoreClient {
    private final ProducerTemplate producer;

    public CoreClient(ProducerTemplate producer) {
        this.producer = producer;
    }

    public <T> T request(String endpoint, Object command, AccessContext caller, Class<T> answerType) {
        return request(endpoint, command, caller, Map.of(), answerType);
    }

    public <T> T request(String endpoint, Object command, AccessContext caller, Map<String, Object> headers,
                         Class<T> answerType) {
        Exchange answer = producer.request(endpoint, exchange -> {
            exchange.getIn().setBody(command);
            exchange.getIn().setHeaders(new java.util.HashMap<>(headers));
            exchange.getIn().setHeader(CoreEndpoints.ACCESS_CONTEXT, caller);
        });
        Exception failure = answer.getException();
        if (failure != null) {
            DmpException refusal = Causes.refusalIn(failure);
            if (refusal != null) {
                throw FhirRefusal.fromCore(refusal);
            }
            throw new IllegalStateException("the core route " + endpoint + " failed", failure);
        }
        return answerType == Void.class ? null : answer.getMessage().getBody(answerType);
    }
}
