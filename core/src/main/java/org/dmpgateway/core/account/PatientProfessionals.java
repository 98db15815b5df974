package org.dmpgateway.core.account;

import org.dmpgateway.model.ConsentStatus;
import org.dmpgateway.model.PatientRef;
import org.dmpgateway.model.ProfessionalConsent;
import org.dmpgateway.model.account.AccountErrorCode;
import org.dmpgateway.model.account.AccountException;
import org.dmpgateway.repository.PatientRecordRepository;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.List;
import java.util.regex.Pattern;

/**
 * The professionals on the patient's lists (docs/sources/dmp-rules.md section 3; seed 002 "Je gère
 * les accès des professionnels de santé"): the authorised ones (since when, the admin doctor
 * flagged) and the blocked ones. The patient blocks a professional, on the lists or not yet (a
 * blocked professional gets no access, in any mode: the core's rule, {@code AccessPolicy});
 * unblocking takes him off the lists: "an unblocked one must be authorised again". The patient
 * names an authorised professional médecin administrateur, or removes the role (the admin doctor's
 * powers are the core's: masked documents, the access history). Every change is traced.
 */
@Component
public class PatientProfessionals {
    /** IdNat_PS: a type digit and the RPPS / ADELI number, 1 to 30 letters and digits. */
    private static final Pattern ACTOR_ID = Pattern.compile("[0-9A-Za-z]{1,30}");

    private final PatientRecordRepository records;
    private final AccountHistory history;
    private final AccountClock clock;
    private final TransactionTemplate transaction;

    public PatientProfessionals(PatientRecordRepository records, AccountHistory history, AccountClock clock,
                                TransactionTemplate transaction) {
        this.records = records;
        this.history = history;
        this.clock = clock;
        this.transaction = transaction;
    }

    public List<ProfessionalConsent> list(PatientRef ins) {
        return records.findConsents(ins);
    }

    public ProfessionalConsent block(PatientRef ins, String typedActorId) {
        String actorId = actorId(typedActorId);
        return transaction.execute(tx -> {
            ProfessionalConsent current = records.findConsent(ins, actorId).orElse(null);
            if (current != null && current.isBlocked()) {
                return current;
            }
            ProfessionalConsent blocked = new ProfessionalConsent(ins, actorId,
                    current == null ? null : current.actorName(), ConsentStatus.BLOCKED, false, clock.now(), false);
            records.saveConsent(blocked);
            history.byPatient(ins, "professional " + actorId + " blocked by the patient"
                    + (current == null ? "" : " (was authorised" + (current.adminDoctor() ? ", admin doctor" : "") + ")"));
            return blocked;
        });
    }

    public void unblock(PatientRef ins, String typedActorId) {
        String actorId = actorId(typedActorId);
        transaction.executeWithoutResult(tx -> {
            if (!records.findConsent(ins, actorId).map(ProfessionalConsent::isBlocked).orElse(false)) {
                throw new AccountException(AccountErrorCode.UNKNOWN_PROFESSIONAL, "actorId", "actorId : le "
                        + "professionnel " + actorId + " n'est pas dans la liste des professionnels bloqués.");
            }
            records.deleteConsent(ins, actorId);
            history.byPatient(ins, "professional " + actorId + " unblocked by the patient (to be authorised again)");
        });
    }

    public ProfessionalConsent adminDoctor(PatientRef ins, String typedActorId, Boolean named) {
        String actorId = actorId(typedActorId);
        if (named == null) {
            throw Fields.invalid("adminDoctor", "indiquez true (nommer ce professionnel médecin administrateur) ou "
                    + "false (retirer ce rôle).");
        }
        return transaction.execute(tx -> {
            ProfessionalConsent current = records.findConsent(ins, actorId).filter(ProfessionalConsent::isAuthorized)
                    .orElseThrow(() -> new AccountException(AccountErrorCode.UNKNOWN_PROFESSIONAL, "actorId",
                            "actorId : seul un professionnel de la liste des professionnels autorisés peut être "
                                    + "médecin administrateur ; " + actorId + " n'y figure pas."));
            if (current.adminDoctor() == named) {
                return current;
            }
            ProfessionalConsent changed = new ProfessionalConsent(ins, actorId, current.actorName(),
                    ConsentStatus.AUTHORIZED, named, current.since(), current.treatingDoctor());
            records.saveConsent(changed);
            history.byPatient(ins, "professional " + actorId + (named ? " named admin doctor" : " no longer admin doctor")
                    + " by the patient");
            return changed;
        });
    }

    private static String actorId(String typed) {
        String actorId = Fields.required(typed, "actorId", "L'identifiant du professionnel");
        if (!ACTOR_ID.matcher(actorId).matches()) {
            throw Fields.invalid("actorId", "l'identifiant national du professionnel (RPPS ou ADELI, par exemple "
                    + "810002345678) comporte 1 à 30 lettres et chiffres.");
        }
        return actorId;
    }
}
