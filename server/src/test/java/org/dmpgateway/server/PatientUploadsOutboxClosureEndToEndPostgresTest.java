package org.dmpgateway.server;

import org.dmpgateway.server.support.OnPostgres;

/** {@link PatientUploadsOutboxClosureEndToEndTestBase} on PostgreSQL (a fresh schema of the test database). */
@OnPostgres
class PatientUploadsOutboxClosureEndToEndPostgresTest extends PatientUploadsOutboxClosureEndToEndTestBase {
}
