package org.dmpgateway.server.home;

import org.dmpgateway.config.DmpProperties;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.HtmlUtils;

import java.util.Map;

/**
 * GET / for people: a plain HTML page linking the endpoints, the WSDLs, the CapabilityStatement,
 * the OpenAPI description and the documentation (the repository's docs/, served under /docs/).
 */
@RestController
public class HomePage {
    static final Map<String, String> SOAP = Map.of(
            "iti41", "ITI-41 Provide and Register Document Set-b",
            "iti18", "ITI-18 Registry Stored Query",
            "iti43", "ITI-43 Retrieve Document Set",
            "iti57", "ITI-57 Update Document Set",
            "iti62", "ITI-62 Remove Metadata");
    static final String[][] DOCS = {
            {"integration-guide.md", "Integration guide: a first call in five minutes, every error code"},
            {"conformance-statement.md", "Conformance statement: transactions, options, DMP rules"},
            {"operations.md", "Operations: configuration, TLS, metrics, logging, backups, upgrades"},
            {"fhir.md", "FHIR endpoints, search parameters, PATCH"},
            {"identity.md", "Identity: VIHF and bearer tokens"},
            {"admin-api.md", "Admin API, TD0.2 and TD0.3"},
            {"error-codes.md", "Error codes"},
            {"architecture.md", "Architecture"}};

    private final String version;
    private final boolean sandbox;

    public HomePage(DmpProperties dmp) {
        this.version = dmp.version();
        this.sandbox = dmp.sandbox();
    }

    @GetMapping(path = "/", produces = MediaType.TEXT_HTML_VALUE)
    public String home() {
        StringBuilder html = new StringBuilder(4096);
        html.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head><meta charset=\"utf-8\">")
                .append("<title>DMP Gateway</title>")
                .append("<style>body{font-family:sans-serif;max-width:60em;margin:2em auto;padding:0 1em;line-height:1.4}"
                        + "code{background:#f3f3f3;padding:0 .2em}td{padding:.15em .8em .15em 0}</style></head>\n<body>\n")
                .append("<h1>DMP Gateway ").append(HtmlUtils.htmlEscape(version)).append("</h1>\n")
                .append("<p>IHE XDS.b (SOAP) and IHE MHD / PDSm (FHIR R4) connector for the French shared health record (DMP). ")
                .append(sandbox ? "<strong>Sandbox mode</strong>: documented test secrets are accepted."
                                : "Production mode.")
                .append("</p>\n<h2>XDS.b over SOAP 1.2</h2>\n<table>\n");
        for (String service : new String[]{"iti41", "iti18", "iti43", "iti57", "iti62"}) {
            html.append("<tr><td><code>POST <a href=\"services/").append(service).append("\">/services/")
                    .append(service).append("</a></code></td><td>").append(SOAP.get(service))
                    .append("</td><td><a href=\"services/").append(service).append("?wsdl\">WSDL</a></td></tr>\n");
        }
        html.append("</table>\n<h2>FHIR R4 (IHE MHD, ANS PDSm)</h2>\n<ul>\n")
                .append("<li><a href=\"fhir/metadata\">/fhir/metadata</a>: the CapabilityStatement</li>\n")
                .append("<li><code>/fhir</code>: ITI-65 transaction, <code>/fhir/DocumentReference</code> (ITI-105, ITI-67, PATCH, DELETE),")
                .append(" <code>/fhir/List</code> (ITI-66), <code>/fhir/Binary</code> (ITI-68), <code>/fhir/Patient</code> (TD0.2),")
                .append(" <code>/fhir/AuditEvent</code></li>\n</ul>\n")
                .append("<h2>REST</h2>\n<ul>\n")
                .append("<li><code>GET /dmp/status</code> (TD0.2), <code>PUT</code> / <code>DELETE /dmp/authorization</code> (TD0.3)</li>\n")
                .append("<li><code>/admin/patients/{authority}/{ins}/...</code>: the administration API</li>\n")
                .append("<li><a href=\"v3/api-docs\">/v3/api-docs</a>: their OpenAPI description")
                .append(" (<a href=\"v3/api-docs.yaml\">YAML</a>, <a href=\"swagger-ui.html\">Swagger UI</a>)</li>\n</ul>\n")
                .append("<h2>The patient's pages (Mon espace santé)</h2>\n<ul>\n")
                .append("<li><a href=\"patient/activer\">/patient/activer</a>: activate (or oppose) with the provisional code,")
                .append(" <a href=\"patient/connexion\">/patient/connexion</a>: log in</li>\n</ul>\n")
                .append("<h2>Operations</h2>\n<ul>\n")
                .append("<li><a href=\"actuator/health\">/actuator/health</a>, <code>/actuator/prometheus</code> (metrics)</li>\n</ul>\n")
                .append("<h2>Documentation</h2>\n<ul>\n");
        for (String[] doc : DOCS) {
            html.append("<li><a href=\"docs/").append(doc[0]).append("\">").append(doc[1]).append("</a></li>\n");
        }
        html.append("</ul>\n</body>\n</html>\n");
        return html.toString();
    }
}
