package org.dmpgateway.mappings.xds.iti57;

import org.dmpgateway.model.error.DmpErrorCode;
import org.dmpgateway.model.error.DmpException;
import org.dmpgateway.model.EntryStatus;
import org.junit.jupiter.api.Test;
import org.openehealth.ipf.commons.ihe.xds.XDS;
import org.openehealth.ipf.commons.ihe.xds.core.XdsRuntimeException;
import org.openehealth.ipf.commons.ihe.xds.core.ebxml.EbXMLAssociation;
import org.openehealth.ipf.commons.ihe.xds.core.ebxml.EbXMLSubmitObjectsRequest;
import org.openehealth.ipf.commons.ihe.xds.core.ebxml.ebxml30.EbXMLSubmitObjectsRequest30;
import org.openehealth.ipf.commons.ihe.xds.core.metadata.AvailabilityStatus;
import org.openehealth.ipf.commons.ihe.xds.core.requests.RegisterDocumentSet;
import org.openehealth.ipf.commons.ihe.xds.core.responses.ErrorCode;
import org.openehealth.ipf.commons.ihe.xds.core.stub.ebrs30.lcm.SubmitObjectsRequest;
import org.openehealth.ipf.commons.ihe.xds.core.validate.ValidationMessage;
import org.openehealth.ipf.commons.ihe.xds.core.validate.XDSMetaDataException;
import org.openehealth.ipf.commons.ihe.xds.core.validate.requests.SubmitObjectsRequestValidator;

import static org.dmpgateway.mappings.xds.iti57.UpdateRequests.*;
import static org.junit.jupiter.api.Assertions.*;

class XdsUpdateValidationTest {

    /** Why the gateway does not call IPF's ITI-57 validator on the request as it is. */
    @Test
    void ipfsValidatorAloneRefusesTheCiSisStatuses() {
        SubmitObjectsRequest archive = statusChange(EntryStatus.APPROVED.urn(), ARCHIVED);

        XDSMetaDataException e = assertThrows(XDSMetaDataException.class, () -> SubmitObjectsRequestValidator
                .getInstance().validate(new EbXMLSubmitObjectsRequest30(archive), XDS.Interactions.ITI_57));

        assertEquals(ValidationMessage.MISSING_NEW_STATUS, e.getValidationMessage());
    }

    @Test
    void archiveUnarchiveAndDeleteStatusesPassAndTheRequestIsLeftAsSent() {
        SubmitObjectsRequest archive = statusChange(EntryStatus.APPROVED.urn(), ARCHIVED);
        SubmitObjectsRequest unarchive = statusChange(ARCHIVED, EntryStatus.APPROVED.urn());
        SubmitObjectsRequest delete = statusChange(ARCHIVED, DELETED);

        assertDoesNotThrow(() -> XdsUpdateValidation.validate(archive));
        assertDoesNotThrow(() -> XdsUpdateValidation.validate(unarchive));
        assertDoesNotThrow(() -> XdsUpdateValidation.validate(delete));

        EbXMLAssociation sent = association(archive, STATUS_CHANGE);
        assertEquals(ARCHIVED, sent.getSingleSlotValue("NewStatus"));
        assertEquals(EntryStatus.APPROVED.urn(), sent.getSingleSlotValue("OriginalStatus"));
        assertEquals(1, sent.getSlotValues("NewStatus").size());
    }

    @Test
    void theViewCarriesStandardStatusesInPlaceOfTheCiSisOnes() {
        EbXMLSubmitObjectsRequest<SubmitObjectsRequest> view = XdsUpdateValidation.validationView(
                statusChange(ARCHIVED, DELETED));

        EbXMLAssociation seen = association(view, STATUS_CHANGE);
        assertEquals(AvailabilityStatus.APPROVED, seen.getOriginalStatus());
        assertEquals(AvailabilityStatus.DEPRECATED, seen.getNewStatus());
        assertEquals(SET, seen.getSource());
        assertEquals(TARGET, seen.getTarget());
        assertEquals(1, view.getRegistryPackages().size(), "the submission set is in the view");
    }

    @Test
    void aRequestWithStandardStatusesIsValidatedAsItIs() {
        SubmitObjectsRequest request = toEbXml(statusChangeModel(AvailabilityStatus.APPROVED, AvailabilityStatus.DEPRECATED));

        assertSame(request, XdsUpdateValidation.validationView(request).getInternal());
        assertDoesNotThrow(() -> XdsUpdateValidation.validate(request));
    }

    @Test
    void ipfsOtherRulesStillApplyNextToACiSisStatus() {
        EbXMLSubmitObjectsRequest<SubmitObjectsRequest> ebXml = ebXml(withStatusChange(newVersion("1")));
        association(ebXml, STATUS_CHANGE).addSlot("OriginalStatus", EntryStatus.APPROVED.urn());
        association(ebXml, STATUS_CHANGE).addSlot("NewStatus", ARCHIVED);
        SubmitObjectsRequest valid = ebXml.getInternal();
        assertDoesNotThrow(() -> XdsUpdateValidation.validate(valid));

        RegisterDocumentSet noPrevious = withStatusChange(newVersion("1"));
        noPrevious.getAssociations().get(0).setPreviousVersion(null);
        EbXMLSubmitObjectsRequest<SubmitObjectsRequest> invalid = ebXml(noPrevious);
        association(invalid, STATUS_CHANGE).addSlot("OriginalStatus", EntryStatus.APPROVED.urn());
        association(invalid, STATUS_CHANGE).addSlot("NewStatus", ARCHIVED);

        XdsRuntimeException e = assertThrows(XdsRuntimeException.class,
                () -> XdsUpdateValidation.validate(invalid.getInternal()));
        assertEquals(ErrorCode.METADATA_VERSION_ERROR, e.getErrorCode());
    }

    @Test
    void aStatusChangeNotFromTheSubmissionSetIsStillRefusedByIpf() {
        SubmitObjectsRequest request = statusChange(EntryStatus.APPROVED.urn(), DELETED);
        association(request, STATUS_CHANGE).setSource(TARGET);

        XDSMetaDataException e = assertThrows(XDSMetaDataException.class, () -> XdsUpdateValidation.validate(request));

        assertEquals(ValidationMessage.MISSING_SUBMISSION_SET, e.getValidationMessage());
    }

    @Test
    void aStatusThatIsNoAvailabilityStatusIsRefusedBeforeIpf() {
        SubmitObjectsRequest request = statusChange("urn:example:Hidden", ARCHIVED);

        DmpException e = assertThrows(DmpException.class, () -> XdsUpdateValidation.validate(request));

        assertEquals(DmpErrorCode.METADATA_UPDATE_OPERATION_ERROR, e.code());
        assertTrue(e.errors().get(0).message().contains("OriginalStatus 'urn:example:Hidden'"), e.getMessage());
    }

    @Test
    void aMissingStatusEqualStatusesOrAForeignSlotAreOperationErrorsBeforeIpf() {
        SubmitObjectsRequest missing = statusChange(null, ARCHIVED);
        SubmitObjectsRequest same = statusChange(EntryStatus.APPROVED.urn(), "Approved");
        SubmitObjectsRequest foreign = statusChange(EntryStatus.APPROVED.urn(), ARCHIVED);
        association(foreign, STATUS_CHANGE).addSlot("PreviousVersion", "1");

        assertOperationError(missing, "slot OriginalStatus is missing");
        assertOperationError(same, "OriginalStatus and NewStatus are the same status");
        assertOperationError(foreign, "slot PreviousVersion does not belong to an UpdateAvailabilityStatus association");
    }

    @Test
    void associationPropagationIsYesOrNo() {
        SubmitObjectsRequest yes = toEbXml(newVersion("1"));
        association(yes, HAS_MEMBER).addSlot("AssociationPropagation", "no");
        SubmitObjectsRequest maybe = toEbXml(newVersion("1"));
        association(maybe, HAS_MEMBER).addSlot("AssociationPropagation", "maybe");

        assertDoesNotThrow(() -> XdsUpdateValidation.validate(yes));
        assertOperationError(maybe, "AssociationPropagation [maybe] is not one of yes, no");
    }

    private static void assertOperationError(SubmitObjectsRequest request, String says) {
        DmpException e = assertThrows(DmpException.class, () -> XdsUpdateValidation.validate(request));
        assertEquals(DmpErrorCode.METADATA_UPDATE_OPERATION_ERROR, e.code());
        assertTrue(e.errors().get(0).message().contains(says), e.getMessage());
    }

    private static RegisterDocumentSet withStatusChange(RegisterDocumentSet request) {
        request.getAssociations().addAll(statusChangeModel(null, null).getAssociations());
        return request;
    }
}
