package org.dmpgateway.server.support;

import org.apache.camel.ProducerTemplate;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * What the end-to-end suites that talk XDS set up the same way: the running server's port, the
 * Camel producer IPF's XDS clients send through, the gateway's repositoryUniqueId, and before each
 * test a patient record of its own ({@link TestRecord}: the patient, its professionals, the admin
 * client) with an {@link XdsClient}. A suite adds its own set-up in a {@code @BeforeEach} of its
 * own, which JUnit runs after this one.
 */
public abstract class OneRecordPerTest {
    @LocalServerPort
    protected int port;
    @Autowired
    protected ProducerTemplate producer;
    @Value("${dmp.xds.repository-unique-id}")
    protected String repositoryUniqueId;

    protected XdsClient xds;
    protected TestRecord record;
    protected AdminClient admin;
    /** The INS of the test's own patient. */
    protected String ins;

    @BeforeEach
    protected void newRecord() {
        xds = new XdsClient(producer, port);
        record = TestRecord.create(port);
        admin = record.admin();
        ins = record.ins();
    }
}
