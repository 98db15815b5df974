package org.dmpgateway.portal;

import org.dmpgateway.model.PatientRef;
import org.dmpgateway.model.account.LoginChallenge;
import org.dmpgateway.model.account.PatientSession;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/**
 * The patient's login (identifier, password, one-time code) and the signed-in calls, with
 * {@code Authorization: Bearer <token>} (docs/patient-api.md).
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
    PortalApi.Me me(@RequestHeader(name = "Authorization", required = false) String authorization) {
        return PortalApi.Me.of(core.overview(patient(authorization)));
    }

    @GetMapping("/me/history")
    List<PortalApi.HistoryLine> history(@RequestHeader(name = "Authorization", required = false) String authorization,
                                        @RequestParam(defaultValue = "100") int limit) {
        return core.history(patient(authorization), limit).stream().map(PortalApi.HistoryLine::of).toList();
    }

    @PostMapping("/me/closure")
    PortalApi.Me close(@RequestHeader(name = "Authorization", required = false) String authorization,
                       @RequestBody PortalApi.Closure body) {
        return PortalApi.Me.of(core.close(patient(authorization), body));
    }

    private PatientRef patient(String authorization) {
        return core.authenticateHeader(authorization);
    }
}
