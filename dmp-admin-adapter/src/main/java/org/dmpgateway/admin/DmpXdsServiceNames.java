package org.dmpgateway.admin;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;

import java.io.IOException;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The XDS endpoints under the DMP's own service names: the DMP serves its registry transactions
 * (TD3.1 ITI-18, TD3.3 ITI-57, ITI-62) at {@code .../si-dmp-server/v2/services/registry} and its
 * repository transactions (TD2.1 ITI-41, TD3.2 ITI-43) at {@code .../repository} (the ANS kit's
 * {@code Init("registry")} / {@code Init("repository")} and a monitoring script of the DMP's paths:
 * docs/dmp-admin-services.md, "Endpoints"). The gateway's IPF endpoints are one per transaction
 * ({@code iti18}, {@code iti41}...): this filter forwards a request on a DMP name to the endpoint of
 * its transaction, told by the SOAP 1.2 {@code action} parameter of its Content-Type (the official
 * examples and every SOAP 1.2 client send it, MTOM included). Without an action a request goes to the
 * service's main transaction (ITI-18, ITI-41), whose endpoint answers a wrong action itself. Nothing
 * else changes: the same endpoint, VIHF, validation and core.
 */
public class DmpXdsServiceNames implements Filter {
    /** The SOAP action of each transaction, by the DMP's service name, to the gateway's endpoint. */
    static final Map<String, Map<String, String>> ENDPOINTS = Map.of(
            "registry", Map.of(
                    "urn:ihe:iti:2007:registrystoredquery", "iti18",
                    "urn:ihe:iti:2010:updatedocumentset", "iti57",
                    "urn:ihe:iti:2010:deletedocumentset", "iti62"),
            "repository", Map.of(
                    "urn:ihe:iti:2007:provideandregisterdocumentset-b", "iti41",
                    "urn:ihe:iti:2007:retrievedocumentset", "iti43"));
    /** Where a request without a known action goes. */
    static final Map<String, String> DEFAULTS = Map.of("registry", "iti18", "repository", "iti41");

    private static final Pattern ACTION = Pattern.compile("(?i)(?:^|;)\\s*action\\s*=\\s*\"?([^\";]+)\"?");

    private final String base;

    /** {@code base}: the path the DMP's services are under, e.g. {@code /si-dmp-server/v2/services}. */
    public DmpXdsServiceNames(String base) {
        this.base = base;
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (!(request instanceof HttpServletRequest http)) {
            chain.doFilter(request, response);
            return;
        }
        String path = http.getRequestURI().substring(http.getContextPath().length());
        String service = path.startsWith(base + "/") ? path.substring(base.length() + 1) : null;
        if (service == null || !ENDPOINTS.containsKey(service)) {
            chain.doFilter(request, response);
            return;
        }
        String endpoint = endpoint(service, http.getContentType());
        String query = http.getQueryString();
        request.getRequestDispatcher(base + "/" + endpoint + (query == null ? "" : "?" + query)).forward(request, response);
    }

    /** The gateway's endpoint of a request to the DMP's {@code service}, by the action of its Content-Type. */
    static String endpoint(String service, String contentType) {
        if (contentType != null) {
            Matcher m = ACTION.matcher(contentType);
            if (m.find()) {
                String endpoint = ENDPOINTS.get(service).get(m.group(1).trim().toLowerCase(Locale.ROOT));
                if (endpoint != null) {
                    return endpoint;
                }
            }
        }
        return DEFAULTS.get(service);
    }
}
