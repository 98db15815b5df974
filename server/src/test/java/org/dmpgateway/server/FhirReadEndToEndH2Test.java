package org.dmpgateway.server;

import org.springframework.test.context.TestPropertySource;

/** {@link FhirReadEndToEndTestBase} on the embedded H2 database (in memory, one per test class). */
@TestPropertySource(properties = "spring.datasource.url=jdbc:h2:mem:fhir-read-e2e;DB_CLOSE_DELAY=-1")
class FhirReadEndToEndH2Test extends FhirReadEndToEndTestBase {
}
