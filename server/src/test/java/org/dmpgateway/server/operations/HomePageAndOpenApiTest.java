package org.dmpgateway.server.operations;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.dmpgateway.server.DmpGatewayApplication;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What a person finds at the server's root: an HTML page whose links (endpoints, WSDLs,
 * CapabilityStatement, OpenAPI, docs) all answer; and the OpenAPI description of /dmp and /admin,
 * valid JSON listing every path the controllers map.
 */
@SpringBootTest(classes = DmpGatewayApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestPropertySource(properties = {"spring.datasource.url=jdbc:h2:mem:home-e2e;DB_CLOSE_DELAY=-1",
        "dmp.sandbox=true", "dmp.notifications.enabled=false"})
@DirtiesContext
class HomePageAndOpenApiTest {
    private static final Pattern HREF = Pattern.compile("href=\"([^\"]+)\"");

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL).build();

    @Test
    void theRootIsAnHtmlPageWhoseLinksAllAnswer() throws Exception {
        HttpResponse<String> home = get("/");
        assertEquals(200, home.statusCode());
        assertTrue(home.headers().firstValue("Content-Type").orElse("").startsWith("text/html"), home.headers().toString());
        String html = home.body();
        assertTrue(html.startsWith("<!DOCTYPE html>"), html);
        assertTrue(html.contains("lang=\"en\""), html);

        Set<String> links = new LinkedHashSet<>();
        Matcher m = HREF.matcher(html);
        while (m.find()) {
            links.add(m.group(1));
        }
        for (String expected : List.of("services/iti41?wsdl", "services/iti18?wsdl", "services/iti43?wsdl",
                "services/iti57?wsdl", "services/iti62?wsdl", "fhir/metadata", "v3/api-docs", "actuator/health",
                "docs/integration-guide.md", "docs/operations.md")) {
            assertTrue(links.contains(expected), expected + " not linked from / : " + links);
        }
        List<String> broken = new ArrayList<>();
        for (String link : links) {
            if (link.startsWith("services/") && !link.endsWith("?wsdl")) {
                continue; // the SOAP endpoints themselves answer POST only
            }
            int status = get("/" + link).statusCode();
            if (status != 200) {
                broken.add(link + " -> " + status);
            }
        }
        assertTrue(broken.isEmpty(), "links of / that do not answer 200: " + broken);
    }

    @Test
    void theDocumentationIsServedAsText() throws Exception {
        HttpResponse<String> guide = get("/docs/integration-guide.md");
        assertEquals(200, guide.statusCode());
        assertTrue(guide.headers().firstValue("Content-Type").orElse("").startsWith("text/plain"), guide.headers().toString());
        assertTrue(guide.body().startsWith("#"), guide.body());
    }

    @Test
    void theOpenApiDescriptionListsTheRestAdminAndPatientPaths() throws Exception {
        HttpResponse<String> json = get("/v3/api-docs");
        assertEquals(200, json.statusCode());
        JsonNode api = new ObjectMapper().readTree(json.body());
        assertTrue(api.path("openapi").asText().startsWith("3."), json.body());
        assertEquals("DMP Gateway REST and administration API", api.path("info").path("title").asText());
        JsonNode paths = api.path("paths");
        for (String path : List.of("/dmp/status", "/dmp/authorization", "/admin/patients/{authority}/{ins}",
                "/admin/patients/{authority}/{ins}/state", "/admin/patients/{authority}/{ins}/settings",
                "/admin/patients/{authority}/{ins}/professionals/{actorId}", "/admin/patients/{authority}/{ins}/traces")) {
            assertTrue(paths.has(path), path + " not in the OpenAPI paths: " + paths.fieldNames());
        }
        assertTrue(paths.path("/dmp/authorization").has("put") && paths.path("/dmp/authorization").has("delete"));
        for (String path : List.of("/patient/activation", "/patient/provisional-code", "/patient/login",
                "/patient/me", "/patient/me/documents", "/patient/me/documents/{documentId}/visibility",
                "/patient/me/professionals/{actorId}/block", "/patient/me/emergency-access", "/patient/profiles",
                "/patient/profiles/{profileId}/sharing", "/patient/me/notification-email")) {
            assertTrue(paths.has(path), path + " not in the OpenAPI paths: " + paths.fieldNames());
        }
        // the signed-in patient comes from the bearer token, never from a parameter
        JsonNode me = paths.path("/patient/me/documents").path("get");
        me.path("parameters").forEach(p -> assertEquals("category", p.path("name").asText(), me.toString()));
        assertTrue(api.path("components").path("securitySchemes").has("patient-session"), json.body());
        assertTrue(api.path("components").path("securitySchemes").has("patient-profile"), json.body());
        // the patient's HTML pages are not part of it
        paths.fieldNames().forEachRemaining(p -> assertFalse(p.startsWith("/patient/espace")
                || p.startsWith("/patient/activer") || p.startsWith("/patient/connexion"), p));
        // only the REST, admin and patient APIs: the page, SOAP and FHIR are described elsewhere
        paths.fieldNames().forEachRemaining(p -> assertTrue(p.startsWith("/dmp/") || p.startsWith("/admin/")
                || p.startsWith("/patient/"), p));

        HttpResponse<String> yaml = get("/v3/api-docs.yaml");
        assertEquals(200, yaml.statusCode());
        assertTrue(yaml.body().startsWith("openapi: 3."), yaml.body());
        assertTrue(yaml.body().contains("/dmp/status:"), yaml.body());
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
