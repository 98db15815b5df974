package org.dmpgateway.benchmark;

/** {@link LargeDocumentStreamingTestBase} on an embedded H2 file (the server's default database). */
class H2LargeDocumentStreamingTest extends LargeDocumentStreamingTestBase {
    H2LargeDocumentStreamingTest() {
        super(ServerDatabase.h2());
    }
}
