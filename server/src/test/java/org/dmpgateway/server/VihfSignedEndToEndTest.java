package org.dmpgateway.server;

import org.apache.camel.ProducerTemplate;
import org.dmpgateway.server.support.TestKeys;
import org.dmpgateway.server.support.Vihf;
import org.dmpgateway.server.support.XdsClient;
import org.junit.jupiter.api.Test;
import org.openehealth.ipf.commons.ihe.xds.core.metadata.AvailabilityStatus;
import org.openehealth.ipf.commons.ihe.xds.core.requests.query.FindDocumentsQuery;
import org.openehealth.ipf.commons.ihe.xds.core.responses.ErrorInfo;
import org.openehealth.ipf.commons.ihe.xds.core.responses.QueryResponse;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

import java.util.List;

import static org.dmpgateway.server.support.XdsAnswers.refusedWith;
import static org.dmpgateway.server.support.SampleSubmissions.*;
import static org.junit.jupiter.api.Assertions.*;

/**
 * dmp.vihf.require-signature=true over real SOAP: the signature made by the client survives CXF's
 * header handling and is checked against dmp.vihf.trust-store; unsigned and untrusted VIHFs are
 * refused before the core sees them.
 */
@SpringBootTest(classes = DmpGatewayApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestPropertySource(properties = {"spring.datasource.url=jdbc:h2:mem:vihf-signed-e2e;DB_CLOSE_DELAY=-1",
        "dmp.vihf.require-signature=true", "dmp.vihf.trust-store=" + TestKeys.TRUST_STORE,
        "dmp.vihf.trust-store-password=" + TestKeys.PASSWORD})
@DirtiesContext
class VihfSignedEndToEndTest {
    @LocalServerPort
    int port;

    @Autowired
    ProducerTemplate producer;

    FindDocumentsQuery findDocuments() {
        FindDocumentsQuery q = new FindDocumentsQuery();
        q.setPatientId(patient(PATIENT_ACTIVATED));
        q.setStatus(List.of(AvailabilityStatus.APPROVED));
        return q;
    }

    @Test
    void aVihfSignedByTheTrustedStructurePassesTheIdentityCheck() {
        TestKeys structure = TestKeys.structure();
        QueryResponse r = new XdsClient(producer, port).signedBy(structure.key(), structure.certificate()).query(findDocuments());
        List<String> identityErrors = r.getErrors().stream().map(ErrorInfo::getCodeContext)
                .filter(c -> c != null && c.startsWith("IDENTITY_")).toList();
        assertEquals(List.of(), identityErrors, "whatever the access policy answers, the identity is accepted");
    }

    @Test
    void anUnsignedVihfIsRefused() {
        ErrorInfo e = refusedWith(new XdsClient(producer, port).query(findDocuments()), "IDENTITY_UNTRUSTED");
        assertTrue(e.getCodeContext().contains("not signed"), e.getCodeContext());
    }

    @Test
    void aVihfSignedByAnUntrustedKeyIsRefused() {
        TestKeys intruder = TestKeys.intruder();
        XdsClient xds = new XdsClient(producer, port).as(Vihf.doctor(PATIENT_ACTIVATED))
                .signedBy(intruder.key(), intruder.certificate());
        ErrorInfo e = refusedWith(xds.query(findDocuments()), "IDENTITY_UNTRUSTED");
        assertTrue(e.getCodeContext().contains("neither in the VIHF trust store"), e.getCodeContext());
    }
}
