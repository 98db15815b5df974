package org.dmpgateway.core.notification;

import org.dmpgateway.config.DmpProperties;
import org.dmpgateway.model.PatientRef;
import org.dmpgateway.model.trail.Notification;
import org.dmpgateway.model.trail.NotificationKind;
import org.dmpgateway.repository.NotificationOutbox;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The secrets an e-mail carries in the notification outbox (docs/security.md, "Secrets in the
 * outbox"): the provisional code and the one-time codes travel in the body of their e-mail, which
 * the outbox must hold in clear until the SMTP server accepts it. Once the message is sent, or
 * parked (never to be sent), its body is replaced by {@link #ERASED}: the code then lives only in
 * the patient's mailbox, and as its SHA-256 in the account. The other e-mails carry no secret and
 * are kept as they are.
 *
 * <p>Sandbox mode ({@code dmp.sandbox=true}, fictitious patients and documented secrets) keeps the
 * bodies and lets {@code /admin} list a patient's messages ({@link #sandboxListing}), so that the
 * conformance kit, which runs against a packaged server without a mailbox to read, gets the codes
 * the patient would receive. Outside sandbox mode there is no such listing.
 */
@Component
public class OutboxSecrets {
    /** The kinds of message whose body carries a secret code. */
    public static final Set<NotificationKind> CARRY_A_SECRET = EnumSet.of(NotificationKind.PROVISIONAL_CODE,
            NotificationKind.ONE_TIME_CODE);
    /** What replaces such a body once the message is sent or parked. */
    public static final String ERASED = "Le texte de ce message, qui portait un code secret, a été effacé de la file "
            + "d'envoi une fois le message remis au serveur de messagerie (ou abandonné).";
    /** The most messages one listing returns. */
    public static final int MAX_LISTED = 100;

    private final NotificationOutbox outbox;
    private final boolean sandbox;

    @Autowired
    public OutboxSecrets(NotificationOutbox outbox, DmpProperties dmp) {
        this(outbox, dmp.sandbox());
    }

    public OutboxSecrets(NotificationOutbox outbox, boolean sandbox) {
        this.outbox = outbox;
        this.sandbox = sandbox;
    }

    /**
     * The body a message keeps once it leaves the outbox (sent or parked), written in the same update
     * as its status: {@link #ERASED} for a message that carried a secret, outside sandbox mode; null
     * (kept as it is) otherwise.
     */
    public String bodyOnLeaving(Notification notification) {
        return !sandbox && CARRY_A_SECRET.contains(notification.kind()) ? ERASED : null;
    }

    /**
     * In sandbox mode only: a patient's messages, newest first, bodies included, of one kind when
     * {@code kind} names one (a {@link NotificationKind}, case ignored); empty outside sandbox mode
     * (no such listing).
     *
     * @throws IllegalArgumentException when {@code kind} is not a kind of message
     */
    public Optional<List<NotificationOutbox.Message>> sandboxListing(PatientRef patient, String kind, Integer limit) {
        if (!sandbox) {
            return Optional.empty();
        }
        NotificationKind wanted = null;
        if (kind != null && !kind.isBlank()) {
            try {
                wanted = NotificationKind.valueOf(kind.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("kind: one of " + List.of(NotificationKind.values()) + ", not "
                        + kind);
            }
        }
        int max = limit == null ? 20 : Math.max(1, Math.min(MAX_LISTED, limit));
        NotificationKind only = wanted;
        return Optional.of(outbox.findByPatient(patient, only == null ? max : MAX_LISTED).stream()
                .filter(m -> only == null || m.notification().kind() == only).limit(max).toList());
    }
}
