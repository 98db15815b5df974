package org.dmpgateway.server.sandbox;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.dmpgateway.config.DmpProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * Guards the actuator: {@code /actuator/health} (and its groups) is public; every other actuator
 * endpoint needs {@code Authorization: Bearer <dmp.management.token>}, and is off (403) while that
 * token is empty. In a sandbox ({@code dmp.management.public=true}, set by {@link SandboxMode}) the
 * actuator answers anyone.
 */
class ManagementTokenFilter extends OncePerRequestFilter {
    private final byte[] expected;
    private final boolean open;

    ManagementTokenFilter(String token, boolean open) {
        this.expected = token == null || token.isBlank() ? null : ("Bearer " + token).getBytes(StandardCharsets.UTF_8);
        this.open = open;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (open || path.equals("/actuator/health") || path.startsWith("/actuator/health/")) {
            chain.doFilter(request, response);
            return;
        }
        if (expected == null) {
            answer(response, 403, "MANAGEMENT_DISABLED", "only /actuator/health is public: the other actuator "
                    + "endpoints are off while dmp.management.token is empty");
            return;
        }
        String given = request.getHeader("Authorization");
        if (given == null || !MessageDigest.isEqual(expected, given.getBytes(StandardCharsets.UTF_8))) {
            response.setHeader("WWW-Authenticate", "Bearer realm=\"dmp-gateway-management\"");
            answer(response, 401, "MANAGEMENT_UNAUTHORIZED", "this actuator endpoint needs the header "
                    + "Authorization: Bearer <dmp.management.token>");
            return;
        }
        chain.doFilter(request, response);
    }

    private static void answer(HttpServletResponse response, int status, String code, String message) throws IOException {
        response.setStatus(status);
        response.setContentType("application/json;charset=UTF-8");
        response.getWriter().write("{\"code\":\"" + code + "\",\"message\":\"" + message + "\"}");
    }

    @Configuration
    static class Registration {
        @Bean
        FilterRegistrationBean<ManagementTokenFilter> managementTokenFilter(
                DmpProperties.Management management) {
            FilterRegistrationBean<ManagementTokenFilter> bean =
                    new FilterRegistrationBean<>(new ManagementTokenFilter(management.token(), management.open()));
            bean.addUrlPatterns("/actuator", "/actuator/*");
            bean.setName("managementTokenFilter");
            bean.setOrder(Ordered.HIGHEST_PRECEDENCE + 20);
            return bean;
        }
    }
}
