package org.dmpgateway.server.metrics;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.filter.ServerHttpObservationFilter;

import java.io.IOException;
import java.util.Set;

/**
 * Names the {@code uri} tag of {@code http.server.requests} for the SOAP (CXF) and FHIR (HAPI)
 * servlets, which Spring MVC does not route and which were all tagged {@code UNKNOWN}: the SOAP
 * service path ({@code /services/iti41}), the FHIR resource type with placeholders for ids
 * ({@code /fhir/DocumentReference/{id}}). Bounded: anything else is {@code /services/**} or
 * {@code /fhir/**}.
 */
public class HttpRouteTags extends OncePerRequestFilter {
    static final Set<String> SOAP_SERVICES = Set.of("iti41", "iti18", "iti43", "iti57", "iti62");
    static final Set<String> FHIR_TYPES = Set.of("DocumentReference", "List", "Binary", "Patient", "AuditEvent",
            "Bundle");

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String pattern = pattern(request.getRequestURI().substring(request.getContextPath().length()));
        if (pattern != null) {
            ServerHttpObservationFilter.findObservationContext(request).ifPresent(c -> c.setPathPattern(pattern));
        }
        chain.doFilter(request, response);
    }

    /** The low-cardinality route of a SOAP or FHIR path, null for the paths Spring MVC names itself. */
    static String pattern(String path) {
        if (path.startsWith("/services/") || path.equals("/services")) {
            String service = path.substring("/services".length()).replace("/", "");
            return SOAP_SERVICES.contains(service) ? "/services/" + service : "/services/**";
        }
        if (!path.equals("/fhir") && !path.startsWith("/fhir/")) {
            return null;
        }
        String[] parts = path.substring("/fhir".length()).split("/");
        // parts[0] is the empty string before the first '/'
        if (parts.length <= 1) {
            return "/fhir";
        }
        String type = parts[1];
        if (type.equals("metadata") && parts.length == 2) {
            return "/fhir/metadata";
        }
        if (!FHIR_TYPES.contains(type)) {
            return "/fhir/**";
        }
        return switch (parts.length) {
            case 2 -> "/fhir/" + type;
            case 3 -> parts[2].startsWith("_") ? "/fhir/" + type + "/" + parts[2] : "/fhir/" + type + "/{id}";
            case 5 -> "_history".equals(parts[3]) ? "/fhir/" + type + "/{id}/_history/{vid}" : "/fhir/**";
            default -> "/fhir/**";
        };
    }
}
