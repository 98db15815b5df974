package org.dmpgateway.core.consent;

import org.apache.camel.Body;
import org.apache.camel.Header;
import org.dmpgateway.model.CoreEndpoints;
import org.dmpgateway.model.access.AccessContext;
import org.dmpgateway.model.access.AuthorizationDeclaration;
import org.dmpgateway.model.access.RecordStatus;
import org.dmpgateway.model.ConsentStatus;
import org.dmpgateway.model.PatientRecord;
import org.dmpgateway.model.PatientRecordState;
import org.dmpgateway.model.PatientRef;
import org.dmpgateway.model.ProfessionalConsent;
import org.dmpgateway.model.account.PatientAccount;
import org.dmpgateway.model.trail.TraceAction;
import org.dmpgateway.repository.PatientAccountRepository;
import org.dmpgateway.repository.PatientRecordRepository;
import org.dmpgateway.core.policy.AccessPolicy;
import org.dmpgateway.core.policy.Admission;
import org.dmpgateway.core.trail.AccessTrail;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.util.List;

/**
 * TD0.3 and TD0.2. The professional's software declares that the patient authorised this
 * professional during care, or withdraws it; a blocked professional cannot authorise themselves,
 * and the record must be open. TD0.2 reads the record's state and the caller's standing, whatever
 * the state (that is what it is for), with the record's identity (names, birth date, gender: what
 * a FHIR Patient shows), the caller's médecin traitant DMP role and the closure's date and reason.
 * Both are traced.
 * <p>
 * The médecin traitant DMP (TD0.3 with role MEDECIN_TRAITANT): declaring oneself médecin traitant
 * authorises too; a plain declaration keeps the role; withdrawing the role ("Se supprimer MT", GIE
 * SESAM-Vitale PDT-INF-526) keeps the authorisation; a plain withdrawal ends both. A declaration
 * that changes nothing succeeds and says so ({@link RecordStatus#changed()} false).
 */
@Component
public class DeclareAuthorization {
    private final AccessPolicy policy;
    private final PatientRecordRepository records;
    private final AccessTrail trail;
    private final TransactionTemplate transaction;
    private final Clock clock = Clock.systemUTC();
    /** The patients' accounts, for the closure's reason in words (none when built without Spring). */
    private PatientAccountRepository accounts;

    public DeclareAuthorization(AccessPolicy policy, PatientRecordRepository records, AccessTrail trail,
                                TransactionTemplate transaction) {
        this.policy = policy;
        this.records = records;
        this.trail = trail;
        this.transaction = transaction;
    }

    /** The accounts, where the patient's own closure reason is kept (docs/patient-api.md). */
    @Autowired
    void accounts(PatientAccountRepository patientAccounts) {
        this.accounts = patientAccounts;
    }

    /** AUTHORIZE for a declaration, REVOKE_AUTHORIZATION for a withdrawal. */
    public static TraceAction traceAction(Object command) {
        return command instanceof AuthorizationDeclaration d && !d.grant() ? TraceAction.REVOKE_AUTHORIZATION
                : TraceAction.AUTHORIZE;
    }

    public RecordStatus declare(AuthorizationDeclaration declaration,
                                @Header(CoreEndpoints.ACCESS_CONTEXT) AccessContext caller) {
        TraceAction action = traceAction(declaration);
        Admission admission = policy.admit(caller, null, action);
        ProfessionalConsent existing = admission.consent();
        boolean authorized = existing != null && existing.isAuthorized();
        boolean treating = existing != null && existing.isTreatingDoctor();
        String role = declaration.treatingDoctor() ? "médecin traitant DMP" : null;
        boolean changed;
        if (declaration.grant()) {
            // declaring oneself médecin traitant DMP authorises too; a plain declaration keeps the role
            changed = !authorized || (declaration.treatingDoctor() && !treating);
        } else {
            // "Se supprimer MT" keeps the authorisation; a plain withdrawal ends both
            changed = declaration.treatingDoctor() ? treating : authorized;
        }
        transaction.executeWithoutResult(status -> {
            if (changed && declaration.grant()) {
                // the profession and specialty his VIHF declares (TD1.6 codeSpeciality)
                records.saveConsent(new ProfessionalConsent(admission.patient(), caller.actorId(), caller.actorName(),
                        ConsentStatus.AUTHORIZED, authorized && existing.adminDoctor(),
                        authorized ? existing.since() : clock.instant(), treating || declaration.treatingDoctor(),
                        caller.professionCode(), caller.specialtyCode()));
            } else if (changed && declaration.treatingDoctor()) {
                records.saveConsent(new ProfessionalConsent(admission.patient(), caller.actorId(), existing.actorName(),
                        ConsentStatus.AUTHORIZED, existing.adminDoctor(), existing.since(), false,
                        existing.professionCode(), existing.specialtyCode()));
            } else if (changed) {
                records.deleteConsent(admission.patient(), caller.actorId());
            }
            trail.succeeded(admission, action, List.of(), role == null ? (changed ? null : "unchanged")
                    : role + (changed ? "" : ", unchanged"));
        });
        return status(admission.record(), caller, changed);
    }

    public RecordStatus status(@Body Object requested, @Header(CoreEndpoints.ACCESS_CONTEXT) AccessContext caller) {
        PatientRecord record = policy.recordOf(caller, requested instanceof PatientRef p ? p : null);
        trail.checked(caller);
        return status(record, caller, null);
    }

    private RecordStatus status(PatientRecord record, AccessContext caller, Boolean changed) {
        ProfessionalConsent consent = records.findConsent(record.ins(), caller.actorId()).orElse(null);
        return new RecordStatus(record.ins(), record.state(), consent == null ? null : consent.status(),
                consent != null && consent.isAuthorized() && consent.adminDoctor(), record.familyName(),
                record.givenName(), record.birthDate(), record.gender(), consent != null && consent.isTreatingDoctor(),
                record.closedAt(), record.closureReason(), changed, record.settings().breakGlassAllowed(),
                record.settings().samuAccessAllowed(), closureText(record));
    }

    /** The reason in words the patient gave when closing Mon espace santé; null when the record is open or none. */
    private String closureText(PatientRecord record) {
        if (accounts == null || record.state() != PatientRecordState.CLOSED) {
            return null;
        }
        return accounts.find(record.ins()).map(PatientAccount::closeReason).orElse(null);
    }
}
