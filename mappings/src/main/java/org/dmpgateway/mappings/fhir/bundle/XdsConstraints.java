package org.dmpgateway.mappings.fhir.bundle;

import jakarta.activation.DataHandler;
import org.dmpgateway.mappings.xds.iti43.DocumentBytesDataSource;
import org.dmpgateway.model.error.DmpErrorCode;
import org.dmpgateway.model.error.DmpException;
import org.dmpgateway.model.Submission;
import org.dmpgateway.model.SubmittedDocument;
import org.dmpgateway.mappings.xds.error.XdsFieldNames;
import org.dmpgateway.mappings.xds.metadata.XdsMetadataMapper;
import org.openehealth.ipf.commons.ihe.xds.XDS;
import org.openehealth.ipf.commons.ihe.xds.core.ebxml.ebxml30.EbXMLFactory30;
import org.openehealth.ipf.commons.ihe.xds.core.metadata.Document;
import org.openehealth.ipf.commons.ihe.xds.core.requests.ProvideAndRegisterDocumentSet;
import org.openehealth.ipf.commons.ihe.xds.core.transform.requests.ProvideAndRegisterDocumentSetTransformer;
import org.openehealth.ipf.commons.ihe.xds.core.validate.XDSMetaDataException;
import org.openehealth.ipf.commons.ihe.xds.core.validate.requests.ProvideAndRegisterDocumentSetRequestValidator;

/**
 * A submission that arrives over FHIR must be as valid as one that arrives over XDS, since XDS
 * consumers (ITI-18, ITI-43) will read it: the mapped {@link Submission} is checked by IPF's own
 * ITI-41 metadata validator, the one the SOAP endpoint runs. The FHIR mapping names the FHIR fields
 * of the rules it knows; this catches the XDS constraints it does not, with IPF's message (which
 * names the XDS attribute), as METADATA_ERROR.
 */
public final class XdsConstraints {
    private static final ProvideAndRegisterDocumentSetRequestValidator VALIDATOR =
            ProvideAndRegisterDocumentSetRequestValidator.getInstance();
    private static final ProvideAndRegisterDocumentSetTransformer TRANSFORMER =
            new ProvideAndRegisterDocumentSetTransformer(new EbXMLFactory30());

    private XdsConstraints() {
    }

    /** Answers the submission when it satisfies the XDS ITI-41 metadata constraints, refuses it otherwise. */
    public static Submission require(Submission submission) {
        ProvideAndRegisterDocumentSet request = new ProvideAndRegisterDocumentSet();
        request.setSubmissionSet(XdsMetadataMapper.toXds(submission.submissionSet()));
        for (SubmittedDocument d : submission.documents()) {
            Document document = new Document(XdsMetadataMapper.toXds(d.entry()),
                    d.content() == null ? null : new DataHandler(new DocumentBytesDataSource(d.content(),
                            d.entry().mimeType() == null ? "application/octet-stream" : d.entry().mimeType())));
            request.getDocuments().add(document);
        }
        submission.folders().forEach(f -> request.getFolders().add(XdsMetadataMapper.toXds(f)));
        submission.associations().forEach(a -> request.getAssociations().add(XdsMetadataMapper.toXds(a)));
        try {
            VALIDATOR.validate(TRANSFORMER.toEbXML(request), XDS.Interactions.ITI_41);
        } catch (XDSMetaDataException e) {
            throw new DmpException(DmpErrorCode.METADATA_ERROR, "the submission does not satisfy the XDS metadata "
                    + "rules its XDS consumers rely on: " + XdsFieldNames.annotate(e.getMessage()), "Bundle");
        }
        return submission;
    }
}
