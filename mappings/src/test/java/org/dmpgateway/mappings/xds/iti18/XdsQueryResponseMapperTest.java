package org.dmpgateway.mappings.xds.iti18;

import org.dmpgateway.mappings.xds.iti41.XdsSubmissionMapper;
import org.dmpgateway.model.Submission;
import org.dmpgateway.model.query.QueryResult;
import org.junit.jupiter.api.Test;
import org.openehealth.ipf.commons.ihe.xds.core.SampleData;
import org.openehealth.ipf.commons.ihe.xds.core.metadata.ObjectReference;
import org.openehealth.ipf.commons.ihe.xds.core.requests.ProvideAndRegisterDocumentSet;
import org.openehealth.ipf.commons.ihe.xds.core.responses.QueryResponse;
import org.openehealth.ipf.commons.ihe.xds.core.responses.Status;

import java.util.List;

import static org.dmpgateway.mappings.xds.metadata.XdsAssertions.*;
import static org.junit.jupiter.api.Assertions.*;

class XdsQueryResponseMapperTest {

    private final ProvideAndRegisterDocumentSet sample = SampleData.createProvideAndRegisterDocumentSet();
    private final Submission stored = XdsSubmissionMapper.toSubmission(sample);

    private QueryResult result(boolean objectRefsOnly) {
        return new QueryResult(List.of(stored.documents().get(0).entry()), List.of(stored.submissionSet()),
                stored.folders(), stored.associations(), objectRefsOnly);
    }

    @Test
    void leafClassReturnsTheFullObjects() {
        QueryResponse response = XdsQueryResponseMapper.toQueryResponse(result(false));

        assertEquals(Status.SUCCESS, response.getStatus());
        assertTrue(response.getReferences().isEmpty());
        assertTrue(response.getErrors().isEmpty());
        assertEquals(1, response.getDocumentEntries().size());
        assertSameDocumentEntry(sample.getDocuments().get(0).getDocumentEntry(), response.getDocumentEntries().get(0));
        assertEquals(1, response.getSubmissionSets().size());
        assertSameSubmissionSet(sample.getSubmissionSet(), response.getSubmissionSets().get(0));
        assertEquals(1, response.getFolders().size());
        assertSameFolder(sample.getFolders().get(0), response.getFolders().get(0));
        assertEquals(3, response.getAssociations().size());
        for (int i = 0; i < 3; i++) {
            assertSameAssociation(sample.getAssociations().get(i), response.getAssociations().get(i));
        }
    }

    @Test
    void objectRefReturnsDocumentsSetsFoldersThenAssociations() {
        QueryResponse response = XdsQueryResponseMapper.toQueryResponse(result(true));

        assertEquals(Status.SUCCESS, response.getStatus());
        assertTrue(response.getDocumentEntries().isEmpty());
        assertTrue(response.getSubmissionSets().isEmpty());
        assertTrue(response.getFolders().isEmpty());
        assertTrue(response.getAssociations().isEmpty());
        assertEquals(List.of("document01", "submissionSet01", "folder01", "docAss", "folderAss", "docFolderAss"),
                response.getReferences().stream().map(ObjectReference::getId).toList());
        assertEquals("urn:oid:1.2.3.4.5.6.2333.23", response.getReferences().get(1).getHome());
    }

    @Test
    void emptyResultIsAnEmptySuccess() {
        QueryResponse response = XdsQueryResponseMapper.toQueryResponse(new QueryResult(null, null, null, null, false));
        assertEquals(Status.SUCCESS, response.getStatus());
        assertTrue(response.getDocumentEntries().isEmpty());
        assertTrue(response.getReferences().isEmpty());
    }
}
