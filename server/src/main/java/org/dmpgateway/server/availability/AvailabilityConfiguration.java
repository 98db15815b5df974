package org.dmpgateway.server.availability;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/** Durable H2 settings, the readiness gate in front of every endpoint (docs/security.md). */
@Configuration
public class AvailabilityConfiguration {

    /** Static: a post-processor must exist before the beans it processes. */
    @Bean
    public static H2DurableUrlPostProcessor h2DurableUrlPostProcessor() {
        return new H2DurableUrlPostProcessor();
    }

    @Bean
    public FilterRegistrationBean<ReadinessGate> readinessGate(ServingState serving) {
        FilterRegistrationBean<ReadinessGate> registration = new FilterRegistrationBean<>(new ReadinessGate(serving));
        registration.addUrlPatterns("/*");
        registration.setName("readinessGate");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }
}
