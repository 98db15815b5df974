package org.dmpgateway.portal;

import org.dmpgateway.model.PatientRef;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * A signed-in patient for Spring Security: the principal is the patient's INS, which the core
 * answered for the session's bearer token; the token itself is not kept.
 */
final class PatientAuthentication extends AbstractAuthenticationToken {
    private final PatientRef patient;

    PatientAuthentication(PatientRef patient) {
        super(AuthorityUtils.createAuthorityList("ROLE_PATIENT"));
        this.patient = patient;
        setAuthenticated(true);
    }

    /** Makes {@code patient} the authentication of the current request. */
    static void establish(PatientRef patient) {
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(new PatientAuthentication(patient));
        SecurityContextHolder.setContext(context);
    }

    @Override
    public Object getCredentials() {
        return "";
    }

    @Override
    public PatientRef getPrincipal() {
        return patient;
    }
}
