package org.dmpgateway.portal;

import org.dmpgateway.model.PatientRef;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

import java.util.List;

/**
 * What the signed-in patient decides about their record (docs/patient-api.md, "The patient's
 * record"): their documents (list, content, hide from professionals), the professionals' lists
 * (block, unblock, admin doctor) and the emergency switches. The patient is the request's
 * authentication ({@link PatientSecurity}); the core decides.
 */
@RestController
@RequestMapping("/patient/me")
class PatientRecordController {
    private final PatientCoreClient core;

    PatientRecordController(PatientCoreClient core) {
        this.core = core;
    }

    @GetMapping("/documents")
    List<PortalApi.Document> documents(@AuthenticationPrincipal PatientRef patient,
                                       @RequestParam(required = false) String category) {
        return core.documents(patient, category).stream().map(PortalApi.Document::of)
                .toList();
    }

    @GetMapping("/documents/{documentId}/content")
    ResponseEntity<StreamingResponseBody> content(@AuthenticationPrincipal PatientRef patient,
                                                  @PathVariable String documentId) {
        return DocumentDownload.of(core.documentContent(patient, documentId), null);
    }

    @PutMapping("/documents/{documentId}/visibility")
    PortalApi.Document hide(@AuthenticationPrincipal PatientRef patient,
                            @PathVariable String documentId, @RequestBody PortalApi.Visibility body) {
        return PortalApi.Document.of(core.hideDocument(patient, documentId, body));
    }

    @PutMapping("/documents/visibility")
    PortalApi.AllDocuments hideAll(@AuthenticationPrincipal PatientRef patient,
                                   @RequestBody PortalApi.Visibility body) {
        return PortalApi.AllDocuments.of(core.hideAllDocuments(patient, body));
    }

    @GetMapping("/professionals")
    PortalApi.Professionals professionals(@AuthenticationPrincipal PatientRef patient) {
        return PortalApi.Professionals.of(core.professionals(patient));
    }

    @PostMapping("/professionals/{actorId}/block")
    PortalApi.Professional block(@AuthenticationPrincipal PatientRef patient,
                                 @PathVariable String actorId) {
        return PortalApi.Professional.of(core.block(patient, actorId));
    }

    @DeleteMapping("/professionals/{actorId}/block")
    ResponseEntity<Void> unblock(@AuthenticationPrincipal PatientRef patient,
                                 @PathVariable String actorId) {
        core.unblock(patient, actorId);
        return ResponseEntity.noContent().build();
    }

    @PutMapping("/professionals/{actorId}/admin-doctor")
    PortalApi.Professional adminDoctor(@AuthenticationPrincipal PatientRef patient,
                                       @PathVariable String actorId, @RequestBody PortalApi.AdminDoctor body) {
        return PortalApi.Professional.of(core.adminDoctor(patient, actorId, body));
    }

    @GetMapping("/emergency-access")
    PortalApi.EmergencyAccess emergencyAccess(@AuthenticationPrincipal PatientRef patient) {
        return PortalApi.EmergencyAccess.of(core.overview(patient).record().settings());
    }

    @PutMapping("/emergency-access")
    PortalApi.EmergencyAccess setEmergencyAccess(@AuthenticationPrincipal PatientRef patient,
                                                 @RequestBody PortalApi.EmergencyAccess body) {
        return PortalApi.EmergencyAccess.of(core.emergencyAccess(patient, body));
    }
}
