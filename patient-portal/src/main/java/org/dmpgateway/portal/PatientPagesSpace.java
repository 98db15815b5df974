package org.dmpgateway.portal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.dmpgateway.model.PatientRef;
import org.dmpgateway.model.account.AccountException;
import org.dmpgateway.model.account.DocumentCategory;
import org.dmpgateway.model.account.PatientDocument;
import org.springframework.http.ContentDisposition;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The signed-in patient's pages (/patient/espace, docs/patient-pages.md): the dashboard, the
 * documents by category (view, download, hide from professionals or show again), the history of
 * accesses, the professionals (authorised, blocked, block / unblock, admin doctor), the emergency
 * switches and the closing of the account (the children's profiles: {@link PatientPagesProfiles}; the
 * messages: {@link PatientPagesMessages}). The patient is the request's authentication
 * ({@link PatientPagesSecurity}); every action is a form posted to the core through
 * {@link PatientCoreClient}, then a redirect to the page it came from with the core's answer (a
 * notice, or its refusal in French).
 */
@Controller
@RequestMapping(PatientPagesSpace.HOME)
class PatientPagesSpace {
    static final String HOME = "/patient/espace";
    private static final String NOTICE = "notice";
    private final PatientCoreClient core;

    PatientPagesSpace(PatientCoreClient core) {
        this.core = core;
    }

    @GetMapping
    String home(@AuthenticationPrincipal PatientRef patient, Model model) {
        model.addAttribute("me", PortalApi.Me.of(core.overview(patient)));
        return "patient/espace";
    }

    // ------------------------------------------------------------------ documents

    /** The documents of one category of the page: its name, its French label and its documents. */
    record Category(String name, String label, List<PortalApi.Document> documents) {
    }

    @GetMapping("/documents")
    String documents(@AuthenticationPrincipal PatientRef patient,
                     @RequestParam(name = "categorie", required = false) String category, Model model,
                     HttpServletResponse response) {
        model.addAttribute("categories", Arrays.stream(DocumentCategory.values())
                .map(c -> new Category(c.name(), c.label(), List.of())).toList());
        model.addAttribute("selected", category);
        model.addAttribute("allHidden", core.overview(patient).record().settings().maskAll());
        try {
            List<PortalApi.Document> documents = core.documents(patient, PatientPageForms.blankToNull(category))
                    .stream().map(PortalApi.Document::of).toList();
            model.addAttribute("groups", Arrays.stream(DocumentCategory.values())
                    .map(c -> new Category(c.name(), c.label(), documents.stream()
                            .filter(d -> d.category().equals(c.name())).toList()))
                    .filter(g -> !g.documents().isEmpty()).toList());
        } catch (AccountException refused) {
            PatientPageErrors.show(refused, model, response);
            model.addAttribute("groups", List.of());
        }
        return "patient/espace-documents";
    }

    @GetMapping("/documents/{documentId}")
    ResponseEntity<StreamingResponseBody> view(@AuthenticationPrincipal PatientRef patient,
                                               @PathVariable String documentId) {
        return DocumentDownload.of(core.documentContent(patient, documentId), ContentDisposition.inline().build()
                .toString());
    }

    @GetMapping("/documents/{documentId}/telechargement")
    ResponseEntity<StreamingResponseBody> download(@AuthenticationPrincipal PatientRef patient,
                                                   @PathVariable String documentId) {
        String name = core.documents(patient, null).stream().filter(d -> d.id().equals(documentId)).findFirst()
                .map(PatientDocument::title).orElse("document");
        return DocumentDownload.of(core.documentContent(patient, documentId), ContentDisposition.attachment()
                .filename(name, StandardCharsets.UTF_8).build().toString());
    }

    @PostMapping("/documents/visibilite")
    String hide(@AuthenticationPrincipal PatientRef patient, @RequestParam(required = false) String documentId,
                @RequestParam(required = false) Boolean hidden, RedirectAttributes redirect) {
        return act(redirect, "/documents", () -> {
            PatientDocument d = core.hideDocument(patient, documentId, new PortalApi.Visibility(hidden));
            return "Le document « " + d.title() + " » est " + (d.hidden() ? "masqué aux professionnels de santé."
                    : "de nouveau visible par les professionnels de santé.");
        });
    }

    @PostMapping("/documents/visibilite-globale")
    String hideAll(@AuthenticationPrincipal PatientRef patient, @RequestParam(required = false) Boolean hidden,
                   RedirectAttributes redirect) {
        return act(redirect, "/documents", () -> core.hideAllDocuments(patient, new PortalApi.Visibility(hidden))
                .maskAll() ? "Tous vos documents, présents et à venir, sont masqués aux professionnels de santé."
                : "Vos documents ne sont plus tous masqués aux professionnels de santé.");
    }

    // ------------------------------------------------------------------ history

    @GetMapping("/historique")
    String history(@AuthenticationPrincipal PatientRef patient, Model model) {
        model.addAttribute("lines", core.history(patient, 200).stream().map(PortalApi.HistoryLine::of).toList());
        return "patient/espace-historique";
    }

    // ------------------------------------------------------------------ professionals

    @GetMapping("/professionnels")
    String professionals(@AuthenticationPrincipal PatientRef patient, Model model) {
        model.addAttribute("lists", PortalApi.Professionals.of(core.professionals(patient)));
        return "patient/espace-professionnels";
    }

    @PostMapping("/professionnels/blocage")
    String block(@AuthenticationPrincipal PatientRef patient, @RequestParam(required = false) String actorId,
                 RedirectAttributes redirect) {
        return act(redirect, "/professionnels", () -> {
            var p = core.block(patient, actorId);
            return "Le professionnel " + name(p.actorName(), p.actorId()) + " est bloqué : il n'a plus accès à "
                    + "Mon espace santé.";
        });
    }

    @PostMapping("/professionnels/deblocage")
    String unblock(@AuthenticationPrincipal PatientRef patient, @RequestParam(required = false) String actorId,
                   RedirectAttributes redirect) {
        return act(redirect, "/professionnels", () -> {
            core.unblock(patient, actorId);
            return "Le professionnel " + actorId + " est débloqué ; il devra de nouveau être autorisé pour accéder "
                    + "à Mon espace santé.";
        });
    }

    @PostMapping("/professionnels/medecin-administrateur")
    String adminDoctor(@AuthenticationPrincipal PatientRef patient, @RequestParam(required = false) String actorId,
                       @RequestParam(required = false) Boolean adminDoctor, RedirectAttributes redirect) {
        return act(redirect, "/professionnels", () -> {
            var p = core.adminDoctor(patient, actorId, new PortalApi.AdminDoctor(adminDoctor));
            return name(p.actorName(), p.actorId()) + (p.adminDoctor() ? " est votre médecin administrateur."
                    : " n'est plus votre médecin administrateur.");
        });
    }

    // ------------------------------------------------------------------ emergency switches

    @GetMapping("/urgence")
    String emergency(@AuthenticationPrincipal PatientRef patient, Model model) {
        model.addAttribute("switches", PortalApi.EmergencyAccess.of(core.overview(patient).record().settings()));
        return "patient/espace-urgence";
    }

    @PostMapping("/urgence")
    String setEmergency(@AuthenticationPrincipal PatientRef patient, @RequestParam Map<String, String> form,
                        RedirectAttributes redirect) {
        return act(redirect, "/urgence", () -> {
            core.emergencyAccess(patient, new PortalApi.EmergencyAccess(bool(form.get("samuAccess")),
                    bool(form.get("breakGlassAccess")), bool(form.get("maskedDocumentsInEmergency"))));
            return "Vos choix d'accès en cas d'urgence sont enregistrés.";
        });
    }

    // ------------------------------------------------------------------ closing the account

    @GetMapping("/cloture")
    String closure(Model model) {
        model.addAttribute("form", Map.of());
        return "patient/espace-cloture";
    }

    @PostMapping("/cloture")
    String close(@AuthenticationPrincipal PatientRef patient, @RequestParam(required = false) String reason,
                 HttpServletRequest request, Model model, HttpServletResponse response) {
        try {
            core.close(patient, new PortalApi.Closure(reason));
        } catch (AccountException refused) {
            return PatientPageForms.refused(refused, "patient/espace-cloture",
                    Map.of("reason", PatientPageForms.nullToEmpty(reason)), model, response);
        }
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
        return "redirect:" + PatientPagesLogin.LOGIN + "?cloture";
    }

    // ------------------------------------------------------------------ helpers

    /** Runs the core's command, then back to {@code page} with its notice or its refusal. */
    private static String act(RedirectAttributes redirect, String page, Supplier<String> command) {
        try {
            redirect.addFlashAttribute(NOTICE, command.get());
        } catch (AccountException refused) {
            redirect.addFlashAttribute(PatientPageErrors.ATTRIBUTE, PatientPageErrors.of(refused));
        }
        return "redirect:" + HOME + page;
    }

    private static String name(String actorName, String actorId) {
        return actorName == null || actorName.isBlank() ? actorId : actorName;
    }

    private static Boolean bool(String value) {
        return value == null || value.isBlank() ? null : Boolean.valueOf(value);
    }
}
