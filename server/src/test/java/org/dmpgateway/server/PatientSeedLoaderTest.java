package org.dmpgateway.server;

import org.dmpgateway.model.PatientRecordState;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

/** The seed file's entries are checked before anything is stored; a bad one names itself and its rule. */
class PatientSeedLoaderTest {

    @Test
    void aValidEntryBecomesAPatientRecord() {
        var r = PatientSeedLoader.toRecord(new PatientSeedLoader.SeedPatient("186022A12345633", "1.2.250.1.213.1.4.10",
                "SANTONI", "Ange", "1986-02-01", "M", "CLOSED"));
        assertEquals("186022A12345633", r.ins().id());
        assertEquals(PatientRecordState.CLOSED, r.state());
        assertEquals(1986, r.birthDate().getYear());
    }

    @Test
    void aWrongKeyIsRefusedWithTheExpectedKey() {
        var e = assertThrows(IllegalStateException.class, () -> PatientSeedLoader.toRecord(new PatientSeedLoader.SeedPatient(
                "123456789012345", "1.2.250.1.213.1.4.10", "X", "Y", null, null, "ACTIVATED")));
        assertTrue(e.getMessage().contains("123456789012345") && e.getMessage().contains("expected 11"), e.getMessage());
    }

    @Test
    void anUnknownStateIsRefusedWithTheKnownStates() {
        var e = assertThrows(IllegalStateException.class, () -> PatientSeedLoader.toRecord(new PatientSeedLoader.SeedPatient(
                "279035121518989", "1.2.250.1.213.1.4.10", "X", "Y", null, null, "ACTIVE")));
        assertTrue(e.getMessage().contains("ACTIVATED"), e.getMessage());
    }

    @Test
    void theProfessionalsOfAnEntryBecomeItsConsents() {
        var seed = new PatientSeedLoader.SeedPatient("207058575627097", "1.2.250.1.213.1.4.10", "PATB-QUATRE",
                "LAURENCE", "1907-05-25", "M", "ACTIVATED", null,
                java.util.List.of(new PatientSeedLoader.SeedProfessional("899900063480", "LIBRE MAX", null, false),
                        new PatientSeedLoader.SeedProfessional("810002222222", "PETIT Louis", "BLOCKED", false)));
        var consents = PatientSeedLoader.consents(seed, PatientSeedLoader.toRecord(seed));
        assertEquals(2, consents.size());
        assertEquals("899900063480", consents.get(0).actorId());
        assertTrue(consents.get(0).isAuthorized(), "AUTHORIZED when no status is given");
        assertEquals(org.dmpgateway.model.ConsentStatus.BLOCKED, consents.get(1).status());
    }

    @Test
    void anUnknownConsentStatusIsRefusedNamingTheProfessional() {
        var seed = new PatientSeedLoader.SeedPatient("207058575627097", "1.2.250.1.213.1.4.10", "X", "Y", null, null,
                "ACTIVATED", null, java.util.List.of(new PatientSeedLoader.SeedProfessional("899900063480", "X", "OK", false)));
        var e = assertThrows(IllegalStateException.class,
                () -> PatientSeedLoader.consents(seed, PatientSeedLoader.toRecord(seed)));
        assertTrue(e.getMessage().contains("899900063480"), e.getMessage());
    }
}
