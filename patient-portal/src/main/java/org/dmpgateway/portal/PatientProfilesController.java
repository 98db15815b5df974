package org.dmpgateway.portal;

import org.dmpgateway.model.PatientRef;
import org.dmpgateway.model.account.PatientProfile;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/**
 * The profile selector of a legal representative (docs/patient-api.md, "Children and legal
 * representatives"): the profiles attached to the signed-in patient's account, a child's profile
 * activated (or opposed) with the child's provisional code, shared with a second representative,
 * the invitation accepted. Acting on a profile is every {@code /patient/me} call with the
 * {@code Patient-Profile} header ({@link PatientBearerAuthentication}). The core decides.
 */
@RestController
@RequestMapping("/patient/profiles")
class PatientProfilesController {
    private final PatientProfilesClient core;

    PatientProfilesController(PatientProfilesClient core) {
        this.core = core;
    }

    @GetMapping
    List<ProfilesApi.Profile> profiles(@AuthenticationPrincipal PatientRef patient) {
        return core.profiles(patient).stream().map(ProfilesApi.Profile::of).toList();
    }

    @PostMapping
    ResponseEntity<ProfilesApi.Profile> addChild(@AuthenticationPrincipal PatientRef patient,
                                                 @RequestBody ProfilesApi.ChildActivation body) {
        PatientProfile added = core.addChild(patient, body);
        return ResponseEntity.status(added.id() == null ? HttpStatus.OK : HttpStatus.CREATED)
                .body(ProfilesApi.Profile.of(added));
    }

    @PostMapping("/{profileId}/sharing")
    ResponseEntity<ProfilesApi.Profile> share(@AuthenticationPrincipal PatientRef patient,
                                              @PathVariable String profileId, @RequestBody ProfilesApi.Sharing body) {
        return ResponseEntity.status(HttpStatus.CREATED).body(ProfilesApi.Profile.of(core.share(patient, profileId,
                body)));
    }

    @PostMapping("/{profileId}/acceptance")
    ProfilesApi.Profile accept(@AuthenticationPrincipal PatientRef patient, @PathVariable String profileId) {
        return ProfilesApi.Profile.of(core.accept(patient, profileId));
    }
}
