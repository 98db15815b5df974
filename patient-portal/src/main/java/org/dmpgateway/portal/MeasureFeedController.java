package org.dmpgateway.portal;

import org.dmpgateway.mappings.fhir.profile.MeasureBundle;
import org.dmpgateway.model.PatientRef;
import org.dmpgateway.model.account.AccountException;
import org.dmpgateway.model.profile.ProfileEntry;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The ANS health-measures feed for the patient's own app (ansforge/IG-fhir-mesures-de-sante, "Le
 * flux d'alimentation des mesures", IHE POU PCH-01): {@code POST /patient/me/fhir} with a transaction
 * Bundle holding one Observation (and optionally its PHD Device), authenticated by the patient's
 * session bearer token (docs/medical-profile.md explains the choice). Answers the transaction-response
 * (200, the Observation 201 Created), or an OperationOutcome: 422 for a Bundle that is not the feed's
 * or a measure the profile's rules refuse (the element named, the rule in French).
 */
@RestController
class MeasureFeedController {
    static final String FHIR_JSON = "application/fhir+json";

    private final ProfileCoreClient core;
    private final MeasureBundle bundles;

    MeasureFeedController(ProfileCoreClient core, MeasureBundle bundles) {
        this.core = core;
        this.bundles = bundles;
    }

    @PostMapping("/patient/me/fhir")
    ResponseEntity<String> feed(@AuthenticationPrincipal PatientRef patient, @RequestBody(required = false) String body) {
        MeasureBundle.Measure measure;
        try {
            measure = bundles.read(body);
        } catch (MeasureBundle.Invalid e) {
            return outcome(OperationOutcome.IssueType.INVALID, e.element(), e.getMessage());
        }
        ProfileEntry stored;
        try {
            stored = core.addMeasure(patient, measure.subject(), measure.input(), measure.source());
        } catch (AccountException e) {
            return outcome(OperationOutcome.IssueType.INVALID, MeasureBundle.element(e.field()), e.getMessage());
        }
        return ResponseEntity.ok().header(HttpHeaders.CONTENT_TYPE, FHIR_JSON).body(bundles.response(measure, stored));
    }

    private ResponseEntity<String> outcome(OperationOutcome.IssueType type, String element, String message) {
        return ResponseEntity.status(HttpStatus.UNPROCESSABLE_ENTITY).header(HttpHeaders.CONTENT_TYPE, FHIR_JSON)
                .body(bundles.outcome(type, element, message));
    }
}
