package org.dmpgateway.core.messaging;

import org.dmpgateway.config.DmpProperties;
import org.dmpgateway.model.messaging.MailRefusal;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The secure messaging's addresses: the patient's matricule (INS rule) and the senders' trust list. */
class MessagingAddressesTest {
    static DmpProperties.Messaging settings(List<String> trusted) {
        return new DmpProperties.Messaging(true, "patient.mssante.fr", trusted, "mailer-daemon@patient.mssante.fr",
                DataSize.ofMegabytes(25), 80, DataSize.ofMegabytes(10), "<>", new DmpProperties.MessagingSmtp(0, "",
                "localhost", true, "", "", "PKCS12", Duration.ofSeconds(60), 50));
    }

    private final MessagingAddresses addresses = new MessagingAddresses(settings(List.of("*.mssante.fr",
            "clinique.example")));

    @Test
    void aPatientAddressIsTheMatriculeWithAValidKeyAtThePatientsDomain() {
        // ANS examples (field-research.md section 2)
        assertEquals("279035121518989", addresses.matricule("279035121518989@patient.mssante.fr"));
        assertEquals("146026322000196", addresses.matricule("146026322000196@PATIENT.MSSANTE.FR"));
        assertEquals("186022A12345633", addresses.matricule("186022a12345633@patient.mssante.fr"));
    }

    @Test
    void aMalformedMatriculeOrAnotherDomainIsRefusedNamingTheRule() {
        MailRefusal key = assertThrows(MailRefusal.class, () -> addresses.matricule("279035121518988@patient.mssante.fr"));
        assertEquals(MailRefusal.Reason.BAD_RECIPIENT, key.reason());
        assertTrue(key.getMessage().contains("INS key is 88, expected 89"), key.getMessage());
        assertTrue(assertThrows(MailRefusal.class, () -> addresses.matricule("2790351215189@patient.mssante.fr"))
                .getMessage().contains("15 characters"));
        assertTrue(assertThrows(MailRefusal.class, () -> addresses.matricule("27903512151898A@patient.mssante.fr"))
                .getMessage().contains("15 digits"));
        assertTrue(assertThrows(MailRefusal.class, () -> addresses.matricule("279035121518989@mssante.fr"))
                .getMessage().contains("not a patient mailbox"));
    }

    @Test
    void onlyMailboxesOfTrustedDomainsMayWrite() {
        addresses.checkSender("dr.durant@hopital.mssante.fr");
        addresses.checkSender("secretariat@clinique.example");
        for (String sender : List.of("someone@gmail.com", "x@mssante.fr.evil.com", "x@sub.clinique.example", "",
                "no-domain")) {
            MailRefusal refusal = assertThrows(MailRefusal.class, () -> addresses.checkSender(sender), sender);
            assertEquals(MailRefusal.Reason.UNTRUSTED_SENDER, refusal.reason());
        }
        MessagingAddresses nobody = new MessagingAddresses(settings(List.of()));
        assertThrows(MailRefusal.class, () -> nobody.checkSender("dr.durant@hopital.mssante.fr"));
    }
}
