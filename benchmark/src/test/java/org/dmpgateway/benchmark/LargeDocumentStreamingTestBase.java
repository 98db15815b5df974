package org.dmpgateway.benchmark;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Content is streamed, never held whole in the server's heap (issue 13): the packaged jar runs as a
 * separate process with a small heap ({@link #HEAP}) and raised per-document and per-request limits,
 * on H2 and on PostgreSQL (one leaf each). First an ITI-41 whose client goes away after
 * {@link #CUT_AT} bytes: nothing of it is listed, the server answers an ITI-18 and says UP. Then one
 * document 2.7 times larger than that heap is submitted over MTOM ITI-41 (generated as it is sent:
 * no array of it in this test either), retrieved over ITI-43 (MTOM) and over ITI-68 (raw bytes), and
 * both answers must have the SHA-256 of what was sent; a normal ITI-18 is answered and
 * /actuator/health says UP. Once the server stopped, its database holds the chunks of that one
 * document and no upload (the cut one was deleted). Runs in the integration-test phase of
 * {@code mvn verify}.
 */
abstract class LargeDocumentStreamingTestBase {
    // 128 MiB until stop 26: with what that stop added (TD0.5's HL7v3 schemas, the SMTP and MLLP adapters, the
    // patient's pages and medical profile) the server ran out of heap while building its JAXB contexts at start
    static final String HEAP = "-Xmx192m";
    static final long DOCUMENT_BYTES = 512L * 1024 * 1024; // 512 MiB, 2.7 times the heap
    static final String ADMIN_TOKEN = "streaming-test-admin-token-" + UUID.randomUUID();
    static final long CUT_AT = DOCUMENT_BYTES / 2; // 256 MiB: the cut upload alone is larger than the heap
    static final long CHUNK_BYTES = 256 * 1024; // repository ContentChunks.CHUNK_BYTES
    static final Duration TIMEOUT = Duration.ofMinutes(10);

    private final ServerDatabase database;

    LargeDocumentStreamingTestBase(ServerDatabase database) {
        this.database = database;
    }

    @AfterEach
    void dropDatabase() {
        database.drop();
    }

    @Test
    void aDocumentLargerThanTheHeapGoesInAndComesBackWhole() throws Exception {
        Path jar = Path.of(System.getProperty("dmp.server.jar", "../server/target/dmp-gateway.jar"));
        assertTrue(Files.isRegularFile(jar), "the server jar " + jar.toAbsolutePath()
                + " must be built first (mvn verify from the root builds it before this module)");
        Path work = Path.of("target", "streaming", UUID.randomUUID().toString().substring(0, 8));
        Files.createDirectories(work);
        List<String> args = new ArrayList<>(List.of("--dmp.admin.token=" + ADMIN_TOKEN,
                "--dmp.notifications.enabled=false", "--dmp.limits.document-bytes=" + 2 * DOCUMENT_BYTES,
                "--dmp.limits.request-bytes=" + 2 * DOCUMENT_BYTES, "--dmp.limits.retrieve-bytes=" + 2 * DOCUMENT_BYTES));
        args.addAll(database.serverArguments());
        try (ServerProcess server = ServerProcess.launch(jar, List.of("-Xms64m", HEAP), null, database.jdbcUrl(work), database.user(),
                database.password(), work.resolve("data"), work.resolve("server.log"), args)) {
            server.awaitHealthy();
            Http http = new Http(server.baseUrl());
            HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(10)).build();
            Synthesizer synth = new Synthesizer(13);
            Synthesizer.Patient patient = synth.patient(Ins.harness(13_013));
            new Admin(http, ADMIN_TOKEN).activatedPatientAuthorising(patient.ins(), patient.family(), patient.given());

            // 0. an upload cut in the middle (the client goes away after CUT_AT bytes, more than the heap):
            //    nothing of it is visible, the server stays healthy and answers a normal ITI-18
            Synthesizer.Document cut = synth.document(false, 1);
            Soap.StreamedMessage cm = Soap.provideAndRegisterStreamed(http.url("/services/iti41"), patient, synth.oid(),
                    synth.submissionTime(cut.creationTime()), cut);
            HttpRequest cutRequest = HttpRequest.newBuilder(URI.create(http.url("/services/iti41")))
                    .timeout(TIMEOUT).header("Content-Type", cm.contentType())
                    .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new SequenceInputStream(
                            new ByteArrayInputStream(cm.head()), new CutContent(DOCUMENT_BYTES, CUT_AT))))
                    .build();
            assertThrows(IOException.class, () -> client.send(cutRequest, HttpResponse.BodyHandlers.ofString()));
            Soap.Message find = Soap.findDocuments(http.url("/services/iti18"), patient.ins());
            Http.Response afterCut = http.post("/services/iti18", find.contentType(), find.body());
            assertEquals(200, afterCut.status(), afterCut.text());
            assertTrue(afterCut.text().contains("ResponseStatusType:Success"), afterCut.text());
            assertEquals(0, Responses.countDocumentEntries(afterCut.body()), "nothing of the cut upload is visible");
            assertHealthy(http);

            // 1. ITI-41: the content generated while it is sent
            Synthesizer.Document doc = synth.document(false, 1);
            Soap.StreamedMessage m = Soap.provideAndRegisterStreamed(http.url("/services/iti41"), patient, synth.oid(),
                    synth.submissionTime(doc.creationTime()), doc);
            long t0 = System.nanoTime();
            HttpResponse<String> submitted = client.send(HttpRequest.newBuilder(URI.create(http.url("/services/iti41")))
                    .timeout(TIMEOUT).header("Content-Type", m.contentType())
                    .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new SequenceInputStream(
                            new SequenceInputStream(new ByteArrayInputStream(m.head()), new GeneratedContent(DOCUMENT_BYTES)),
                            new ByteArrayInputStream(m.tail()))))
                    .build(), HttpResponse.BodyHandlers.ofString());
            double submitSeconds = seconds(t0);
            assertEquals(200, submitted.statusCode(), submitted.body());
            assertTrue(submitted.body().contains("ResponseStatusType:Success"), submitted.body());

            // 2. ITI-18 lists it with its size; its entryUUID names the ITI-68 Binary
            Http.Response found = http.post("/services/iti18", find.contentType(), find.body());
            assertEquals(200, found.status(), found.text());
            assertTrue(found.text().contains(">" + DOCUMENT_BYTES + "<"), "ITI-18 gives the size: " + found.text());
            String entryUuid = extrinsicObjectId(found.text());

            // 3. ITI-43: the MTOM answer read as it arrives, its document part hashed
            String expected = sha256(new GeneratedContent(DOCUMENT_BYTES));
            Soap.Message retrieve = Soap.retrieve(http.url("/services/iti43"), patient.ins(),
                    Catalog.REPOSITORY_UNIQUE_ID_DEFAULT, doc.uniqueId());
            t0 = System.nanoTime();
            HttpResponse<InputStream> retrieved = client.send(HttpRequest.newBuilder(URI.create(http.url("/services/iti43")))
                    .timeout(TIMEOUT).header("Content-Type", retrieve.contentType())
                    .POST(HttpRequest.BodyPublishers.ofByteArray(retrieve.body())).build(),
                    HttpResponse.BodyHandlers.ofInputStream());
            assertEquals(200, retrieved.statusCode());
            String contentType = retrieved.headers().firstValue("Content-Type").orElse("");
            MultipartDigest parts = MultipartDigest.read(retrieved.body(), boundary(contentType));
            double retrieveSeconds = seconds(t0);
            assertTrue(parts.root().contains("ResponseStatusType:Success"), parts.root());
            assertEquals(2, parts.count(), "one SOAP part and one document part: " + parts.root());
            assertEquals(DOCUMENT_BYTES, parts.lastPartBytes(), "ITI-43 document bytes");
            assertEquals(expected, parts.lastPartSha256(), "ITI-43 returns the bytes sent");

            // 4. ITI-68: the raw bytes
            t0 = System.nanoTime();
            HttpResponse<InputStream> binary = client.send(HttpRequest.newBuilder(URI.create(
                            http.url("/fhir/Binary/" + entryUuid.substring("urn:uuid:".length()))))
                    .timeout(TIMEOUT).header("Authorization", "Bearer " + FhirToken.bearer(patient.ins())).GET().build(),
                    HttpResponse.BodyHandlers.ofInputStream());
            assertEquals(200, binary.statusCode());
            assertEquals(String.valueOf(DOCUMENT_BYTES), binary.headers().firstValue("Content-Length").orElse(""));
            String viaFhir;
            try (InputStream in = binary.body()) {
                viaFhir = sha256(in);
            }
            double fhirSeconds = seconds(t0);
            assertEquals(expected, viaFhir, "ITI-68 returns the bytes sent");

            // 5. the server still answers normally and is healthy
            Http.Response again = http.post("/services/iti18", find.contentType(), find.body());
            assertEquals(200, again.status(), again.text());
            assertTrue(again.text().contains("ResponseStatusType:Success"), again.text());
            assertHealthy(http);
            assertTrue(server.isAlive());
            System.out.printf("Streaming on %s with %s: %d MiB submitted over ITI-41 in %.1f s (%.0f MiB/s), "
                            + "retrieved over ITI-43 in %.1f s (%.0f MiB/s) and ITI-68 in %.1f s (%.0f MiB/s)%n", database.label(), HEAP,
                    DOCUMENT_BYTES >> 20, submitSeconds, (DOCUMENT_BYTES >> 20) / submitSeconds, retrieveSeconds,
                    (DOCUMENT_BYTES >> 20) / retrieveSeconds, fhirSeconds, (DOCUMENT_BYTES >> 20) / fhirSeconds);
        }
        // the server stopped: its database holds the chunks of the one document it acknowledged, and no
        // upload (the cut one was deleted when its request failed)
        try (Connection c = DriverManager.getConnection(database.jdbcUrl(work), database.user(), database.password());
             Statement st = c.createStatement()) {
            assertEquals(DOCUMENT_BYTES / CHUNK_BYTES, count(st, "SELECT COUNT(*) FROM document_chunk"),
                    "chunks of the acknowledged document only");
            assertEquals(0, count(st, "SELECT COUNT(*) FROM content_upload"), "no upload left");
            assertEquals(1, count(st, "SELECT COUNT(*) FROM document_content"));
        }
    }

    private static long count(Statement st, String sql) throws SQLException {
        try (ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static void assertHealthy(Http http) throws IOException, InterruptedException {
        Http.Response health = http.get("/actuator/health");
        assertEquals(200, health.status(), health.text());
        assertTrue(health.text().contains("\"UP\""), health.text());
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }

    private static String extrinsicObjectId(String queryResponse) {
        Matcher tag = Pattern.compile("<(?:\\w+:)?ExtrinsicObject\\b[^>]*>").matcher(queryResponse);
        assertTrue(tag.find(), "ITI-18 lists the document: " + queryResponse);
        Matcher id = Pattern.compile("\\sid=\"(urn:uuid:[^\"]+)\"").matcher(tag.group());
        assertTrue(id.find(), tag.group());
        return id.group(1);
    }

    private static String boundary(String contentType) {
        Matcher b = Pattern.compile("boundary=\"?([^\";]+)\"?").matcher(contentType);
        assertTrue(b.find(), "ITI-43 answers MTOM (multipart/related): " + contentType);
        return b.group(1);
    }

    static String sha256(InputStream in) throws Exception {
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        byte[] buffer = new byte[64 * 1024];
        for (int n; (n = in.read(buffer)) > 0; ) {
            sha.update(buffer, 0, n);
        }
        return HexFormat.of().formatHex(sha.digest());
    }

    /** {@code size} pseudo-random bytes, the same for the same size, made as they are read. */
    static final class GeneratedContent extends InputStream {
        private final long size;
        private long position;
        private long state = 0x9E3779B97F4A7C15L;

        GeneratedContent(long size) {
            this.size = size;
        }

        @Override
        public int read() {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (position >= size) {
                return -1;
            }
            int n = (int) Math.min(len, size - position);
            for (int i = 0; i < n; i++) {
                state ^= state << 13; // xorshift64
                state ^= state >>> 7;
                state ^= state << 17;
                b[off + i] = (byte) state;
            }
            position += n;
            return n;
        }
    }

    /** {@link GeneratedContent} whose reader fails after {@code cutAt} bytes: the client goes away. */
    static final class CutContent extends InputStream {
        private final GeneratedContent content;
        private final long cutAt;
        private long position;

        CutContent(long size, long cutAt) {
            this.content = new GeneratedContent(size);
            this.cutAt = cutAt;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (position >= cutAt) {
                throw new IOException("the client goes away after " + cutAt + " bytes");
            }
            int n = content.read(b, off, (int) Math.min(len, cutAt - position));
            position += Math.max(n, 0);
            return n;
        }
    }

    /**
     * A multipart/related answer read as it arrives: the first (SOAP) part kept as text, the last
     * part counted and hashed (SHA-256), nothing else kept.
     */
    record MultipartDigest(String root, int count, long lastPartBytes, String lastPartSha256) {
        static MultipartDigest read(InputStream body, String boundary) throws Exception {
            byte[] delimiter = ("\r\n--" + boundary).getBytes(StandardCharsets.ISO_8859_1);
            try (Scanner in = new Scanner(body, delimiter.length)) {
                in.skipPast(("--" + boundary).getBytes(StandardCharsets.ISO_8859_1)); // the preamble
                String root = null;
                int count = 0;
                long lastBytes = 0;
                String lastSha = null;
                while (true) {
                    if (in.next() == '-' && in.next() == '-') {
                        break; // the closing boundary
                    }
                    in.skipPast("\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1)); // the part's headers
                    count++;
                    MessageDigest sha = MessageDigest.getInstance("SHA-256");
                    java.io.ByteArrayOutputStream text = count == 1 ? new java.io.ByteArrayOutputStream() : null;
                    lastBytes = in.partBody(delimiter, sha, text);
                    if (count == 1) {
                        root = text.toString(StandardCharsets.UTF_8);
                    }
                    lastSha = HexFormat.of().formatHex(sha.digest());
                }
                assertNotNull(root, "no part in the answer");
                return new MultipartDigest(root, count, lastBytes, lastSha);
            }
        }
    }

    /** A buffered reader of the answer that finds a delimiter and hands the bytes before it on in bulk. */
    static final class Scanner implements AutoCloseable {
        private final InputStream in;
        private final byte[] buffer;
        private int position;
        private int limit;

        Scanner(InputStream in, int longestDelimiter) {
            this.in = in;
            this.buffer = new byte[Math.max(256 * 1024, 4 * longestDelimiter)];
        }

        /** Makes at least {@code n} bytes available unless the answer ends first; false then. */
        private boolean ensure(int n) throws IOException {
            if (limit - position >= n) {
                return true;
            }
            System.arraycopy(buffer, position, buffer, 0, limit - position);
            limit -= position;
            position = 0;
            while (limit < n) {
                int r = in.read(buffer, limit, buffer.length - limit);
                if (r < 0) {
                    return false;
                }
                limit += r;
            }
            return true;
        }

        int next() throws IOException {
            if (!ensure(1)) {
                throw new IOException("the answer ended early");
            }
            return buffer[position++] & 0xff;
        }

        void skipPast(byte[] marker) throws IOException {
            partBody(marker, null, null);
        }

        /** The bytes up to the delimiter (which is consumed), into the digest and text when given; their count. */
        long partBody(byte[] delimiter, MessageDigest sha, java.io.ByteArrayOutputStream text) throws IOException {
            long count = 0;
            while (true) {
                if (!ensure(delimiter.length)) {
                    throw new IOException("the answer ended before " + new String(delimiter, StandardCharsets.ISO_8859_1));
                }
                int candidate = -1;
                for (int i = position; i <= limit - delimiter.length; i++) {
                    if (buffer[i] == delimiter[0] && java.util.Arrays.equals(buffer, i, i + delimiter.length,
                            delimiter, 0, delimiter.length)) {
                        candidate = i;
                        break;
                    }
                }
                int end = candidate >= 0 ? candidate : limit - delimiter.length + 1;
                if (sha != null) {
                    sha.update(buffer, position, end - position);
                }
                if (text != null) {
                    text.write(buffer, position, end - position);
                }
                count += end - position;
                position = end;
                if (candidate >= 0) {
                    position += delimiter.length;
                    return count;
                }
            }
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }
}
