package org.dmpgateway.mappings.fhir.profile;

import ca.uhn.fhir.context.FhirContext;
import org.dmpgateway.model.PatientRef;
import org.dmpgateway.model.profile.ContactRole;
import org.dmpgateway.model.profile.MeasureKind;
import org.dmpgateway.model.profile.ProfileEntry;
import org.dmpgateway.model.profile.ProfileSection;
import org.hl7.fhir.r4.model.Observation;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ProfileResourcesTest {
    static final PatientRef PATIENT = new PatientRef("279035121518989", "1.2.250.1.213.1.4.10");
    static final Instant AT = Instant.parse("2026-11-30T09:00:00Z");
    static final ProfileResources CODEC = new ProfileResources(FhirContext.forR4Cached());

    static ProfileEntry entry(ProfileSection section, String name, String detail, Integer year, LocalDate date,
                              ContactRole role, MeasureKind kind, String value, String value2) {
        return new ProfileEntry("id-" + section.name().toLowerCase(), section, name, detail, year, date, "Un commentaire",
                role, kind, value == null ? null : new BigDecimal(value), value2 == null ? null : new BigDecimal(value2),
                "patient", AT);
    }

    @Test
    void everySectionRoundTripsThroughItsResource() {
        List<ProfileEntry> entries = List.of(
                entry(ProfileSection.ILLNESS, "Asthme", null, 2010, null, null, null, null, null),
                entry(ProfileSection.TREATMENT, "Ventoline", "2 bouffées", 2012, null, null, null, null, null),
                entry(ProfileSection.ALLERGY, "Pollen", null, 2001, null, null, null, null, null),
                entry(ProfileSection.VACCINATION, "DTP", "LOT-42", null, LocalDate.of(2020, 5, 4), null, null, null,
                        null),
                entry(ProfileSection.CARE_HISTORY, "Appendicectomie", null, 1998, null, null, null, null, null),
                entry(ProfileSection.CONTACT, "Marie Martin", "0612345678", null, null, ContactRole.TRUSTED_PERSON,
                        null, null, null),
                entry(ProfileSection.MEASUREMENT, "Poids", null, null, LocalDate.of(2026, 11, 1), null,
                        MeasureKind.WEIGHT, "70.5", null),
                entry(ProfileSection.MEASUREMENT, "Tension artérielle", null, null, LocalDate.of(2026, 11, 1), null,
                        MeasureKind.BLOOD_PRESSURE, "120", "80"));
        for (ProfileEntry e : entries) {
            String json = CODEC.toResource(e, PATIENT);
            assertTrue(json.contains("\"resourceType\":\"" + e.section().resourceType() + "\""), json);
            ProfileEntry back = CODEC.fromResource(json);
            assertEquals(e, back, json);
        }
        ProfileEntry wish = new ProfileEntry("w", ProfileSection.WISH, "Don d'organes", null, null, null,
                "J'accepte le don de mes organes.", null, null, null, null, "patient", AT);
        assertEquals(wish, CODEC.fromResource(CODEC.toResource(wish, PATIENT)));
    }

    @Test
    void measurementsFollowTheAnsProfiles() {
        Observation o = (Observation) ProfileResources.toFhir(entry(ProfileSection.MEASUREMENT, "Poids", null, null,
                LocalDate.of(2026, 11, 1), null, MeasureKind.WEIGHT, "70.5", null), PATIENT);
        assertEquals("https://interop.esante.gouv.fr/ig/fhir/mesures/StructureDefinition/mesures-fr-observation-body-weight",
                o.getMeta().getProfile().get(0).getValue());
        assertEquals("29463-7", o.getCode().getCodingFirstRep().getCode());
        assertEquals("kg", o.getValueQuantity().getCode());
        assertEquals("http://unitsofmeasure.org", o.getValueQuantity().getSystem());
        assertEquals("vital-signs", o.getCategoryFirstRep().getCodingFirstRep().getCode());
        Observation bp = (Observation) ProfileResources.toFhir(entry(ProfileSection.MEASUREMENT, "Tension", null, null,
                LocalDate.of(2026, 11, 1), null, MeasureKind.BLOOD_PRESSURE, "120", "80"), PATIENT);
        assertEquals(MeasureKind.SYSTOLIC, bp.getComponent().get(0).getCode().getCodingFirstRep().getCode());
        assertEquals("mm[Hg]", bp.getComponent().get(1).getValueQuantity().getCode());
    }
}
