package org.dmpgateway.server.admin;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.dmpgateway.config.DmpProperties;
import org.dmpgateway.server.sandbox.SandboxMode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * Guards /admin/*: the request must carry {@code Authorization: Bearer <dmp.admin.token>}. An empty
 * token (the default outside a sandbox) switches the API off (every call answers 403). The documented
 * sandbox token is only ever accepted with {@code dmp.sandbox=true} ({@link SandboxMode}).
 */
class AdminTokenFilter extends OncePerRequestFilter {
    private static final Logger LOG = LoggerFactory.getLogger(AdminTokenFilter.class);

    private final byte[] expected;

    AdminTokenFilter(String token) {
        this.expected = token == null || token.isBlank() ? null : ("Bearer " + token).getBytes(StandardCharsets.UTF_8);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (expected == null) {
            answer(response, 403, "the administration API is switched off (dmp.admin.token is empty): set a token of your own to use it");
            return;
        }
        String given = request.getHeader("Authorization");
        if (given == null || !MessageDigest.isEqual(expected, given.getBytes(StandardCharsets.UTF_8))) {
            response.setHeader("WWW-Authenticate", "Bearer realm=\"dmp-gateway-admin\"");
            answer(response, 401, given == null ? "the Authorization header is missing: Bearer <dmp.admin.token>"
                    : "the Authorization header does not carry the administration token");
            return;
        }
        chain.doFilter(request, response);
    }

    private static void answer(HttpServletResponse response, int status, String message) throws IOException {
        response.setStatus(status);
        response.setContentType("application/json;charset=UTF-8");
        response.getWriter().write("{\"code\":\"" + (status == 401 ? "ADMIN_UNAUTHORIZED" : "ADMIN_DISABLED")
                + "\",\"message\":\"" + message.replace("\"", "'") + "\"}");
    }

    @Configuration
    static class Registration {
        @Bean
        FilterRegistrationBean<AdminTokenFilter> adminTokenFilter(DmpProperties.Admin admin) {
            String token = admin.token();
            if (SandboxMode.SANDBOX_ADMIN_TOKEN.equals(token)) {
                LOG.warn("the administration API (/admin) accepts the documented sandbox token: set dmp.admin.token "
                        + "to a secret of your own outside a sandbox");
            }
            FilterRegistrationBean<AdminTokenFilter> bean = new FilterRegistrationBean<>(new AdminTokenFilter(token));
            bean.addUrlPatterns("/admin/*");
            bean.setName("adminTokenFilter");
            return bean;
        }
    }
}
