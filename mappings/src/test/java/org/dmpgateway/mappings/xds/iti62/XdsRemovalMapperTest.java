package org.dmpgateway.mappings.xds.iti62;

import org.dmpgateway.model.error.DmpErrorCode;
import org.dmpgateway.model.error.DmpException;
import org.junit.jupiter.api.Test;
import org.openehealth.ipf.commons.ihe.xds.core.SampleData;
import org.openehealth.ipf.commons.ihe.xds.core.metadata.ObjectReference;
import org.openehealth.ipf.commons.ihe.xds.core.requests.RemoveMetadata;

import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class XdsRemovalMapperTest {

    @Test
    void theReferencedEntryUuidsAreKeptInOrder() {
        assertEquals(List.of("urn:uuid:b2632452-1de7-480d-94b1-c2074d79c871", "urn:uuid:b2632df2-1de7-480d-1045-c2074d79aabd"),
                XdsRemovalMapper.toDocumentRemoval(SampleData.createRemoveMetadata()).entryUuids());
    }

    @Test
    void aReferenceWithoutIdIsAMetadataError() {
        RemoveMetadata request = SampleData.createRemoveMetadata();
        request.getReferences().add(new ObjectReference(null, "1.2.3"));

        DmpException e = assertThrows(DmpException.class, () -> XdsRemovalMapper.toDocumentRemoval(request));

        assertEquals(DmpErrorCode.METADATA_ERROR, e.code());
        assertEquals("ObjectRef", e.errors().get(0).location());
    }
}
