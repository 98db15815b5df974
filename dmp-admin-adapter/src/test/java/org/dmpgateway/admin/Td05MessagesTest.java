package org.dmpgateway.admin;

import jakarta.xml.bind.JAXBContext;
import org.dmpgateway.admin.pdq.hl7v3.PRPAIN201305UV02;
import org.dmpgateway.admin.pdq.hl7v3.IVLTS;
import org.dmpgateway.admin.pdq.hl7v3.PRPAIN201306UV02;
import org.dmpgateway.admin.pdq.hl7v3.PRPAMT201306UV02LivingSubjectBirthTime;
import org.dmpgateway.model.PatientRecord;
import org.dmpgateway.model.PatientRecordState;
import org.dmpgateway.model.PatientRef;
import org.dmpgateway.model.PatientSettings;
import org.dmpgateway.model.access.PatientMatch;
import org.dmpgateway.model.access.PatientSearch;
import org.dmpgateway.model.error.DmpErrorCode;
import org.dmpgateway.model.error.DmpException;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Node;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.StringWriter;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import static org.dmpgateway.admin.Td13MessagesTest.OFFICIAL;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The official TD0.5 request ("DMP_LPS_Exemple de messages" v02.05.00, copied in
 * reference-examples/dmp-official/ with their source) read into what the core is asked, and the
 * answer written with the NE2008 classes.
 */
class Td05MessagesTest {

    @Test
    void theOfficialRequestSearchesByTheFamilyNameAlone() throws Exception {
        assertEquals(new PatientSearch("DECHAINE", null, null, null), Td05Messages.search(read()));
    }

    @Test
    void anUnreadableBirthDateIsRefusedNamingTheElement() throws Exception {
        PRPAIN201305UV02 request = read();
        PRPAMT201306UV02LivingSubjectBirthTime birth = new PRPAMT201306UV02LivingSubjectBirthTime();
        IVLTS value = new IVLTS();
        value.setValue("28/06/1957");
        birth.getValue().add(value);
        request.getControlActProcess().getQueryByParameter().getValue().getParameterList().getLivingSubjectBirthTime().add(birth);

        DmpException e = assertThrows(DmpException.class, () -> Td05Messages.search(request));
        assertEquals(DmpErrorCode.METADATA_ERROR, e.code());
        assertTrue(e.getMessage().contains("livingSubjectBirthTime"), e.getMessage());
    }

    @Test
    void theAnswerWritesTheNe2008AcknowledgementAndBothFamilyNames() throws Exception {
        PatientRecord irene = new PatientRecord(new PatientRef("157069329642881", "1.2.250.1.213.1.4.10"), "ENCHAINE",
                "IRENE", LocalDate.of(1957, 6, 28), "F", PatientRecordState.ACTIVATED, PatientSettings.DEFAULTS, null, null,
                "DECHAINE");

        PRPAIN201306UV02 answer = new Td05Messages(Clock.systemUTC()).found(read(), List.of(new PatientMatch(irene, 100)));

        StringWriter xml = new StringWriter();
        JAXBContext.newInstance(PRPAIN201306UV02.class).createMarshaller().marshal(answer, xml);
        String written = xml.toString();
        assertTrue(written.contains("<typeCode code=\"AA\"/>"), written);
        assertTrue(written.matches("(?s).*<family qualifier=\"SP\">ENCHAINE</family><family qualifier=\"BR\">DECHAINE</family>.*"),
                written);
        assertTrue(written.contains("<queryResponseCode code=\"OK\"/>"), written);
    }

    static PRPAIN201305UV02 read() throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newDefaultInstance();
        f.setNamespaceAware(true);
        Document soap = f.newDocumentBuilder().parse(OFFICIAL.resolve("TD0.5_-_Recherche_d_un_patient_sans_INS_requ_te.xml")
                .toFile());
        Node message = soap.getElementsByTagNameNS("urn:hl7-org:v3", "PRPA_IN201305UV02").item(0);
        return JAXBContext.newInstance(PRPAIN201305UV02.class).createUnmarshaller()
                .unmarshal(message, PRPAIN201305UV02.class).getValue();
    }
}
