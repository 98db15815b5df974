package org.dmpgateway.server;

import org.springframework.test.context.TestPropertySource;

/**
 * The patient's record decisions suite, the children's profiles ({@link PatientProfilesEndToEndTestBase})
 * and the medical profile ({@link MedicalProfileEndToEndTestBase}), one server start, on H2 (in memory).
 */
@TestPropertySource(properties = "spring.datasource.url=jdbc:h2:mem:dmp-patient-record;DB_CLOSE_DELAY=-1")
class PatientRecordEndToEndH2Test extends MedicalProfileEndToEndTestBase {
}
