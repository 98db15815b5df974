package org.dmpgateway.mappings.xds.iti18;

import org.dmpgateway.mappings.xds.metadata.XdsMetadataMapper;
import org.dmpgateway.model.query.QueryResult;
import org.openehealth.ipf.commons.ihe.xds.core.metadata.ObjectReference;
import org.openehealth.ipf.commons.ihe.xds.core.responses.QueryResponse;
import org.openehealth.ipf.commons.ihe.xds.core.responses.Status;

/**
 * The internal {@link QueryResult} as a successful ITI-18 response: full objects (LeafClass)
 * through {@link XdsMetadataMapper}, or, when only references were asked for (ObjectRef), one
 * {@link ObjectReference} per object: documents, submission sets, folders, then associations.
 */
public final class XdsQueryResponseMapper {
    private XdsQueryResponseMapper() {
    }

    public static QueryResponse toQueryResponse(QueryResult result) {
        QueryResponse response = new QueryResponse(Status.SUCCESS);
        if (result.objectRefsOnly()) {
            var refs = response.getReferences();
            result.documents().forEach(d -> refs.add(new ObjectReference(d.entryUuid(), d.homeCommunityId())));
            result.submissionSets().forEach(s -> refs.add(new ObjectReference(s.entryUuid(), s.homeCommunityId())));
            result.folders().forEach(f -> refs.add(new ObjectReference(f.entryUuid(), f.homeCommunityId())));
            result.associations().forEach(a -> refs.add(new ObjectReference(a.entryUuid())));
            return response;
        }
        result.documents().forEach(d -> response.getDocumentEntries().add(XdsMetadataMapper.toXds(d)));
        result.submissionSets().forEach(s -> response.getSubmissionSets().add(XdsMetadataMapper.toXds(s)));
        result.folders().forEach(f -> response.getFolders().add(XdsMetadataMapper.toXds(f)));
        result.associations().forEach(a -> response.getAssociations().add(XdsMetadataMapper.toXds(a)));
        return response;
    }
}
