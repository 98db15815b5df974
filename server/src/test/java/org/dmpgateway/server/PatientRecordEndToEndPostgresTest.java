package org.dmpgateway.server;

import org.dmpgateway.server.support.OnPostgres;

/**
 * {@link PatientRecordEndToEndTestBase} and {@link PatientProfilesEndToEndTestBase} on PostgreSQL (a
 * fresh schema of the test database).
 */
@OnPostgres
class PatientRecordEndToEndPostgresTest extends PatientProfilesEndToEndTestBase {
}
