package org.dmpgateway.identity;

import org.dmpgateway.model.access.AccessContext;
import org.dmpgateway.model.access.CallerSoftware;
import org.dmpgateway.model.access.AccessMode;
import org.dmpgateway.model.error.DmpErrorCode;
import org.dmpgateway.model.error.DmpException;
import org.dmpgateway.model.CodedValue;
import org.dmpgateway.model.PatientRef;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

import org.xml.sax.InputSource;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.dmpgateway.identity.VihfFixture.attribute;
import static org.dmpgateway.identity.VihfFixture.without;
import static org.junit.jupiter.api.Assertions.*;

/**
 * The four official VIHF 3.0 example tokens of the DMP ("DMP_LPS_Exemple de messages" v02.05.00,
 * folder Exemples_Jeton_VIHF, copied in reference-examples/dmp-official/, source in its README) are
 * read as they are, and the mandatory attributes of each authentication mode are enforced on them.
 * Their signatures were made with the test PKI of GIE SESAM-Vitale, whose certificates are not
 * trusted here: they are read with signatures not required (the sandbox setting). The two DIRECTE
 * files mix encodings (UTF-8, but "Accès" of the PurposeOfUse displayName in ISO-8859-1): they are
 * decoded as UTF-8 with that one byte replaced, as an XML parser would refuse them otherwise; the
 * tokens inside the official SOAP requests are proper UTF-8.
 */
class OfficialVihfTokensTest {
    static final Path TOKENS = Path.of("../reference-examples/dmp-official/Exemples_Jeton_VIHF/");

    private final VihfReader reader = VihfReader.unsigned();

    static Document token(String file) {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newDefaultInstance();
            f.setNamespaceAware(true);
            String xml = new String(Files.readAllBytes(TOKENS.resolve(file)), StandardCharsets.UTF_8);
            return f.newDocumentBuilder().parse(new InputSource(new StringReader(xml)));
        } catch (Exception e) {
            throw new IllegalStateException("cannot read the official token " + file, e);
        }
    }

    @ParameterizedTest
    @CsvSource({
            "VIHF_DIRECTE_non_signe.xml, 499900063480001, ",
            "VIHF_DIRECTE_signe.xml, 499900063480001, ",
            "VIHF_INDIRECTE_signe.xml, 339172288100052, MAX LIBRE",
            "VIHF_INDIRECTE_RENFORCEE_signe.xml, 10B0127189, MAX LIBRE"})
    void eachOfficialTokenIsReadAsItIs(String file, String structure, String name) {
        AccessContext c = reader.read(token(file).getDocumentElement());

        assertEquals("899900063480", c.actorId());
        assertEquals(name, c.actorName());
        assertEquals("10", c.professionCode());
        assertEquals("1.2.250.1.71.1.2.7", c.profession().codeSystem());
        assertEquals("SM26", c.specialtyCode());
        assertEquals(structure, c.structureId());
        assertEquals("SA07^1.2.250.1.71.4.2.4", c.activitySector());
        assertEquals(new PatientRef("207058575627097", "1.2.250.1.213.1.4.10"), c.patient());
        assertEquals(AccessMode.NORMAL, c.mode());
        assertEquals(new CallerSoftware("LPS GIE-SV 1", "01.01.01.01", "NumAutorisation"), c.software(),
                "the software, its LPS_ID and its DMP homologation number are kept with the identity");
        assertEquals("LPS GIE-SV 1 (LPS_ID 01.01.01.01, LPS_ID_HOMOLOGATION_DMP NumAutorisation)",
                c.software().toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"VIHF_INDIRECTE_signe.xml", "VIHF_INDIRECTE_RENFORCEE_signe.xml"})
    void theIndirectModesNeedTheSubjectId(String file) {
        DmpException e = assertThrows(DmpException.class,
                () -> reader.read(without(token(file), VihfNames.SUBJECT_ID).getDocumentElement()));
        assertEquals(DmpErrorCode.IDENTITY_INVALID, e.code());
        assertTrue(e.getMessage().contains(VihfNames.SUBJECT_ID), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {VihfNames.ROLE, VihfNames.STRUCTURE_ID, VihfNames.ACTIVITY_SECTOR, VihfNames.RESOURCE_ID,
            VihfNames.RESOURCE_URN, VihfNames.PURPOSE_OF_USE, VihfNames.VIHF_VERSION, VihfNames.AUTHENTICATION_MODE})
    void theDirectModeStillNeedsEveryOtherMandatoryAttribute(String name) {
        DmpException e = assertThrows(DmpException.class,
                () -> reader.read(without(token("VIHF_DIRECTE_non_signe.xml"), name).getDocumentElement()));
        assertEquals(DmpErrorCode.IDENTITY_INVALID, e.code());
        assertTrue(e.getMessage().contains(name), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {VihfNames.SOFTWARE_ID, VihfNames.SOFTWARE_NAME, VihfNames.SOFTWARE_VERSION,
            VihfNames.SOFTWARE_HOMOLOGATION})
    void theSoftwareIdentificationIsOptional(String name) {
        assertNotNull(reader.read(without(token("VIHF_DIRECTE_non_signe.xml"), name).getDocumentElement()).software());
    }

    @Test
    void theAuthenticationModeIsSpelledAsInTheOfficialTokens() {
        Document d = token("VIHF_DIRECTE_non_signe.xml");
        attribute(d, VihfNames.AUTHENTICATION_MODE).setAttribute("Name", "Authentification_Mode");
        DmpException e = assertThrows(DmpException.class, () -> reader.read(d.getDocumentElement()));
        assertEquals(DmpErrorCode.IDENTITY_INVALID, e.code());
        assertTrue(e.getMessage().contains("Authentification_mode (lower-case m)"), e.getMessage());
    }

    @ParameterizedTest
    @CsvSource({"Authentification_mode, AIR", "Authentification_mode, directe", "VIHF_Version, 2.0",
            "Ressource_URN, urn:dmp2"})
    void anUnknownValueIsRefusedAndNamed(String name, String value) {
        Document d = token("VIHF_DIRECTE_non_signe.xml");
        Element v = VihfFixture.firstValue(d, name);
        v.setTextContent(value);
        DmpException e = assertThrows(DmpException.class, () -> reader.read(d.getDocumentElement()));
        assertEquals(DmpErrorCode.IDENTITY_INVALID, e.code());
        assertTrue(e.getMessage().contains(name) && e.getMessage().contains(value), e.getMessage());
    }

    @Test
    void theRolesOfTheOfficialTokensAreTheProfessionThenTheSpecialty() {
        AccessContext c = reader.read(token("VIHF_INDIRECTE_RENFORCEE_signe.xml").getDocumentElement());
        assertEquals(new CodedValue("10", "1.2.250.1.71.1.2.7", "Médecin"), c.profession());
        assertEquals(new CodedValue("SM26", "1.2.250.1.71.4.2.5", "Qualifié en Médecine Générale (SM)"), c.specialty());
    }
}
