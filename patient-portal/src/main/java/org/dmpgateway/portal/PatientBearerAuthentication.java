package org.dmpgateway.portal;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.dmpgateway.model.PatientRef;
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
 *
 * <p>A {@code /patient/me} call with the header {@code Patient-Profile: <profile id>} acts on a
 * child's profile: the core opens it for the signed-in representative (or refuses, the refusal
 * answered as above) and runs the rest of the request as the representative acting on the child,
 * whose INS is then the request's principal.
 */
final class PatientBearerAuthentication extends OncePerRequestFilter {
    /** The request attribute holding the core's refusal of the request's token. */
    static final String REFUSAL = PatientBearerAuthentication.class.getName() + ".refusal";
    /** The header choosing the profile a {@code /patient/me} call acts on (docs/patient-api.md). */
    static final String PROFILE = "Patient-Profile";

    private final PatientCoreClient core;
    private final PatientProfilesClient profiles;

    PatientBearerAuthentication(PatientCoreClient core, PatientProfilesClient profiles) {
        this.core = core;
        this.profiles = profiles;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        PatientRef self;
        try {
            self = core.authenticateHeader(request.getHeader(HttpHeaders.AUTHORIZATION));
        } catch (AccountException refusal) {
            request.setAttribute(REFUSAL, refusal);
            chain.doFilter(request, response);
            return;
        }
        String profile = request.getHeader(PROFILE);
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (profile == null || !(path.equals("/patient/me") || path.startsWith("/patient/me/"))) {
            signIn(self);
            chain.doFilter(request, response);
            return;
        }
        boolean[] opened = {false};
        try {
            profiles.onProfile(self, profile, child -> {
                opened[0] = true;
                signIn(child);
                chain.doFilter(request, response);
                return null;
            });
        } catch (AccountException refusal) {
            if (opened[0]) {
                throw refusal;
            }
            request.setAttribute(REFUSAL, refusal);
            chain.doFilter(request, response);
        } catch (IOException | ServletException | RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new ServletException(e);
        }
    }

    private static void signIn(PatientRef patient) {
        PatientAuthentication.establish(patient);
    }
}
