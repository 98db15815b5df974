package org.dmpgateway.portal;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.dmpgateway.mappings.http.AccountErrorStatus;
import org.dmpgateway.model.account.AccountErrorCode;
import org.dmpgateway.model.account.AccountException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * A {@code /patient/me} call without a valid session: the core's refusal of its token (kept by
 * {@link PatientBearerAuthentication}) as the patient API's JSON error, 401 UNAUTHENTICATED with
 * the French message (docs/patient-api.md, "Errors").
 */
final class PatientAuthenticationEntryPoint implements AuthenticationEntryPoint {
    private final ObjectMapper json;

    PatientAuthenticationEntryPoint(ObjectMapper json) {
        this.json = json;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException {
        AccountException refusal = request.getAttribute(PatientBearerAuthentication.REFUSAL) instanceof AccountException a
                ? a : new AccountException(AccountErrorCode.UNAUTHENTICATED, HttpHeaders.AUTHORIZATION,
                HttpHeaders.AUTHORIZATION + " : connectez-vous.");
        response.setStatus(AccountErrorStatus.status(refusal.code()));
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        json.writeValue(response.getOutputStream(), new PortalApi.Error(refusal.code().name(), refusal.field(),
                refusal.getMessage()));
    }
}
