package org.dmpgateway.core.notification;

import org.apache.camel.CamelContext;
import org.apache.camel.ServiceStatus;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.*;

/** The route's switch, on a bare Camel context (no Spring, no SMTP server contacted). */
class NotificationRoutesTest {

    @Test
    void disabledTheRouteExistsButDoesNotStart() throws Exception {
        assertEquals(ServiceStatus.Stopped, statusWith(false));
    }

    @Test
    void enabledTheRouteStarts() throws Exception {
        assertEquals(ServiceStatus.Started, statusWith(true));
    }

    private static ServiceStatus statusWith(boolean enabled) throws Exception {
        // an hour between polls: the timer does not fire during the test
        NotificationSettings settings = new NotificationSettings(enabled, "127.0.0.1", 2525, "", "",
                Duration.ofSeconds(1), "no-reply@dmp-gateway.local", 3_600_000, 10, Duration.ofSeconds(5),
                Duration.ofMinutes(10), 10, Duration.ofMinutes(15));
        OutboxDeliveryTest.RecordingOutbox outbox = new OutboxDeliveryTest.RecordingOutbox();
        try (CamelContext camel = new DefaultCamelContext()) {
            camel.addRoutes(new NotificationRoutes(settings, new OutboxDelivery(outbox, settings, java.time.Clock.systemUTC()),
                    new NotificationMail(settings)));
            camel.start();
            assertNotNull(camel.getRoute(NotificationRoutes.ROUTE_ID), "the route is defined either way");
            ServiceStatus status = camel.getRouteController().getRouteStatus(NotificationRoutes.ROUTE_ID);
            assertTrue(outbox.calls.isEmpty(), "nothing is read from the outbox before the first poll");
            return status;
        }
    }
}
