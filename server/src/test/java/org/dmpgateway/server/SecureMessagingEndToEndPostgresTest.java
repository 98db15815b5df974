package org.dmpgateway.server;

import org.dmpgateway.server.support.OnPostgres;

/** {@link SecureMessagingEndToEndTestBase} on PostgreSQL (a fresh schema of the test database). */
@OnPostgres
class SecureMessagingEndToEndPostgresTest extends SecureMessagingEndToEndTestBase {
}
