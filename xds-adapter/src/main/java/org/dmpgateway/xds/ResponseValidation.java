package org.dmpgateway.xds;

import org.apache.camel.Processor;
import org.dmpgateway.config.DmpProperties;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Whether IPF validates the gateway's own XDS answers ({@code dmp.xds.validate-responses}, default
 * {@code false}). Requests are always validated; an answer is built by the gateway's mappings from
 * stored metadata that was validated when it was submitted, so validating it again costs CPU
 * (a third of a 1,000-document FindDocuments, docs/performance.md) without protecting anyone. The
 * tests, the conformance kit and the benchmark's smoke test turn it on, so that every answer they
 * receive is still checked by IPF.
 */
@Component
public class ResponseValidation {
    /** The property that turns IPF's validation of the answers on. */
    public static final String PROPERTY = "dmp.xds.validate-responses";

    private final boolean enabled;

    /** With {@code dmp.xds.validate-responses} of the configuration tree. */
    @Autowired
    public ResponseValidation(DmpProperties.Xds xds) {
        this(xds.validateResponses());
    }

    public ResponseValidation(boolean enabled) {
        this.enabled = enabled;
    }

    public boolean enabled() {
        return enabled;
    }

    /** {@code ipfValidator} when answers are validated, otherwise a step that does nothing. */
    Processor of(Processor ipfValidator) {
        return enabled ? ipfValidator : exchange -> { };
    }
}
