package org.dmpgateway.mappings.xds;

import jakarta.activation.DataHandler;
import org.dmpgateway.model.error.DmpErrorCode;
import org.dmpgateway.model.error.DmpException;
import org.dmpgateway.model.Submission;
import org.dmpgateway.model.SubmissionSetRecord;
import org.dmpgateway.model.SubmittedDocument;
import org.openehealth.ipf.commons.ihe.xds.core.metadata.Document;
import org.openehealth.ipf.commons.ihe.xds.core.requests.ProvideAndRegisterDocumentSet;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;

/**
 * ITI-41 Provide and Register Document Set (IPF model) to the internal {@link Submission}. The
 * content of each document is read fully, here. A document entry without content is kept with a
 * null content so that the core answers XDSMissingDocument; content without a document entry is
 * refused with MISSING_DOCUMENT_METADATA. The request's targetHomeCommunityId is not carried (the
 * gateway is a single community).
 */
public final class XdsSubmissionMapper {
    private XdsSubmissionMapper() {
    }

    public static Submission toSubmission(ProvideAndRegisterDocumentSet request) {
        if (request.getSubmissionSet() == null) {
            throw new DmpException(DmpErrorCode.METADATA_ERROR,
                    "SubmissionSet: the request must contain exactly one SubmissionSet", "SubmissionSet");
        }
        SubmissionSetRecord submissionSet = XdsMetadataMapper.toRecord(request.getSubmissionSet());
        List<SubmittedDocument> documents = request.getDocuments().stream().map(XdsSubmissionMapper::document).toList();
        return new Submission(submissionSet, documents,
                request.getFolders().stream().map(XdsMetadataMapper::toRecord).toList(),
                request.getAssociations().stream().map(XdsMetadataMapper::toRecord).toList());
    }

    private static SubmittedDocument document(Document d) {
        if (d.getDocumentEntry() == null) {
            throw new DmpException(DmpErrorCode.MISSING_DOCUMENT_METADATA,
                    "Document: content was sent without a DocumentEntry", "Document");
        }
        return new SubmittedDocument(XdsMetadataMapper.toRecord(d.getDocumentEntry()), content(d));
    }

    private static byte[] content(Document d) {
        DataHandler handler = d.getDataHandler();
        if (handler == null) {
            return null;
        }
        String entryUuid = d.getDocumentEntry().getEntryUuid();
        try (InputStream in = handler.getInputStream()) {
            return in.readAllBytes();
        } catch (IOException e) {
            if (e.getCause() instanceof DmpException refusal) {
                throw refusal; // e.g. the request body passed dmp.limits.request-bytes while the content was read
            }
            throw new DmpException(DmpErrorCode.METADATA_ERROR, "Document.content: the content of document "
                    + d.getDocumentEntry().getUniqueId() + " cannot be read (" + e.getMessage() + ")",
                    entryUuid != null ? entryUuid : "Document.content");
        }
    }
}
