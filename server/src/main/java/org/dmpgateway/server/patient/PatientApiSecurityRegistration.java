package org.dmpgateway.server.patient;

import jakarta.servlet.DispatcherType;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.boot.web.servlet.DelegatingFilterProxyRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.web.context.AbstractSecurityWebApplicationInitializer;

import java.util.EnumSet;

/**
 * Spring Security's filter (the patient API's chain, patient-portal's {@code PatientSecurity}) in
 * front of /patient/* only. Spring Boot's own registration, in front of every path, is excluded
 * ({@code DmpGatewayApplication}): the SOAP, FHIR, /dmp and /admin endpoints have their own
 * identity (VIHF, bearer JWT, admin token) and their own refusals, which Spring Security's request
 * firewall would otherwise pre-empt. Requests only (not the asynchronous re-dispatch of a streamed
 * document, already authenticated), at Spring Boot's usual order for it.
 */
@Configuration
public class PatientApiSecurityRegistration {

    @Bean
    DelegatingFilterProxyRegistrationBean patientApiSecurityFilter() {
        DelegatingFilterProxyRegistrationBean registration = new DelegatingFilterProxyRegistrationBean(
                AbstractSecurityWebApplicationInitializer.DEFAULT_FILTER_NAME);
        registration.addUrlPatterns("/patient/*");
        registration.setDispatcherTypes(EnumSet.of(DispatcherType.REQUEST));
        registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER);
        return registration;
    }
}
