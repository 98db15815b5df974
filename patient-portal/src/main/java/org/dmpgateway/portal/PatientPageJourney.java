package org.dmpgateway.portal;

import org.dmpgateway.model.account.ActivationStep;

import java.io.Serializable;
import java.util.List;

/**
 * The activation journey as the pages keep it in the HTTP session: the core's journey token (only
 * in the core's first answer) and what its last answer said (step, state, first name, contact on
 * file, which confirmation codes were sent).
 */
record PatientPageJourney(String journey, String step, String state, String givenName, String email, String mobile,
                          List<String> confirmationsSent) implements Serializable {
    /** The HTTP session attribute. */
    static final String ATTRIBUTE = PatientPageJourney.class.getName();

    PatientPageJourney {
        confirmationsSent = List.copyOf(confirmationsSent == null ? List.of() : confirmationsSent);
    }

    static PatientPageJourney started(ActivationStep first) {
        return new PatientPageJourney(first.journey(), null, null, null, null, null, null).then(first);
    }

    /** The journey after the core's next answer (same token). */
    PatientPageJourney then(ActivationStep s) {
        return new PatientPageJourney(journey, s.step(), s.state() == null ? null : s.state().name(), s.givenName(),
                s.email(), s.mobile(), s.confirmationsSent());
    }

    public boolean sent(String channel) {
        return confirmationsSent.contains(channel);
    }
}
