package org.dmpgateway.server.limits;

import ca.uhn.fhir.context.FhirContext;
import org.dmpgateway.config.DmpProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/** Registers {@link RequestSizeFilter} in front of every endpoint (docs/security.md, "Limits"). */
@Configuration
public class LimitsConfiguration {
    @Bean
    FilterRegistrationBean<RequestSizeFilter> requestSizeFilter(
            DmpProperties.Limits limits, FhirContext fhirContext) {
        FilterRegistrationBean<RequestSizeFilter> registration =
                new FilterRegistrationBean<>(new RequestSizeFilter(limits.requestBytes().toBytes(), fhirContext));
        registration.addUrlPatterns("/*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        return registration;
    }
}
