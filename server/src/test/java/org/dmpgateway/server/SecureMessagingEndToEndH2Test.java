package org.dmpgateway.server;

import org.springframework.test.context.TestPropertySource;

/** The secure messaging suite on H2 (in memory). */
@TestPropertySource(properties = "spring.datasource.url=jdbc:h2:mem:dmp-messaging;DB_CLOSE_DELAY=-1")
class SecureMessagingEndToEndH2Test extends SecureMessagingEndToEndTestBase {
}
