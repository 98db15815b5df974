package org.dmpgateway.server.availability;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Until the server is ready, and from the start of its shutdown, every request is answered 503
 * with a Retry-After header, in the endpoint's own error format: a SOAP 1.2 Receiver fault on
 * /services, a FHIR OperationOutcome (issue code {@code transient}) on /fhir, JSON elsewhere.
 * Nothing is processed, so nothing is stored. /actuator/health passes: it tells the state itself
 * ({@link ServingHealthIndicator}). Requests already admitted when the shutdown starts finish
 * normally (the web server's graceful shutdown waits for them).
 */
public class ReadinessGate extends OncePerRequestFilter {
    static final String RETRY_AFTER_SECONDS = "5";

    private final ServingState serving;

    public ReadinessGate(ServingState serving) {
        this.serving = serving;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        ServingState.State state = serving.state();
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (state == ServingState.State.SERVING || path.equals("/actuator/health") || path.startsWith("/actuator/health/")) {
            chain.doFilter(request, response);
            return;
        }
        String reason = state == ServingState.State.STARTING
                ? "Service unavailable: the server is starting, try again in a few seconds"
                : "Service unavailable: the server is stopping";
        response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
        response.setHeader("Retry-After", RETRY_AFTER_SECONDS);
        response.setHeader("Connection", "close");
        String contentType;
        String body;
        if (path.startsWith("/services/") || path.equals("/services")) {
            contentType = "application/soap+xml; charset=UTF-8";
            body = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                    + "<soap:Envelope xmlns:soap=\"http://www.w3.org/2003/05/soap-envelope\"><soap:Body><soap:Fault>"
                    + "<soap:Code><soap:Value>soap:Receiver</soap:Value></soap:Code>"
                    + "<soap:Reason><soap:Text xml:lang=\"en\">" + reason + "</soap:Text></soap:Reason>"
                    + "</soap:Fault></soap:Body></soap:Envelope>";
        } else if (path.startsWith("/fhir/") || path.equals("/fhir")) {
            contentType = "application/fhir+json; charset=UTF-8";
            body = "{\"resourceType\":\"OperationOutcome\",\"issue\":[{\"severity\":\"error\",\"code\":\"transient\","
                    + "\"diagnostics\":\"" + reason + "\"}]}";
        } else {
            contentType = "application/json";
            body = "{\"status\":503,\"error\":\"Service Unavailable\",\"message\":\"" + reason + "\"}";
        }
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        response.setContentType(contentType);
        response.setContentLength(bytes.length);
        response.getOutputStream().write(bytes);
    }
}
