package org.dmpgateway.mappings.xds.iti41;

import jakarta.activation.DataHandler;
import jakarta.activation.DataSource;
import org.dmpgateway.model.error.DmpErrorCode;
import org.dmpgateway.model.error.DmpException;
import org.dmpgateway.model.Submission;
import org.junit.jupiter.api.Test;
import org.openehealth.ipf.commons.ihe.ws.utils.LargeDataSource;
import org.openehealth.ipf.commons.ihe.xds.core.SampleData;
import org.openehealth.ipf.commons.ihe.xds.core.metadata.Document;
import org.openehealth.ipf.commons.ihe.xds.core.requests.ProvideAndRegisterDocumentSet;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.*;

class XdsSubmissionMapperTest {

    @Test
    void readsTheWholeContentOfEachDocument() throws Exception {
        Submission s = XdsSubmissionMapper.toSubmission(SampleData.createProvideAndRegisterDocumentSet());

        byte[] content = s.documents().get(0).content().readAllBytes();
        assertEquals(LargeDataSource.STREAM_SIZE, content.length);
        byte[] expected = new byte[LargeDataSource.STREAM_SIZE];
        Arrays.fill(expected, (byte) 'A');
        assertArrayEquals(expected, content);
        assertEquals("document01", s.documents().get(0).entry().entryUuid());
        assertEquals("submissionSet01", s.submissionSet().entryUuid());
    }

    @Test
    void documentEntryWithoutContentIsKeptWithNullContent() {
        ProvideAndRegisterDocumentSet request = SampleData.createProvideAndRegisterDocumentSet();
        Document withoutContent = new Document();
        withoutContent.setDocumentEntry(request.getDocuments().get(0).getDocumentEntry());
        request.getDocuments().set(0, withoutContent);

        Submission s = XdsSubmissionMapper.toSubmission(request);

        assertEquals(1, s.documents().size());
        assertNull(s.documents().get(0).content());
        assertEquals("32848902348", s.documents().get(0).entry().uniqueId());
    }

    @Test
    void unreadableContentIsAMetadataError() {
        ProvideAndRegisterDocumentSet request = SampleData.createProvideAndRegisterDocumentSet();
        request.getDocuments().get(0).setDataHandler(new DataHandler(new FailingDataSource()));

        // the content is a stream the core reads as it stores it: the failure comes with the read
        Submission s = XdsSubmissionMapper.toSubmission(request);
        DmpException e = assertThrows(DmpException.class, () -> s.documents().get(0).content().readAllBytes());

        assertEquals(DmpErrorCode.METADATA_ERROR, e.code());
        assertTrue(e.errors().get(0).message().startsWith("Document.content: "), e.getMessage());
        assertEquals("document01", e.errors().get(0).location());
    }

    @Test
    void missingSubmissionSetIsAMetadataError() {
        ProvideAndRegisterDocumentSet request = SampleData.createProvideAndRegisterDocumentSet();
        request.setSubmissionSet(null);

        DmpException e = assertThrows(DmpException.class, () -> XdsSubmissionMapper.toSubmission(request));

        assertEquals(DmpErrorCode.METADATA_ERROR, e.code());
        assertEquals("SubmissionSet", e.errors().get(0).location());
    }

    @Test
    void contentWithoutDocumentEntryIsMissingDocumentMetadata() {
        ProvideAndRegisterDocumentSet request = SampleData.createProvideAndRegisterDocumentSet();
        request.getDocuments().add(new Document(null, SampleData.createDataHandler()));

        DmpException e = assertThrows(DmpException.class, () -> XdsSubmissionMapper.toSubmission(request));

        assertEquals(DmpErrorCode.MISSING_DOCUMENT_METADATA, e.code());
    }

    @Test
    void malformedSubmissionSetPatientIsRefusedNamingTheField() {
        ProvideAndRegisterDocumentSet request = SampleData.createProvideAndRegisterDocumentSet();
        request.getSubmissionSet().getPatientId().setAssigningAuthority(null);

        DmpException e = assertThrows(DmpException.class, () -> XdsSubmissionMapper.toSubmission(request));

        assertEquals(DmpErrorCode.METADATA_ERROR, e.code());
        assertTrue(e.errors().get(0).message().startsWith("SubmissionSet.patientId: "), e.getMessage());
        assertEquals("submissionSet01", e.errors().get(0).location());
    }

    private static final class FailingDataSource implements DataSource {
        @Override
        public InputStream getInputStream() {
            return new InputStream() {
                @Override
                public int read() throws IOException {
                    throw new IOException("connection reset");
                }
            };
        }

        @Override
        public OutputStream getOutputStream() {
            throw new UnsupportedOperationException();
        }

        @Override
        public String getContentType() {
            return "text/plain";
        }

        @Override
        public String getName() {
            return "failing";
        }
    }
}
