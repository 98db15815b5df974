package org.dmpgateway.server;

import org.dmpgateway.server.support.OnPostgres;

/**
 * {@link PatientRecordEndToEndTestBase}, {@link PatientProfilesEndToEndTestBase} and
 * {@link MedicalProfileEndToEndTestBase} on PostgreSQL (a fresh schema of the test database).
 */
@OnPostgres
class PatientRecordEndToEndPostgresTest extends MedicalProfileEndToEndTestBase {
}
