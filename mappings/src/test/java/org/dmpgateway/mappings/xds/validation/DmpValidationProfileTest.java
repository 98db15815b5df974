package org.dmpgateway.mappings.xds.validation;

import jakarta.xml.bind.JAXBContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openehealth.ipf.commons.ihe.xds.XDS;
import org.openehealth.ipf.commons.ihe.xds.core.ebxml.ebxml30.EbXMLAdhocQueryRequest30;
import org.openehealth.ipf.commons.ihe.xds.core.ebxml.ebxml30.EbXMLProvideAndRegisterDocumentSetRequest30;
import org.openehealth.ipf.commons.ihe.xds.core.ebxml.ebxml30.ProvideAndRegisterDocumentSetRequestType;
import org.openehealth.ipf.commons.ihe.xds.core.stub.ebrs30.query.AdhocQueryRequest;
import org.openehealth.ipf.commons.ihe.xds.core.validate.XDSMetaDataException;
import org.openehealth.ipf.commons.ihe.xds.core.validate.requests.AdhocQueryRequestValidator;
import org.openehealth.ipf.commons.ihe.xds.core.validate.requests.ProvideAndRegisterDocumentSetRequestValidator;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.xml.sax.InputSource;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.*;

/**
 * IPF's validators, with the DMP's profile, on the official DMP example requests (reference-examples/
 * dmp-official/, "DMP_LPS_Exemple de messages" v02.05.00): accepted, given back unchanged; without
 * the profile, refused as IPF refuses them; and what the profile does not cover still refused.
 */
public class DmpValidationProfileTest {
    static final Path OFFICIAL = Path.of("../reference-examples/dmp-official/");

    static Element body(String file) throws Exception {
        String text = Files.readString(OFFICIAL.resolve(file), StandardCharsets.UTF_8);
        int start = text.indexOf("<soap:Envelope");
        int end = text.indexOf("</soap:Envelope>") + "</soap:Envelope>".length();
        DocumentBuilderFactory f = DocumentBuilderFactory.newDefaultInstance();
        f.setNamespaceAware(true);
        Document d = f.newDocumentBuilder().parse(new InputSource(new StringReader(text.substring(start, end))));
        Element soapBody = (Element) d.getElementsByTagNameNS("*", "Body").item(0);
        for (var n = soapBody.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e) {
                return e;
            }
        }
        throw new IllegalStateException("empty body in " + file);
    }

    public static ProvideAndRegisterDocumentSetRequestType td21() throws Exception {
        return JAXBContext.newInstance(ProvideAndRegisterDocumentSetRequestType.class).createUnmarshaller()
                .unmarshal(body("TD2.1_-_Alimentation_requ_te.xml"), ProvideAndRegisterDocumentSetRequestType.class)
                .getValue();
    }

    static AdhocQueryRequest td31() throws Exception {
        return (AdhocQueryRequest) JAXBContext.newInstance(AdhocQueryRequest.class).createUnmarshaller()
                .unmarshal(body("TD3.1_-_Recherche_de_document_requ_te.xml"));
    }

    static void validate(ProvideAndRegisterDocumentSetRequestType request) {
        ProvideAndRegisterDocumentSetRequestValidator.getInstance()
                .validate(new EbXMLProvideAndRegisterDocumentSetRequest30(request), XDS.Interactions.ITI_41);
    }

    static String marshal(Object jaxb) throws Exception {
        var out = new java.io.StringWriter();
        JAXBContext.newInstance(jaxb.getClass()).createMarshaller().marshal(
                new jakarta.xml.bind.JAXBElement<>(new javax.xml.namespace.QName("urn:x", "x"),
                        (Class<Object>) jaxb.getClass(), jaxb), out);
        return out.toString();
    }

    @Test
    void theOfficialTd21IsRefusedByIpfAloneAndAcceptedWithTheProfileUnchanged() throws Exception {
        ProvideAndRegisterDocumentSetRequestType request = td21();
        assertThrows(XDSMetaDataException.class, () -> validate(request));
        DmpValidationProfile.matchDocumentIds(request);
        String before = marshal(request);

        DmpValidationProfile.validate(request, () -> validate(request));

        String after = marshal(request);
        // IPF's ebXML wrapper adds an empty RequestSlotList; every value is given back as it came
        for (String dmpValue : new String[]{"ISO^IDNST^^^499900063480001", "ISO^NH^^20100907", "ISO^PI<",
                "G15_10/SM26^Médecin - Qualifié en Médecine Générale (SM)^1.2.250.1.213.1.1.4.5"}) {
            assertTrue(count(before, dmpValue) > 0, dmpValue);
            assertEquals(count(before, dmpValue), count(after, dmpValue), dmpValue + " is given back as it came");
        }
        assertEquals(0, count(after, "ISO^^^^499900063480001"));
        assertEquals(0, count(after, "^^^&1.2.250.1.213.1.1.4.5&ISO"));
        assertEquals("DocumentME2", request.getDocument().get(0).getId());
        assertTrue(before.contains("ISO^IDNST^^^499900063480001") && before.contains("ISO^NH^^20100907"));
    }

    static int count(String text, String part) {
        int n = 0;
        for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
            n++;
        }
        return n;
    }

    @Test
    void theOfficialTd31IsAcceptedWithTheProfile() throws Exception {
        AdhocQueryRequest request = td31();
        DmpValidationProfile.validate(request, () -> AdhocQueryRequestValidator.getInstance()
                .validate(new EbXMLAdhocQueryRequest30(request), XDS.Interactions.ITI_18));
        assertTrue(request.getAdhocQuery().getSlot().get(0).getValueList().getValue().get(0).endsWith("&ISO^NH'"));
    }

    @Test
    void theRequestIsGivenBackEvenWhenIpfRefusesIt() throws Exception {
        ProvideAndRegisterDocumentSetRequestType request = td21();
        DmpValidationProfile.matchDocumentIds(request);
        String before = marshal(request);
        assertThrows(IllegalStateException.class, () -> DmpValidationProfile.validate(request, () -> {
            throw new IllegalStateException("refused");
        }));
        assertTrue(before.equals(marshal(request)), "the request is given back as it came");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "207058575627097^^^&1.2.250.1.213.1.4.10&ISO^NH | 207058575627097^^^&1.2.250.1.213.1.4.10&ISO",
            "207058575627097^^^&1.2.250.1.213.1.4.10&ISO^NH^^20100907 | 207058575627097^^^&1.2.250.1.213.1.4.10&ISO",
            "0456789999^^^&1.2.250.1.999.1.1.7898.2&ISO^PI | 0456789999^^^&1.2.250.1.999.1.1.7898.2&ISO",
            "'207058575627097^^^&1.2.250.1.213.1.4.10&ISO^NH' | '207058575627097^^^&1.2.250.1.213.1.4.10&ISO'",
            "207058575627097^^^&1.2.250.1.213.1.4.10&ISO | 207058575627097^^^&1.2.250.1.213.1.4.10&ISO",
            // outside the convention: left for IPF to refuse
            "207058575627097^1^^&1.2.250.1.213.1.4.10&ISO^NH | 207058575627097^1^^&1.2.250.1.213.1.4.10&ISO^NH",
            "207058575627097^^^&1.2.250.1.213.1.4.10&ISO^NH^FAC | 207058575627097^^^&1.2.250.1.213.1.4.10&ISO^NH^FAC"})
    void aCxInTheDmpConventionHasItsIheForm(String dmp, String ihe) {
        assertEquals(ihe, DmpValidationProfile.cxInIheForm(dmp));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "CABINET DR LIBRE^^^^^&1.2.250.1.71.4.2.2&ISO^IDNST^^^499900063480001 | CABINET DR LIBRE^^^^^&1.2.250.1.71.4.2.2&ISO^^^^499900063480001",
            "CABINET DR LIBRE^^^^^&1.2.250.1.71.4.2.2&ISO^^^^499900063480001 | CABINET DR LIBRE^^^^^&1.2.250.1.71.4.2.2&ISO^^^^499900063480001",
            "CABINET DR LIBRE^^^^^&1.2.250.1.71.4.2.2&ISO^XX^^^499900063480001 | CABINET DR LIBRE^^^^^&1.2.250.1.71.4.2.2&ISO^XX^^^499900063480001"})
    void anXonInTheDmpConventionHasItsIheForm(String dmp, String ihe) {
        assertEquals(ihe, DmpValidationProfile.xonInIheForm(dmp));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "G15_10/SM26^Médecin - Qualifié en Médecine Générale (SM)^1.2.250.1.213.1.1.4.5 | G15_10/SM26^^^&1.2.250.1.213.1.1.4.5&ISO",
            "SM26^^^&1.2.250.1.71.4.2.5&ISO | SM26^^^&1.2.250.1.71.4.2.5&ISO",
            "SM26^x^y^z | SM26^x^y^z"})
    void anAuthorSpecialtyAsACodedValueHasItsIheForm(String dmp, String ihe) {
        assertEquals(ihe, DmpValidationProfile.authorCodeInIheForm(dmp));
    }

    @Test
    void whatTheProfileDoesNotCoverIsStillRefused() throws Exception {
        ProvideAndRegisterDocumentSetRequestType request = td21();
        var slot = request.getSubmitObjectsRequest().getRegistryObjectList().getIdentifiable().stream()
                .map(e -> e.getValue()).filter(o -> o instanceof org.openehealth.ipf.commons.ihe.xds.core.stub.ebrs30.rim.RegistryPackageType)
                .map(o -> (org.openehealth.ipf.commons.ihe.xds.core.stub.ebrs30.rim.RegistryObjectType) o)
                .findFirst().orElseThrow().getClassification().get(0).getSlot().stream()
                .filter(s -> s.getName().equals("authorInstitution")).findFirst().orElseThrow();
        slot.getValueList().getValue().set(0, "CABINET DR LIBRE^^^^^&1.2.250.1.71.4.2.2&ISO^XX^^^499900063480001");
        XDSMetaDataException e = assertThrows(XDSMetaDataException.class,
                () -> DmpValidationProfile.validate(request, () -> validate(request)));
        assertTrue(e.getMessage().contains("organization"), e.getMessage());
    }
}
