package org.dmpgateway.mappings.xds.error;

import org.junit.jupiter.api.Test;
import org.openehealth.ipf.commons.ihe.xds.core.responses.ErrorCode;
import org.openehealth.ipf.commons.ihe.xds.core.responses.Status;
import org.openehealth.ipf.commons.ihe.xds.core.validate.ValidationMessage;
import org.openehealth.ipf.commons.ihe.xds.core.validate.XDSMetaDataException;

import static org.junit.jupiter.api.Assertions.*;

class XdsFieldNamesTest {

    @Test
    void schemesAreFollowedByTheirFieldName() {
        String annotated = XdsFieldNames.annotate("Unexpected amount of classifications of scheme "
                + "urn:uuid:41a5887f-8865-4c09-adf7-e362475b143a, allowed = [ 1-  1], Was =    0");
        assertTrue(annotated.contains("urn:uuid:41a5887f-8865-4c09-adf7-e362475b143a (DocumentEntry.classCode)"), annotated);
        assertEquals("no scheme here", XdsFieldNames.annotate("no scheme here"));
        assertNull(XdsFieldNames.annotate(null));
    }

    @Test
    void aValidationFailureKeepsIpfsCodeAndGainsTheFieldName() {
        XDSMetaDataException e = new XDSMetaDataException(ValidationMessage.WRONG_NUMBER_OF_CLASSIFICATIONS,
                "urn:uuid:f0306f51-975f-434e-a61c-c59651d33983", 1, 1, 0);
        var response = XdsErrorMapper.fromValidationFailure(e, XdsTransaction.ITI_41);
        assertEquals(Status.FAILURE, response.getStatus());
        ErrorCode expected = ValidationMessage.WRONG_NUMBER_OF_CLASSIFICATIONS.getErrorCode() != null
                ? ValidationMessage.WRONG_NUMBER_OF_CLASSIFICATIONS.getErrorCode() : ErrorCode.REPOSITORY_METADATA_ERROR;
        assertEquals(expected, response.getErrors().get(0).getErrorCode());
        assertTrue(response.getErrors().get(0).getCodeContext().contains("DocumentEntry.typeCode"));
    }
}
