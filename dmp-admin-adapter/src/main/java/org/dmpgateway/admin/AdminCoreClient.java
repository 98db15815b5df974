package org.dmpgateway.admin;

import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.dmpgateway.model.CoreEndpoints;
import org.dmpgateway.model.access.AccessContext;
import org.dmpgateway.model.access.AuthorizationDeclaration;
import org.dmpgateway.model.access.RecordStatus;
import org.dmpgateway.model.error.Causes;
import org.dmpgateway.model.error.DmpException;
import org.dmpgateway.model.PatientRef;
import org.springframework.stereotype.Component;

/**
 * Every call the DMP administrative services make to the core, and only here (so that the core's
 * typed interface can replace the Camel endpoints in one place). The core decides; the services
 * translate its answers and refusals ({@link DmpException}) into the DMP's messages.
 */
@Component
public class AdminCoreClient {
    private final ProducerTemplate core;

    public AdminCoreClient(ProducerTemplate core) {
        this.core = core;
    }

    /** TD0.2 / TD1.3a: the record of the caller's patient ({@code requested}: the patient the message names). */
    public RecordStatus recordStatus(AccessContext caller, PatientRef requested) {
        return ask(CoreEndpoints.RECORD_STATUS, requested == null ? "" : requested, caller);
    }

    /** TD0.3: the caller declares or withdraws the patient's authorisation, or his médecin traitant role. */
    public RecordStatus declare(AccessContext caller, AuthorizationDeclaration declaration) {
        return ask(CoreEndpoints.DECLARE_AUTHORIZATION, declaration, caller);
    }

    private RecordStatus ask(String endpoint, Object command, AccessContext caller) {
        Exchange answer = core.request(endpoint, exchange -> {
            exchange.getIn().setBody(command);
            exchange.getIn().setHeader(CoreEndpoints.ACCESS_CONTEXT, caller);
        });
        Exception failure = answer.getException();
        if (failure != null) {
            DmpException refused = Causes.find(failure, DmpException.class);
            if (refused != null) {
                throw refused;
            }
            throw new IllegalStateException(endpoint + " failed", failure);
        }
        if (answer.getMessage().getBody() instanceof RecordStatus status) {
            return status;
        }
        throw new IllegalStateException(endpoint + " did not answer a RecordStatus");
    }
}
