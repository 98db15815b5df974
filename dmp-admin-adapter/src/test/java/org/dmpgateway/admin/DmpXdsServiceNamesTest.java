package org.dmpgateway.admin;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The DMP's XDS service names dispatch each transaction to its IPF endpoint by the SOAP 1.2 action. */
class DmpXdsServiceNamesTest {

    @Test
    void theRegistryDispatchesByAction() {
        assertEquals("iti18", DmpXdsServiceNames.endpoint("registry",
                "application/soap+xml; charset=UTF-8; action=\"urn:ihe:iti:2007:RegistryStoredQuery\""));
        assertEquals("iti57", DmpXdsServiceNames.endpoint("registry",
                "application/soap+xml;action=urn:ihe:iti:2010:UpdateDocumentSet;charset=UTF-8"));
        assertEquals("iti62", DmpXdsServiceNames.endpoint("registry",
                "application/soap+xml; action=\"urn:ihe:iti:2010:DeleteDocumentSet\""));
    }

    @Test
    void theRepositoryDispatchesByActionMtomIncluded() {
        // the official TD2.1 capture's Content-Type
        assertEquals("iti41", DmpXdsServiceNames.endpoint("repository", "multipart/related; type=\"application/xop+xml\"; "
                + "start=\"<rootpart@soapui.org>\"; start-info=\"application/soap+xml\"; "
                + "action=\"urn:ihe:iti:2007:ProvideAndRegisterDocumentSet-b\"; boundary=\"----=_Part_9\""));
        assertEquals("iti43", DmpXdsServiceNames.endpoint("repository",
                "application/soap+xml; action=\"urn:ihe:iti:2007:RetrieveDocumentSet\""));
    }

    @Test
    void withoutAKnownActionTheServicesMainTransactionAnswers() {
        assertEquals("iti18", DmpXdsServiceNames.endpoint("registry", "application/soap+xml"));
        assertEquals("iti41", DmpXdsServiceNames.endpoint("repository", null));
        assertEquals("iti41", DmpXdsServiceNames.endpoint("repository",
                "application/soap+xml; action=\"urn:ihe:iti:2007:RegistryStoredQuery\""));
    }
}
