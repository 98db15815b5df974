package org.dmpgateway.portal;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.dmpgateway.model.PatientRef;
import org.dmpgateway.model.account.AccountException;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.io.Serializable;

/**
 * The pages' sign-in: the HTTP session holds the core's session token (put there by the login
 * page); on each request the core answers whose it is, which becomes the request's
 * {@link PatientAuthentication}. A token the core refuses (expired, account closed) is dropped from
 * the session and the request stays anonymous (the login page then says the session ended).
 *
 * <p>A legal representative who chose a child's profile ({@link PatientPagesProfiles}) has it in the
 * session: every space page then runs inside the core's {@code PatientProfiles.onProfile} (the
 * selection rule of the API's {@code Patient-Profile} header), with the child as the request's
 * patient; the profiles page itself stays the representative's. A profile the core no longer opens
 * (the child is 18, the profile was withdrawn) is dropped from the session, its refusal shown in
 * the banner.
 */
final class PatientPageSession extends OncePerRequestFilter {
    /** The HTTP session attribute holding the core's session token. */
    static final String TOKEN = PatientPageSession.class.getName() + ".token";
    /** The request attribute set when the session's token was refused. */
    static final String EXPIRED = PatientPageSession.class.getName() + ".expired";
    /** The HTTP session attribute holding the child's profile chosen ({@link Selected}). */
    static final String PROFILE = PatientPageSession.class.getName() + ".profile";
    /** The request attribute (read by the pages' banner) naming the profile shown. */
    static final String SHOWN = "shownProfile";
    /** The request attribute (read by the pages' banner): the core refused the profile chosen. */
    static final String PROFILE_REFUSED = "profileRefused";

    /** The child's profile chosen: its id (the core's) and the child's name, for the banner. */
    record Selected(String id, String name) implements Serializable {
    }

    private final PatientCoreClient core;
    private final PatientProfilesClient profiles;

    PatientPageSession(PatientCoreClient core, PatientProfilesClient profiles) {
        this.core = core;
        this.profiles = profiles;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        HttpSession session = request.getSession(false);
        PatientRef self = null;
        if (session != null && session.getAttribute(TOKEN) instanceof String token) {
            try {
                self = core.authenticate(token);
            } catch (AccountException refusal) {
                session.removeAttribute(TOKEN);
                session.removeAttribute(PROFILE);
                request.setAttribute(EXPIRED, refusal.code());
            }
        }
        if (self != null && session.getAttribute(PROFILE) instanceof Selected selected) {
            if (!onChild(request)) {
                request.setAttribute(SHOWN, selected);
            } else if (runOnProfile(self, selected, request, response, chain)) {
                return;
            } else {
                session.removeAttribute(PROFILE);
            }
        }
        if (self != null) {
            PatientAuthentication.establish(self);
        }
        chain.doFilter(request, response);
    }

    /** Runs the request as the child, the core opening the profile; false when the core refused it. */
    private boolean runOnProfile(PatientRef self, Selected selected, HttpServletRequest request,
                                 HttpServletResponse response, FilterChain chain) throws IOException, ServletException {
        boolean[] opened = {false};
        try {
            profiles.onProfile(self, selected.id(), child -> {
                opened[0] = true;
                request.setAttribute(SHOWN, selected);
                PatientAuthentication.establish(child);
                chain.doFilter(request, response);
                return null;
            });
            return true;
        } catch (AccountException refusal) {
            if (opened[0]) {
                throw refusal;
            }
            request.setAttribute(PROFILE_REFUSED, PatientPageErrors.of(refusal).lines().get(0).message());
            return false;
        } catch (IOException | ServletException | RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new ServletException(e);
        }
    }

    /** The space's pages act on the chosen profile, but the profiles page (the representative's own). */
    private static boolean onChild(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return path.startsWith(PatientPagesSpace.HOME) && !path.startsWith(PatientPagesProfiles.PAGE);
    }
}
