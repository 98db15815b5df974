package org.dmpgateway.server;

import com.zaxxer.hikari.HikariDataSource;
import org.apache.camel.ProducerTemplate;
import org.dmpgateway.server.support.TestRecord;
import org.dmpgateway.server.support.XdsClient;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openehealth.ipf.commons.ihe.xds.core.metadata.AvailabilityStatus;
import org.openehealth.ipf.commons.ihe.xds.core.metadata.Document;
import org.openehealth.ipf.commons.ihe.xds.core.metadata.DocumentEntry;
import org.openehealth.ipf.commons.ihe.xds.core.requests.ProvideAndRegisterDocumentSet;
import org.openehealth.ipf.commons.ihe.xds.core.requests.query.FindDocumentsQuery;
import org.openehealth.ipf.commons.ihe.xds.core.responses.QueryResponse;
import org.openehealth.ipf.commons.ihe.xds.core.responses.Status;
import org.openehealth.ipf.commons.ihe.xds.core.metadata.AssociationLabel;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

import static org.dmpgateway.server.support.SampleSubmissions.*;
import static org.junit.jupiter.api.Assertions.*;

/**
 * ITI-18 answers written as a stream (IPF's validation of the answers off, as in production): a
 * FindDocuments of 1,030 entries is answered whole (stop 26: an answer whose last chunk was incomplete
 * lost all but the first 50 of it), its entries read from a database cursor while
 * the answer is written, and the cursor's connection is given back to the pool after the answer,
 * and after a client that went away in the middle of it.
 */
@SpringBootTest(classes = DmpGatewayApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestPropertySource(properties = {"spring.datasource.url=jdbc:h2:mem:streamed-answers;DB_CLOSE_DELAY=-1",
        "dmp.xds.validate-responses=false"})
@DirtiesContext
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StreamedQueryAnswerTest {
    /** Not a multiple of the cursor's fetch (100) nor of the conversion's chunk (50): the last rows are read ahead. */
    private static final int DOCUMENTS = 1_030;
    private static final int PER_SUBMISSION = 100;

    @LocalServerPort
    int port;

    @Autowired
    ProducerTemplate producer;

    @Autowired
    DataSource dataSource;

    @BeforeAll
    void aRecordOfAThousandDocuments() {
        TestRecord.seeded(port, PATIENT_ACTIVATED);
        XdsClient xds = new XdsClient(producer, port);
        for (int s = 0; s * PER_SUBMISSION < DOCUMENTS; s++) {
            ProvideAndRegisterDocumentSet pnr = new ProvideAndRegisterDocumentSet();
            pnr.setSubmissionSet(submissionSet(PATIENT_ACTIVATED));
            for (int i = 0; i < Math.min(PER_SUBMISSION, DOCUMENTS - s * PER_SUBMISSION); i++) {
                String id = "Document" + i;
                DocumentEntry e = entry(id, PATIENT_ACTIVATED, CLASS_CR, TYPE_CR_CONSULTATION, FORMAT_TEXT, "text/plain",
                        "20251120093000");
                pnr.getDocuments().add(new Document(e, content(text("document " + s + "-" + i), "text/plain")));
                pnr.getAssociations().add(hasMember("Assoc" + i, "SubmissionSet01", id, AssociationLabel.ORIGINAL));
            }
            assertEquals(Status.SUCCESS, xds.submit(pnr).getStatus());
        }
    }

    private static FindDocumentsQuery findAll() {
        FindDocumentsQuery q = new FindDocumentsQuery();
        q.setPatientId(patient(PATIENT_ACTIVATED));
        q.setStatus(List.of(AvailabilityStatus.APPROVED));
        return q;
    }

    private int activeConnections() {
        return ((HikariDataSource) dataSource).getHikariPoolMXBean().getActiveConnections();
    }

    private void assertConnectionsGivenBack() throws InterruptedException {
        long until = System.currentTimeMillis() + 10_000;
        while (activeConnections() > 0 && System.currentTimeMillis() < until) {
            Thread.sleep(50);
        }
        assertEquals(0, activeConnections(), "the cursor's connection is back in the pool");
    }

    @Test
    void overAThousandDocumentsAreAnsweredFromTheCursorWhichIsThenClosed() throws Exception {
        QueryResponse response = new XdsClient(producer, port).query(findAll());

        assertEquals(Status.SUCCESS, response.getStatus());
        assertEquals(DOCUMENTS, response.getDocumentEntries().size());
        Set<String> uniqueIds = new HashSet<>();
        response.getDocumentEntries().forEach(e -> uniqueIds.add(e.getUniqueId()));
        assertEquals(DOCUMENTS, uniqueIds.size(), "every entry once");
        assertEquals("Document Document0", response.getDocumentEntries().get(0).getTitle().getValue());
        assertConnectionsGivenBack();
    }

    @Test
    void aClientGoneInTheMiddleOfTheAnswerLeavesNoCursorOpen() throws Exception {
        try (AbortingProxy proxy = new AbortingProxy(port, 16 * 1024)) {
            XdsClient throughProxy = new XdsClient(producer, proxy.port());
            assertThrows(Exception.class, () -> throughProxy.query(findAll()));
            assertTrue(proxy.answerBytes.get() > 0, "the server had begun to answer");
        }
        assertConnectionsGivenBack();
        // the server still answers the same query afterwards
        assertEquals(DOCUMENTS, new XdsClient(producer, port).query(findAll()).getDocumentEntries().size());
        assertConnectionsGivenBack();
    }

    /**
     * Forwards one request to the server, passes on the first {@code keep} bytes of its answer, then
     * stops reading and resets both connections: a client gone in the middle of a large answer.
     */
    private static final class AbortingProxy implements AutoCloseable {
        private final ServerSocket listener;
        private final Thread thread;
        final AtomicLong answerBytes = new AtomicLong();

        AbortingProxy(int serverPort, int keep) throws IOException {
            listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
            thread = new Thread(() -> {
                try (Socket client = listener.accept(); Socket server = new Socket()) {
                    server.setReceiveBufferSize(4096);
                    server.connect(new java.net.InetSocketAddress(InetAddress.getLoopbackAddress(), serverPort));
                    Thread upstream = new Thread(() -> copy(client, server));
                    upstream.setDaemon(true);
                    upstream.start();
                    InputStream answer = server.getInputStream();
                    OutputStream toClient = client.getOutputStream();
                    byte[] buffer = new byte[1024];
                    while (answerBytes.get() < keep) {
                        int n = answer.read(buffer);
                        if (n < 0) {
                            break;
                        }
                        toClient.write(buffer, 0, n);
                        answerBytes.addAndGet(n);
                    }
                    Thread.sleep(500); // the server fills what the sockets can hold, then waits
                    server.setSoLinger(true, 0);
                    client.setSoLinger(true, 0);
                } catch (IOException | InterruptedException e) {
                    // the test asserts what the server did
                }
            }, "aborting-proxy");
            thread.setDaemon(true);
            thread.start();
        }

        int port() {
            return listener.getLocalPort();
        }

        private static void copy(Socket from, Socket to) {
            try {
                from.getInputStream().transferTo(to.getOutputStream());
            } catch (IOException e) {
                // the connection was reset on purpose
            }
        }

        @Override
        public void close() throws Exception {
            listener.close();
            thread.join(10_000);
        }
    }
}
