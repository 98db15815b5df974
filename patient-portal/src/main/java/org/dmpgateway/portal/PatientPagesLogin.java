package org.dmpgateway.portal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.dmpgateway.model.account.AccountException;
import org.dmpgateway.model.account.LoginChallenge;
import org.dmpgateway.model.account.PatientSession;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.util.Map;

/**
 * The login pages (seed 002, "Se connecter à Mon espace santé, pas à pas"): identifier, password and
 * the channel of the one-time code, then the code. The core's session token goes into the HTTP
 * session (whose id changes at that moment), where {@link PatientPageSession} reads it. Logging out
 * ({@code POST /patient/deconnexion}) is Spring Security's logout, which ends the HTTP session.
 */
@Controller
@RequestMapping(PatientPagesLogin.LOGIN)
class PatientPagesLogin {
    static final String LOGIN = "/patient/connexion";
    /** The HTTP session attribute holding the login challenge between the two pages. */
    static final String CHALLENGE = PatientPagesLogin.class.getName() + ".challenge";
    private final PatientCoreClient core;

    PatientPagesLogin(PatientCoreClient core) {
        this.core = core;
    }

    @GetMapping
    String login(Model model) {
        model.addAttribute("form", Map.of());
        return "patient/connexion";
    }

    @PostMapping
    String identify(@RequestParam Map<String, String> form, HttpSession session, Model model,
                    HttpServletResponse response) {
        try {
            LoginChallenge challenge = core.login(new PortalApi.Login(form.get("identifier"), form.get("password"),
                    form.get("channel")));
            session.setAttribute(CHALLENGE, new Challenge(challenge.challenge(), challenge.channel().name(),
                    challenge.sentTo()));
            return "redirect:" + LOGIN + "/code";
        } catch (AccountException refused) {
            return PatientPageForms.refused(refused, "patient/connexion", PatientPageForms.typed(form),
                    model, response);
        }
    }

    @GetMapping("/code")
    String code(HttpSession session, Model model) {
        if (!(session.getAttribute(CHALLENGE) instanceof Challenge challenge)) {
            return "redirect:" + LOGIN;
        }
        model.addAttribute("challenge", challenge);
        return "patient/connexion-code";
    }

    @PostMapping("/code")
    String confirm(@RequestParam(required = false) String code, HttpServletRequest request, Model model,
                   HttpServletResponse response) {
        HttpSession session = request.getSession();
        if (!(session.getAttribute(CHALLENGE) instanceof Challenge challenge)) {
            return "redirect:" + LOGIN;
        }
        try {
            PatientSession signedIn = core.confirmLogin(new PortalApi.LoginConfirmation(challenge.challenge(), code));
            session.removeAttribute(CHALLENGE);
            request.changeSessionId();
            request.getSession().setAttribute(PatientPageSession.TOKEN, signedIn.token());
            return "redirect:" + PatientPagesSpace.HOME;
        } catch (AccountException refused) {
            model.addAttribute("challenge", challenge);
            return PatientPageForms.refused(refused, "patient/connexion-code", Map.of(), model, response);
        }
    }

    /** The login challenge between the two pages: the core's token, the channel and where the code went (masked). */
    record Challenge(String challenge, String channel, String sentTo) implements java.io.Serializable {
    }
}
