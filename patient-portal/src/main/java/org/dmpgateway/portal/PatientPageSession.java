package org.dmpgateway.portal;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.dmpgateway.model.account.AccountException;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;

/**
 * The pages' sign-in: the HTTP session holds the core's session token (put there by the login
 * page); on each request the core answers whose it is, which becomes the request's
 * {@link PatientAuthentication}. A token the core refuses (expired, account closed) is dropped from
 * the session and the request stays anonymous (the login page then says the session ended).
 */
final class PatientPageSession extends OncePerRequestFilter {
    /** The HTTP session attribute holding the core's session token. */
    static final String TOKEN = PatientPageSession.class.getName() + ".token";
    /** The request attribute set when the session's token was refused. */
    static final String EXPIRED = PatientPageSession.class.getName() + ".expired";

    private final PatientCoreClient core;

    PatientPageSession(PatientCoreClient core) {
        this.core = core;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        HttpSession session = request.getSession(false);
        if (session != null && session.getAttribute(TOKEN) instanceof String token) {
            try {
                PatientAuthentication.establish(core.authenticate(token));
            } catch (AccountException refusal) {
                session.removeAttribute(TOKEN);
                request.setAttribute(EXPIRED, refusal.code());
            }
        }
        chain.doFilter(request, response);
    }
}
