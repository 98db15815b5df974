package org.dmpgateway.model.query;

import org.dmpgateway.model.PatientRef;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class DocumentCriteriaTest {

    @Test
    void offsetAndLimitTravelThroughTheBuilderAndToBuilder() {
        DocumentCriteria c = DocumentCriteria.builder().patient(new PatientRef("279035121518989", "1.2.250.1.213.1.4.10"))
                .uniqueIds(List.of("2.25.1")).offset(20).limit(10).build();
        assertEquals(20, c.offset());
        assertEquals(10, c.limit());
        assertEquals(c, c.toBuilder().build());
        DocumentCriteria next = c.toBuilder().offset(30).build();
        assertEquals(30, next.offset());
        assertEquals(c.limit(), next.limit());
        assertEquals(c.uniqueIds(), next.uniqueIds());
        assertNull(DocumentCriteria.builder().build().offset(), "no offset by default (0)");
    }
}
