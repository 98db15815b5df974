package org.dmpgateway.admin;

import jakarta.xml.bind.JAXBContext;
import org.dmpgateway.admin.hl7v3.PRPAIN201314UV02;
import org.dmpgateway.model.PatientRef;
import org.dmpgateway.model.access.RecordRevision;
import org.dmpgateway.model.error.DmpException;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Node;

import javax.xml.parsers.DocumentBuilderFactory;
import java.nio.file.Path;
import java.time.LocalDate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The official TD1.3b and TD1.4 requests ("DMP_LPS_Exemple de messages" v02.05.00, copied in
 * reference-examples/dmp-official/ with their source) read into what the core is asked.
 */
class Td13MessagesTest {
    static final Path OFFICIAL = Path.of("../reference-examples/dmp-official/");

    @Test
    void theOfficialTd13bRequestAsksForTheNewAdministrativeData() throws Exception {
        PRPAIN201314UV02 request = read("TD1.3b_-_Modification_requ_te.xml");

        RecordRevision revision = Td13Messages.revision(request);

        assertEquals(new RecordRevision(false, "patb-quatre", "LAURENCE", LocalDate.of(1979, 3, 28), "F", true, true, null),
                revision);
        assertEquals(new PatientRef("207058575627097", "1.2.250.1.213.1.4.10"), Td13Messages.requestedPatient(request));
    }

    @Test
    void theOfficialTd14RequestAsksForTheClosureWithItsReason() throws Exception {
        PRPAIN201314UV02 request = read("TD1.4_-_Fermer_requ_te.xml");

        assertEquals(RecordRevision.close("FERMETURE_DEMANDE_PATIENT"), Td13Messages.revision(request));
    }

    @Test
    void anotherReasonIsRefusedNamingTheElement() throws Exception {
        PRPAIN201314UV02 request = read("TD1.4_-_Fermer_requ_te.xml");
        request.getControlActProcess().getReasonCode().get(0).setCode("REAC");

        DmpException e = assertThrows(DmpException.class, () -> Td13Messages.revision(request));
        assertTrue(e.getMessage().contains("reasonCode"), e.getMessage());
    }

    static PRPAIN201314UV02 read(String file) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newDefaultInstance();
        f.setNamespaceAware(true);
        Document soap = f.newDocumentBuilder().parse(OFFICIAL.resolve(file).toFile());
        Node message = soap.getElementsByTagNameNS("urn:hl7-org:v3", "PRPA_IN201314UV02").item(0);
        return JAXBContext.newInstance(PRPAIN201314UV02.class).createUnmarshaller()
                .unmarshal(message, PRPAIN201314UV02.class).getValue();
    }
}
