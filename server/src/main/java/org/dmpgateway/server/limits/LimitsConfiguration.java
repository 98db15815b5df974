package org.dmpgateway.server.limits;

import ca.uhn.fhir.context.FhirContext;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.util.unit.DataSize;

/** Registers {@link RequestSizeFilter} in front of every endpoint (docs/security.md, "Limits"). */
@Configuration
public class LimitsConfiguration {
    @Bean
    FilterRegistrationBean<RequestSizeFilter> requestSizeFilter(
            @Value("${dmp.limits.request-bytes:50MB}") DataSize limit, FhirContext fhirContext) {
        FilterRegistrationBean<RequestSizeFilter> registration =
                new FilterRegistrationBean<>(new RequestSizeFilter(limit.toBytes(), fhirContext));
        registration.addUrlPatterns("/*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        return registration;
    }
}
