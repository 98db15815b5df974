package org.dmpgateway.core.policy;

import org.dmpgateway.model.access.AccessContext;
import org.dmpgateway.model.access.CallerSoftware;
import org.dmpgateway.model.access.AccessMode;
import org.dmpgateway.model.error.DmpErrorCode;
import org.dmpgateway.model.error.DmpException;
import org.dmpgateway.model.CodedValue;
import org.dmpgateway.model.ConsentStatus;
import org.dmpgateway.model.PatientRecord;
import org.dmpgateway.model.PatientRecordState;
import org.dmpgateway.model.PatientRef;
import org.dmpgateway.model.PatientSettings;
import org.dmpgateway.model.ProfessionalConsent;
import org.dmpgateway.model.trail.AccessTrace;
import org.dmpgateway.model.trail.TraceAction;
import org.dmpgateway.repository.JdbcAccessTrailRepository;
import org.dmpgateway.repository.JdbcPatientRecordRepository;
import org.dmpgateway.repository.PatientRecordRepository;
import org.dmpgateway.core.patient.PatientResolver;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.*;

/** The access rules on a real (H2) repository, one rule per test, in the order the policy applies them. */
class AccessPolicyTest {
    static final PatientRef PATIENT = new PatientRef("279035121518989", "1.2.250.1.213.1.4.10");
    static final PatientRef OTHER = new PatientRef("146026322000196", "1.2.250.1.213.1.4.10");
    static final String DOCTOR = "810002345678";
    static final CodedValue MEDECIN = new CodedValue("10", "1.2.250.1.71.1.2.7", "Médecin");

    PatientRecordRepository records;
    JdbcAccessTrailRepository trail;
    AccessPolicy policy;

    @BeforeEach
    void open() throws IOException {
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:mem:policy-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        Flyway.configure().dataSource(ds).load().migrate();
        records = new JdbcPatientRecordRepository(ds, new DataSourceTransactionManager(ds));
        trail = new JdbcAccessTrailRepository(ds);
        policy = new AccessPolicy(new PatientResolver(records), HabilitationMatrixTest.shipped(), SubjectRoles.shipped(), true);
        records.savePatient(new PatientRecord(PATIENT, "DUPONT", "Marie", null, "F", PatientRecordState.ACTIVATED));
    }

    static AccessContext caller(AccessMode mode, String justification) {
        return new AccessContext(DOCTOR, "DURANT, Romuald", MEDECIN, null, "1750100125", "SA07^1.2.250.1.71.4.2.4",
                PATIENT, mode, justification, CallerSoftware.named("LPS test 1.0"));
    }

    void consent(ConsentStatus status, boolean admin) {
        records.saveConsent(new ProfessionalConsent(PATIENT, DOCTOR, "DURANT", status, admin, Instant.now()));
    }

    void settings(PatientSettings s) {
        records.savePatient(records.findPatient(PATIENT).orElseThrow().withSettings(s));
    }

    static DmpErrorCode refusal(Runnable r) {
        return assertThrows(DmpException.class, r::run).code();
    }

    @Test
    void noIdentityIsRefused() {
        assertEquals(DmpErrorCode.IDENTITY_MISSING, refusal(() -> policy.admit(null, PATIENT, TraceAction.QUERY)));
    }

    @Test
    void aRoleOutsideJdvJ65IsRefusedBeforeAnythingElseForEveryAction() {
        consent(ConsentStatus.AUTHORIZED, true);
        AccessContext typo = new AccessContext(DOCTOR, "DURANT, Romuald", new CodedValue("10", "1.2.250.1.71.1.2.77",
                "Médecin"), null, "1750100125", null, PATIENT, AccessMode.NORMAL, null, CallerSoftware.named("LPS test 1.0"));
        assertEquals(DmpErrorCode.IDENTITY_INVALID, refusal(() -> policy.admit(typo, PATIENT, TraceAction.QUERY)));
        assertEquals(DmpErrorCode.IDENTITY_INVALID, refusal(() -> policy.recordOf(typo)));
        assertEquals(DmpErrorCode.IDENTITY_INVALID, refusal(() -> policy.admitTraceReader(typo)));
    }

    @Test
    void aRequestAboutAnotherPatientThanTheIdentitysIsRefused() {
        consent(ConsentStatus.AUTHORIZED, false);
        assertEquals(DmpErrorCode.ACCESS_PATIENT_MISMATCH,
                refusal(() -> policy.admit(caller(AccessMode.NORMAL, null), OTHER, TraceAction.QUERY)));
    }

    @ParameterizedTest
    @EnumSource(PatientRecordState.class)
    void onlyCreatedAndActivatedRecordsAreOpen(PatientRecordState state) {
        consent(ConsentStatus.AUTHORIZED, false);
        records.savePatient(records.findPatient(PATIENT).orElseThrow().withState(state));
        for (TraceAction action : List.of(TraceAction.SUBMIT, TraceAction.QUERY, TraceAction.RETRIEVE)) {
            switch (state) {
                case CREATED, ACTIVATED -> assertEquals(PATIENT, policy.admit(caller(AccessMode.NORMAL, null), PATIENT,
                        action).patient());
                case NOTIFIED -> assertEquals(DmpErrorCode.DMP_UNKNOWN,
                        refusal(() -> policy.admit(caller(AccessMode.NORMAL, null), PATIENT, action)));
                case OPPOSED -> assertEquals(DmpErrorCode.DMP_OPPOSED,
                        refusal(() -> policy.admit(caller(AccessMode.NORMAL, null), PATIENT, action)));
                case CLOSED -> assertEquals(DmpErrorCode.DMP_CLOSED,
                        refusal(() -> policy.admit(caller(AccessMode.NORMAL, null), PATIENT, action)));
            }
        }
    }

    @ParameterizedTest
    @EnumSource(AccessMode.class)
    void aBlockedProfessionalNeverGetsIn(AccessMode mode) {
        consent(ConsentStatus.BLOCKED, false);
        assertEquals(DmpErrorCode.PS_BLOCKED, refusal(() -> policy.admit(caller(mode, "patient inconscient"), PATIENT,
                TraceAction.QUERY)));
        assertEquals(DmpErrorCode.PS_BLOCKED, refusal(() -> policy.admit(caller(mode, "patient inconscient"), PATIENT,
                TraceAction.AUTHORIZE)), "a blocked professional cannot authorise themselves");
    }

    @Test
    void normalAccessNeedsTheAuthorisationButDeclaringItDoesNot() {
        assertEquals(DmpErrorCode.PS_NOT_AUTHORIZED,
                refusal(() -> policy.admit(caller(AccessMode.NORMAL, null), PATIENT, TraceAction.QUERY)));
        assertEquals(DmpErrorCode.PS_NOT_AUTHORIZED,
                refusal(() -> policy.admit(caller(AccessMode.NORMAL, null), PATIENT, TraceAction.SUBMIT)));
        assertNotNull(policy.admit(caller(AccessMode.NORMAL, null), PATIENT, TraceAction.AUTHORIZE));
        consent(ConsentStatus.AUTHORIZED, false);
        Admission a = policy.admit(caller(AccessMode.NORMAL, null), PATIENT, TraceAction.QUERY);
        assertFalse(a.adminDoctor());
        assertFalse(a.visibility().seesMasked());
    }

    @Test
    void writesWithoutAuthorisationWhenConfiguredSo() throws IOException {
        AccessPolicy lenient = new AccessPolicy(new PatientResolver(records),
                HabilitationMatrixTest.shipped(), SubjectRoles.shipped(), false);
        assertNotNull(lenient.admit(caller(AccessMode.NORMAL, null), PATIENT, TraceAction.SUBMIT));
        assertEquals(DmpErrorCode.PS_NOT_AUTHORIZED,
                refusal(() -> lenient.admit(caller(AccessMode.NORMAL, null), PATIENT, TraceAction.QUERY)));
    }

    @Test
    void breakGlassNeedsAJustificationAndThePatientsSwitch() {
        assertEquals(DmpErrorCode.BREAK_GLASS_JUSTIFICATION_MISSING,
                refusal(() -> policy.admit(caller(AccessMode.BREAK_GLASS, null), PATIENT, TraceAction.QUERY)));
        assertEquals(DmpErrorCode.BREAK_GLASS_JUSTIFICATION_MISSING,
                refusal(() -> policy.admit(caller(AccessMode.BREAK_GLASS, "  "), PATIENT, TraceAction.QUERY)));
        Admission a = policy.admit(caller(AccessMode.BREAK_GLASS, "arrêt cardiaque"), PATIENT, TraceAction.QUERY);
        assertFalse(a.visibility().seesMasked(), "masked documents stay hidden unless the third switch is on");
        settings(new PatientSettings(null, true, false, false, false));
        assertEquals(DmpErrorCode.BREAK_GLASS_DISABLED,
                refusal(() -> policy.admit(caller(AccessMode.BREAK_GLASS, "arrêt cardiaque"), PATIENT, TraceAction.QUERY)));
    }

    @Test
    void aBreakGlassJustificationOfInvisibleCharactersOrTooShortIsRefused() {
        for (String empty : List.of("\u00A0", "\u200B", "\u00A0\u200B\u2003\uFEFF\u202F", "\u200Bcoma\u200D",
                "..........!!", "ok")) {
            DmpException e = assertThrows(DmpException.class,
                    () -> policy.admit(caller(AccessMode.BREAK_GLASS, empty), PATIENT, TraceAction.QUERY), empty);
            assertEquals(DmpErrorCode.BREAK_GLASS_JUSTIFICATION_MISSING, e.code());
            assertTrue(e.getMessage().contains("dmp.policy.break-glass-min-length"), e.getMessage());
        }
        assertEquals("arrêt cardiaque au domicile", BreakGlassJustification.normalise(
                "\u200B arrêt\u00A0\u00A0cardiaque\u2003au\u3000\u200Ddomicile\n"));
        assertNotNull(policy.admit(caller(AccessMode.BREAK_GLASS, "arrêt\u00A0cardiaque"), PATIENT, TraceAction.QUERY));
    }

    @Test
    void onlyADoctorMayUseTheSamuRegulationMode() {
        for (CodedValue notDoctor : List.of(new CodedValue("60", "1.2.250.1.71.1.2.7", "Infirmier"),
                new CodedValue("21", "1.2.250.1.71.1.2.7", "Pharmacien"),
                new CodedValue("10", "1.2.250.1.71.1.2.8", "Médecin en formation"))) {
            AccessContext c = new AccessContext(DOCTOR, "X", notDoctor, null, "1750100125", null, PATIENT,
                    AccessMode.SAMU_REGULATION, null, CallerSoftware.named("LPS test 1.0"));
            DmpException e = assertThrows(DmpException.class, () -> policy.admit(c, PATIENT, TraceAction.QUERY));
            assertEquals(DmpErrorCode.HABILITATION_DENIED, e.code());
            assertTrue(e.getMessage().contains("centre_15"), e.getMessage());
        }
        assertNotNull(policy.admit(caller(AccessMode.SAMU_REGULATION, null), PATIENT, TraceAction.QUERY));
    }

    @Test
    void samuNeedsItsSwitchAndNoJustification() {
        Admission a = policy.admit(caller(AccessMode.SAMU_REGULATION, null), PATIENT, TraceAction.QUERY);
        assertEquals(AccessMode.SAMU_REGULATION, a.context().mode());
        settings(new PatientSettings(null, false, true, false, false));
        assertEquals(DmpErrorCode.SAMU_ACCESS_DISABLED,
                refusal(() -> policy.admit(caller(AccessMode.SAMU_REGULATION, null), PATIENT, TraceAction.QUERY)));
    }

    @Test
    void maskedDocumentsAreSeenByTheAdminDoctorAndInEmergencyOnlyWithTheThirdSwitch() {
        consent(ConsentStatus.AUTHORIZED, true);
        assertTrue(policy.admit(caller(AccessMode.NORMAL, null), PATIENT, TraceAction.QUERY).visibility().seesMasked());
        records.deleteConsent(PATIENT, DOCTOR);
        settings(new PatientSettings(null, true, true, true, true));
        Admission emergency = policy.admit(caller(AccessMode.BREAK_GLASS, "coma, arrêt respiratoire"), PATIENT, TraceAction.QUERY);
        assertTrue(emergency.visibility().seesMasked());
        assertTrue(emergency.visibility().maskAll());
        assertEquals(DOCTOR, emergency.visibility().authorId());
    }

    @Test
    void theFirstAccessIsToldByTheTrail() {
        consent(ConsentStatus.AUTHORIZED, false);
        assertTrue(policy.admit(caller(AccessMode.NORMAL, null), PATIENT, TraceAction.QUERY).firstAccess());
        trail.record(new AccessTrace(null, Instant.now(), DOCTOR, null, null, "10", AccessMode.NORMAL, null, PATIENT,
                TraceAction.QUERY, List.of(), AccessTrace.SUCCESS, null, null));
        assertFalse(policy.admit(caller(AccessMode.NORMAL, null), PATIENT, TraceAction.QUERY).firstAccess());
    }

    @Test
    void unknownAndMalformedPatientsAreRefusedBeforeAnyRule() {
        AccessContext unknown = new AccessContext(DOCTOR, "x", MEDECIN, null, "s", null,
                new PatientRef("175017500003056", "1.2.250.1.213.1.4.10"), AccessMode.NORMAL, null, null);
        assertEquals(DmpErrorCode.UNKNOWN_PATIENT, refusal(() -> policy.admit(unknown, null, TraceAction.QUERY)));
        AccessContext badKey = new AccessContext(DOCTOR, "x", MEDECIN, null, "s", null,
                new PatientRef("123456789012345", "1.2.250.1.213.1.4.10"), AccessMode.NORMAL, null, null);
        assertEquals(DmpErrorCode.INVALID_INS, refusal(() -> policy.admit(badKey, null, TraceAction.QUERY)));
    }

    // ------------------------------------------------------------------ the patient side, the access history

    static AccessContext patientSelf() {
        return new AccessContext(PATIENT.id(), "DUPONT, Marie", AccessContext.PATIENT_ROLE, null, null, null, PATIENT,
                AccessMode.NORMAL, null, CallerSoftware.named("portail patient"));
    }

    @Test
    void thePatientSideIsRefusedEveryOtherActionWithHabilitationDenied() {
        consent(ConsentStatus.AUTHORIZED, true);
        for (TraceAction action : TraceAction.values()) {
            DmpException e = assertThrows(DmpException.class, () -> policy.admit(patientSelf(), PATIENT, action));
            assertEquals(DmpErrorCode.HABILITATION_DENIED, e.code(), action.name());
            assertTrue(e.getMessage().contains("the patient side only reads its access history"), e.getMessage());
        }
        assertEquals(DmpErrorCode.HABILITATION_DENIED, refusal(() -> policy.recordOf(patientSelf())),
                "TD0.2 too");
        AccessContext sameRoleOtherDisplay = new AccessContext(PATIENT.id(), "DUPONT, Marie",
                new CodedValue("PATIENT", "urn:dmp-gateway:actor-kind", "autre libellé"), null, null, null, PATIENT,
                AccessMode.NORMAL, null, null);
        assertTrue(sameRoleOtherDisplay.isPatientSelf(), "the role is its code and code system");
        assertEquals(DmpErrorCode.HABILITATION_DENIED,
                refusal(() -> policy.admit(sameRoleOtherDisplay, PATIENT, TraceAction.QUERY)));
    }

    @Test
    void theStatusAndTheHistoryOfAnotherPatientThanTheIdentitysAreRefused() {
        consent(ConsentStatus.AUTHORIZED, true);
        assertEquals(PATIENT, policy.recordOf(caller(AccessMode.NORMAL, null), PATIENT).ins());
        assertEquals(DmpErrorCode.ACCESS_PATIENT_MISMATCH,
                refusal(() -> policy.recordOf(caller(AccessMode.NORMAL, null), OTHER)));
        assertEquals(DmpErrorCode.ACCESS_PATIENT_MISMATCH,
                refusal(() -> policy.admitTraceReader(caller(AccessMode.NORMAL, null), OTHER)));
        assertEquals(DmpErrorCode.ACCESS_PATIENT_MISMATCH, refusal(() -> policy.admitTraceReader(patientSelf(), OTHER)));
    }

    @Test
    void thePatientReadsTheirOwnHistoryAndNoOneElse() {
        Admission self = policy.admitTraceReader(patientSelf());
        assertEquals(PATIENT, self.patient());
        assertFalse(self.firstAccess(), "the patient reading their history is no professional's first access");
        assertFalse(self.adminDoctor());

        AccessContext otherPatient = new AccessContext(OTHER.id(), "MARTIN, Luc", AccessContext.PATIENT_ROLE, null,
                null, null, PATIENT, AccessMode.NORMAL, null, null);
        assertFalse(otherPatient.isPatientSelf());
        assertEquals(DmpErrorCode.TRACE_ACCESS_DENIED, refusal(() -> policy.admitTraceReader(otherPatient)));
        AccessContext doctorWithThePatientsId = new AccessContext(PATIENT.id(), "x", MEDECIN, null, "s", null, PATIENT,
                AccessMode.NORMAL, null, null);
        assertFalse(doctorWithThePatientsId.isPatientSelf(), "the INS as actorId is not enough: the role says patient");
        assertEquals(DmpErrorCode.TRACE_ACCESS_DENIED, refusal(() -> policy.admitTraceReader(doctorWithThePatientsId)));
    }

    @Test
    void onlyTheAdminDoctorInNormalModeReadsTheHistory() {
        assertEquals(DmpErrorCode.TRACE_ACCESS_DENIED,
                refusal(() -> policy.admitTraceReader(caller(AccessMode.NORMAL, null))), "no consent");
        consent(ConsentStatus.AUTHORIZED, false);
        assertEquals(DmpErrorCode.TRACE_ACCESS_DENIED,
                refusal(() -> policy.admitTraceReader(caller(AccessMode.NORMAL, null))), "authorised, not admin");
        consent(ConsentStatus.AUTHORIZED, true);
        Admission admin = policy.admitTraceReader(caller(AccessMode.NORMAL, null));
        assertTrue(admin.adminDoctor());
        assertTrue(admin.firstAccess());
        for (AccessMode emergency : List.of(AccessMode.BREAK_GLASS, AccessMode.SAMU_REGULATION)) {
            assertEquals(DmpErrorCode.TRACE_ACCESS_DENIED,
                    refusal(() -> policy.admitTraceReader(caller(emergency, "coma"))), emergency.name());
        }
        consent(ConsentStatus.BLOCKED, false);
        assertEquals(DmpErrorCode.PS_BLOCKED, refusal(() -> policy.admitTraceReader(caller(AccessMode.NORMAL, null))));
        assertEquals(DmpErrorCode.IDENTITY_MISSING, refusal(() -> policy.admitTraceReader(null)));
    }

    @ParameterizedTest
    @EnumSource(PatientRecordState.class)
    void theHistoryIsReadOnlyOnAnOpenRecord(PatientRecordState state) {
        consent(ConsentStatus.AUTHORIZED, true);
        records.savePatient(records.findPatient(PATIENT).orElseThrow().withState(state));
        for (AccessContext reader : List.of(caller(AccessMode.NORMAL, null), patientSelf())) {
            switch (state) {
                case CREATED, ACTIVATED -> assertEquals(PATIENT, policy.admitTraceReader(reader).patient());
                case NOTIFIED -> assertEquals(DmpErrorCode.DMP_UNKNOWN, refusal(() -> policy.admitTraceReader(reader)));
                case OPPOSED -> assertEquals(DmpErrorCode.DMP_OPPOSED, refusal(() -> policy.admitTraceReader(reader)));
                case CLOSED -> assertEquals(DmpErrorCode.DMP_CLOSED, refusal(() -> policy.admitTraceReader(reader)));
            }
        }
    }
}
