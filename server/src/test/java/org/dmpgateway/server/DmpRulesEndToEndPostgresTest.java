package org.dmpgateway.server;

import org.dmpgateway.server.support.OnPostgres;

/** {@link DmpRulesEndToEndTestBase} on PostgreSQL (a fresh schema of the test database). */
@OnPostgres
class DmpRulesEndToEndPostgresTest extends DmpRulesEndToEndTestBase {
}
