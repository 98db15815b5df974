package org.dmpgateway.server;

import org.springframework.test.context.TestPropertySource;

/** The XDS end-to-end suite on the embedded H2 database (in memory, one per test class). */
@TestPropertySource(properties = "spring.datasource.url=jdbc:h2:mem:xds-e2e;DB_CLOSE_DELAY=-1")
class XdsEndToEndH2Test extends XdsEndToEndTestBase {
}
