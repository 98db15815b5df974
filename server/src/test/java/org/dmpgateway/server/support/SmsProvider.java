package org.dmpgateway.server.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import org.springframework.test.context.DynamicPropertyRegistry;

import java.io.UncheckedIOException;
import java.util.List;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

/**
 * The SMS provider outside the product, stubbed with WireMock on a free port: it takes
 * {@code POST /sms} with the bearer token {@link #TOKEN} (202) and keeps what it received.
 */
public final class SmsProvider implements AutoCloseable {
    public static final String TOKEN = "sms-test-token";
    private static final ObjectMapper JSON = new ObjectMapper();
    private final WireMockServer server;

    private SmsProvider() {
        server = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
        server.start();
        server.stubFor(post(urlEqualTo("/sms")).withHeader("Authorization", equalTo("Bearer " + TOKEN))
                .willReturn(aResponse().withStatus(202).withHeader("Content-Type", "application/json")
                        .withBody("{\"status\":\"queued\"}")));
    }

    public static SmsProvider start() {
        return new SmsProvider();
    }

    public void registerProperties(DynamicPropertyRegistry registry) {
        registry.add("dmp.sms.url", () -> "http://127.0.0.1:" + server.port() + "/sms");
        registry.add("dmp.sms.token", () -> TOKEN);
    }

    /** One SMS as the provider received it. */
    public record Sms(String from, String to, String text) {
    }

    /** Every SMS received for {@code mobile}, oldest first. */
    public List<Sms> sentTo(String mobile) {
        List<LoggedRequest> requests = server.findAll(postRequestedFor(urlEqualTo("/sms")));
        return requests.stream().map(r -> {
            try {
                JsonNode body = JSON.readTree(r.getBodyAsString());
                return new Sms(body.path("from").asText(), body.path("to").asText(), body.path("text").asText());
            } catch (java.io.IOException e) {
                throw new UncheckedIOException(e);
            }
        }).filter(s -> s.to().equals(mobile)).toList();
    }

    @Override
    public void close() {
        server.stop();
    }
}
