package org.dmpgateway.identity;

import org.dmpgateway.model.access.AccessContext;
import org.dmpgateway.model.access.CallerSoftware;
import org.dmpgateway.model.access.AccessMode;
import org.dmpgateway.model.error.DmpErrorCode;
import org.dmpgateway.model.error.DmpException;
import org.dmpgateway.model.CodedValue;
import org.dmpgateway.model.PatientRef;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

import static org.dmpgateway.identity.VihfFixture.*;
import static org.junit.jupiter.api.Assertions.*;

/** Reading a VIHF into an AccessContext, signatures not required (the sandbox setting). */
class VihfReaderTest {
    private final VihfReader reader = VihfReader.unsigned();

    static DmpException refused(DmpErrorCode expected, Executable call) {
        DmpException e = assertThrows(DmpException.class, call);
        assertEquals(expected, e.code(), e::getMessage);
        return e;
    }

    // ------------------------------------------------------------------ every attribute

    @Test
    void readsEveryAttribute() {
        AccessContext c = reader.read(assertion(durant()));

        assertEquals("810002345678", c.actorId());
        assertEquals("DURANT, Romuald", c.actorName());
        assertEquals(new CodedValue("10", "1.2.250.1.71.1.2.7", "Médecin"), c.profession());
        assertEquals(new CodedValue("SM54", "1.2.250.1.71.4.2.5", "Médecine générale (SM)"), c.specialty());
        assertEquals("1750100125", c.structureId());
        assertEquals("SA07^1.2.250.1.71.4.2.4", c.activitySector());
        assertEquals(new PatientRef("279035121518989", "1.2.250.1.213.1.4.10"), c.patient());
        assertEquals(AccessMode.NORMAL, c.mode());
        assertEquals("Patient inconscient aux urgences", c.justification());
        assertEquals(CallerSoftware.named("MEDILOG 4.2.1"), c.software());
    }

    @Test
    void optionalAttributesMayBeAbsent() {
        Document d = durant();
        Element role = attribute(d, VihfNames.ROLE);
        role.removeChild(elementChildren(role, "AttributeValue").get(1));
        for (String name : new String[]{VihfNames.ACCESS_REASON, VihfNames.SOFTWARE_NAME, VihfNames.SOFTWARE_VERSION}) {
            without(d, name);
        }
        AccessContext c = reader.read(assertion(d));

        assertEquals("10", c.professionCode());
        assertNull(c.specialty());
        assertNull(c.justification());
        assertNull(c.software());
    }

    @Test
    void softwareIsWhicheverOfNameAndVersionIsGiven() {
        assertEquals("MEDILOG", reader.read(assertion(without(durant(), VihfNames.SOFTWARE_VERSION))).software().name());
        assertEquals("4.2.1", reader.read(assertion(without(durant(), VihfNames.SOFTWARE_NAME))).software().name());
    }

    @ParameterizedTest
    @CsvSource({"normal, NORMAL", "bris_de_glace, BREAK_GLASS", "centre_15, SAMU_REGULATION"})
    void eachAccessModeIsRead(String code, AccessMode expected) {
        assertEquals(expected, reader.read(assertion(withPurpose(durant(), code))).mode());
    }

    @Test
    void theInsKeyIsNotCheckedHere() {
        Document d = withText(durant(), VihfNames.RESOURCE_ID, "123456789012345^^^&1.2.250.1.213.1.4.10&ISO^NH");
        assertEquals("123456789012345", reader.read(assertion(d)).patient().id(), "the core checks the INS key");
    }

    @Test
    void aCxWithoutItsIdentifierTypeIsAccepted() {
        Document d = withText(durant(), VihfNames.RESOURCE_ID, "279035121518989^^^&1.2.250.1.213.1.4.10&ISO");
        assertEquals(new PatientRef("279035121518989", "1.2.250.1.213.1.4.10"), reader.read(assertion(d)).patient());
    }

    // ------------------------------------------------------------------ missing or malformed

    @ParameterizedTest
    @ValueSource(strings = {VihfNames.SUBJECT_ID, VihfNames.ROLE, VihfNames.STRUCTURE_ID, VihfNames.RESOURCE_ID,
            VihfNames.PURPOSE_OF_USE, VihfNames.ACTIVITY_SECTOR, VihfNames.VIHF_VERSION, VihfNames.AUTHENTICATION_MODE,
            VihfNames.RESOURCE_URN})
    void eachMissingMandatoryAttributeIsNamed(String name) {
        DmpException e = refused(DmpErrorCode.IDENTITY_INVALID, () -> reader.read(assertion(without(durant(), name))));
        assertTrue(e.errors().get(0).message().contains(name), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {VihfNames.SUBJECT_ID, VihfNames.STRUCTURE_ID, VihfNames.RESOURCE_ID,
            VihfNames.ACTIVITY_SECTOR, VihfNames.AUTHENTICATION_MODE})
    void anEmptyMandatoryAttributeIsNamed(String name) {
        DmpException e = refused(DmpErrorCode.IDENTITY_INVALID, () -> reader.read(assertion(withText(durant(), name, "  "))));
        assertTrue(e.getMessage().contains(name + " is empty"), e.getMessage());
    }

    @Test
    void aMissingNameIdIsNamed() {
        Document d = durant();
        Element nameId = (Element) d.getElementsByTagNameNS(VihfNames.SAML2_NS, "NameID").item(0);
        nameId.getParentNode().removeChild(nameId);
        DmpException e = refused(DmpErrorCode.IDENTITY_INVALID, () -> reader.read(assertion(d)));
        assertTrue(e.getMessage().contains("Subject/NameID"), e.getMessage());
    }

    @Test
    void anUnknownPurposeOfUseListsTheAllowedCodes() {
        DmpException e = refused(DmpErrorCode.IDENTITY_INVALID, () -> reader.read(assertion(withPurpose(durant(), "urgence"))));
        assertTrue(e.getMessage().contains(VihfNames.PURPOSE_OF_USE), e.getMessage());
        assertTrue(e.getMessage().contains("'urgence'"), e.getMessage());
        assertTrue(e.getMessage().contains("normal, bris_de_glace, centre_15"), e.getMessage());
    }

    @Test
    void aPurposeOfUseOfAnotherCodeSystemIsRefused() {
        Document d = withCoded(durant(), VihfNames.PURPOSE_OF_USE, "codeSystem", "2.16.840.1.113883.1.11.20448");
        DmpException e = refused(DmpErrorCode.IDENTITY_INVALID, () -> reader.read(assertion(d)));
        assertTrue(e.getMessage().contains("1.2.250.1.213.1.1.4.248"), e.getMessage());
    }

    @Test
    void aPurposeOfUseGivenAsPlainTextIsRefused() {
        Document d = durant();
        firstValue(d, VihfNames.PURPOSE_OF_USE).setTextContent("normal");
        DmpException e = refused(DmpErrorCode.IDENTITY_INVALID, () -> reader.read(assertion(d)));
        assertTrue(e.getMessage().contains("PurposeOfUse"), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"279035121518989", "279035121518989^^^&&ISO^NH", "^^^&1.2.250.1.213.1.4.10&ISO^NH",
            "279035121518989^^^&1.2.250.1.213.1.4.10&L^NH", "279035121518989^^^&INS-NIR-TEST&ISO^NH",
            "279035121518989^^^1.2.250.1.213.1.4.10^NH"})
    void aMalformedCxIsRefused(String cx) {
        DmpException e = refused(DmpErrorCode.IDENTITY_INVALID, () -> reader.read(assertion(withText(durant(), VihfNames.RESOURCE_ID, cx))));
        assertTrue(e.getMessage().contains(VihfNames.RESOURCE_ID), e.getMessage());
        assertTrue(e.getMessage().contains(cx), e.getMessage());
    }

    @Test
    void aRoleWithoutItsHl7ElementOrCodeIsRefused() {
        Document plain = durant();
        firstValue(plain, VihfNames.ROLE).setTextContent("10");
        assertTrue(refused(DmpErrorCode.IDENTITY_INVALID, () -> reader.read(assertion(plain))).getMessage()
                .contains(VihfNames.ROLE));

        Document noCode = withCoded(durant(), VihfNames.ROLE, "code", "");
        assertTrue(refused(DmpErrorCode.IDENTITY_INVALID, () -> reader.read(assertion(noCode))).getMessage()
                .contains("needs a code and a codeSystem"));
    }

    @Test
    void moreThanTwoRolesAreRefused() {
        Document d = durant();
        Element role = attribute(d, VihfNames.ROLE);
        role.appendChild(firstValue(d, VihfNames.ROLE).cloneNode(true));
        DmpException e = refused(DmpErrorCode.IDENTITY_INVALID, () -> reader.read(assertion(d)));
        assertTrue(e.getMessage().contains("3 roles"), e.getMessage());
    }

    @Test
    void twoValuesOfASingleValuedAttributeAreRefused() {
        Document d = durant();
        Element resource = attribute(d, VihfNames.RESOURCE_ID);
        resource.appendChild(firstValue(d, VihfNames.RESOURCE_ID).cloneNode(true));
        DmpException e = refused(DmpErrorCode.IDENTITY_INVALID, () -> reader.read(assertion(d)));
        assertTrue(e.getMessage().contains(VihfNames.RESOURCE_ID + " carries 2 values"), e.getMessage());
    }

    @Test
    void anElementThatIsNotAnAssertionIsRefused() {
        Element other = (Element) durant().getElementsByTagNameNS(VihfNames.SAML2_NS, "Subject").item(0);
        refused(DmpErrorCode.IDENTITY_INVALID, () -> reader.read(other));
        DmpException none = refused(DmpErrorCode.IDENTITY_MISSING, () -> reader.read(null));
        assertTrue(none.getMessage().contains("the request carries no VIHF assertion in its WS-Security header"));
    }

    // ------------------------------------------------------------------ base64 (REST)

    @Test
    void readsABase64Assertion() {
        String b64 = Base64.getEncoder().encodeToString(toXml(durant()).getBytes(StandardCharsets.UTF_8));
        assertEquals("810002345678", reader.readBase64(b64).actorId());
        String wrapped = b64.substring(0, 40) + "\r\n" + b64.substring(40);
        assertEquals("810002345678", reader.readBase64(wrapped).actorId(), "line breaks are tolerated");
    }

    @Test
    void base64ThatIsNotAnAssertionIsRefused() {
        refused(DmpErrorCode.IDENTITY_MISSING, () -> reader.readBase64(" "));
        refused(DmpErrorCode.IDENTITY_MISSING, () -> reader.readBase64(null));
        refused(DmpErrorCode.IDENTITY_INVALID, () -> reader.readBase64("not base64 at all!"));
        refused(DmpErrorCode.IDENTITY_INVALID, () -> reader.readBase64(b64("<saml2:Assertion")));
        refused(DmpErrorCode.IDENTITY_INVALID, () -> reader.readBase64(b64("<Assertion xmlns=\"urn:other\"/>")));
    }

    @Test
    void aDoctypeOrExternalEntityIsRefusedWithoutBeingResolved() {
        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE a [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                + toXml(withText(durant(), VihfNames.SUBJECT_ID, "&x;")).replace("&amp;x;", "&x;");
        DmpException e = refused(DmpErrorCode.IDENTITY_INVALID, () -> reader.readBase64(b64(xxe)));
        assertTrue(e.getMessage().contains("DTD"), e.getMessage());
        assertFalse(e.getMessage().contains("root:"), e.getMessage());
    }

    static String b64(String xml) {
        return Base64.getEncoder().encodeToString(xml.getBytes(StandardCharsets.UTF_8));
    }

    // ------------------------------------------------------------------ the wsse:Security headers

    @Test
    void theSecurityHeaderGivesTheAccessContext() {
        AccessContext c = reader.readSecurityHeaders(List.of(securityHeader(assertion(durant()))));
        assertEquals("810002345678", c.actorId());
        assertEquals("279035121518989", c.patient().id());
    }

    @Test
    void noSecurityHeaderOrAnEmptyOneIsAMissingIdentity() {
        for (List<?> headers : List.of(List.of(), List.of(securityHeader()), List.of("not an element"))) {
            DmpException e = refused(DmpErrorCode.IDENTITY_MISSING, () -> reader.readSecurityHeaders(headers));
            assertEquals("the request carries no VIHF assertion in its WS-Security header", e.errors().get(0).message());
        }
        refused(DmpErrorCode.IDENTITY_MISSING, () -> reader.readSecurityHeaders(null));
    }

    @Test
    void twoAssertionsInTheHeaderAreAnAmbiguousIdentity() {
        Element security = securityHeader(assertion(durant()), assertion(durant()));
        DmpException e = refused(DmpErrorCode.IDENTITY_INVALID, () -> reader.readSecurityHeaders(List.of(security)));
        assertTrue(e.getMessage().contains("2 SAML assertions"), e.getMessage());
    }

    @Test
    void severalSecurityHeadersAreAnAmbiguousIdentity() {
        Element first = securityHeader(assertion(durant()));
        Element second = securityHeader(assertion(durant()));
        DmpException e = refused(DmpErrorCode.IDENTITY_INVALID, () -> reader.readSecurityHeaders(List.of(first, second)));
        assertTrue(e.getMessage().contains("2 wsse:Security headers"), e.getMessage());
    }
}
