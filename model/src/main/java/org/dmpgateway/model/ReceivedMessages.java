package org.dmpgateway.model;

import java.time.Instant;
import java.util.Optional;

/**
 * The messages a sender's interface engine already sent and the answer each got, so that a message
 * sent again (same sender, same control id: HL7v2 MSH-3/MSH-4 and MSH-10) is answered as the first
 * time without being acted on twice (docs/hl7v2.md, "Duplicates"). Implemented over the database
 * (repository); the adapters use this interface only.
 */
public interface ReceivedMessages {

    /** The answer given to this sender's message {@code controlId}, if it was received before. */
    Optional<String> answerTo(String sender, String controlId);

    /**
     * Records the answer given to a message. A second record of the same (sender, control id), sent
     * concurrently, keeps the first answer.
     */
    void remember(String sender, String controlId, String answer, Instant at);
}
