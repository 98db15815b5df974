package org.dmpgateway.server;

import org.springframework.test.context.TestPropertySource;

/** {@link FhirRulesEndToEndTestBase} on the embedded H2 database (in memory, one per test class). */
@TestPropertySource(properties = "spring.datasource.url=jdbc:h2:mem:fhir-rules-e2e;DB_CLOSE_DELAY=-1")
class FhirRulesEndToEndH2Test extends FhirRulesEndToEndTestBase {
}
