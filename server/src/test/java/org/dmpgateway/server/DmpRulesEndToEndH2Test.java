package org.dmpgateway.server;

import org.springframework.test.context.TestPropertySource;

/** The DMP rules suite on the embedded H2 database (in memory). */
@TestPropertySource(properties = "spring.datasource.url=jdbc:h2:mem:dmp-rules;DB_CLOSE_DELAY=-1")
class DmpRulesEndToEndH2Test extends DmpRulesEndToEndTestBase {
}
