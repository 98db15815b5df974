package org.dmpgateway.mappings.xds.iti43;

import org.dmpgateway.mappings.xds.error.XdsErrorMapper;
import org.dmpgateway.mappings.xds.error.XdsTransaction;
import jakarta.activation.DataHandler;
import org.dmpgateway.model.query.RetrieveCommand;
import org.dmpgateway.model.query.RetrieveResult;
import org.openehealth.ipf.commons.ihe.xds.core.requests.DocumentReference;
import org.openehealth.ipf.commons.ihe.xds.core.requests.RetrieveDocumentSet;
import org.openehealth.ipf.commons.ihe.xds.core.responses.RetrievedDocument;
import org.openehealth.ipf.commons.ihe.xds.core.responses.RetrievedDocumentSet;
import org.openehealth.ipf.commons.ihe.xds.core.responses.Status;

/**
 * ITI-43 Retrieve Document Set to the internal {@link RetrieveCommand}, and the internal
 * {@link RetrieveResult} back to a {@link RetrievedDocumentSet}: SUCCESS when every item was
 * served, PARTIAL_SUCCESS when some were, FAILURE when none was; each error becomes a
 * RegistryError through {@link XdsErrorMapper} (ITI-43 codes).
 */
public final class XdsRetrieveMapper {
    /** Mime type of content whose type is unknown. */
    static final String DEFAULT_MIME_TYPE = "application/octet-stream";

    private XdsRetrieveMapper() {
    }

    public static RetrieveCommand toRetrieveCommand(RetrieveDocumentSet request) {
        return new RetrieveCommand(request.getDocuments().stream().map(d -> new RetrieveCommand.Item(
                d.getRepositoryUniqueId(), d.getDocumentUniqueId(), d.getHomeCommunityId())).toList());
    }

    public static RetrievedDocumentSet toRetrievedDocumentSet(RetrieveResult result) {
        RetrievedDocumentSet response = new RetrievedDocumentSet(status(result));
        result.documents().forEach(r -> response.getDocuments().add(document(r)));
        result.errors().forEach(e -> response.getErrors().add(XdsErrorMapper.toErrorInfo(e, XdsTransaction.ITI_43)));
        return response;
    }

    private static Status status(RetrieveResult result) {
        if (result.errors().isEmpty()) {
            return Status.SUCCESS;
        }
        return result.documents().isEmpty() ? Status.FAILURE : Status.PARTIAL_SUCCESS;
    }

    private static RetrievedDocument document(RetrieveResult.Retrieved r) {
        String mimeType = r.mimeType() == null ? DEFAULT_MIME_TYPE : r.mimeType();
        RetrievedDocument doc = new RetrievedDocument();
        doc.setDataHandler(new DataHandler(new DocumentBytesDataSource(r.content(), mimeType)));
        doc.setRequestData(new DocumentReference(r.repositoryUniqueId(), r.documentUniqueId(), r.homeCommunityId()));
        doc.setMimeType(mimeType);
        return doc;
    }
}
