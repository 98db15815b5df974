package org.dmpgateway.portal;

import org.dmpgateway.model.PatientRef;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The documents the signed-in patient adds to their record, and deletes (docs/patient-api.md, "The
 * patient's uploads"). The core checks and stores them; this translates JSON.
 */
@RestController
@RequestMapping("/patient/me/documents")
class PatientUploadController {
    private final PatientCoreClient core;

    PatientUploadController(PatientCoreClient core) {
        this.core = core;
    }

    @PostMapping
    ResponseEntity<PortalApi.Document> upload(@AuthenticationPrincipal PatientRef patient,
                                              @RequestBody PortalApi.Upload body) {
        return ResponseEntity.status(HttpStatus.CREATED).body(PortalApi.Document.of(core.upload(patient, body)));
    }

    @DeleteMapping("/{documentId}")
    ResponseEntity<Void> delete(@AuthenticationPrincipal PatientRef patient, @PathVariable String documentId) {
        core.deleteDocument(patient, documentId);
        return ResponseEntity.noContent().build();
    }
}
