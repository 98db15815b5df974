package org.dmpgateway.benchmark;

import java.nio.file.Path;

/** {@link DurabilityTestBase} on an embedded H2 file (the server's default database). */
class H2DurabilityTest extends DurabilityTestBase {
    @Override
    String label() {
        return "H2";
    }

    /** The plain file URL an operator would write: the server adds the durable settings itself. */
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
