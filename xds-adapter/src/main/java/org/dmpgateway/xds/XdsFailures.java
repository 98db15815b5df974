package org.dmpgateway.xds;

import org.dmpgateway.model.error.Causes;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.dmpgateway.model.Core;
import org.dmpgateway.model.CoreEndpoints;
import org.dmpgateway.model.access.AccessContext;
import org.dmpgateway.model.trail.TraceAction;
import org.dmpgateway.model.error.DmpErrorCode;
import org.dmpgateway.model.error.DmpException;
import org.dmpgateway.mappings.xds.error.XdsErrorMapper;
import org.dmpgateway.mappings.xds.error.XdsTransaction;
import org.openehealth.ipf.commons.ihe.xds.core.XdsRuntimeException;
import org.openehealth.ipf.commons.ihe.xds.core.responses.Response;
import org.openehealth.ipf.commons.ihe.xds.core.validate.XDSMetaDataException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.UUID;

/**
 * Turns a failed exchange into the XDS answer of its transaction:
 * <ul>
 *   <li>a {@link DmpException} (the core's refusal) becomes RegistryErrors with their mapped codes;</li>
 *   <li>an IPF validation error keeps IPF's code, its message gaining the field names; so does an
 *       error IPF's validators raise with their own code (e.g. ITI-57's XDSMetadataVersionError);</li>
 *   <li>anything else is logged with a reference and answered as INTERNAL_ERROR carrying only that
 *       reference (never a stack trace).</li>
 * </ul>
 * Once the answer is built the exception is removed from the exchange: IPF would otherwise turn a
 * handled exception into its generic error answer.
 */
final class XdsFailures {
    private static final Logger LOG = LoggerFactory.getLogger(XdsFailures.class);

    private XdsFailures() {
    }

    static Processor answer(XdsTransaction transaction, Core core) {
        return exchange -> {
            Exception cause = exchange.getException() != null ? exchange.getException()
                    : exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
            traceAdapterRefusal(exchange, cause, transaction, core);
            exchange.getMessage().setBody(answerFor(cause, transaction));
            exchange.setException(null);
            exchange.removeProperty(Exchange.EXCEPTION_CAUGHT);
        };
    }

    /**
     * A refusal decided here, in the adapter (a malformed request the mappings refuse, an IPF
     * validation failure), once the VIHF was read: reported to the core, which traces it in the
     * record's history with the transaction's action. The core's own refusals are traced already
     * ({@link DmpException#tracedByCore()}); unexpected failures are not refusals.
     */
    private static void traceAdapterRefusal(Exchange exchange, Exception cause, XdsTransaction transaction, Core core) {
        AccessContext caller = exchange.getMessage().getHeader(CoreEndpoints.ACCESS_CONTEXT, AccessContext.class);
        DmpException refusal = Causes.refusalIn(cause);
        if (caller == null || refusal != null && refusal.tracedByCore()) {
            return;
        }
        if (refusal == null) {
            Exception invalid = Causes.find(cause, XDSMetaDataException.class);
            if (invalid == null) {
                invalid = Causes.find(cause, XdsRuntimeException.class);
            }
            if (invalid == null) {
                return;
            }
            refusal = new DmpException(transaction == XdsTransaction.ITI_18 ? DmpErrorCode.INVALID_QUERY_PARAMETER
                    : DmpErrorCode.METADATA_ERROR, String.valueOf(invalid.getMessage()), null);
        }
        if (refusal.code() == DmpErrorCode.INTERNAL_ERROR) {
            return;
        }
        TraceAction action = switch (transaction) {
            case ITI_41 -> TraceAction.SUBMIT;
            case ITI_18 -> TraceAction.QUERY;
            case ITI_43 -> TraceAction.RETRIEVE;
            case ITI_57 -> TraceAction.UPDATE;
            case ITI_62 -> TraceAction.DELETE;
        };
        core.traceRefusal(refusal, action, List.of(), caller);
    }

    private static Response answerFor(Exception cause, XdsTransaction transaction) {
        XDSMetaDataException invalid = Causes.find(cause, XDSMetaDataException.class);
        if (invalid != null) {
            LOG.info("{} refused by validation: {}", transaction, invalid.getMessage());
            return XdsErrorMapper.fromValidationFailure(invalid, transaction);
        }
        XdsRuntimeException ipfError = Causes.find(cause, XdsRuntimeException.class);
        if (ipfError != null) {
            LOG.info("{} refused by validation: {}", transaction, ipfError.getMessage());
            return XdsErrorMapper.fromIpfError(ipfError, transaction);
        }
        DmpException refused = Causes.find(cause, DmpException.class);
        if (refused != null) {
            LOG.info("{} refused: {}", transaction, refused.getMessage());
            return XdsErrorMapper.toXdsAnswer(refused, transaction);
        }
        String ref = UUID.randomUUID().toString();
        LOG.error("{} failed unexpectedly (ref {})", transaction, ref, cause);
        return XdsErrorMapper.toXdsAnswer(new DmpException(DmpErrorCode.INTERNAL_ERROR,
                "internal error, reference " + ref + " in the server log", null), transaction);
    }
}
