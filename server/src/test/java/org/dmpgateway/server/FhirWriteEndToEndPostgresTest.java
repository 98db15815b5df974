package org.dmpgateway.server;

import org.dmpgateway.server.support.OnPostgres;

/** {@link FhirWriteEndToEndTestBase} on PostgreSQL (a fresh schema of the test database). */
@OnPostgres
class FhirWriteEndToEndPostgresTest extends FhirWriteEndToEndTestBase {
}
