package org.dmpgateway.server.sandbox;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** The console banner of a server started with {@code dmp.sandbox=true}: what is open, and how to close it. */
@Component
@ConditionalOnProperty(name = SandboxMode.PROPERTY, havingValue = "true")
class SandboxBanner {
    private static final Logger LOG = LoggerFactory.getLogger(SandboxBanner.class);

    static final String TEXT = """

            ************************************************************************************
            *  SANDBOX MODE (dmp.sandbox=true): NOT FOR REAL PATIENTS                          *
            *  - /admin accepts the documented token 'sandbox-admin-token' (unless you set one)*
            *  - FHIR tokens signed with the documented HS256 secret are accepted: anyone can  *
            *    mint one (unless you set dmp.fhir.token.secret or RS256)                      *
            *  - unsigned VIHF assertions are accepted (unless dmp.vihf.require-signature=true)*
            *  - /actuator/info and /actuator/metrics answer anyone                            *
            *  Production: start without dmp.sandbox and set your own secrets                  *
            *  (docs/security.md, "Sandbox versus production").                                *
            ************************************************************************************""";

    @EventListener(ApplicationReadyEvent.class)
    void show() {
        LOG.warn(TEXT);
    }
}
