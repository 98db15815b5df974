package org.dmpgateway.mappings.xds.iti62;

import org.dmpgateway.model.error.DmpErrorCode;
import org.dmpgateway.model.error.DmpException;
import org.dmpgateway.model.DocumentRemoval;
import org.openehealth.ipf.commons.ihe.xds.core.metadata.ObjectReference;
import org.openehealth.ipf.commons.ihe.xds.core.requests.RemoveMetadata;

import java.util.ArrayList;
import java.util.List;

/**
 * ITI-62 Remove Metadata (IPF model) to the internal {@link DocumentRemoval}: the entryUUIDs of the
 * referenced objects, in request order. A reference without id is METADATA_ERROR. The references'
 * home attribute is not carried (the gateway is a single community).
 */
public final class XdsRemovalMapper {
    private XdsRemovalMapper() {
    }

    public static DocumentRemoval toDocumentRemoval(RemoveMetadata request) {
        List<String> ids = new ArrayList<>();
        for (ObjectReference ref : request.getReferences()) {
            if (ref == null || ref.getId() == null || ref.getId().isBlank()) {
                throw new DmpException(DmpErrorCode.METADATA_ERROR,
                        "ObjectRef: every reference of a Remove Metadata request needs the id of an object", "ObjectRef");
            }
            ids.add(ref.getId());
        }
        return new DocumentRemoval(ids);
    }
}
