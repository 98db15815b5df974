package org.dmpgateway.mappings.xds.iti41;

import org.dmpgateway.mappings.xds.metadata.XdsMetadataMapper;
import jakarta.activation.DataHandler;
import org.dmpgateway.model.error.DmpErrorCode;
import org.dmpgateway.model.error.DmpException;
import org.dmpgateway.model.error.Causes;
import org.dmpgateway.model.DocumentBytes;
import org.dmpgateway.model.Submission;
import org.dmpgateway.model.SubmissionSetRecord;
import org.dmpgateway.model.SubmittedDocument;
import org.openehealth.ipf.commons.ihe.xds.core.metadata.Document;
import org.openehealth.ipf.commons.ihe.xds.core.requests.ProvideAndRegisterDocumentSet;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;

/**
 * ITI-41 Provide and Register Document Set (IPF model) to the internal {@link Submission}. The
 * content of each document stays a stream over its MTOM part, read by the core as it stores it. A document entry without content is kept with a
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

    /**
     * The content as a stream over the MTOM part (not read here: the core reads it once, into the
     * database). A failed read becomes the gateway's refusal: the request-size limit's when that
     * is what stopped it, else METADATA_ERROR naming the document.
     */
    private static DocumentBytes content(Document d) {
        DataHandler handler = d.getDataHandler();
        if (handler == null) {
            return null;
        }
        String uniqueId = d.getDocumentEntry().getUniqueId();
        String entryUuid = d.getDocumentEntry().getEntryUuid();
        return () -> new FilterInputStream(open(handler, uniqueId, entryUuid)) {
            @Override
            public int read() throws IOException {
                try {
                    return super.read();
                } catch (IOException e) {
                    throw unreadable(e, uniqueId, entryUuid);
                }
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                try {
                    return super.read(b, off, len);
                } catch (IOException e) {
                    throw unreadable(e, uniqueId, entryUuid);
                }
            }
        };
    }

    private static InputStream open(DataHandler handler, String uniqueId, String entryUuid) {
        try {
            return handler.getInputStream();
        } catch (IOException e) {
            throw unreadable(e, uniqueId, entryUuid);
        }
    }

    private static DmpException unreadable(IOException e, String uniqueId, String entryUuid) {
        DmpException refusal = Causes.refusalIn(e);
        if (refusal != null) {
            return refusal; // e.g. the request body passed dmp.limits.request-bytes while the content was read
        }
        return new DmpException(DmpErrorCode.METADATA_ERROR, "Document.content: the content of document "
                + uniqueId + " cannot be read (" + e.getMessage() + ")",
                entryUuid != null ? entryUuid : "Document.content");
    }
}
