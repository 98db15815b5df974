package org.dmpgateway.server.startup;

import org.dmpgateway.config.DmpProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * Once the server is ready, says in a few lines where it listens and what to try first: the
 * endpoints, the mode (sandbox or production, {@code dmp.sandbox}), the database, where the docs are.
 */
@Component
public class StartupSummary {
    private static final Logger LOG = LoggerFactory.getLogger(StartupSummary.class);

    private final Environment environment;
    private final DmpProperties dmp;

    public StartupSummary(Environment environment, DmpProperties dmp) {
        this.environment = environment;
        this.dmp = dmp;
    }

    @EventListener(ApplicationReadyEvent.class)
    public void ready() {
        LOG.info("{}", String.join(System.lineSeparator(), lines()));
    }

    List<String> lines() {
        String base = baseUrl(environment);
        boolean sandbox = dmp.sandbox();
        String version = dmp.version();
        return List.of(
                "DMP Gateway " + version + " ready at " + base + "/ in "
                        + (sandbox ? "SANDBOX mode (dmp.sandbox=true: documented test secrets accepted; never in production)"
                                   : "production mode (dmp.sandbox=false)"),
                "  XDS.b SOAP   " + base + "/services/iti41, iti18, iti43, iti57, iti62 (WSDL: append ?wsdl)",
                "  FHIR R4      " + base + "/fhir (CapabilityStatement: " + base + "/fhir/metadata)",
                "  REST         " + base + "/dmp/status, " + base + "/dmp/authorization, admin " + base + "/admin"
                        + " (OpenAPI: " + base + "/v3/api-docs)",
                "  operations   " + base + "/actuator/health, " + base + "/actuator/prometheus",
                "  database     " + database(environment),
                "  docs         " + base + "/ lists the endpoints and the documentation (" + base + "/docs/)");
    }

    static String baseUrl(Environment environment) {
        boolean tls = environment.getProperty("server.ssl.enabled", Boolean.class, false)
                || !environment.getProperty("server.ssl.bundle", "").isBlank()
                || !environment.getProperty("server.ssl.key-store", "").isBlank();
        String address = environment.getProperty("server.address", "");
        String host = address.isBlank() || "0.0.0.0".equals(address) || "::".equals(address) ? "localhost" : address;
        String port = environment.getProperty("local.server.port", environment.getProperty("server.port", "8080"));
        String context = environment.getProperty("server.servlet.context-path", "");
        return (tls ? "https" : "http") + "://" + host + ":" + port + context;
    }

    /** The database, its password never shown. */
    static String database(Environment environment) {
        String url = environment.getProperty("spring.datasource.url", "");
        String user = environment.getProperty("spring.datasource.username", "");
        if (url.startsWith("jdbc:h2:file:")) {
            return "H2 (embedded) in " + url.substring("jdbc:h2:file:".length()).replaceFirst(";.*", "") + ".mv.db";
        }
        if (url.startsWith("jdbc:h2:mem:")) {
            return "H2 in memory (" + url + "): lost at stop";
        }
        String kind = url.startsWith("jdbc:postgresql:") ? "PostgreSQL " : "";
        return kind + url.replaceFirst("(?i)([?&;]password=)[^&;]*", "$1***") + (user.isBlank() ? "" : " as " + user);
    }
}
