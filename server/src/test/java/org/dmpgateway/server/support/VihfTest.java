package org.dmpgateway.server.support;

import org.dmpgateway.config.DmpProperties;
import org.dmpgateway.model.access.AccessContext;
import org.dmpgateway.model.access.AccessMode;
import org.dmpgateway.model.error.DmpErrorCode;
import org.dmpgateway.model.error.DmpException;
import org.dmpgateway.model.CodedValue;
import org.dmpgateway.model.PatientRef;
import org.dmpgateway.identity.VihfReader;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.DefaultResourceLoader;

import static org.dmpgateway.server.support.SampleSubmissions.*;
import static org.junit.jupiter.api.Assertions.*;

/** The test-side VIHF builder renders what the gateway's VihfReader reads, signed or not. */
class VihfTest {
    static VihfReader signedOnly() {
        return VihfReader.configured(new DmpProperties.Vihf(true, TestKeys.TRUST_STORE, TestKeys.PASSWORD, "PKCS12"),
                new DefaultResourceLoader());
    }

    @Test
    void drDurantIsReadAsGiven() {
        AccessContext c = VihfReader.unsigned().read(Vihf.doctor(PATIENT_ACTIVATED).toElement());
        assertEquals("810002345678", c.actorId());
        assertEquals("DURANT, Romuald", c.actorName());
        assertEquals(new CodedValue("10", "1.2.250.1.71.1.2.7", "Médecin"), c.profession());
        assertEquals("SM54", c.specialtyCode());
        assertEquals("1750100125", c.structureId());
        assertEquals("SA07^1.2.250.1.71.4.2.4", c.activitySector());
        assertEquals(new PatientRef(PATIENT_ACTIVATED, INS_OID), c.patient());
        assertEquals(AccessMode.NORMAL, c.mode());
        assertNull(c.justification());
    }

    @Test
    void theHelpersChangeOneThingEach() {
        Vihf v = Vihf.doctor(PATIENT_ACTIVATED).withMode(AccessMode.BREAK_GLASS).withJustification("urgence vitale")
                .forPatient(PATIENT_OTHER).as("899700366240", "INFIRMIER, Jean", Vihf.INFIRMIER, null);
        AccessContext c = VihfReader.unsigned().readBase64(v.authorizationHeader().substring("IHE-SAML ".length()));
        assertEquals(AccessMode.BREAK_GLASS, c.mode());
        assertEquals("urgence vitale", c.justification());
        assertEquals(PATIENT_OTHER, c.patient().id());
        assertEquals("899700366240", c.actorId());
        assertEquals("60", c.professionCode());
        assertNull(c.specialty());
    }

    @Test
    void aSignedVihfIsValidAsBuiltAndAfterSerialisation() {
        TestKeys structure = TestKeys.structure();
        VihfReader reader = signedOnly();
        Vihf vihf = Vihf.doctor(PATIENT_ACTIVATED);
        assertEquals("810002345678", reader.read(vihf.signedWith(structure.key(), structure.certificate())).actorId());
        String header = Vihf.authorizationHeader(vihf.signedWith(structure.key(), structure.certificate()));
        assertEquals("810002345678", reader.readBase64(header.substring("IHE-SAML ".length())).actorId());
    }

    @Test
    void anUntrustedSignatureIsRefused() {
        TestKeys intruder = TestKeys.intruder();
        DmpException e = assertThrows(DmpException.class, () -> signedOnly().read(
                Vihf.doctor(PATIENT_ACTIVATED).signedWith(intruder.key(), intruder.certificate())));
        assertEquals(DmpErrorCode.IDENTITY_UNTRUSTED, e.code());
    }
}
