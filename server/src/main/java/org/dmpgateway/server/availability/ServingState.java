package org.dmpgateway.server.availability;

import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Whether the server serves requests: STARTING until Spring Boot declares it ready (after the
 * Camel routes and the IHE endpoints started and the start-up runners, such as the patient seed,
 * finished), SERVING then, STOPPING from the start of the shutdown (Spring publishes
 * REFUSING_TRAFFIC when the context begins to close, before the web server drains its requests).
 */
@Component
public class ServingState {
    public enum State { STARTING, SERVING, STOPPING }

    private volatile State state = State.STARTING;

    @EventListener
    public void onReadiness(AvailabilityChangeEvent<ReadinessState> event) {
        if (event.getState() == ReadinessState.ACCEPTING_TRAFFIC) {
            state = State.SERVING;
        } else if (state == State.SERVING) {
            state = State.STOPPING;
        }
    }

    public State state() {
        return state;
    }
}
