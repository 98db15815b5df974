package org.dmpgateway.server.availability;

import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.actuate.health.Status;
import org.springframework.stereotype.Component;
import java.util.Locale;

/**
 * The "serving" part of /actuator/health: OUT_OF_SERVICE (HTTP 503) while the server starts or
 * stops, UP while it serves ({@link ReadinessGate} answers 503 to the other requests meanwhile).
 */
@Component("servingHealthIndicator")
public class ServingHealthIndicator implements HealthIndicator {
    private final ServingState serving;

    public ServingHealthIndicator(ServingState serving) {
        this.serving = serving;
    }

    @Override
    public Health health() {
        ServingState.State state = serving.state();
        return (state == ServingState.State.SERVING ? Health.up() : Health.status(Status.OUT_OF_SERVICE))
                .withDetail("state", state.name().toLowerCase(Locale.ROOT)).build();
    }
}
