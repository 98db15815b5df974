package org.dmpgateway.model.messaging;

import java.time.Instant;
import java.util.List;

/**
 * A conversation between one professional and the patient, started by the professional.
 *
 * @param id           its id
 * @param professional the professional's MSSanté address
 * @param subject      the subject of its first message
 * @param startedAt    when the professional's first message arrived
 * @param lastAt       the last message
 * @param endedAt      when the professional ended the exchange (null: open, the patient may reply)
 * @param unread       messages the patient has not opened
 * @param messages     its messages, oldest first (empty in a listing)
 */
public record Conversation(String id, String professional, String subject, Instant startedAt, Instant lastAt,
                           Instant endedAt, int unread, List<SecureMessage> messages) {
    public Conversation {
        messages = messages == null ? List.of() : List.copyOf(messages);
    }

    /** The professional ended the exchange: the patient can no longer reply. */
    public boolean closed() {
        return endedAt != null;
    }
}
