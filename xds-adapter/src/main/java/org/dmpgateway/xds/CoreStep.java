package org.dmpgateway.xds;

import org.apache.camel.Processor;
import org.dmpgateway.model.Core;
import org.dmpgateway.model.CoreEndpoints;
import org.dmpgateway.model.access.AccessContext;

import java.util.function.BiFunction;

/**
 * The core's step in an XDS route: the body is the internal command the mappings made, the caller
 * the identity {@link org.dmpgateway.xds.vihf.VihfProcessor} read; the body becomes the {@link Core}'s
 * answer. A refusal of the core is thrown on to the route's error handling ({@link XdsFailures}).
 */
final class CoreStep {
    private CoreStep() {
    }

    static <C> Processor call(Class<C> commandType, BiFunction<C, AccessContext, ?> command) {
        return exchange -> exchange.getMessage().setBody(command.apply(exchange.getMessage().getBody(commandType),
                exchange.getMessage().getHeader(CoreEndpoints.ACCESS_CONTEXT, AccessContext.class)));
    }
}
