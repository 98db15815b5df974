package org.dmpgateway.admin;

import org.dmpgateway.model.error.DmpErrorCode;
import org.dmpgateway.model.error.DmpException;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The values of the habilitations and patientsSpecific services as the official examples write them. */
class DmpWireValuesTest {

    @Test
    void timesAreWrittenInTheDmpsTimeZone() {
        assertEquals("20210601135804", DmpWireValues.time(Instant.parse("2021-06-01T11:58:04Z")));
        assertNull(DmpWireValues.time(null));
    }

    @Test
    void aStartDateIsReadInTheOfficialAndTheKitsForms() {
        // official TD0.4: yyyyMMddHHmmss; the ANS kit: ddMMyyyy
        assertEquals(Instant.parse("2010-10-10T18:20:10Z"), DmpWireValues.parseTime("20101010202010", "startDate"));
        assertEquals(Instant.parse("2017-12-31T23:00:00Z"), DmpWireValues.parseTime("01012018", "startDate"));
        assertEquals(Instant.parse("2017-12-31T23:00:00Z"), DmpWireValues.parseTime("20180101", "startDate"));
        assertNull(DmpWireValues.parseTime(" ", "startDate"));
    }

    @Test
    void aBadStartDateIsRefusedNamingTheField() {
        DmpException e = assertThrows(DmpException.class, () -> DmpWireValues.parseTime("2010-10-10", "startDate"));
        assertEquals(DmpErrorCode.METADATA_ERROR, e.code());
        assertTrue(e.getMessage().contains("startDate"), e.getMessage());
    }

    @Test
    void aProfessionalsNameIsSplitInLastAndFirstName() {
        assertArrayEquals(new String[] {"LIBRE", "MAX"}, DmpWireValues.lastAndFirstName("LIBRE MAX"));
        assertArrayEquals(new String[] {"DE LA FONTAINE", "Jean Pierre"},
                DmpWireValues.lastAndFirstName("DE LA FONTAINE, Jean Pierre"));
        assertArrayEquals(new String[] {"LIBRE", null}, DmpWireValues.lastAndFirstName("LIBRE"));
        assertArrayEquals(new String[] {null, null}, DmpWireValues.lastAndFirstName(null));
    }
}
