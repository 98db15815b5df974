package org.dmpgateway.mappings.fhir.patient;

import org.dmpgateway.model.PatientRef;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Practitioner;
import org.hl7.fhir.r4.model.Reference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.dmpgateway.mappings.fhir.common.FhirFixtures.DUPONT;
import static org.dmpgateway.mappings.fhir.common.FhirFixtures.refusals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PatientIdsTest {

    @Test
    void resourceIdIsInsDashAuthority() {
        assertEquals("279035121518989-1.2.250.1.213.1.4.10", PatientIds.resourceId(DUPONT));
        assertEquals(DUPONT, PatientIds.fromResourceId("279035121518989-1.2.250.1.213.1.4.10"));
        assertEquals(new PatientRef("186022A12345633", "1.2.250.1.213.1.4.8"),
                PatientIds.fromResourceId("186022A12345633-1.2.250.1.213.1.4.8"));
    }

    @Test
    void identifierUsesTheInsSystems() {
        Identifier i = PatientIds.identifier(DUPONT);
        assertEquals("urn:oid:1.2.250.1.213.1.4.10", i.getSystem());
        assertEquals("279035121518989", i.getValue());
        assertEquals(DUPONT, PatientIds.fromIdentifier(i.getSystem(), i.getValue()));
        assertEquals(Identifier.IdentifierUse.TEMP,
                PatientIds.identifier(new PatientRef("712345678901234", "1.2.250.1.213.1.4.9")).getUse());
    }

    @Test
    void badIdsAndSystemsAreRefused() {
        assertEquals("Patient.id: 'ex-patient' is not a DMP patient id <INS>-<authority OID> "
                + "(e.g. 279035121518989-1.2.250.1.213.1.4.10)", refusals(() -> PatientIds.fromResourceId("ex-patient")).get(0));
        assertEquals("Patient.id: 1.2.250.1.71.4.2.1 is not an INS authority (1.2.250.1.213.1.4.8, .9, .10 or .11)",
                refusals(() -> PatientIds.fromResourceId("899700218896-1.2.250.1.71.4.2.1")).get(0));
        assertEquals("Patient.identifier: identifier system http://example.org/mrn is not an INS authority "
                + "(urn:oid:1.2.250.1.213.1.4.8, .9, .10 or .11)",
                refusals(() -> PatientIds.fromIdentifier("http://example.org/mrn", "123")).get(0));
    }

    @ParameterizedTest
    @ValueSource(strings = {"Patient/279035121518989-1.2.250.1.213.1.4.10",
            "https://dmp.example.org/fhir/Patient/279035121518989-1.2.250.1.213.1.4.10",
            "https://dmp.example.org/fhir/Patient/279035121518989-1.2.250.1.213.1.4.10/_history/3",
            "Patient?identifier=urn:oid:1.2.250.1.213.1.4.10|279035121518989",
            "Patient?identifier=urn%3Aoid%3A1.2.250.1.213.1.4.10%7C279035121518989"})
    void referenceForms(String reference) {
        assertEquals(DUPONT, PatientIds.fromReference(new Reference(reference), null));
    }

    @Test
    void logicalContainedAndResolvedReferences() {
        assertEquals(DUPONT, PatientIds.fromReference(new Reference().setIdentifier(PatientIds.identifier(DUPONT)), null));
        Patient p = new Patient();
        p.addIdentifier().setSystem("urn:oid:1.2.250.1.999.7").setValue("IPP-77");
        p.addIdentifier(PatientIds.identifier(DUPONT));
        assertEquals(DUPONT, PatientIds.fromReference(new Reference("urn:uuid:1"), ref -> p));
        Reference attached = new Reference("#p");
        attached.setResource(p);
        assertEquals(DUPONT, PatientIds.fromReference(attached, null));
    }

    @Test
    void otherReferencesAreRefusedWithWhatIsAccepted() {
        String notDmp = refusals(() -> PatientIds.fromReference(new Reference("Patient/ex-patient"), null)).get(0);
        assertTrue(notDmp.startsWith("DocumentReference.subject: Patient/ex-patient is not a DMP patient; expected a reference "
                + "Patient/<INS>-<authority OID>"), notDmp);
        Patient noIns = new Patient();
        noIns.setId("a2");
        assertEquals("DocumentReference.subject: the Patient a2 has no INS identifier (system urn:oid:1.2.250.1.213.1.4.8, "
                + ".9, .10 or .11)", refusals(() -> PatientIds.fromReference(new Reference("urn:uuid:2"), r -> noIns)).get(0));
        assertEquals("DocumentReference.subject: urn:uuid:3 is a Practitioner, not a Patient",
                refusals(() -> PatientIds.fromReference(new Reference("urn:uuid:3"), r -> new Practitioner())).get(0));
        assertTrue(refusals(() -> PatientIds.fromReference(null, null)).get(0)
                .startsWith("DocumentReference.subject: the patient is missing; expected"));
    }
}
