package org.dmpgateway.server.operations;

import org.dmpgateway.server.support.FhirAnswerValidator;
import org.dmpgateway.server.DmpGatewayApplication;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

import javax.net.ssl.SSLContext;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * TLS and mutual TLS on every endpoint, set up only with properties (an SSL bundle and
 * server.ssl.client-auth=need, docs/operations.md), with a CA the test makes: a client presenting
 * a certificate of that CA is served on the SOAP, FHIR, REST and actuator endpoints; a client
 * without a certificate, or with one of another CA, is refused during the handshake; plain HTTP
 * gets no answer.
 */
@SpringBootTest(classes = DmpGatewayApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestPropertySource(properties = {"spring.datasource.url=jdbc:h2:mem:mtls-e2e;DB_CLOSE_DELAY=-1",
        "dmp.sandbox=true", "dmp.notifications.enabled=false"})
@DirtiesContext
class MutualTlsEndToEndTest {
    @TempDir
    static Path certificates;

    static TestCertificates ca;
    static Path clientKeyStore;
    static Path strangerKeyStore;

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void tls(DynamicPropertyRegistry properties) {
        ca = TestCertificates.authority(certificates, "test-ca");
        Path serverKeyStore = ca.server("dmp-gateway");
        clientKeyStore = ca.client("editor-software");
        strangerKeyStore = TestCertificates.authority(certificates, "other-ca").client("stranger");
        properties.add("spring.ssl.bundle.jks.dmp.keystore.location", () -> "file:" + serverKeyStore);
        properties.add("spring.ssl.bundle.jks.dmp.keystore.password", () -> TestCertificates.PASSWORD);
        properties.add("spring.ssl.bundle.jks.dmp.keystore.type", () -> "PKCS12");
        properties.add("spring.ssl.bundle.jks.dmp.truststore.location", () -> "file:" + ca.trustStore());
        properties.add("spring.ssl.bundle.jks.dmp.truststore.password", () -> TestCertificates.PASSWORD);
        properties.add("spring.ssl.bundle.jks.dmp.truststore.type", () -> "PKCS12");
        properties.add("server.ssl.bundle", () -> "dmp");
        properties.add("server.ssl.client-auth", () -> "need");
    }

    @Test
    void aClientWithACertificateOfTheTrustedAuthorityIsServedOnEveryEndpoint() throws Exception {
        HttpClient client = client(TestCertificates.sslContext(clientKeyStore, ca.trustStore()));

        HttpResponse<String> wsdl = get(client, "/services/iti18?wsdl");
        assertEquals(200, wsdl.statusCode());
        assertTrue(wsdl.body().contains("definitions"), wsdl.body());
        HttpResponse<String> metadata = get(client, "/fhir/metadata");
        assertEquals(200, metadata.statusCode());
        assertTrue(metadata.body().contains("CapabilityStatement"), metadata.body());
        // served, and refused for want of a VIHF: the REST adapter answered
        assertEquals(401, get(client, "/dmp/status").statusCode());
        assertEquals(200, get(client, "/actuator/health").statusCode());
        assertEquals(200, get(client, "/").statusCode());
    }

    @Test
    void aClientWithoutACertificateIsRefused() throws Exception {
        HttpClient client = client(TestCertificates.sslContext(null, ca.trustStore()));
        assertThrows(IOException.class, () -> get(client, "/fhir/metadata"));
    }

    @Test
    void aClientWithACertificateOfAnotherAuthorityIsRefused() throws Exception {
        HttpClient client = client(TestCertificates.sslContext(strangerKeyStore, ca.trustStore()));
        assertThrows(IOException.class, () -> get(client, "/services/iti41?wsdl"));
    }

    @Test
    void plainHttpIsNotServed() {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/fhir/metadata"))
                .timeout(Duration.ofSeconds(10)).GET().build();
        try {
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            // Tomcat answers a plain request on a TLS port with a 400 and no content
            assertEquals(400, response.statusCode());
            assertTrue(!response.body().contains("CapabilityStatement"), response.body());
        } catch (IOException | InterruptedException refused) {
            // or closes the connection: refused as well
        }
    }

    private static HttpClient client(SSLContext context) {
        return HttpClient.newBuilder().sslContext(context).connectTimeout(Duration.ofSeconds(10)).build();
    }

    private HttpResponse<String> get(HttpClient client, String path) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create("https://localhost:" + port + path))
                .timeout(Duration.ofSeconds(20)).GET().build();
        return FhirAnswerValidator.assertValid(client.send(request, HttpResponse.BodyHandlers.ofString()));
    }
}
