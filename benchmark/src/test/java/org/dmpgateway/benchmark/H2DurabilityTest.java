package org.dmpgateway.benchmark;

/** {@link DurabilityTestBase} on an embedded H2 file (the server's default database). */
class H2DurabilityTest extends DurabilityTestBase {
    H2DurabilityTest() {
        super(ServerDatabase.h2());
    }
}
