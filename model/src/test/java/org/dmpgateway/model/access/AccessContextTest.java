package org.dmpgateway.model.access;

import org.dmpgateway.model.CodedValue;
import org.dmpgateway.model.PatientRef;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

class AccessContextTest {
    static final PatientRef PATIENT = new PatientRef("279035121518989", "1.2.250.1.213.1.4.10");
    static final CodedValue MEDECIN = new CodedValue("10", "1.2.250.1.71.1.2.7", "Médecin");

    static AccessContext of(String actorId, CodedValue role) {
        return new AccessContext(actorId, "x", role, null, null, null, PATIENT, AccessMode.NORMAL, null, null);
    }

    @Test
    void thePatientSelfHasThePatientRoleAndTheirOwnIns() {
        assertTrue(of(PATIENT.id(), AccessContext.PATIENT_ROLE).isPatientSelf());
        assertTrue(of(PATIENT.id(), new CodedValue("PATIENT", "urn:dmp-gateway:actor-kind", null)).isPatientSelf(),
                "the display name does not matter");
        AccessContext otherIns = of("146026322000196", AccessContext.PATIENT_ROLE);
        assertTrue(otherIns.isPatientSide());
        assertFalse(otherIns.isPatientSelf());
        AccessContext professional = of(PATIENT.id(), MEDECIN);
        assertFalse(professional.isPatientSide());
        assertFalse(professional.isPatientSelf());
        assertFalse(of(PATIENT.id(), new CodedValue("PATIENT", "1.2.250.1.71.1.2.7", null)).isPatientSide(),
                "same code, another system: not the patient role");
    }
}
