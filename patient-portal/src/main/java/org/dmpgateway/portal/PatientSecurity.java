package org.dmpgateway.portal;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;

/**
 * Spring Security on the patient API (/patient/**, docs/patient-api.md "Login and the signed-in
 * patient"): the session's bearer token, read by {@link PatientBearerAuthentication}, is the
 * request's authentication; every {@code /patient/me} and {@code /patient/profiles} call needs it, the
 * activation journey and the login do not. Stateless: no HTTP session, no cookie, so no CSRF token
 * either (a bearer token in a header is not sent by a browser on its own). The server registers this chain for /patient/* only
 * (the other endpoints have their own identity: VIHF, admin token).
 */
@Configuration
@EnableWebSecurity
public class PatientSecurity {

    @Bean
    SecurityFilterChain patientApi(HttpSecurity http, PatientCoreClient core, PatientProfilesClient profiles,
                                   ObjectMapper json) throws Exception {
        PatientAuthenticationEntryPoint entryPoint = new PatientAuthenticationEntryPoint(json);
        // explicit path matchers: the server has several servlets (MVC, CXF, HAPI FHIR)
        PathPatternRequestMatcher.Builder paths = PathPatternRequestMatcher.withDefaults();
        return http.securityMatcher(paths.matcher("/patient/**"))
                .csrf(AbstractHttpConfigurer::disable)
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .httpBasic(AbstractHttpConfigurer::disable)
                .formLogin(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable)
                .requestCache(AbstractHttpConfigurer::disable)
                .addFilterBefore(new PatientBearerAuthentication(core, profiles), AnonymousAuthenticationFilter.class)
                .authorizeHttpRequests(a -> a
                        .requestMatchers(paths.matcher("/patient/me"), paths.matcher("/patient/me/**"),
                                paths.matcher("/patient/profiles"), paths.matcher("/patient/profiles/**"))
                        .authenticated()
                        .anyRequest().permitAll())
                .exceptionHandling(e -> e.authenticationEntryPoint(entryPoint))
                .build();
    }
}
