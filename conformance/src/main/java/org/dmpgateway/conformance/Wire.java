package org.dmpgateway.conformance;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Plain HTTP, as a software editor's own stack would send it: the request exactly as the sample
 * says, no SOAP or FHIR client in between. Every request and answer is written to the run's
 * transcript folder, byte for byte, so that a failed scenario can be replayed with curl.
 */
final class Wire {
    /** Headers the JDK client sets itself and refuses to be given. */
    private static final Set<String> RESTRICTED = Set.of("connection", "content-length", "expect", "host", "upgrade");

    private final HttpClient http;
    private final Duration timeout;

    Wire(Duration timeout) {
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).version(HttpClient.Version.HTTP_1_1).build();
        this.timeout = timeout;
    }

    /** What came back. */
    record Answer(int status, Map<String, List<String>> headers, byte[] body) {
        String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .flatMap(e -> e.getValue().stream()).findFirst().orElse(null);
        }

        String contentType() {
            String ct = header("Content-Type");
            return ct == null ? "" : ct;
        }

        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    Answer send(String method, String url, Map<String, String> headers, byte[] body, Path transcript) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(encodeUnsafe(url))).timeout(timeout);
        headers.forEach((k, v) -> {
            if (!RESTRICTED.contains(k.toLowerCase(Locale.ROOT))) {
                b.header(k, v);
            }
        });
        b.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        writeRequest(transcript, method, encodeUnsafe(url), headers, body);
        HttpResponse<byte[]> r = http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
        Map<String, List<String>> answerHeaders = new LinkedHashMap<>(r.headers().map());
        Answer answer = new Answer(r.statusCode(), answerHeaders, r.body());
        writeAnswer(transcript, answer);
        return answer;
    }

    /**
     * Percent-encodes the characters a URI may not carry as they are but that samples write for
     * readability, as curl users do: {@code |} of FHIR's {@code system|code} tokens, spaces, quotes.
     */
    static String encodeUnsafe(String url) {
        StringBuilder out = new StringBuilder(url.length() + 16);
        for (char c : url.toCharArray()) {
            if (c == '|' || c == ' ' || c == '"' || c == '<' || c == '>' || c == '{' || c == '}' || c == '^' || c == '`' || c == '\\') {
                out.append('%').append(String.format("%02X", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static void writeRequest(Path transcript, String method, String url, Map<String, String> headers, byte[] body) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        URI uri = URI.create(url);
        out.writeBytes((method + " " + uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery()) + " HTTP/1.1\r\n").getBytes(StandardCharsets.UTF_8));
        out.writeBytes(("Host: " + uri.getAuthority() + "\r\n").getBytes(StandardCharsets.UTF_8));
        headers.forEach((k, v) -> out.writeBytes((k + ": " + v + "\r\n").getBytes(StandardCharsets.UTF_8)));
        out.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
        if (body != null) {
            out.writeBytes(body);
        }
        Files.createDirectories(transcript.getParent());
        Files.write(transcript.resolveSibling(transcript.getFileName() + ".request.http"), out.toByteArray());
    }

    private static void writeAnswer(Path transcript, Answer a) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(("HTTP/1.1 " + a.status() + "\r\n").getBytes(StandardCharsets.UTF_8));
        a.headers().forEach((k, vs) -> vs.forEach(v -> out.writeBytes((k + ": " + v + "\r\n").getBytes(StandardCharsets.UTF_8))));
        out.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
        out.writeBytes(a.body());
        Files.write(transcript.resolveSibling(transcript.getFileName() + ".response.http"), out.toByteArray());
    }
}
