package org.dmpgateway.portal;

import org.dmpgateway.model.PatientRef;
import org.dmpgateway.model.profile.ProfileInput;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;

/**
 * The signed-in patient's medical profile (docs/medical-profile.md): the whole profile with the BMI
 * the core computed, adding an entry to a section, replacing or removing one, and the PDF summary.
 * The patient is the request's authentication ({@link PatientSecurity}); the core checks every field.
 */
@RestController
@RequestMapping("/patient/me/profile")
class MedicalProfileController {
    private final ProfileCoreClient core;

    MedicalProfileController(ProfileCoreClient core) {
        this.core = core;
    }

    @GetMapping
    ProfileApi.Profile profile(@AuthenticationPrincipal PatientRef patient) {
        return ProfileApi.Profile.of(core.profile(patient));
    }

    @PostMapping("/{section}")
    ResponseEntity<ProfileApi.Entry> add(@AuthenticationPrincipal PatientRef patient, @PathVariable String section,
                                         @RequestBody ProfileInput body) {
        return ResponseEntity.status(HttpStatus.CREATED).body(ProfileApi.Entry.of(core.add(patient, section, body)));
    }

    @PutMapping("/entries/{id}")
    ProfileApi.Entry replace(@AuthenticationPrincipal PatientRef patient, @PathVariable String id,
                             @RequestBody ProfileInput body) {
        return ProfileApi.Entry.of(core.replace(patient, id, body));
    }

    @DeleteMapping("/entries/{id}")
    ResponseEntity<Void> remove(@AuthenticationPrincipal PatientRef patient, @PathVariable String id) {
        core.remove(patient, id);
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/summary.pdf")
    ResponseEntity<byte[]> summary(@AuthenticationPrincipal PatientRef patient) {
        return ProfileSummaryPdf.download(patient, core.profile(patient), Instant.now());
    }
}
