package org.dmpgateway.server.metrics;

import ca.uhn.fhir.rest.api.RestOperationTypeEnum;
import org.dmpgateway.server.metrics.TransactionMetrics.Outcome;
import org.junit.jupiter.api.Test;
import org.openehealth.ipf.commons.ihe.xds.core.requests.query.QueryType;
import org.openehealth.ipf.commons.ihe.xds.core.responses.ErrorCode;
import org.openehealth.ipf.commons.ihe.xds.core.responses.ErrorInfo;
import org.openehealth.ipf.commons.ihe.xds.core.responses.Response;
import org.openehealth.ipf.commons.ihe.xds.core.responses.Severity;
import org.openehealth.ipf.commons.ihe.xds.core.responses.Status;
import org.openehealth.ipf.commons.ihe.xds.core.stub.ebrs30.query.AdhocQueryRequest;
import org.openehealth.ipf.commons.ihe.xds.core.stub.ebrs30.rim.AdhocQueryType;
import org.openehealth.ipf.commons.ihe.xds.core.stub.ebrs30.rs.RegistryError;
import org.openehealth.ipf.commons.ihe.xds.core.stub.ebrs30.rs.RegistryErrorList;
import org.openehealth.ipf.commons.ihe.xds.core.stub.ebrs30.rs.RegistryResponseType;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The names the metrics give: bounded HTTP routes, stored queries, FHIR transactions, XDS outcomes. */
class TransactionNamesTest {

    @Test
    void soapAndFhirPathsGetABoundedRoute() {
        assertEquals("/services/iti41", HttpRouteTags.pattern("/services/iti41"));
        assertEquals("/services/**", HttpRouteTags.pattern("/services/anything"));
        assertEquals("/fhir", HttpRouteTags.pattern("/fhir"));
        assertEquals("/fhir", HttpRouteTags.pattern("/fhir/"));
        assertEquals("/fhir/metadata", HttpRouteTags.pattern("/fhir/metadata"));
        assertEquals("/fhir/DocumentReference", HttpRouteTags.pattern("/fhir/DocumentReference"));
        assertEquals("/fhir/DocumentReference/_search", HttpRouteTags.pattern("/fhir/DocumentReference/_search"));
        assertEquals("/fhir/DocumentReference/{id}", HttpRouteTags.pattern("/fhir/DocumentReference/0b6c1d"));
        assertEquals("/fhir/DocumentReference/{id}/_history/{vid}",
                HttpRouteTags.pattern("/fhir/DocumentReference/0b6c1d/_history/2"));
        assertEquals("/fhir/**", HttpRouteTags.pattern("/fhir/Observation/1"));
        assertEquals("/fhir/**", HttpRouteTags.pattern("/fhir/Binary/1/2/3/4"));
        assertEquals(null, HttpRouteTags.pattern("/dmp/status"));
    }

    @Test
    void anIti18IsNamedByItsStoredQuery() {
        AdhocQueryRequest request = new AdhocQueryRequest();
        AdhocQueryType query = new AdhocQueryType();
        query.setId(QueryType.FIND_DOCUMENTS_BY_REFERENCE_ID.getId());
        request.setAdhocQuery(query);
        assertEquals("FindDocumentsByReferenceId", XdsTransactionMetrics.queryName(request));
        query.setId(QueryType.GET_SUBMISSION_SET_AND_CONTENTS.getId());
        assertEquals("GetSubmissionSetAndContents", XdsTransactionMetrics.queryName(request));
        query.setId("urn:uuid:00000000-0000-0000-0000-000000000000");
        assertEquals("unknown", XdsTransactionMetrics.queryName(request));
    }

    @Test
    void theXdsOutcomeAndFirstErrorCodeAreRead() {
        assertEquals(new XdsTransactionMetrics.Answer(Outcome.SUCCESS, null),
                XdsTransactionMetrics.answerOf(new Response(Status.SUCCESS)));
        Response partial = new Response(Status.PARTIAL_SUCCESS);
        partial.getErrors().add(new ErrorInfo(ErrorCode.REGISTRY_ERROR, "x", Severity.ERROR, null, null));
        assertEquals(new XdsTransactionMetrics.Answer(Outcome.PARTIAL, "XDSRegistryError"),
                XdsTransactionMetrics.answerOf(partial));

        RegistryResponseType ebXml = new RegistryResponseType();
        ebXml.setStatus("urn:oasis:names:tc:ebxml-regrep:ResponseStatusType:Failure");
        RegistryErrorList errors = new RegistryErrorList();
        RegistryError error = new RegistryError();
        error.setErrorCode("DMP_ACCESS_DENIED");
        errors.getRegistryError().add(error);
        ebXml.setRegistryErrorList(errors);
        assertEquals(new XdsTransactionMetrics.Answer(Outcome.FAILURE, "DMP_ACCESS_DENIED"),
                XdsTransactionMetrics.answerOf(ebXml));
    }

    @Test
    void fhirRequestsAreNamedByTheirTransaction() {
        assertEquals("ITI-65", FhirTransactionMetrics.transaction(RestOperationTypeEnum.TRANSACTION, null));
        assertEquals("ITI-105", FhirTransactionMetrics.transaction(RestOperationTypeEnum.CREATE, "DocumentReference"));
        assertEquals("ITI-67", FhirTransactionMetrics.transaction(RestOperationTypeEnum.SEARCH_TYPE, "DocumentReference"));
        assertEquals("ITI-67", FhirTransactionMetrics.transaction(RestOperationTypeEnum.READ, "DocumentReference"));
        assertEquals("ITI-66", FhirTransactionMetrics.transaction(RestOperationTypeEnum.SEARCH_TYPE, "List"));
        assertEquals("ITI-68", FhirTransactionMetrics.transaction(RestOperationTypeEnum.READ, "Binary"));
        assertEquals("PATCH", FhirTransactionMetrics.transaction(RestOperationTypeEnum.PATCH, "DocumentReference"));
        assertEquals("DELETE", FhirTransactionMetrics.transaction(RestOperationTypeEnum.DELETE, "DocumentReference"));
        assertEquals("TD0.2", FhirTransactionMetrics.transaction(RestOperationTypeEnum.SEARCH_TYPE, "Patient"));
        assertEquals("metadata", FhirTransactionMetrics.transaction(RestOperationTypeEnum.METADATA, null));
        assertEquals("unknown", FhirTransactionMetrics.transaction(null, null));
    }
}
