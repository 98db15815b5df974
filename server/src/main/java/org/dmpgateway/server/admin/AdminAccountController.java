package org.dmpgateway.server.admin;

import org.dmpgateway.core.account.NotifyRecord;
import org.dmpgateway.core.admin.RecordAdministration;
import org.dmpgateway.mappings.http.AccountErrorStatus;
import org.dmpgateway.mappings.http.HttpErrorMapper;
import org.dmpgateway.model.error.DmpException;
import org.dmpgateway.model.PatientRef;
import org.dmpgateway.model.account.AccountException;
import org.dmpgateway.model.account.PatientAccount;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;

/**
 * The insurer's notice, for a tester (docs/admin-api.md): {@code POST .../notification} makes the
 * record NOTIFIED and sends its provisional code by e-mail or SMS, as the insurer does; the patient
 * then activates or opposes through the patient API (docs/patient-api.md). Protected by
 * {@link AdminTokenFilter} like the rest of /admin.
 */
@RestController
@RequestMapping("/admin/patients/{authority}/{ins}")
class AdminAccountController {
    private final NotifyRecord notice;

    AdminAccountController(NotifyRecord notice) {
        this.notice = notice;
    }

    record Notice(String email, String mobile, String cardSerial, String channel) {
    }

    record Notified(String state, Instant notifiedAt, Instant codeExpiresAt, String channel) {
    }

    @PostMapping("/notification")
    ResponseEntity<Notified> notify(@PathVariable String authority, @PathVariable String ins,
                                    @RequestBody Notice body) {
        PatientAccount account = notice.notify(new PatientRef(ins, authority),
                new NotifyRecord.Notice(body.email(), body.mobile(), body.cardSerial(), body.channel()),
                RecordAdministration.ACTOR_ID, "API d'administration (dmp.admin.token)");
        return ResponseEntity.status(HttpStatus.CREATED).body(new Notified("NOTIFIED", account.notifiedAt(),
                account.codeExpiresAt(), body.channel() == null || body.channel().isBlank() ? "EMAIL" : body.channel()));
    }

    @ExceptionHandler(DmpException.class)
    ResponseEntity<AdminApi.Error> refused(DmpException e) {
        return ResponseEntity.status(HttpErrorMapper.status(e.code()))
                .body(new AdminApi.Error(e.code().name(), e.errors().get(0).message()));
    }

    @ExceptionHandler(AccountException.class)
    ResponseEntity<AdminApi.Error> refused(AccountException e) {
        return ResponseEntity.status(AccountErrorStatus.status(e.code()))
                .body(new AdminApi.Error(e.code().name(), e.getMessage()));
    }
}
