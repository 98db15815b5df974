package org.dmpgateway.repository;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** HL7 DTM values read as the first instant they cover. */
class Hl7InstantsTest {
    @Test
    void everyPrecisionIsItsFirstInstant() {
        assertEquals(at("2024-01-01T00:00:00Z"), Hl7Instants.toEpochMillis("2024"));
        assertEquals(at("2024-11-01T00:00:00Z"), Hl7Instants.toEpochMillis("202411"));
        assertEquals(at("2024-11-05T00:00:00Z"), Hl7Instants.toEpochMillis("20241105"));
        assertEquals(at("2024-11-05T09:00:00Z"), Hl7Instants.toEpochMillis("2024110509"));
        assertEquals(at("2024-11-05T09:30:00Z"), Hl7Instants.toEpochMillis("202411050930"));
        assertEquals(at("2024-11-05T09:30:15Z"), Hl7Instants.toEpochMillis("20241105093015"));
        assertEquals(at("2024-11-05T09:30:15.120Z"), Hl7Instants.toEpochMillis("20241105093015.12"));
        assertEquals(at("2024-11-05T09:30:15.123Z"), Hl7Instants.toEpochMillis("20241105093015.1234"));
    }

    @Test
    void anOffsetIsHonouredAndNoOffsetIsUtc() {
        assertEquals(at("2024-11-05T08:30:00Z"), Hl7Instants.toEpochMillis("202411050930+0100"));
        assertEquals(at("2024-11-05T14:00:00Z"), Hl7Instants.toEpochMillis("20241105093000-0430"));
        assertEquals(at("2024-11-04T23:00:00Z"), Hl7Instants.toEpochMillis("20241105+0100"));
        assertEquals(at("2024-11-05T00:00:00Z"), Hl7Instants.toEpochMillis("20241105+0000"));
    }

    @Test
    void blankIsNullAndMalformedIsRefused() {
        assertNull(Hl7Instants.toEpochMillis(null));
        assertNull(Hl7Instants.toEpochMillis(" "));
        for (String bad : new String[]{"24", "2024-11-05", "20241305", "20240230", "2024110525", "202411050960",
                "20241105.5", "20241105093015.12345", "20241105+1", "20241105+2500", "2024110509301500", "now"}) {
            assertThrows(IllegalArgumentException.class, () -> Hl7Instants.toEpochMillis(bad), bad);
        }
    }

    private static Long at(String iso) {
        return Instant.parse(iso).toEpochMilli();
    }
}
