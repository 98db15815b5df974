package org.dmpgateway.xds;

import org.apache.camel.Exchange;
import org.apache.camel.Predicate;
import org.apache.camel.Processor;
import org.dmpgateway.mappings.error.DmpErrorCode;
import org.dmpgateway.mappings.error.DmpException;
import org.dmpgateway.mappings.xds.XdsErrorMapper;
import org.dmpgateway.mappings.xds.XdsTransaction;
import org.openehealth.ipf.commons.core.modules.api.ValidationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.UUID;

/**
 * Turns a failed exchange into the XDS answer of its transaction: a {@link DmpException} becomes
 * RegistryErrors with their mapped codes; any other unexpected exception is logged with a
 * reference and answered as INTERNAL_ERROR carrying only that reference (never a stack trace).
 * IPF's own validation errors are left to IPF, which already answers them with the right code.
 * Once the answer is built the exception is removed from the exchange: IPF would otherwise turn a
 * handled exception into its generic error answer.
 */
final class XdsFailures {
    private static final Logger LOG = LoggerFactory.getLogger(XdsFailures.class);

    private XdsFailures() {
    }

    /** True when the exchange failed for a reason IPF does not answer itself. */
    static Predicate notIpfValidation() {
        return exchange -> !(caught(exchange) instanceof ValidationException);
    }

    private static Exception caught(Exchange exchange) {
        Exception e = exchange.getException();
        return e != null ? e : exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
    }

    static Processor answer(XdsTransaction transaction) {
        return exchange -> {
            Exception cause = caught(exchange);
            DmpException dmp = cause instanceof DmpException d ? d : internal(cause, transaction);
            exchange.getMessage().setBody(XdsErrorMapper.toXdsAnswer(dmp, transaction));
            // IPF's web service reads a caught exception as a failure of its own: the answer is built
            exchange.setException(null);
            exchange.removeProperty(Exchange.EXCEPTION_CAUGHT);
        };
    }

    private static DmpException internal(Exception cause, XdsTransaction transaction) {
        String ref = UUID.randomUUID().toString();
        LOG.error("{} failed unexpectedly (ref {})", transaction, ref, cause);
        return new DmpException(DmpErrorCode.INTERNAL_ERROR, "internal error, reference " + ref, null);
    }
}
