package org.dmpgateway.mappings.fhir.common;

import org.dmpgateway.model.error.DmpException;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.InstantType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

class FhirDatesTest {

    @ParameterizedTest
    @CsvSource({
            "2026, 2026",
            "2026-06, 202606",
            "2026-06-12, 20260612",
            "2026-06-12T10:00:00+02:00, 20260612080000",
            "2026-06-12T23:30:15-05:00, 20260613043015",
            "2026-06-12T10:00:00.250Z, 20260612100000"})
    void fhirToDtmInUtcKeepingThePrecision(String fhir, String dtm) {
        assertEquals(dtm, FhirDates.toHl7(new DateTimeType(fhir)));
    }

    @Test
    void datesAndInstantsToo() {
        assertEquals("19790305", FhirDates.toHl7(new DateType("1979-03-05")));
        assertEquals("20260612080000", FhirDates.toHl7(new InstantType("2026-06-12T10:00:00+02:00")));
        assertNull(FhirDates.toHl7(null));
    }

    @ParameterizedTest
    @CsvSource({
            "2026, 2026",
            "202606, 2026-06",
            "20260612, 2026-06-12",
            "20260612083000, 2026-06-12T08:30:00Z",
            "202606120830, 2026-06-12T08:30:00Z",
            "2026061208, 2026-06-12T08:00:00Z"})
    void dtmToFhir(String dtm, String fhir) {
        assertEquals(fhir, FhirDates.toDateTime(dtm, "creationTime").getValueAsString());
    }

    @Test
    void roundTripKeepsYearMonthDayAndSecond() {
        for (String dtm : new String[]{"2026", "202606", "20260612", "20260612083015"}) {
            assertEquals(dtm, FhirDates.toHl7(FhirDates.toDateTime(dtm, "t")));
        }
    }

    @Test
    void instantOfADateIsItsMidnightUtc() {
        assertEquals("2026-06-12T00:00:00Z", FhirDates.toInstant("20260612", "t").getValueAsString());
    }

    @Test
    void malformedDtmIsRefusedNamingTheField() {
        DmpException e = assertThrows(DmpException.class, () -> FhirDates.toDateTime("2026-06-12", "serviceStartTime"));
        assertEquals("serviceStartTime: '2026-06-12' is not an HL7 time YYYY[MM[DD[HH[MM[SS]]]]]", e.errors().get(0).message());
        assertThrows(DmpException.class, () -> FhirDates.toDateTime("20261340", "t"));
    }
}
