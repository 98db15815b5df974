package org.dmpgateway.portal;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.dmpgateway.model.PatientRef;
import org.dmpgateway.model.account.AccountException;
import org.dmpgateway.model.account.PatientProfile;
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
 * "Gérer un autre profil rattaché" (docs/patient-pages.md, seed 002 "Gérer le profil Mon espace
 * santé de mon enfant"): the profiles attached to the signed-in representative's account, a child's
 * profile activated (or opposed) with the child's provisional code and the representative's own
 * Vitale data, shared with a second representative, an invitation accepted, and the profile the
 * space's pages act on chosen. Every answer is the core's ({@link PatientProfilesClient}); choosing a
 * profile asks the core to open it ({@code PatientProfiles.onProfile}, the rule of the API's
 * {@code Patient-Profile} header) and keeps it in the session ({@link PatientPageSession}).
 */
@Controller
@RequestMapping(PatientPagesProfiles.PAGE)
class PatientPagesProfiles {
    static final String PAGE = PatientPagesSpace.HOME + "/profils";
    private static final String VIEW = "patient/espace-profils";
    private static final String SHARING_VIEW = "patient/espace-profils-partage";
    private static final String NOTICE = "notice";
    private final PatientProfilesClient profiles;

    PatientPagesProfiles(PatientProfilesClient profiles) {
        this.profiles = profiles;
    }

    @GetMapping
    String list(@AuthenticationPrincipal PatientRef patient, Model model) {
        model.addAttribute("profiles", profiles.profiles(patient));
        return VIEW;
    }

    @PostMapping("/ajout")
    String addChild(@AuthenticationPrincipal PatientRef patient, @RequestParam Map<String, String> form, Model model,
                    HttpServletResponse response, RedirectAttributes redirect) {
        PatientProfile added;
        try {
            added = profiles.addChild(patient, new ProfilesApi.ChildActivation(form.get("code"), form.get("cardType"),
                    form.get("nir"), form.get("serialNumber"), form.get("decision"), checked(form.get("termsAccepted")),
                    checked(form.get("legalRepresentative"))));
        } catch (AccountException refused) {
            model.addAttribute("profiles", profiles.profiles(patient));
            return PatientPageForms.refused(refused, VIEW, PatientPageForms.typed(form), model, response);
        }
        redirect.addFlashAttribute(NOTICE, added.id() == null
                ? "L'opposition à la création du profil Mon espace santé de " + name(added) + " est enregistrée."
                : "Le profil Mon espace santé de " + name(added) + " est activé et rattaché à votre compte.");
        return "redirect:" + PAGE;
    }

    @PostMapping("/selection")
    String select(@AuthenticationPrincipal PatientRef patient, @RequestParam(required = false) String profileId,
                  HttpSession session, RedirectAttributes redirect) {
        if (profileId == null || profileId.isBlank()) {
            session.removeAttribute(PatientPageSession.PROFILE);
            redirect.addFlashAttribute(NOTICE, "Vous consultez de nouveau votre propre profil.");
            return "redirect:" + PatientPagesSpace.HOME;
        }
        try {
            // the core opens the profile (or refuses), as it does for the API's Patient-Profile header
            PatientRef child = profiles.onProfile(patient, profileId, opened -> opened);
            String name = profiles.profiles(patient).stream().filter(p -> p.ins().equals(child)).findFirst()
                    .map(PatientPagesProfiles::name).orElse(child.id());
            session.setAttribute(PatientPageSession.PROFILE, new PatientPageSession.Selected(profileId, name));
            redirect.addFlashAttribute(NOTICE, "Vous consultez le profil de " + name + ".");
            return "redirect:" + PatientPagesSpace.HOME;
        } catch (AccountException refused) {
            redirect.addFlashAttribute(PatientPageErrors.ATTRIBUTE, PatientPageErrors.of(refused));
            return "redirect:" + PAGE;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @PostMapping("/{profileId}/acceptation")
    String accept(@AuthenticationPrincipal PatientRef patient, @PathVariable String profileId,
                  RedirectAttributes redirect) {
        try {
            PatientProfile accepted = profiles.accept(patient, profileId);
            redirect.addFlashAttribute(NOTICE, "Vous gérez désormais le profil Mon espace santé de " + name(accepted)
                    + ".");
        } catch (AccountException refused) {
            redirect.addFlashAttribute(PatientPageErrors.ATTRIBUTE, PatientPageErrors.of(refused));
        }
        return "redirect:" + PAGE;
    }

    @GetMapping("/{profileId}/partage")
    String sharing(@AuthenticationPrincipal PatientRef patient, @PathVariable String profileId, Model model) {
        return sharingPage(patient, profileId, model);
    }

    @PostMapping("/{profileId}/partage")
    String share(@AuthenticationPrincipal PatientRef patient, @PathVariable String profileId,
                 @RequestParam Map<String, String> form, Model model, HttpServletResponse response,
                 RedirectAttributes redirect) {
        PatientProfile shared;
        try {
            shared = profiles.share(patient, profileId, new ProfilesApi.Sharing(form.get("familyName"),
                    form.get("givenName"), form.get("birthDate"), form.get("nir"),
                    checked(form.get("legalRepresentative"))));
        } catch (AccountException refused) {
            PatientPageErrors.show(refused, model, response);
            model.addAttribute(PatientPageForms.FORM, PatientPageForms.typed(form));
            return sharingPage(patient, profileId, model);
        }
        redirect.addFlashAttribute(NOTICE, "L'invitation à gérer le profil de " + name(shared) + " est envoyée à "
                + form.get("givenName") + " " + form.get("familyName") + ".");
        return "redirect:" + PAGE;
    }

    // ------------------------------------------------------------------ helpers

    private String sharingPage(PatientRef patient, String profileId, Model model) {
        List<PatientProfile> mine = profiles.profiles(patient);
        model.addAttribute("profile", mine.stream().filter(p -> profileId.equals(p.id())).findFirst().orElse(null));
        model.addAttribute("profileId", profileId);
        return SHARING_VIEW;
    }

    static String name(PatientProfile p) {
        return p.givenName() + " " + p.familyName();
    }

    private static Boolean checked(String value) {
        return value == null ? null : Boolean.valueOf(value);
    }
}
