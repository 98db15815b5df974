package org.dmpgateway.portal;

import org.dmpgateway.model.PatientRef;
import org.dmpgateway.model.account.LoginChallenge;
import org.dmpgateway.model.account.PatientSession;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/**
 * The patient's login (identifier, password, one-time code) and the signed-in calls, whose patient
 * is the request's authentication ({@link PatientSecurity}: {@code Authorization: Bearer <token>};
 * docs/patient-api.md).
 */
@RestController
@RequestMapping("/patient")
class PatientSpaceController {
    private final PatientCoreClient core;

    PatientSpaceController(PatientCoreClient core) {
        this.core = core;
    }

    @PostMapping("/login")
    LoginChallenge login(@RequestBody PortalApi.Login body) {
        return core.login(body);
    }

    @PostMapping("/login/confirmation")
    PatientSession confirm(@RequestBody PortalApi.LoginConfirmation body) {
        return core.confirmLogin(body);
    }

    @GetMapping("/me")
    PortalApi.Me me(@AuthenticationPrincipal PatientRef patient) {
        return PortalApi.Me.of(core.overview(patient));
    }

    @GetMapping("/me/history")
    List<PortalApi.HistoryLine> history(@AuthenticationPrincipal PatientRef patient,
                                        @RequestParam(defaultValue = "100") int limit) {
        return core.history(patient, limit).stream().map(PortalApi.HistoryLine::of).toList();
    }

    @PostMapping("/me/closure")
    PortalApi.Me close(@AuthenticationPrincipal PatientRef patient, @RequestBody PortalApi.Closure body) {
        return PortalApi.Me.of(core.close(patient, body));
    }
}
