package org.dmpgateway.core.consent;

import org.apache.camel.Body;
import org.apache.camel.Header;
import org.dmpgateway.core.policy.AccessPolicy;
import org.dmpgateway.core.policy.Admission;
import org.dmpgateway.core.policy.SubjectRoles;
import org.dmpgateway.core.trail.AccessTrail;
import org.dmpgateway.model.ConsentStatus;
import org.dmpgateway.model.CoreEndpoints;
import org.dmpgateway.model.ProfessionalConsent;
import org.dmpgateway.model.access.AccessContext;
import org.dmpgateway.model.access.ProfessionalStanding;
import org.dmpgateway.model.trail.TraceAction;
import org.dmpgateway.repository.AccessTrailRepository;
import org.dmpgateway.repository.PatientRecordRepository;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * TD1.6 "Liste des PS autorisés/bloqués sur un DMP" (GIE SESAM-Vitale PDT-INF-526 v1.8): the
 * professionals the record's lists hold, authorised or blocked, with since when, their last action
 * on the record (its history), their profession and specialty (as their VIHF declared them at TD0.3,
 * labels from JDV_J65) and the médecin traitant DMP role. Admitted like a read of the record: open
 * record, caller not blocked, authorised in normal mode (or an emergency mode's conditions); traced
 * LIST_PROFESSIONALS with the mode listed.
 */
@Component
public class ListProfessionals {
    private final AccessPolicy policy;
    private final PatientRecordRepository records;
    private final AccessTrailRepository traces;
    private final AccessTrail trail;
    private final SubjectRoles roles;
    private final TransactionTemplate transaction;

    public ListProfessionals(AccessPolicy policy, PatientRecordRepository records, AccessTrailRepository traces,
                             AccessTrail trail, SubjectRoles roles, TransactionTemplate transaction) {
        this.policy = policy;
        this.records = records;
        this.traces = traces;
        this.trail = trail;
        this.roles = roles;
        this.transaction = transaction;
    }

    public List<ProfessionalStanding> list(@Body Object only, @Header(CoreEndpoints.ACCESS_CONTEXT) AccessContext caller) {
        ConsentStatus status = only instanceof ConsentStatus s ? s : null;
        Admission admission = policy.admit(caller, null, TraceAction.LIST_PROFESSIONALS);
        return transaction.execute(tx -> {
            Map<String, Instant> lastActions = traces.lastActions(admission.patient());
            List<ProfessionalStanding> list = records.findConsents(admission.patient()).stream()
                    .filter(c -> status == null || c.status() == status)
                    .map(c -> standing(c, lastActions.get(c.actorId())))
                    .toList();
            trail.succeeded(admission, TraceAction.LIST_PROFESSIONALS, List.of(),
                    (status == null ? "authorised and blocked" : status.name()) + ": " + list.size());
            return list;
        });
    }

    private ProfessionalStanding standing(ProfessionalConsent consent, Instant lastAction) {
        SubjectRoles.Role profession = roles.profession(consent.professionCode());
        SubjectRoles.Role specialty = roles.specialty(consent.specialtyCode());
        return new ProfessionalStanding(consent,
                profession == null ? null : profession.table() + "_" + profession.code(),
                profession == null ? null : profession.label(),
                specialty == null ? consent.specialtyCode() : specialty.code(),
                specialty == null ? null : specialty.label(), lastAction);
    }
}
