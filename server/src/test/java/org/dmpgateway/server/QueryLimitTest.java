package org.dmpgateway.server;

import org.apache.camel.ProducerTemplate;
import org.dmpgateway.server.support.TestRecord;
import org.dmpgateway.server.support.XdsClient;
import org.junit.jupiter.api.Test;
import org.openehealth.ipf.commons.ihe.xds.core.metadata.AvailabilityStatus;
import org.openehealth.ipf.commons.ihe.xds.core.requests.query.FindDocumentsQuery;
import org.openehealth.ipf.commons.ihe.xds.core.responses.ErrorCode;
import org.openehealth.ipf.commons.ihe.xds.core.responses.QueryResponse;
import org.openehealth.ipf.commons.ihe.xds.core.responses.Status;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

import java.util.List;

import static org.dmpgateway.server.support.SampleSubmissions.*;
import static org.junit.jupiter.api.Assertions.*;

/** Above dmp.xds.max-query-results a query is refused with XDSTooManyResults, never silently cut. */
@SpringBootTest(classes = DmpGatewayApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestPropertySource(properties = {"spring.datasource.url=jdbc:h2:mem:query-limit;DB_CLOSE_DELAY=-1",
        "dmp.xds.max-query-results=3"})
@DirtiesContext
class QueryLimitTest {
    @LocalServerPort
    int port;

    @Autowired
    ProducerTemplate producer;

    @Test
    void aQueryAboveTheCapIsRefusedAndOneAtTheCapIsAnswered() {
        TestRecord.seeded(port, PATIENT_CREATED);
        XdsClient xds = new XdsClient(producer, port); // Dr DURANT, for the patient each request names
        for (int i = 0; i < 3; i++) {
            assertEquals(Status.SUCCESS, xds.submit(single(PATIENT_CREATED, text("document " + i))).getStatus());
        }
        FindDocumentsQuery q = new FindDocumentsQuery();
        q.setPatientId(patient(PATIENT_CREATED));
        q.setStatus(List.of(AvailabilityStatus.APPROVED));
        assertEquals(3, xds.query(q).getDocumentEntries().size());

        assertEquals(Status.SUCCESS, xds.submit(single(PATIENT_CREATED, text("document 4"))).getStatus());
        QueryResponse tooMany = xds.query(q);
        assertEquals(Status.FAILURE, tooMany.getStatus());
        assertEquals(ErrorCode.TOO_MANY_RESULTS, tooMany.getErrors().get(0).getErrorCode());
        assertTrue(tooMany.getErrors().get(0).getCodeContext().contains("more than 3"));
    }
}
