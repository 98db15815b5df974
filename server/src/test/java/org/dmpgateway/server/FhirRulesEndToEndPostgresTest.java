package org.dmpgateway.server;

import org.dmpgateway.server.support.OnPostgres;

/** {@link FhirRulesEndToEndTestBase} on PostgreSQL (a fresh schema of the test database). */
@OnPostgres
class FhirRulesEndToEndPostgresTest extends FhirRulesEndToEndTestBase {
}
