package org.dmpgateway.benchmark;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** The harness's HTTP client: the JDK's HttpClient (HTTP/1.1, keep-alive connections), one per run. */
final class Http {
    private static final Duration TIMEOUT = Duration.ofSeconds(120);

    record Response(int status, String contentType, byte[] body) {
        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    private final HttpClient client;
    private final String base;

    Http(String baseUrl) {
        this.base = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        this.client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10)).build();
    }

    String url(String path) {
        return base + path;
    }

    Response get(String path) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create(url(path))).timeout(TIMEOUT).GET().build());
    }

    Response post(String path, String contentType, byte[] body) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create(url(path))).timeout(TIMEOUT).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build());
    }

    /** A GET with a bearer token (the FHIR requests); {@code accept} may be null (no Accept header). */
    Response get(String path, String bearer, String accept) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url(path))).timeout(TIMEOUT)
                .header("Authorization", "Bearer " + bearer).GET();
        if (accept != null) {
            b.header("Accept", accept);
        }
        return send(b.build());
    }

    /** A POST with a bearer token (the FHIR requests). */
    Response post(String path, String contentType, byte[] body, String bearer) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create(url(path))).timeout(TIMEOUT).header("Content-Type", contentType)
                .header("Authorization", "Bearer " + bearer).POST(HttpRequest.BodyPublishers.ofByteArray(body)).build());
    }

    Response put(String path, String bearer, String json) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create(url(path))).timeout(TIMEOUT)
                .header("Content-Type", "application/json").header("Authorization", "Bearer " + bearer)
                .PUT(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)).build());
    }

    private Response send(HttpRequest request) throws IOException, InterruptedException {
        HttpResponse<byte[]> r = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
        return new Response(r.statusCode(), r.headers().firstValue("Content-Type").orElse(""), r.body());
    }
}
