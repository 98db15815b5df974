package org.dmpgateway.server;

import org.springframework.test.context.TestPropertySource;

/** {@link PatientUploadsOutboxClosureEndToEndTestBase} on H2 (in memory). */
@TestPropertySource(properties = "spring.datasource.url=jdbc:h2:mem:dmp-patient-misc;DB_CLOSE_DELAY=-1")
class PatientUploadsOutboxClosureEndToEndH2Test extends PatientUploadsOutboxClosureEndToEndTestBase {
}
