package org.dmpgateway.portal;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.dmpgateway.model.account.AccountException;
import org.dmpgateway.model.account.ActivationStep;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.util.Map;
import java.util.function.Function;

/**
 * The activation (or opposition) journey's pages, in the order of the seeds' walkthrough "Activer
 * (ou s'opposer) son compte Mon espace santé, pas à pas" (docs/patient-pages.md): the provisional
 * code and the Vitale card, the decision with the terms, the contact (and its one-time codes), the
 * identifier and password, the confirmation; and the request for a new code. Each form posts to the
 * core through {@link PatientCoreClient} and redirects to the next page (post-redirect-get); a
 * refusal shows the same page with the core's message. The journey token stays in the HTTP session.
 */
@Controller
@RequestMapping("/patient/activer")
class PatientPagesActivation {
    static final String START = "/patient/activer";
    private static final String FORM = PatientPageForms.FORM;
    private final PatientCoreClient core;

    PatientPagesActivation(PatientCoreClient core) {
        this.core = core;
    }

    // ------------------------------------------------------------------ 1. code and Vitale card

    @GetMapping
    String identification(Model model) {
        model.addAttribute(FORM, Map.of());
        return "patient/activer";
    }

    @PostMapping
    String identify(@RequestParam Map<String, String> form, HttpSession session, Model model,
                    HttpServletResponse response) {
        try {
            ActivationStep first = core.startActivation(new PortalApi.Identification(form.get("code"),
                    form.get("cardType"), form.get("nir"), form.get("serialNumber")));
            session.setAttribute(PatientPageJourney.ATTRIBUTE, PatientPageJourney.started(first));
            return "redirect:" + START + "/decision";
        } catch (AccountException refused) {
            return PatientPageForms.refused(refused, "patient/activer", PatientPageForms.typed(form), model,
                    response);
        }
    }

    // ------------------------------------------------------------------ 2. the decision

    @GetMapping("/decision")
    String decision(HttpSession session, Model model) {
        return journeyPage(session, model, "patient/activer-decision");
    }

    @PostMapping("/decision")
    String decide(@RequestParam Map<String, String> form, HttpSession session, Model model,
                  HttpServletResponse response) {
        return step(session, model, response, "patient/activer-decision", PatientPageForms.typed(form),
                j -> core.decide(new PortalApi.Decision(j.journey(), form.get("decision"),
                        form.containsKey("termsAccepted") ? Boolean.TRUE : null)),
                next -> "DECIDED".equals(next.step()) ? "/coordonnees" : "/opposition");
    }

    @GetMapping("/opposition")
    String opposed(HttpSession session, Model model) {
        return journeyEnd(session, model, "patient/activer-opposition");
    }

    // ------------------------------------------------------------------ 3. the contact, 4. its codes

    @GetMapping("/coordonnees")
    String contact(HttpSession session, Model model) {
        PatientPageJourney journey = journey(session);
        if (journey != null) {
            model.addAttribute(FORM, Map.of("email", PatientPageForms.nullToEmpty(journey.email()), "mobile",
                    PatientPageForms.nullToEmpty(journey.mobile())));
        }
        return journeyPage(session, model, "patient/activer-coordonnees");
    }

    @PostMapping("/coordonnees")
    String confirmContact(@RequestParam Map<String, String> form, HttpSession session, Model model,
                          HttpServletResponse response) {
        return step(session, model, response, "patient/activer-coordonnees", PatientPageForms.typed(form),
                j -> core.contact(new PortalApi.Contact(j.journey(), form.get("email"),
                        PatientPageForms.blankToNull(form.get("mobile")))),
                next -> "CONTACT_PENDING".equals(next.step()) ? "/coordonnees/code" : "/identifiant");
    }

    @GetMapping("/coordonnees/code")
    String contactCodes(HttpSession session, Model model) {
        return journeyPage(session, model, "patient/activer-coordonnees-code");
    }

    @PostMapping("/coordonnees/code")
    String confirmCodes(@RequestParam Map<String, String> form, HttpSession session, Model model,
                        HttpServletResponse response) {
        return step(session, model, response, "patient/activer-coordonnees-code", Map.of(),
                j -> core.confirmContact(new PortalApi.ContactConfirmation(j.journey(),
                        PatientPageForms.blankToNull(form.get("emailCode")),
                        PatientPageForms.blankToNull(form.get("smsCode")))),
                next -> "/identifiant");
    }

    // ------------------------------------------------------------------ 5. identifier and password

    @GetMapping("/identifiant")
    String credentials(HttpSession session, Model model) {
        return journeyPage(session, model, "patient/activer-identifiant");
    }

    @PostMapping("/identifiant")
    String activate(@RequestParam Map<String, String> form, HttpSession session, Model model,
                    HttpServletResponse response) {
        return step(session, model, response, "patient/activer-identifiant", PatientPageForms.typed(form),
                j -> core.credentials(new PortalApi.Credentials(j.journey(), form.get("identifier"),
                        form.get("password"), form.get("passwordConfirmation"))),
                next -> "/termine");
    }

    @GetMapping("/termine")
    String activated(HttpSession session, Model model) {
        return journeyEnd(session, model, "patient/activer-termine");
    }

    // ------------------------------------------------------------------ a new provisional code

    @GetMapping("/nouveau-code")
    String codeRequest(Model model) {
        model.addAttribute(FORM, Map.of());
        return "patient/activer-nouveau-code";
    }

    @PostMapping("/nouveau-code")
    String requestCode(@RequestParam Map<String, String> form, Model model, HttpServletResponse response) {
        try {
            model.addAttribute("sentTo", core.reissueCode(new PortalApi.CodeRequest(form.get("nir"),
                    form.get("cardType"), form.get("serialNumber"), form.get("channel"))));
            model.addAttribute(FORM, Map.of());
            return "patient/activer-nouveau-code";
        } catch (AccountException refused) {
            return PatientPageForms.refused(refused, "patient/activer-nouveau-code", PatientPageForms.typed(form),
                    model, response);
        }
    }

    // ------------------------------------------------------------------ helpers

    private static PatientPageJourney journey(HttpSession session) {
        return session.getAttribute(PatientPageJourney.ATTRIBUTE) instanceof PatientPageJourney j ? j : null;
    }

    private static String journeyPage(HttpSession session, Model model, String view) {
        PatientPageJourney journey = journey(session);
        if (journey == null) {
            return "redirect:" + START;
        }
        model.addAttribute("journey", journey);
        if (!model.containsAttribute(FORM)) {
            model.addAttribute(FORM, Map.of());
        }
        return view;
    }

    /**
     * A step of the journey: the core's call with the journey kept in the session, then the page the
     * core's answer leads to ({@code next}), or the same page with its refusal.
     */
    private static String step(HttpSession session, Model model, HttpServletResponse response, String view,
                               Map<String, String> typed, Function<PatientPageJourney, ActivationStep> call,
                               Function<PatientPageJourney, String> next) {
        PatientPageJourney journey = journey(session);
        if (journey == null) {
            return "redirect:" + START;
        }
        try {
            PatientPageJourney after = journey.then(call.apply(journey));
            session.setAttribute(PatientPageJourney.ATTRIBUTE, after);
            return "redirect:" + START + next.apply(after);
        } catch (AccountException refused) {
            model.addAttribute("journey", journey);
            return PatientPageForms.refused(refused, view, typed, model, response);
        }
    }

    /** The last page of a journey: shown once, the journey then leaves the session. */
    private static String journeyEnd(HttpSession session, Model model, String view) {
        PatientPageJourney journey = journey(session);
        if (journey == null) {
            return "redirect:" + START;
        }
        session.removeAttribute(PatientPageJourney.ATTRIBUTE);
        model.addAttribute("journey", journey);
        return view;
    }
}
