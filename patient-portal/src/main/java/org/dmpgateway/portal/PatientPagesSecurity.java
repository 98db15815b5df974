package org.dmpgateway.portal;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

import java.util.Arrays;

/**
 * Spring Security on the patient's pages (docs/patient-pages.md): the HTML paths under /patient
 * ({@code /patient/activer}, {@code /patient/connexion}, {@code /patient/espace}, ...) get their own
 * chain, ordered before the JSON API's ({@link PatientSecurity}, which keeps its bearer token). A
 * browser holds an HTTP session (cookie {@code JSESSIONID}) whose attribute is the core's session
 * token; {@link PatientPageSession} asks the core for its patient on every request, so an expired or
 * closed session ends at once. CSRF protection is on: every form carries the session's token
 * (Thymeleaf adds it to {@code th:action} forms). {@code /patient/espace/**} needs a signed-in
 * patient; without one the browser is sent to the login page.
 */
@Configuration
public class PatientPagesSecurity {
    /** The paths of the pages (and their style sheet); every other /patient path is the JSON API. */
    static final String[] PAGES = {"/patient/activer", "/patient/activer/**", "/patient/connexion",
        "/patient/connexion/**", "/patient/deconnexion", "/patient/espace", "/patient/espace/**", "/patient/css/**"};

    @Bean
    @Order(1)
    SecurityFilterChain patientPagesChain(HttpSecurity http, PatientCoreClient core, PatientProfilesClient profiles)
            throws Exception {
        PathPatternRequestMatcher.Builder paths = PathPatternRequestMatcher.withDefaults();
        OrRequestMatcher pages = new OrRequestMatcher(Arrays.stream(PAGES).<RequestMatcher>map(paths::matcher).toList());
        return http.securityMatcher(pages)
                // no session strategy: the login page changes the session id itself (PatientPagesLogin). With
                // the patient asked of the core on each request, Spring's would take every request for a new
                // login and change the session id and the CSRF token each time (the style sheet's request too)
                .sessionManagement(AbstractHttpConfigurer::disable)
                // the patient is the core's answer for the session's token, asked on each request: not kept
                .securityContext(c -> c.securityContextRepository(new RequestAttributeSecurityContextRepository()))
                .httpBasic(AbstractHttpConfigurer::disable)
                .formLogin(AbstractHttpConfigurer::disable)
                .requestCache(AbstractHttpConfigurer::disable)
                .logout(l -> l.logoutRequestMatcher(paths.matcher(HttpMethod.POST, "/patient/deconnexion"))
                        .logoutSuccessUrl(PatientPagesLogin.LOGIN + "?deconnexion").invalidateHttpSession(true))
                .addFilterBefore(new PatientPageSession(core, profiles), AnonymousAuthenticationFilter.class)
                .authorizeHttpRequests(a -> a
                        .requestMatchers(paths.matcher("/patient/espace"), paths.matcher("/patient/espace/**"))
                        .authenticated()
                        .anyRequest().permitAll())
                .exceptionHandling(e -> e.authenticationEntryPoint((request, response, refused) ->
                        response.sendRedirect(request.getContextPath() + PatientPagesLogin.LOGIN
                                + (request.getAttribute(PatientPageSession.EXPIRED) != null ? "?expiree" : ""))))
                .build();
    }
}
