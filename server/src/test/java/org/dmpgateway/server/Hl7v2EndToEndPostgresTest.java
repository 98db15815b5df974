package org.dmpgateway.server;

import org.dmpgateway.server.support.OnPostgres;

/** {@link Hl7v2EndToEndTestBase} on PostgreSQL (a fresh schema of the test database). */
@OnPostgres
class Hl7v2EndToEndPostgresTest extends Hl7v2EndToEndTestBase {
}
