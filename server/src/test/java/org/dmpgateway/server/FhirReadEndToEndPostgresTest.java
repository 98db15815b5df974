package org.dmpgateway.server;

import org.dmpgateway.server.support.OnPostgres;

/** {@link FhirReadEndToEndTestBase} on PostgreSQL (a fresh schema of the test database). */
@OnPostgres
class FhirReadEndToEndPostgresTest extends FhirReadEndToEndTestBase {
}
