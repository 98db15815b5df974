package org.dmpgateway.core.account;

import org.dmpgateway.model.PatientRecord;
import org.dmpgateway.model.PatientRef;
import org.dmpgateway.model.PatientSettings;
import org.dmpgateway.repository.PatientRecordRepository;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.ArrayList;
import java.util.List;

/**
 * The patient's emergency switches (docs/sources/dmp-rules.md section 3; seed 002 "Accès en cas
 * d'urgence"): SAMU regulation doctors (centre 15), other professionals in an emergency (bris de
 * glace), both on by default, and masked documents in an emergency, off by default. They are the
 * record's settings, which the core's access rule reads ({@code AccessPolicy}: BREAK_GLASS_DISABLED,
 * SAMU_ACCESS_DISABLED, masked documents). A switch left null stays as it is; a change is traced.
 */
@Component
public class EmergencySwitches {
    private final PatientRecordRepository records;
    private final AccountHistory history;
    private final TransactionTemplate transaction;

    public EmergencySwitches(PatientRecordRepository records, AccountHistory history, TransactionTemplate transaction) {
        this.records = records;
        this.history = history;
        this.transaction = transaction;
    }

    public PatientSettings set(PatientRef ins, Boolean samu, Boolean breakGlass, Boolean maskedDocuments) {
        if (samu == null && breakGlass == null && maskedDocuments == null) {
            throw Fields.invalid("samuAccess", "indiquez au moins un interrupteur : samuAccess, breakGlassAccess ou "
                    + "maskedDocumentsInEmergency (true ou false).");
        }
        return transaction.execute(tx -> {
            PatientRecord record = records.findPatient(ins).orElseThrow();
            PatientSettings s = record.settings();
            PatientSettings changed = new PatientSettings(s.email(), samu == null ? s.samuAccessAllowed() : samu,
                    breakGlass == null ? s.breakGlassAllowed() : breakGlass,
                    maskedDocuments == null ? s.maskedVisibleInEmergency() : maskedDocuments, s.maskAll());
            List<String> what = new ArrayList<>();
            describe(what, "SAMU (centre 15) access", s.samuAccessAllowed(), changed.samuAccessAllowed());
            describe(what, "break-glass access", s.breakGlassAllowed(), changed.breakGlassAllowed());
            describe(what, "masked documents in an emergency", s.maskedVisibleInEmergency(),
                    changed.maskedVisibleInEmergency());
            if (!what.isEmpty()) {
                records.savePatient(record.withSettings(changed));
                history.byPatient(ins, "emergency switches changed by the patient: " + String.join(", ", what));
            }
            return changed;
        });
    }

    private static void describe(List<String> out, String name, boolean before, boolean after) {
        if (before != after) {
            out.add(name + (after ? " allowed" : " forbidden"));
        }
    }
}
