package org.dmpgateway.server;

import org.springframework.test.context.TestPropertySource;

/** The Mon espace santé account suite on H2 (in memory). */
@TestPropertySource(properties = "spring.datasource.url=jdbc:h2:mem:dmp-accounts;DB_CLOSE_DELAY=-1")
class PatientAccountEndToEndH2Test extends PatientAccountEndToEndTestBase {
}
