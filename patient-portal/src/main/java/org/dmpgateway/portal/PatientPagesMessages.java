package org.dmpgateway.portal;

import jakarta.servlet.http.HttpServletResponse;
import org.dmpgateway.model.PatientRef;
import org.dmpgateway.model.account.AccountException;
import org.dmpgateway.model.messaging.Conversation;
import org.dmpgateway.model.messaging.PatientReply;
import org.dmpgateway.model.messaging.SecureMessage;
import org.dmpgateway.model.messaging.SecureMessaging;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.util.List;
import java.util.Map;

/**
 * The messaging pages of the space (docs/patient-pages.md, docs/messaging.md): the conversations
 * (open and closed), a conversation's messages, a message read (the core marks it read and sends
 * the read receipt asked for), its attachments, and the reply (subject, text) in an open
 * conversation. The core ({@link SecureMessaging}) decides, including whether a reply is allowed; a
 * closed conversation is shown without the reply form.
 */
@Controller
@RequestMapping(PatientPagesMessages.PAGE)
class PatientPagesMessages {
    static final String PAGE = PatientPagesSpace.HOME + "/messagerie";
    private static final String CONVERSATION_VIEW = "patient/espace-conversation";
    private final SecureMessaging messaging;

    PatientPagesMessages(SecureMessaging messaging) {
        this.messaging = messaging;
    }

    @GetMapping
    String conversations(@AuthenticationPrincipal PatientRef patient, Model model, HttpServletResponse response) {
        List<Conversation> all = List.of();
        try {
            all = messaging.conversations(patient);
        } catch (AccountException refused) {
            PatientPageErrors.show(refused, model, response);
        }
        model.addAttribute("conversations", all);
        return "patient/espace-messagerie";
    }

    @GetMapping("/{conversationId}")
    String conversation(@AuthenticationPrincipal PatientRef patient, @PathVariable String conversationId,
                        Model model) {
        model.addAttribute("conversation", messaging.conversation(patient, conversationId));
        return CONVERSATION_VIEW;
    }

    @GetMapping("/messages/{messageId}")
    String read(@AuthenticationPrincipal PatientRef patient, @PathVariable long messageId, Model model) {
        SecureMessage message = messaging.read(patient, messageId);
        model.addAttribute("message", message);
        model.addAttribute("conversation", messaging.conversation(patient, message.conversation()));
        return "patient/espace-message";
    }

    @GetMapping("/messages/{messageId}/pieces-jointes/{index}")
    ResponseEntity<byte[]> attachment(@AuthenticationPrincipal PatientRef patient, @PathVariable long messageId,
                                      @PathVariable int index) {
        return PatientMessagingController.download(messaging.attachment(patient, messageId, index));
    }

    @PostMapping("/{conversationId}/reponse")
    String reply(@AuthenticationPrincipal PatientRef patient, @PathVariable String conversationId,
                 @RequestParam(required = false) String subject, @RequestParam(required = false) String text,
                 Model model, HttpServletResponse response, RedirectAttributes redirect) {
        SecureMessage sent;
        try {
            sent = messaging.reply(patient, conversationId, new PatientReply(PatientPageForms.blankToNull(subject),
                    text, List.of(), List.of()));
        } catch (AccountException refused) {
            model.addAttribute("conversation", messaging.conversation(patient, conversationId));
            return PatientPageForms.refused(refused, CONVERSATION_VIEW, Map.of("subject",
                    PatientPageForms.nullToEmpty(subject), "text", PatientPageForms.nullToEmpty(text)), model,
                    response);
        }
        redirect.addFlashAttribute("notice", "Votre réponse « " + sent.subject() + " » est envoyée.");
        return "redirect:" + PAGE + "/" + conversationId;
    }
}
