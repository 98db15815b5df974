package org.dmpgateway.server.metrics;

import org.dmpgateway.fhir.DmpFhirServer;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Wires the per-transaction metrics into the three adapters and names the SOAP and FHIR HTTP routes. */
@Configuration
public class MetricsConfiguration implements WebMvcConfigurer {
    private final TransactionMetrics metrics;

    public MetricsConfiguration(TransactionMetrics metrics) {
        this.metrics = metrics;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new RestTransactionMetrics(metrics)).addPathPatterns("/dmp/**");
    }

    @Bean
    public SmartInitializingSingleton fhirTransactionMetrics(DmpFhirServer fhirServer) {
        return () -> fhirServer.registerInterceptor(new FhirTransactionMetrics(metrics));
    }

    /** After Spring's observation filter (HIGHEST_PRECEDENCE + 1), which made the context it names. */
    @Bean
    public FilterRegistrationBean<HttpRouteTags> httpRouteTags() {
        FilterRegistrationBean<HttpRouteTags> registration = new FilterRegistrationBean<>(new HttpRouteTags());
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        registration.addUrlPatterns("/services/*", "/fhir/*", "/fhir");
        return registration;
    }
}
