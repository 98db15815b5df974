package org.dmpgateway.benchmark;

import java.nio.file.Path;

/** {@link LargeDocumentStreamingTestBase} on an embedded H2 file (the server's default database). */
class H2LargeDocumentStreamingTest extends LargeDocumentStreamingTestBase {
    @Override
    String label() {
        return "H2";
    }

    @Override
    String jdbcUrl(Path work) {
        return "jdbc:h2:file:" + work.resolve("h2").toAbsolutePath().resolve("dmp-gateway");
    }

    @Override
    String user() {
        return "sa";
    }

    @Override
    String password() {
        return "";
    }
}
