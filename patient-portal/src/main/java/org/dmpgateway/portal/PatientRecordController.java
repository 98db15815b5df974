package org.dmpgateway.portal;

import org.dmpgateway.model.DocumentContent;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

import java.io.InputStream;
import java.util.List;

/**
 * What the signed-in patient decides about their record (docs/patient-api.md, "The patient's
 * record"): their documents (list, content, hide from professionals), the professionals' lists
 * (block, unblock, admin doctor) and the emergency switches. Each call sends
 * {@code Authorization: Bearer <token>}; the core decides.
 */
@RestController
@RequestMapping("/patient/me")
class PatientRecordController {
    private static final String AUTHORIZATION = "Authorization";
    private final PatientCoreClient core;

    PatientRecordController(PatientCoreClient core) {
        this.core = core;
    }

    @GetMapping("/documents")
    List<PortalApi.Document> documents(@RequestHeader(name = AUTHORIZATION, required = false) String authorization,
                                       @RequestParam(required = false) String category) {
        return core.documents(core.authenticateHeader(authorization), category).stream().map(PortalApi.Document::of)
                .toList();
    }

    @GetMapping("/documents/{documentId}/content")
    ResponseEntity<StreamingResponseBody> content(@RequestHeader(name = AUTHORIZATION, required = false)
                                                  String authorization, @PathVariable String documentId) {
        DocumentContent content = core.documentContent(core.authenticateHeader(authorization), documentId);
        MediaType type = content.mimeType() == null ? MediaType.APPLICATION_OCTET_STREAM
                : MediaType.parseMediaType(content.mimeType());
        StreamingResponseBody body = out -> {
            try (InputStream in = content.bytes().open()) {
                in.transferTo(out);
            }
        };
        return ResponseEntity.ok().contentType(type).contentLength(content.size())
                .header(HttpHeaders.CACHE_CONTROL, "no-store").body(body);
    }

    @PutMapping("/documents/{documentId}/visibility")
    PortalApi.Document hide(@RequestHeader(name = AUTHORIZATION, required = false) String authorization,
                            @PathVariable String documentId, @RequestBody PortalApi.Visibility body) {
        return PortalApi.Document.of(core.hideDocument(core.authenticateHeader(authorization), documentId, body));
    }

    @PutMapping("/documents/visibility")
    PortalApi.AllDocuments hideAll(@RequestHeader(name = AUTHORIZATION, required = false) String authorization,
                                   @RequestBody PortalApi.Visibility body) {
        return PortalApi.AllDocuments.of(core.hideAllDocuments(core.authenticateHeader(authorization), body));
    }

    @GetMapping("/professionals")
    PortalApi.Professionals professionals(@RequestHeader(name = AUTHORIZATION, required = false) String authorization) {
        return PortalApi.Professionals.of(core.professionals(core.authenticateHeader(authorization)));
    }

    @PostMapping("/professionals/{actorId}/block")
    PortalApi.Professional block(@RequestHeader(name = AUTHORIZATION, required = false) String authorization,
                                 @PathVariable String actorId) {
        return PortalApi.Professional.of(core.block(core.authenticateHeader(authorization), actorId));
    }

    @DeleteMapping("/professionals/{actorId}/block")
    ResponseEntity<Void> unblock(@RequestHeader(name = AUTHORIZATION, required = false) String authorization,
                                 @PathVariable String actorId) {
        core.unblock(core.authenticateHeader(authorization), actorId);
        return ResponseEntity.noContent().build();
    }

    @PutMapping("/professionals/{actorId}/admin-doctor")
    PortalApi.Professional adminDoctor(@RequestHeader(name = AUTHORIZATION, required = false) String authorization,
                                       @PathVariable String actorId, @RequestBody PortalApi.AdminDoctor body) {
        return PortalApi.Professional.of(core.adminDoctor(core.authenticateHeader(authorization), actorId, body));
    }

    @GetMapping("/emergency-access")
    PortalApi.EmergencyAccess emergencyAccess(@RequestHeader(name = AUTHORIZATION, required = false)
                                              String authorization) {
        return PortalApi.EmergencyAccess.of(core.overview(core.authenticateHeader(authorization)).record().settings());
    }

    @PutMapping("/emergency-access")
    PortalApi.EmergencyAccess setEmergencyAccess(@RequestHeader(name = AUTHORIZATION, required = false)
                                                 String authorization, @RequestBody PortalApi.EmergencyAccess body) {
        return PortalApi.EmergencyAccess.of(core.emergencyAccess(core.authenticateHeader(authorization), body));
    }
}
