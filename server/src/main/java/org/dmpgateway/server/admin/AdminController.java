package org.dmpgateway.server.admin;

import org.dmpgateway.model.error.DmpErrorCode;
import org.dmpgateway.model.error.DmpException;
import org.dmpgateway.mappings.http.HttpErrorMapper;
import org.dmpgateway.model.PatientRecord;
import org.dmpgateway.model.PatientRef;
import org.dmpgateway.core.admin.RecordAdministration;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/**
 * The administration API a conformance tester uses to set up a scenario (docs/admin-api.md):
 * records in any state, the patient's settings, authorised and blocked professionals, the admin
 * doctor, and the record's history. Protected by {@link AdminTokenFilter}.
 */
@RestController
@RequestMapping("/admin/patients/{authority}/{ins}")
class AdminController {
    private final RecordAdministration administration;

    AdminController(RecordAdministration administration) {
        this.administration = administration;
    }

    @PutMapping
    ResponseEntity<AdminApi.Patient> put(@PathVariable String authority, @PathVariable String ins,
                                         @RequestBody AdminApi.Patient body) {
        if (body.state() == null) {
            throw new DmpException(DmpErrorCode.METADATA_ERROR, "state: required, one of NOTIFIED, CREATED, "
                    + "ACTIVATED, OPPOSED, CLOSED", "state");
        }
        PatientRef ref = new PatientRef(ins, authority);
        boolean created = administration.put(body.toRecord(ref));
        return ResponseEntity.status(created ? HttpStatus.CREATED : HttpStatus.OK).body(read(ref));
    }

    @GetMapping
    AdminApi.Patient get(@PathVariable String authority, @PathVariable String ins) {
        return read(new PatientRef(ins, authority));
    }

    @PutMapping("/state")
    AdminApi.Patient state(@PathVariable String authority, @PathVariable String ins,
                           @RequestBody AdminApi.StateChange body) {
        if (body.state() == null) {
            throw new DmpException(DmpErrorCode.METADATA_ERROR, "state: required, one of NOTIFIED, CREATED, "
                    + "ACTIVATED, OPPOSED, CLOSED", "state");
        }
        PatientRef ref = new PatientRef(ins, authority);
        administration.setState(ref, body.state(), body.closureReason());
        return read(ref);
    }

    @PutMapping("/settings")
    AdminApi.Patient settings(@PathVariable String authority, @PathVariable String ins,
                              @RequestBody AdminApi.Settings body) {
        PatientRef ref = new PatientRef(ins, authority);
        PatientRecord current = existing(ref);
        administration.setSettings(ref, body.applyTo(current.settings()));
        return read(ref);
    }

    @PutMapping("/professionals/{actorId}")
    AdminApi.Professional professional(@PathVariable String authority, @PathVariable String ins,
                                       @PathVariable String actorId, @RequestBody AdminApi.Professional body) {
        if (body.status() == null) {
            throw new DmpException(DmpErrorCode.METADATA_ERROR, "status: required, AUTHORIZED or BLOCKED", "status");
        }
        return AdminApi.Professional.of(administration.putProfessional(new PatientRef(ins, authority), actorId,
                body.name(), body.status(), Boolean.TRUE.equals(body.adminDoctor()),
                Boolean.TRUE.equals(body.treatingDoctor()), body.profession(), body.specialty()));
    }

    @DeleteMapping("/professionals/{actorId}")
    ResponseEntity<Void> removeProfessional(@PathVariable String authority, @PathVariable String ins,
                                            @PathVariable String actorId) {
        boolean removed = administration.removeProfessional(new PatientRef(ins, authority), actorId);
        return ResponseEntity.status(removed ? HttpStatus.NO_CONTENT : HttpStatus.NOT_FOUND).build();
    }

    @GetMapping("/traces")
    List<AdminApi.Trace> traces(@PathVariable String authority, @PathVariable String ins,
                                @RequestParam(defaultValue = "100") int limit) {
        if (limit < 1 || limit > 10_000) {
            throw new DmpException(DmpErrorCode.METADATA_ERROR, "limit: between 1 and 10000", "limit");
        }
        return administration.traces(new PatientRef(ins, authority), limit).stream().map(AdminApi.Trace::of).toList();
    }

    private AdminApi.Patient read(PatientRef ref) {
        return AdminApi.Patient.of(existing(ref), administration.professionals(ref));
    }

    private PatientRecord existing(PatientRef ref) {
        return administration.find(ref).orElseThrow(() -> new DmpException(DmpErrorCode.UNKNOWN_PATIENT,
                "patient " + ref.toCx() + " has no record", "ins"));
    }

    @ExceptionHandler(DmpException.class)
    ResponseEntity<AdminApi.Error> refused(DmpException e) {
        return ResponseEntity.status(HttpErrorMapper.status(e.code())).body(new AdminApi.Error(e.code().name(), e.errors().get(0).message()));
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<AdminApi.Error> unreadable(HttpMessageNotReadableException e) {
        String detail = e.getMostSpecificCause() == null ? "" : ": " + e.getMostSpecificCause().getMessage();
        return ResponseEntity.badRequest().body(new AdminApi.Error(DmpErrorCode.METADATA_ERROR.name(),
                "the body is not a valid JSON document of this operation" + firstLine(detail)));
    }

    private static String firstLine(String s) {
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
