package org.dmpgateway.server;

import org.apache.camel.ProducerTemplate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openehealth.ipf.commons.ihe.xds.core.ebxml.EbXMLAssociation;
import org.openehealth.ipf.commons.ihe.xds.core.ebxml.EbXMLSubmitObjectsRequest;
import org.openehealth.ipf.commons.ihe.xds.core.ebxml.ebxml30.EbXMLFactory30;
import org.openehealth.ipf.commons.ihe.xds.core.metadata.Association;
import org.openehealth.ipf.commons.ihe.xds.core.metadata.AssociationLabel;
import org.openehealth.ipf.commons.ihe.xds.core.metadata.AssociationType;
import org.openehealth.ipf.commons.ihe.xds.core.metadata.DocumentEntry;
import org.openehealth.ipf.commons.ihe.xds.core.metadata.ObjectReference;
import org.openehealth.ipf.commons.ihe.xds.core.requests.RegisterDocumentSet;
import org.openehealth.ipf.commons.ihe.xds.core.requests.RemoveMetadata;
import org.openehealth.ipf.commons.ihe.xds.core.responses.ErrorCode;
import org.openehealth.ipf.commons.ihe.xds.core.responses.ErrorInfo;
import org.openehealth.ipf.commons.ihe.xds.core.responses.Response;
import org.openehealth.ipf.commons.ihe.xds.core.responses.Status;
import org.openehealth.ipf.commons.ihe.xds.core.stub.ebrs30.lcm.SubmitObjectsRequest;
import org.openehealth.ipf.commons.ihe.xds.core.transform.requests.RegisterDocumentSetTransformer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;

import static org.dmpgateway.server.support.SampleSubmissions.*;
import static org.junit.jupiter.api.Assertions.*;

/**
 * ITI-57 and ITI-62 over SOAP, what does not depend on the caller's identity: the endpoints and
 * their WSDLs, IPF's validation (made to accept the CI-SIS statuses Archived and Deleted), and the
 * answer to a request that carries no VIHF assertion (IDENTITY_MISSING, after validation). The DMP
 * rules themselves (who may mask, archive, delete) are tested in the core (core/
 * MetadataUpdateRulesTest); their end-to-end scenarios need the VIHF client.
 */
@SpringBootTest(classes = DmpGatewayApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestPropertySource(properties = "spring.datasource.url=jdbc:h2:mem:metadata-update-e2e;DB_CLOSE_DELAY=-1")
@DirtiesContext
class MetadataUpdateEndToEndTest {
    static final String ARCHIVED = "urn:asip:ci-sis:2010:StatusType:Archived";
    static final String APPROVED = "urn:oasis:names:tc:ebxml-regrep:StatusType:Approved";

    @LocalServerPort
    int port;

    @Autowired
    ProducerTemplate producer;

    @ParameterizedTest(name = "{0}")
    @CsvSource({"iti57, DocumentRegistry_UpdateDocumentSet", "iti62, DocumentRegistry_DeleteDocumentSet"})
    void eachEndpointServesItsWsdl(String service, String operation) throws Exception {
        HttpResponse<String> wsdl = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://localhost:" + port + "/services/" + service + "?wsdl")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, wsdl.statusCode(), service);
        assertTrue(wsdl.body().contains(operation), () -> service + " WSDL: " + wsdl.body());
    }

    @Test
    void aNewVersionWithoutPreviousVersionIsRefusedByIpfsValidator() {
        Response r = update(newVersionRequest(null));

        ErrorInfo error = failure(r, ErrorCode.METADATA_VERSION_ERROR);
        assertTrue(error.getCodeContext().contains("previous version is missing"), error.getCodeContext());
    }

    @Test
    void aStatusThatIsNoAvailabilityStatusIsAMetadataUpdateOperationError() {
        Response r = update(statusRequest(APPROVED, "urn:example:StatusType:Hidden"));

        ErrorInfo error = failure(r, ErrorCode.METADATA_UPDATE_OPERATION_ERROR);
        assertTrue(error.getCodeContext().startsWith("METADATA_UPDATE_OPERATION_ERROR: "), error.getCodeContext());
        assertTrue(error.getCodeContext().contains("NewStatus 'urn:example:StatusType:Hidden'"), error.getCodeContext());
    }

    @Test
    void anArchiveRequestPassesValidationAndWithoutVihfIsRefusedForTheMissingIdentity() {
        Response archive = update(statusRequest(APPROVED, ARCHIVED));
        Response mask = update(newVersionRequest("1"));

        for (Response r : new Response[]{archive, mask}) {
            ErrorInfo error = failure(r, ErrorCode._USER_DEFINED);
            assertEquals("IDENTITY_MISSING", error.getCustomErrorCode(), error.getCodeContext());
        }
    }

    @Test
    void aRemovalWithoutReferenceIsRefusedByIpfsValidator() {
        Response r = remove(new RemoveMetadata());

        ErrorInfo error = failure(r, ErrorCode.REGISTRY_METADATA_ERROR);
        assertTrue(error.getCodeContext().contains("No object references"), error.getCodeContext());
    }

    @Test
    void aRemovalWithoutVihfIsRefusedForTheMissingIdentity() {
        RemoveMetadata request = new RemoveMetadata();
        request.getReferences().add(new ObjectReference("urn:uuid:" + UUID.randomUUID()));

        ErrorInfo error = failure(remove(request), ErrorCode._USER_DEFINED);
        assertEquals("IDENTITY_MISSING", error.getCustomErrorCode(), error.getCodeContext());
    }

    // ------------------------------------------------------------------ requests and helpers

    Response update(SubmitObjectsRequest request) {
        return producer.requestBody("xds-iti57://localhost:" + port + "/services/iti57", request, Response.class);
    }

    Response remove(RemoveMetadata request) {
        return producer.requestBody("rmd-iti62://localhost:" + port + "/services/iti62", request, Response.class);
    }

    static ErrorInfo failure(Response r, ErrorCode expected) {
        assertEquals(Status.FAILURE, r.getStatus(), "the request should have failed");
        assertEquals(1, r.getErrors().size(), () -> "one error expected: " + r.getErrors());
        ErrorInfo error = r.getErrors().get(0);
        assertEquals(expected, error.getErrorCode(), error::getCodeContext);
        return error;
    }

    /** A new metadata version masking a document (MASQUE_PS), with PreviousVersion when given. */
    static SubmitObjectsRequest newVersionRequest(String previousVersion) {
        RegisterDocumentSet r = new RegisterDocumentSet();
        r.setSubmissionSet(submissionSet(PATIENT_ACTIVATED));
        DocumentEntry e = entry("urn:uuid:" + UUID.randomUUID(), PATIENT_ACTIVATED, CLASS_CR, TYPE_CR_CONSULTATION,
                FORMAT_TEXT, "text/plain", "20251120093000");
        e.setLogicalUuid("urn:uuid:" + UUID.randomUUID());
        e.getConfidentialityCodes().add(CONF_MASQUE_PS);
        e.setHash("da39a3ee5e6b4b0d3255bfef95601890afd80709");
        e.setSize(0L);
        e.setRepositoryUniqueId("2.25.211537254915358815470183436004163384337");
        r.getDocumentEntries().add(e);
        Association member = hasMember("urn:uuid:" + UUID.randomUUID(), "SubmissionSet01", e.getEntryUuid(),
                AssociationLabel.ORIGINAL);
        member.setPreviousVersion(previousVersion);
        r.getAssociations().add(member);
        return ebXml(r).getInternal();
    }

    /** An UpdateAvailabilityStatus association with the status slots written as a DMP client does. */
    static SubmitObjectsRequest statusRequest(String originalStatus, String newStatus) {
        RegisterDocumentSet r = new RegisterDocumentSet();
        r.setSubmissionSet(submissionSet(PATIENT_ACTIVATED));
        String id = "urn:uuid:" + UUID.randomUUID();
        r.getAssociations().add(new Association(AssociationType.UPDATE_AVAILABILITY_STATUS, id, "SubmissionSet01",
                "urn:uuid:" + UUID.randomUUID()));
        EbXMLSubmitObjectsRequest<SubmitObjectsRequest> ebXml = ebXml(r);
        EbXMLAssociation change = ebXml.getAssociations().stream().filter(a -> id.equals(a.getId())).findFirst().orElseThrow();
        change.addSlot("OriginalStatus", originalStatus);
        change.addSlot("NewStatus", newStatus);
        return ebXml.getInternal();
    }

    static EbXMLSubmitObjectsRequest<SubmitObjectsRequest> ebXml(RegisterDocumentSet request) {
        return new RegisterDocumentSetTransformer(new EbXMLFactory30()).toEbXML(request);
    }
}
