package org.dmpgateway.mappings.fhir.update;

import org.dmpgateway.model.access.AccessContext;
import org.dmpgateway.model.access.AccessMode;
import org.dmpgateway.model.CodedValue;
import org.dmpgateway.model.PatientRef;
import org.dmpgateway.model.SubmissionSetRecord;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.junit.jupiter.api.Assertions.*;

class UpdateSubmissionSetsTest {
    static final PatientRef PATIENT = new PatientRef("279035121518989", "1.2.250.1.213.1.4.10");

    @Test
    void theCallerIsTheAuthorInTheXdsFormOfTheXcn() {
        AccessContext caller = new AccessContext("810002345678", "DURANT, Romuald",
                new CodedValue("10", "1.2.250.1.71.1.2.7", "Médecin"), null, "1750100125", null, PATIENT,
                AccessMode.NORMAL, null, null);
        SubmissionSetRecord set = UpdateSubmissionSets.forCaller(caller, PATIENT, "2.25.42",
                Clock.fixed(Instant.parse("2026-11-23T20:15:30Z"), ZoneOffset.UTC));
        assertEquals("810002345678^DURANT^Romuald^^^^^^&1.2.250.1.71.4.2.1&ISO^D^^^IDNPS", set.authors().get(0).person());
        assertEquals("2.25.42", set.sourceId());
        assertEquals("20261123201530", set.submissionTime());
        assertEquals(PATIENT, set.patientId());
        assertTrue(set.uniqueId().matches("2\\.25\\.[1-9][0-9]*"), set.uniqueId());
        assertTrue(set.entryUuid().startsWith("urn:uuid:"), set.entryUuid());
    }
}
