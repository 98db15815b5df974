package org.dmpgateway.portal;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.dmpgateway.model.account.AccountException;
import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;

/**
 * Reads {@code Authorization: Bearer <token>} on the patient API: the core answers whose session it
 * is, which becomes the request's {@link PatientAuthentication}. A missing, unknown or expired
 * token leaves the request unauthenticated, with the core's refusal kept for
 * {@link PatientAuthenticationEntryPoint} (which answers it on a {@code /patient/me} call); the
 * calls before login ignore it.
 */
final class PatientBearerAuthentication extends OncePerRequestFilter {
    /** The request attribute holding the core's refusal of the request's token. */
    static final String REFUSAL = PatientBearerAuthentication.class.getName() + ".refusal";

    private final PatientCoreClient core;

    PatientBearerAuthentication(PatientCoreClient core) {
        this.core = core;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            PatientAuthentication.establish(core.authenticateHeader(request.getHeader(HttpHeaders.AUTHORIZATION)));
        } catch (AccountException refusal) {
            request.setAttribute(REFUSAL, refusal);
        }
        chain.doFilter(request, response);
    }
}
