package org.dmpgateway.server.support;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The patient API over plain HTTP and JSON (docs/patient-api.md), as a patient's browser or app
 * calls it. Each call returns the status and the JSON answer; {@link Answer#ok} asserts a 2xx.
 */
public final class PatientPortalClient {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;
    private final String profile;

    public PatientPortalClient(int port) {
        this("http://localhost:" + port + "/patient", null);
    }

    private PatientPortalClient(String base, String profile) {
        this.base = base;
        this.profile = profile;
    }

    /** The same client acting on the child's profile {@code profileId} (header {@code Patient-Profile}). */
    public PatientPortalClient onProfile(String profileId) {
        return new PatientPortalClient(base, profileId);
    }

    public record Answer(int status, Map<String, Object> body, String text) {
        public Answer ok() {
            if (status / 100 != 2) {
                throw new AssertionError("expected 2xx, got " + status + ": " + text);
            }
            return this;
        }

        public String get(String field) {
            Object v = body == null ? null : body.get(field);
            return v == null ? null : v.toString();
        }
    }

    public Answer post(String path, Map<String, ?> body) {
        return post(path, body, null);
    }

    public Answer post(String path, Map<String, ?> body, String bearer) {
        try {
            return send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))), bearer);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    public Answer put(String path, Map<String, ?> body, String bearer) {
        try {
            return send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/json")
                    .PUT(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))), bearer);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    public Answer delete(String path, String bearer) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).DELETE(), bearer);
    }

    /** A GET whose answer is a list ({@code [...]}), as parsed JSON; asserts a 200. */
    public List<Map<String, Object>> list(String path, String bearer) {
        Answer a = get(path, bearer).ok();
        try {
            return JSON.readValue(a.text(), new TypeReference<>() {
            });
        } catch (IOException e) {
            throw new AssertionError(a.text(), e);
        }
    }

    /** A GET of bytes (a document's content): the status, the Content-Type and the bytes. */
    public HttpResponse<byte[]> bytes(String path, String bearer) {
        return exchange(HttpRequest.newBuilder(URI.create(base + path)).GET(), bearer,
                HttpResponse.BodyHandlers.ofByteArray());
    }

    /** A POST of a text body of {@code contentType} (a FHIR Bundle): the raw answer. */
    public HttpResponse<String> postText(String path, String contentType, String body, String bearer) {
        return exchange(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)), bearer,
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    public Answer get(String path, String bearer) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET(), bearer);
    }

    private Answer send(HttpRequest.Builder request, String bearer) {
        HttpResponse<String> r = exchange(request, bearer, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        try {
            Map<String, Object> body = null;
            if (r.body() != null && r.body().startsWith("{")) {
                body = JSON.readValue(r.body(), new TypeReference<>() {
                });
            }
            return new Answer(r.statusCode(), body, r.body());
        } catch (IOException e) {
            throw new AssertionError(r.body(), e);
        }
    }

    private <T> HttpResponse<T> exchange(HttpRequest.Builder request, String bearer, HttpResponse.BodyHandler<T> handler) {
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        if (profile != null) {
            request.header("Patient-Profile", profile);
        }
        try {
            return http.send(request.timeout(Duration.ofSeconds(30)).build(), handler);
        } catch (IOException e) {
            throw new AssertionError(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
