package org.dmpgateway.portal;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The activation (or opposition) journey and the provisional code's re-issue, before the patient
 * has an identifier (docs/patient-api.md). Translates JSON to the core's calls and back.
 */
@RestController
@RequestMapping("/patient")
class PatientActivationController {
    private final PatientCoreClient core;

    PatientActivationController(PatientCoreClient core) {
        this.core = core;
    }

    @PostMapping("/activation")
    ResponseEntity<PortalApi.JourneyStep> start(@RequestBody PortalApi.Identification body) {
        return ResponseEntity.status(HttpStatus.CREATED).body(PortalApi.JourneyStep.of(core.startActivation(body)));
    }

    @PostMapping("/activation/decision")
    PortalApi.JourneyStep decide(@RequestBody PortalApi.Decision body) {
        return PortalApi.JourneyStep.of(core.decide(body));
    }

    @PostMapping("/activation/contact")
    PortalApi.JourneyStep contact(@RequestBody PortalApi.Contact body) {
        return PortalApi.JourneyStep.of(core.contact(body));
    }

    @PostMapping("/activation/contact/confirmation")
    PortalApi.JourneyStep confirmContact(@RequestBody PortalApi.ContactConfirmation body) {
        return PortalApi.JourneyStep.of(core.confirmContact(body));
    }

    @PostMapping("/activation/credentials")
    PortalApi.JourneyStep credentials(@RequestBody PortalApi.Credentials body) {
        return PortalApi.JourneyStep.of(core.credentials(body));
    }

    @PostMapping("/provisional-code")
    ResponseEntity<PortalApi.CodeSent> reissue(@RequestBody PortalApi.CodeRequest body) {
        String sentTo = core.reissueCode(body);
        String channel = body.channel() == null || body.channel().isBlank() ? "EMAIL" : body.channel().strip();
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(new PortalApi.CodeSent(channel, sentTo));
    }
}
