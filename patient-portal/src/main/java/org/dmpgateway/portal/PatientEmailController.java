package org.dmpgateway.portal;

import org.dmpgateway.model.PatientRef;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The signed-in patient's notification e-mail (docs/patient-api.md, "Notification e-mail"): a new
 * address, confirmed by the one-time code sent to it. The core decides.
 */
@RestController
@RequestMapping("/patient/me/notification-email")
class PatientEmailController {
    private final PatientCoreClient core;

    PatientEmailController(PatientCoreClient core) {
        this.core = core;
    }

    @PutMapping
    ResponseEntity<PortalApi.CodeSent> change(@AuthenticationPrincipal PatientRef patient,
                                              @RequestBody PortalApi.NotificationEmail body) {
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(new PortalApi.CodeSent("EMAIL",
                core.changeNotificationEmail(patient, body)));
    }

    @PostMapping("/confirmation")
    PortalApi.Me confirm(@AuthenticationPrincipal PatientRef patient,
                         @RequestBody PortalApi.NotificationEmailConfirmation body) {
        return PortalApi.Me.of(core.confirmNotificationEmail(patient, body));
    }
}
