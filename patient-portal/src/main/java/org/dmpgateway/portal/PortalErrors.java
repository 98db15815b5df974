package org.dmpgateway.portal;

import org.dmpgateway.mappings.http.AccountErrorStatus;
import org.dmpgateway.model.account.AccountErrorCode;
import org.dmpgateway.model.account.AccountException;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * The patient API's refusals as JSON {@code {"code","field","message"}} with the status of
 * {@link AccountErrorStatus}; the message is French, for the patient. A body that is not JSON
 * answers INVALID_FIELD naming {@code body}.
 */
@RestControllerAdvice(assignableTypes = {PatientActivationController.class, PatientSpaceController.class,
        PatientRecordController.class, MedicalProfileController.class, PatientProfilesController.class,
        PatientEmailController.class, PatientUploadController.class, PatientMessagingController.class})
class PortalErrors {

    @ExceptionHandler(AccountException.class)
    ResponseEntity<PortalApi.Error> refused(AccountException e) {
        return ResponseEntity.status(AccountErrorStatus.status(e.code()))
                .header("Cache-Control", "no-store")
                .body(new PortalApi.Error(e.code().name(), e.field(), e.getMessage()));
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<PortalApi.Error> unreadable(HttpMessageNotReadableException e) {
        return ResponseEntity.badRequest().body(new PortalApi.Error(AccountErrorCode.INVALID_FIELD.name(), "body",
                "body : le corps de la requête doit être un objet JSON (voir docs/patient-api.md)."));
    }
}
