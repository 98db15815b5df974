package org.dmpgateway.server;

import org.dmpgateway.server.support.OnPostgres;

/** {@link PatientAccountEndToEndTestBase} on PostgreSQL (a fresh schema of the test database). */
@OnPostgres
class PatientAccountEndToEndPostgresTest extends PatientAccountEndToEndTestBase {
}
