package org.dmpgateway.core.policy;

import org.dmpgateway.model.access.AccessContext;
import org.dmpgateway.model.access.AccessMode;
import org.dmpgateway.model.error.DmpErrorCode;
import org.dmpgateway.model.error.DmpException;
import org.dmpgateway.model.error.IdentityField;
import org.dmpgateway.model.DmpConfidentiality;
import org.dmpgateway.model.DocumentEntryRecord;
import org.dmpgateway.model.PatientRecord;
import org.dmpgateway.model.PatientRef;
import org.dmpgateway.model.PatientSettings;
import org.dmpgateway.model.ProfessionalConsent;
import org.dmpgateway.model.query.DocumentVisibility;
import org.dmpgateway.model.trail.TraceAction;
import org.dmpgateway.repository.RecordStanding;
import org.dmpgateway.core.patient.PatientResolver;
import org.dmpgateway.config.DmpProperties;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * The DMP's access rules, in one place for every protocol (docs/sources/dmp-rules.md section 3). In order:
 * <ol>
 *   <li>an identity is present, its roles (profession, specialty) belong to JDV_J65-SubjectRole-DMP
 *       ({@link SubjectRoles}), and the request names no other patient than the identity's; a
 *       patient-side identity ({@link AccessContext#PATIENT_ROLE}) only reads the record's access
 *       history for now ({@link #admitTraceReader}), every other action refuses it;</li>
 *   <li>the patient's INS is valid and known, and the record is open (CREATED or ACTIVATED);</li>
 *   <li>a professional blocked by the patient never gets in, whatever the mode;</li>
 *   <li>normal access needs the patient's authorisation (declared with TD0.3); break-glass needs a
 *       meaningful justification ({@link BreakGlassJustification}) and the patient's "other
 *       professionals" switch; SAMU (centre 15) is for doctors only ({@link SamuRegulationRule}) and
 *       needs the patient's SAMU switch and no justification;</li>
 *   <li>what the caller may then see: the habilitation matrix of the profession, masked documents
 *       only for their author, the admin doctor, or in an emergency when the patient allows it.</li>
 * </ol>
 * Reading the record's access history has its own rule ({@link #admitTraceReader}): the admin
 * doctor in normal mode, or the patient themself.
 */
@Component
public class AccessPolicy {
    private final PatientResolver patients;
    private final HabilitationMatrix matrix;
    private final SubjectRoles roles;
    private final boolean authorizationForWrites;
    private final int breakGlassMinLength;

    public AccessPolicy(PatientResolver patients, HabilitationMatrix matrix, SubjectRoles roles,
                        boolean authorizationForWrites) {
        this(patients, matrix, roles, authorizationForWrites, BreakGlassJustification.DEFAULT_MIN_LENGTH);
    }

    /** With the {@code dmp.policy} node of the configuration tree. */
    @Autowired
    public AccessPolicy(PatientResolver patients, HabilitationMatrix matrix, SubjectRoles roles,
                        DmpProperties.Policy settings) {
        this(patients, matrix, roles, settings.authorizationRequiredForWrites(), settings.breakGlassMinLength());
    }

    public AccessPolicy(PatientResolver patients, HabilitationMatrix matrix, SubjectRoles roles,
                        boolean authorizationForWrites, int breakGlassMinLength) {
        if (breakGlassMinLength < 1) {
            throw new IllegalArgumentException("dmp.policy.break-glass-min-length must be 1 or more, not "
                    + breakGlassMinLength);
        }
        this.patients = patients;
        this.matrix = matrix;
        this.roles = roles;
        this.authorizationForWrites = authorizationForWrites;
        this.breakGlassMinLength = breakGlassMinLength;
    }

    /**
     * Lets the request in or refuses it with the rule it breaks.
     *
     * @param requested the patient the request itself names (null when it names none)
     */
    public Admission admit(AccessContext context, PatientRef requested, TraceAction action) {
        requireIdentity(context);
        requireProfessional(context);
        requireSamePatient(context, requested);
        RecordStanding standing = patients.standing(context.patient(), context.actorId());
        PatientRecord record = standing.record();
        RecordStateRule.requireOpen(record);
        ProfessionalConsent consent = standing.consent();
        if (consent != null && consent.isBlocked()) {
            throw new DmpException(DmpErrorCode.PS_BLOCKED, "professional " + context.actorId()
                    + " is blocked by the patient: no access to this DMP, in any access mode", null);
        }
        requireModeConditions(context, record.settings(), consent, action);
        boolean adminDoctor = consent != null && consent.isAuthorized() && consent.adminDoctor();
        // the médecin traitant DMP reads every document, masked ones included (CSP art. L1111-16,
        // docs/dmp-admin-services.md "The médecin traitant DMP")
        boolean treatingDoctor = consent != null && consent.isTreatingDoctor();
        return new Admission(context, record, consent, adminDoctor,
                visibility(context, record.settings(), adminDoctor || treatingDoctor), !standing.accessedBefore());
    }

    /**
     * A professional's request about no record in particular (TD0.4, his own list): an identity, a
     * professional's (not the patient side).
     */
    public void admitProfessional(AccessContext context) {
        requireIdentity(context);
        requireProfessional(context);
    }

    /** TD0.2: the record and the caller's standing, whatever the record's state. */
    public PatientRecord recordOf(AccessContext context) {
        return recordOf(context, null);
    }

    /** TD0.2 about the patient the request names ({@code requested}, null when it names none). */
    public PatientRecord recordOf(AccessContext context, PatientRef requested) {
        requireIdentity(context);
        requireSamePatient(context, requested);
        requireProfessional(context);
        return patients.resolve(context.patient());
    }

    /**
     * Who may read the record's access history (READ_TRACES): the patient themself
     * ({@link AccessContext#isPatientSelf()}), or the record's admin doctor (an authorised
     * professional with the admin flag) in normal mode. The record must be open, as for every
     * action; a blocked professional is refused PS_BLOCKED as everywhere; anyone else
     * TRACE_ACCESS_DENIED (an emergency mode does not open the history). The admission's
     * {@code firstAccess} is false for the patient: reading one's own history is no professional's
     * first access.
     */
    public Admission admitTraceReader(AccessContext context) {
        return admitTraceReader(context, null);
    }

    /** {@link #admitTraceReader(AccessContext)} for the history of the patient the request names. */
    public Admission admitTraceReader(AccessContext context, PatientRef requested) {
        requireIdentity(context);
        requireSamePatient(context, requested);
        RecordStanding standing = patients.standing(context.patient(), context.actorId());
        PatientRecord record = standing.record();
        RecordStateRule.requireOpen(record);
        if (context.isPatientSide()) {
            if (!context.isPatientSelf()) {
                throw new DmpException(DmpErrorCode.TRACE_ACCESS_DENIED, "a patient reads only the access history of "
                        + "their own record: " + context.actorId() + " is not patient " + context.patient().toCx(), null);
            }
            return new Admission(context, record, null, false, visibility(context, record.settings(), false), false);
        }
        ProfessionalConsent consent = standing.consent();
        if (consent != null && consent.isBlocked()) {
            throw new DmpException(DmpErrorCode.PS_BLOCKED, "professional " + context.actorId()
                    + " is blocked by the patient: no access to this DMP, in any access mode", null);
        }
        boolean adminDoctor = consent != null && consent.isAuthorized() && consent.adminDoctor();
        if (!adminDoctor || context.mode() != AccessMode.NORMAL) {
            throw new DmpException(DmpErrorCode.TRACE_ACCESS_DENIED, "only the patient and the record's admin doctor "
                    + "(normal access mode) may read the record's access history; professional " + context.actorId()
                    + (adminDoctor ? " uses access mode " + context.mode().code() : " is not the admin doctor"), null);
        }
        return new Admission(context, record, consent, true, visibility(context, record.settings(), true),
                !standing.accessedBefore());
    }

    /**
     * The patient adding a document to their own record (dmp-rules.md section 2: "déposés par le
     * patient"): a patient-side identity of this very patient ({@link AccessContext#isPatientSelf()}),
     * on an open record. No professional's rule applies (no authorisation, no habilitation matrix);
     * not a professional's first access.
     */
    public Admission admitPatientSelf(AccessContext context) {
        requireIdentity(context);
        if (!context.isPatientSelf()) {
            throw new DmpException(DmpErrorCode.HABILITATION_DENIED, "only the patient themself adds a document to "
                    + "their record as its author: " + context.actorId() + " is not patient "
                    + context.patient().toCx(), null);
        }
        PatientRecord record = patients.resolve(context.patient());
        RecordStateRule.requireOpen(record);
        return new Admission(context, record, null, false, visibility(context, record.settings(), true), false);
    }

    /** Refuses a document of a type the caller's profession may not handle. */
    public void requireHabilitation(Admission admission, DocumentEntryRecord entry) {
        if (!admission.mayHandle(entry)) {
            AccessContext c = admission.context();
            throw new DmpException(DmpErrorCode.HABILITATION_DENIED, "profession " + c.professionCode()
                    + (c.specialtyCode() == null ? "" : "/" + c.specialtyCode()) + " may not handle documents of type "
                    + (entry.typeCode() == null ? "(none)" : entry.typeCode().code()) + " (habilitation matrix "
                    + matrix.origin() + ")", entry.uniqueId());
        }
    }

    /** A request names no other patient than the identity's ({@link IdentityField#PATIENT}). */
    private static void requireSamePatient(AccessContext context, PatientRef requested) {
        if (requested != null && !requested.equals(context.patient())) {
            throw new DmpException(DmpErrorCode.ACCESS_PATIENT_MISMATCH, "the request is about patient "
                    + requested.toCx() + " but the identity names patient "
                    + context.patient().toCx(), IdentityField.PATIENT.location());
        }
    }

    /** An identity is present and its roles belong to JDV_J65-SubjectRole-DMP ({@link SubjectRoles}). */
    private void requireIdentity(AccessContext context) {
        if (context == null) {
            throw new DmpException(DmpErrorCode.IDENTITY_MISSING, "the request carries no identity of the professional",
                    null);
        }
        roles.requireKnown(context);
    }

    /** A patient-side identity may, for now, only read the record's access history (admitTraceReader). */
    private static void requireProfessional(AccessContext context) {
        if (context.isPatientSide()) {
            throw new DmpException(DmpErrorCode.HABILITATION_DENIED, "the patient side only reads its access history "
                    + "for now: this action is for professionals", null);
        }
    }

    private void requireModeConditions(AccessContext context, PatientSettings settings, ProfessionalConsent consent,
                                       TraceAction action) {
        switch (context.mode()) {
            case NORMAL -> {
                boolean authorised = consent != null && consent.isAuthorized();
                if (!authorised && needsAuthorization(action)) {
                    throw new DmpException(DmpErrorCode.PS_NOT_AUTHORIZED, "professional " + context.actorId()
                            + " has no authorisation from the patient: declare it first (TD0.3) "
                            + "or use an emergency access mode", null);
                }
            }
            case BREAK_GLASS -> {
                BreakGlassJustification.require(context, breakGlassMinLength);
                if (!settings.breakGlassAllowed()) {
                    throw new DmpException(DmpErrorCode.BREAK_GLASS_DISABLED, "the patient does not allow emergency "
                            + "access by professionals (bris de glace switch off)", null);
                }
            }
            case SAMU_REGULATION -> {
                SamuRegulationRule.require(context);
                if (!settings.samuAccessAllowed()) {
                    throw new DmpException(DmpErrorCode.SAMU_ACCESS_DISABLED, "the patient does not allow access by "
                            + "SAMU regulation doctors (centre 15 switch off)", null);
                }
            }
        }
    }

    private boolean needsAuthorization(TraceAction action) {
        return switch (action) {
            case QUERY, RETRIEVE, READ_TRACES, LIST_PROFESSIONALS, UPDATE_RECORD, CLOSE_RECORD -> true;
            case SUBMIT, UPDATE, DELETE -> authorizationForWrites;
            case AUTHORIZE, REVOKE_AUTHORIZATION, STATUS_CHECK, ADMINISTRATION, ACCOUNT, MESSAGING -> false;
        };
    }

    private DocumentVisibility visibility(AccessContext context, PatientSettings settings, boolean seesAll) {
        boolean seesMasked = seesAll || (context.mode().isEmergency() && settings.maskedVisibleInEmergency());
        return new DocumentVisibility(context.actorId(), seesMasked, settings.maskAll(),
                DmpConfidentiality.MASKING_PROFESSIONALS,
                matrix.typeFilter(context.profession(), context.specialtyCode()));
    }
}
