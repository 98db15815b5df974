package org.dmpgateway.server.admin;

import org.dmpgateway.core.notification.OutboxSecrets;
import org.dmpgateway.model.PatientRef;
import org.dmpgateway.model.trail.Notification;
import org.dmpgateway.repository.NotificationOutbox;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;

/**
 * Sandbox mode only: the e-mails to one patient as the outbox holds them, bodies included, so that
 * the conformance kit (samples/, no mailbox to read) gets the provisional and one-time codes a
 * patient would receive (docs/admin-api.md, docs/security.md "Secrets in the outbox"). Outside
 * sandbox mode the core offers no such listing: 404. Protected by {@link AdminTokenFilter}.
 */
@RestController
@RequestMapping("/admin/patients/{authority}/{ins}/outbox")
class AdminOutboxController {
    private final OutboxSecrets secrets;

    AdminOutboxController(OutboxSecrets secrets) {
        this.secrets = secrets;
    }

    /** One e-mail of the outbox. */
    record Message(long id, String kind, String recipient, String subject, String body, String status,
                   Instant createdAt, Instant sentAt) {
        static Message of(NotificationOutbox.Message m) {
            Notification n = m.notification();
            return new Message(n.id(), n.kind().name(), n.recipient(), n.subject(), n.body(), m.status().name(),
                    n.createdAt(), n.sentAt());
        }
    }

    @GetMapping
    ResponseEntity<?> list(@PathVariable String authority, @PathVariable String ins,
                           @RequestParam(required = false) String kind,
                           @RequestParam(required = false) Integer limit) {
        try {
            return secrets.sandboxListing(new PatientRef(ins, authority), kind, limit)
                    .<ResponseEntity<?>>map(list -> ResponseEntity.ok(list.stream().map(Message::of).toList()))
                    .orElseGet(() -> ResponseEntity.status(HttpStatus.NOT_FOUND).body(new AdminApi.Error("SANDBOX_ONLY",
                            "the outbox listing exists in sandbox mode only (dmp.sandbox=true): outside it, e-mails "
                                    + "carrying a code are never shown (docs/security.md, \"Secrets in the outbox\")")));
        } catch (IllegalArgumentException e) {
            return ResponseEntity.badRequest().body(new AdminApi.Error("METADATA_ERROR", e.getMessage()));
        }
    }
}
