package org.dmpgateway.xds;

import org.apache.camel.Processor;
import org.dmpgateway.mappings.xds.validation.DmpValidationProfile;

/**
 * IPF's validator processors (XdsCamelValidators) run with the DMP's profile
 * ({@link DmpValidationProfile}): the DMP's CX and XON conventions seen in their IHE form during the
 * validation, the message given back as it came. The message must be the ebXML body the validator
 * reads (the routes convert a response to ebXML before validating it).
 */
final class DmpProfiledValidation {
    private DmpProfiledValidation() {
    }

    static Processor profiled(Processor ipfValidator) {
        return exchange -> DmpValidationProfile.validate(exchange.getIn().getBody(),
                () -> ipfValidator.process(exchange));
    }
}
