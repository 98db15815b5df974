package org.dmpgateway.server;

import org.springframework.test.context.TestPropertySource;

/** {@link Hl7v2EndToEndTestBase} on the embedded H2 database (in memory, one per test class). */
@TestPropertySource(properties = "spring.datasource.url=jdbc:h2:mem:hl7v2-e2e;DB_CLOSE_DELAY=-1")
class Hl7v2EndToEndH2Test extends Hl7v2EndToEndTestBase {
}
