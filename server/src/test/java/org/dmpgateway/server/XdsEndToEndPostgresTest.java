package org.dmpgateway.server;

import org.dmpgateway.server.support.OnPostgres;

/** {@link XdsEndToEndTestBase} on PostgreSQL (a fresh schema of the test database). */
@OnPostgres
class XdsEndToEndPostgresTest extends XdsEndToEndTestBase {
}
