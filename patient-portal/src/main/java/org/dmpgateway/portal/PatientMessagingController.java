package org.dmpgateway.portal;

import org.dmpgateway.model.PatientRef;
import org.dmpgateway.model.account.AccountErrorCode;
import org.dmpgateway.model.account.AccountException;
import org.dmpgateway.model.messaging.Conversation;
import org.dmpgateway.model.messaging.MailAttachment;
import org.dmpgateway.model.messaging.PatientReply;
import org.dmpgateway.model.messaging.SecureMessage;
import org.dmpgateway.model.messaging.SecureMessaging;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * The signed-in patient's secure messaging (docs/messaging.md, docs/patient-api.md): the
 * conversations (open and closed), a conversation's messages, reading a message (marked read; the
 * read receipt the professional asked for is sent), an attachment, and the reply. The core
 * ({@link SecureMessaging}) decides; this class translates JSON.
 */
@RestController
@RequestMapping("/patient/me")
class PatientMessagingController {
    /** The file name of the profile summary attached to a reply (the one of its download). */
    static final String PROFILE_SUMMARY = "profil-medical.pdf";
    private final SecureMessaging messaging;
    private final ProfileCoreClient profiles;

    PatientMessagingController(SecureMessaging messaging, ProfileCoreClient profiles) {
        this.messaging = messaging;
        this.profiles = profiles;
    }

    @GetMapping("/conversations")
    List<ConversationJson> conversations(@AuthenticationPrincipal PatientRef patient) {
        return messaging.conversations(patient).stream().map(ConversationJson::of).toList();
    }

    @GetMapping("/conversations/{conversationId}")
    ConversationJson conversation(@AuthenticationPrincipal PatientRef patient, @PathVariable String conversationId) {
        return ConversationJson.of(messaging.conversation(patient, conversationId));
    }

    @GetMapping("/messages/{messageId}")
    MessageJson read(@AuthenticationPrincipal PatientRef patient, @PathVariable long messageId) {
        return MessageJson.of(messaging.read(patient, messageId));
    }

    @GetMapping("/messages/{messageId}/attachments/{index}")
    ResponseEntity<byte[]> attachment(@AuthenticationPrincipal PatientRef patient, @PathVariable long messageId,
                                      @PathVariable int index) {
        return download(messaging.attachment(patient, messageId, index));
    }

    /** An attachment as received, for the API and the pages ({@link PatientPagesMessages}). */
    static ResponseEntity<byte[]> download(MailAttachment a) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.parseMediaType(a.contentType()));
        headers.setCacheControl("no-store");
        if (a.fileName() != null) {
            headers.setContentDisposition(ContentDisposition.attachment().filename(a.fileName(), StandardCharsets.UTF_8)
                    .build());
        }
        return new ResponseEntity<>(a.content(), headers, HttpStatus.OK);
    }

    /**
     * The patient saves the documents of an {@code IHE_XDM.ZIP} attachment into their record: 201 with
     * the documents as they appear in {@code /patient/me/documents}.
     */
    @PostMapping("/messages/{messageId}/attachments/{index}/record")
    ResponseEntity<List<PortalApi.Document>> saveAttachment(@AuthenticationPrincipal PatientRef patient,
                                                            @PathVariable long messageId, @PathVariable int index) {
        List<PortalApi.Document> saved = messaging.saveAttachment(patient, messageId, index).stream()
                .map(PortalApi.Document::of).toList();
        return ResponseEntity.status(HttpStatus.CREATED).body(saved);
    }

    @PostMapping("/conversations/{conversationId}/replies")
    ResponseEntity<MessageJson> reply(@AuthenticationPrincipal PatientRef patient, @PathVariable String conversationId,
                                      @RequestBody ReplyJson body) {
        PatientReply reply = body.toReply();
        if (Boolean.TRUE.equals(body.profileSummary())) {
            // the PDF summary of the medical profile (dmp-rules.md section 4), as GET /patient/me/profile/summary.pdf
            // writes it; the core counts it in the attachments' size like any file
            List<MailAttachment> files = new ArrayList<>(reply.attachments());
            files.add(new MailAttachment(PROFILE_SUMMARY, "application/pdf",
                    ProfileSummaryPdf.write(patient, profiles.profile(patient), Instant.now())));
            reply = new PatientReply(reply.subject(), reply.text(), files, reply.documentIds());
        }
        SecureMessage sent = messaging.reply(patient, conversationId, reply);
        return ResponseEntity.status(HttpStatus.CREATED).body(MessageJson.of(sent));
    }

    /** A conversation; {@code closed}: the professional ended the exchange, no reply possible. */
    record ConversationJson(String id, String professional, String subject, Instant startedAt, Instant lastAt,
                            boolean closed, Instant closedAt, int unread, List<MessageJson> messages) {
        static ConversationJson of(Conversation c) {
            return new ConversationJson(c.id(), c.professional(), c.subject(), c.startedAt(), c.lastAt(), c.closed(),
                    c.endedAt(), c.unread(), c.messages().stream().map(MessageJson::of).toList());
        }
    }

    /** A message; {@code text} only when it is read. */
    record MessageJson(long id, String conversationId, boolean fromPatient, String sender, String subject, String text,
                       Instant receivedAt, Instant readAt, List<SecureMessage.AttachmentInfo> attachments,
                       List<String> xdmDocuments) {
        static MessageJson of(SecureMessage m) {
            return new MessageJson(m.id(), m.conversation(), m.fromPatient(), m.sender(), m.subject(), m.text(),
                    m.receivedAt(), m.readAt(), m.attachments(), m.xdmDocuments());
        }
    }

    /** A file the patient attaches: name, MIME type and content in base64. */
    record AttachmentJson(String fileName, String contentType, String content) {
    }

    /**
     * The reply: subject (empty: "RE: " and the conversation's), text, files, documents of the record,
     * and {@code profileSummary}: the PDF summary of the medical profile attached.
     */
    record ReplyJson(String subject, String text, List<AttachmentJson> attachments, List<String> documentIds,
                     Boolean profileSummary) {
        PatientReply toReply() {
            List<MailAttachment> files = attachments == null ? List.of() : attachments.stream()
                    .map(ReplyJson::decode).toList();
            return new PatientReply(subject, text, files, documentIds);
        }

        private static MailAttachment decode(AttachmentJson a) {
            try {
                return new MailAttachment(a.fileName(), a.contentType(),
                        Base64.getDecoder().decode(a.content() == null ? "" : a.content()));
            } catch (IllegalArgumentException e) {
                throw new AccountException(AccountErrorCode.INVALID_FIELD, "attachments", "attachments : le contenu "
                        + "d'une pièce jointe doit être encodé en base64.");
            }
        }
    }
}
