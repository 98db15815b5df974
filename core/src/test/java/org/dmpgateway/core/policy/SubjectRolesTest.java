package org.dmpgateway.core.policy;

import org.dmpgateway.model.access.AccessContext;
import org.dmpgateway.model.access.AccessMode;
import org.dmpgateway.model.error.DmpErrorCode;
import org.dmpgateway.model.error.DmpException;
import org.dmpgateway.model.CodedValue;
import org.dmpgateway.model.PatientRef;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.*;

/** The roles a caller may declare: JDV_J65-SubjectRole-DMP, as shipped in mappings/ terminology. */
class SubjectRolesTest {
    static final PatientRef PATIENT = new PatientRef("279035121518989", "1.2.250.1.213.1.4.10");
    static final SubjectRoles ROLES = SubjectRoles.shipped();

    static AccessContext as(CodedValue profession, CodedValue specialty) {
        return new AccessContext("810002345678", "DURANT, Romuald", profession, specialty, "1750100125", null,
                PATIENT, AccessMode.NORMAL, null, null);
    }

    static CodedValue role(String code, String system) {
        return new CodedValue(code, system, null);
    }

    static DmpException refused(AccessContext c) {
        DmpException e = assertThrows(DmpException.class, () -> ROLES.requireKnown(c));
        assertEquals(DmpErrorCode.IDENTITY_INVALID, e.code());
        assertTrue(e.getMessage().contains(SubjectRoles.ATTRIBUTE), e.getMessage());
        return e;
    }

    @Test
    void theShippedValueSetHoldsThe298CodesOfTheSource() {
        assertEquals(298, ROLES.size(), "5 TRE_A00 + 29 TRE_G15 + 4 TRE_G16 + 244 TRE_R01 + 16 TRE_G05");
    }

    @Test
    void professionsInTrainingAutomatesAndSpecialtiesAreKnown() {
        ROLES.requireKnown(as(role("10", "1.2.250.1.71.1.2.7"), role("SM54", "1.2.250.1.71.4.2.5")));
        ROLES.requireKnown(as(role("21", "1.2.250.1.71.1.2.7"), role("G", "1.2.250.1.71.4.2.6")));
        ROLES.requireKnown(as(role("10", "1.2.250.1.71.1.2.8"), null));
        ROLES.requireKnown(as(role("AUTOMATE", "1.2.250.1.213.1.1.4.6"), null));
        ROLES.requireKnown(as(AccessContext.PATIENT_ROLE, null));
    }

    @Test
    void aWrongCodeSystemIsRefusedNamingTheValueAndTheExpectedSystems() {
        DmpException e = refused(as(role("10", "1.2.250.1.71.1.2.77"), null));
        assertTrue(e.getMessage().contains("code=\"10\" codeSystem=\"1.2.250.1.71.1.2.77\""), e.getMessage());
        assertTrue(e.getMessage().contains("1.2.250.1.71.1.2.7 (TRE_G15-ProfessionSante)"), e.getMessage());
        assertEquals(SubjectRoles.ATTRIBUTE, e.errors().get(0).location());
    }

    @Test
    void anUnknownProfessionCodeIsRefused() {
        DmpException e = refused(as(role("11", "1.2.250.1.71.1.2.7"), null));
        assertTrue(e.getMessage().contains("code '11' is not in TRE_G15-ProfessionSante"), e.getMessage());
    }

    @Test
    void anUnknownSpecialtyOrASpecialtyInFirstPlaceIsRefused() {
        assertTrue(refused(as(role("10", "1.2.250.1.71.1.2.7"), role("SM99", "1.2.250.1.71.4.2.5"))).getMessage()
                .contains("2nd role (the specialty)"));
        assertTrue(refused(as(role("SM54", "1.2.250.1.71.4.2.5"), null)).getMessage()
                .contains("the specialty comes second"));
        assertTrue(refused(as(role("10", "1.2.250.1.71.1.2.7"), role("10", "1.2.250.1.71.1.2.7"))).getMessage()
                .contains("the profession comes first"));
    }

    @Test
    void aFileWithAnUnknownCodeSystemStopsTheStart() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> SubjectRoles.read(
                new ByteArrayInputStream("# roles\n1.2.3;10;x\n".getBytes(StandardCharsets.UTF_8)), "test.csv"));
        assertTrue(e.getMessage().startsWith("test.csv line 2:"), e.getMessage());
    }
}
