package org.dmpgateway.server;

import org.dmpgateway.server.support.OnPostgres;

/** {@link IheConformanceEndToEndTest} on PostgreSQL (a fresh schema of the test database). */
@OnPostgres
class IheConformanceEndToEndPostgresTest extends IheConformanceEndToEndTest {
}
