package org.dmpgateway.mappings.xds.iti43;

import org.dmpgateway.model.DocumentBytes;
import org.dmpgateway.model.error.DmpError;
import org.dmpgateway.model.error.DmpErrorCode;
import org.dmpgateway.model.query.RetrieveCommand;
import org.dmpgateway.model.query.RetrieveResult;
import org.junit.jupiter.api.Test;
import org.openehealth.ipf.commons.ihe.xds.core.SampleData;
import org.openehealth.ipf.commons.ihe.xds.core.responses.ErrorCode;
import org.openehealth.ipf.commons.ihe.xds.core.responses.RetrievedDocument;
import org.openehealth.ipf.commons.ihe.xds.core.responses.RetrievedDocumentSet;
import org.openehealth.ipf.commons.ihe.xds.core.responses.Severity;
import org.openehealth.ipf.commons.ihe.xds.core.responses.Status;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class XdsRetrieveMapperTest {

    private static final RetrieveResult.Retrieved CDA = new RetrieveResult.Retrieved("1.2.3.4", "1.2.3.4.100",
            "urn:oid:1.2.3", "text/xml", 19, DocumentBytes.of("<ClinicalDocument/>".getBytes(StandardCharsets.UTF_8)));
    private static final DmpError UNKNOWN = new DmpError(DmpErrorCode.UNKNOWN_DOCUMENT,
            "documentUniqueId 9.9 is not in the repository", "9.9");

    @Test
    void requestBecomesOneItemPerDocument() {
        RetrieveCommand command = XdsRetrieveMapper.toRetrieveCommand(SampleData.createRetrieveDocumentSet());
        assertEquals(List.of(new RetrieveCommand.Item("repo1", "doc1", "urn:oid:1.2.3"),
                new RetrieveCommand.Item("repo2", "doc2", "urn:oid:1.2.4")), command.items());
    }

    @Test
    void allDocumentsServedIsSuccess() throws IOException {
        RetrievedDocumentSet response = XdsRetrieveMapper.toRetrievedDocumentSet(new RetrieveResult(List.of(CDA), List.of()));

        assertEquals(Status.SUCCESS, response.getStatus());
        assertTrue(response.getErrors().isEmpty());
        RetrievedDocument doc = response.getDocuments().get(0);
        assertEquals("text/xml", doc.getMimeType());
        assertEquals("text/xml", doc.getDataHandler().getContentType());
        assertEquals("1.2.3.4", doc.getRequestData().getRepositoryUniqueId());
        assertEquals("1.2.3.4.100", doc.getRequestData().getDocumentUniqueId());
        assertEquals("urn:oid:1.2.3", doc.getRequestData().getHomeCommunityId());
        try (InputStream in = doc.getDataHandler().getInputStream()) {
            assertEquals("<ClinicalDocument/>", new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    @Test
    void someDocumentsAndSomeErrorsIsPartialSuccess() {
        RetrievedDocumentSet response = XdsRetrieveMapper.toRetrievedDocumentSet(
                new RetrieveResult(List.of(CDA), List.of(UNKNOWN)));

        assertEquals(Status.PARTIAL_SUCCESS, response.getStatus());
        assertEquals(1, response.getDocuments().size());
        assertEquals(1, response.getErrors().size());
        assertEquals(ErrorCode.DOCUMENT_UNIQUE_ID_ERROR, response.getErrors().get(0).getErrorCode());
        assertEquals(Severity.ERROR, response.getErrors().get(0).getSeverity());
        assertEquals("UNKNOWN_DOCUMENT: documentUniqueId 9.9 is not in the repository",
                response.getErrors().get(0).getCodeContext());
        assertEquals("9.9", response.getErrors().get(0).getLocation());
    }

    @Test
    void onlyErrorsIsFailure() {
        RetrievedDocumentSet response = XdsRetrieveMapper.toRetrievedDocumentSet(new RetrieveResult(List.of(),
                List.of(UNKNOWN, new DmpError(DmpErrorCode.UNKNOWN_REPOSITORY, "not this repository", "9.8"))));

        assertEquals(Status.FAILURE, response.getStatus());
        assertTrue(response.getDocuments().isEmpty());
        assertEquals(List.of(ErrorCode.DOCUMENT_UNIQUE_ID_ERROR, ErrorCode.UNKNOWN_REPOSITORY_ID),
                response.getErrors().stream().map(e -> e.getErrorCode()).toList());
    }

    @Test
    void unknownMimeTypeIsServedAsOctetStream() {
        var noType = new RetrieveResult.Retrieved("r", "d", null, null, 2, DocumentBytes.of(new byte[] {1, 2}));
        RetrievedDocument doc = XdsRetrieveMapper.toRetrievedDocumentSet(new RetrieveResult(List.of(noType), List.of()))
                .getDocuments().get(0);
        assertEquals("application/octet-stream", doc.getMimeType());
    }
}
