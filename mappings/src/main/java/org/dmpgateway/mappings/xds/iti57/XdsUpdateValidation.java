package org.dmpgateway.mappings.xds.iti57;

import org.dmpgateway.mappings.xds.validation.DmpValidationProfile;
import org.openehealth.ipf.commons.ihe.xds.XDS;
import org.openehealth.ipf.commons.ihe.xds.core.ebxml.EbXMLAssociation;
import org.openehealth.ipf.commons.ihe.xds.core.ebxml.EbXMLClassification;
import org.openehealth.ipf.commons.ihe.xds.core.ebxml.EbXMLSlot;
import org.openehealth.ipf.commons.ihe.xds.core.ebxml.EbXMLSubmitObjectsRequest;
import org.openehealth.ipf.commons.ihe.xds.core.ebxml.ebxml30.EbXMLFactory30;
import org.openehealth.ipf.commons.ihe.xds.core.ebxml.ebxml30.EbXMLSubmitObjectsRequest30;
import org.openehealth.ipf.commons.ihe.xds.core.metadata.AssociationType;
import org.openehealth.ipf.commons.ihe.xds.core.metadata.AvailabilityStatus;
import org.openehealth.ipf.commons.ihe.xds.core.stub.ebrs30.lcm.SubmitObjectsRequest;
import org.openehealth.ipf.commons.ihe.xds.core.validate.requests.SubmitObjectsRequestValidator;

import org.dmpgateway.model.error.DmpErrorCode;
import org.dmpgateway.model.error.DmpException;
import org.dmpgateway.model.EntryStatus;

import java.util.List;

import static org.openehealth.ipf.commons.ihe.xds.core.metadata.Vocabulary.SLOT_NAME_ASSOCIATION_PROPAGATION;
import static org.openehealth.ipf.commons.ihe.xds.core.metadata.Vocabulary.SLOT_NAME_NEW_STATUS;
import static org.openehealth.ipf.commons.ihe.xds.core.metadata.Vocabulary.SLOT_NAME_ORIGINAL_STATUS;

/**
 * IPF's ITI-57 request validation, made to accept the DMP's availability statuses.
 *
 * <p>IPF's {@code SubmitObjectsRequestValidator} (behind {@code XdsCamelValidators.iti57RequestValidator()})
 * requires the OriginalStatus and NewStatus slots of an UpdateAvailabilityStatus association to be
 * statuses IPF knows; its {@code AvailabilityStatus} has only Approved and Deprecated, so it refuses
 * the CI-SIS statuses {@code urn:asip:ci-sis:2010:StatusType:Archived} and {@code ...:Deleted} that
 * the DMP uses to archive and delete (TD3.3c, TD3.3d) with "missing original/new status". Skipping
 * the validator would also skip everything else it checks (structure, slots, codes, patient
 * identifiers, the metadata-update rules: logicalID, PreviousVersion, SubmissionSet HasMember).
 *
 * <p>So the gateway checks the status slots itself (each must be a status of JDV_J52, else
 * METADATA_UPDATE_ERROR naming the slot and value) and runs IPF's validator unchanged on a view of
 * the request: the same objects, except that each UpdateAvailabilityStatus association carrying a
 * CI-SIS status is replaced by a copy whose status slots hold the standard status standing for it
 * (Archived as Approved, Deleted as Deprecated), and the DMP's CX and XON conventions seen in their
 * IHE form ({@link DmpValidationProfile}). Every other rule is IPF's. A request without
 * CI-SIS statuses is validated as it is. The request itself is never modified.
 */
public final class XdsUpdateValidation {
    private static final List<String> STATUS_SLOTS = List.of(SLOT_NAME_ORIGINAL_STATUS, SLOT_NAME_NEW_STATUS);
    private static final List<String> PROPAGATION_VALUES = List.of("yes", "no");

    private XdsUpdateValidation() {
    }

    /**
     * Validates an ITI-57 request: throws IPF's {@code XDSMetaDataException} or
     * {@code XdsRuntimeException}, or a {@code DmpException} (METADATA_UPDATE_OPERATION_ERROR) for
     * an operation the registry cannot decode ({@link #operationsDecodable}).
     */
    public static void validate(SubmitObjectsRequest request) {
        operationsDecodable(new EbXMLSubmitObjectsRequest30(request));
        try {
            DmpValidationProfile.validate(request, () -> SubmitObjectsRequestValidator.getInstance()
                    .validate(validationView(request), XDS.Interactions.ITI_57));
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The operations of the request are ones the registry can decode, else
     * METADATA_UPDATE_OPERATION_ERROR (XDSMetadataUpdateOperationError, IHE ITI TF-2b 3.57.4.1.3),
     * checked before IPF's validator (which would answer a missing status with a generic
     * XDSRegistryMetadataError): an UpdateAvailabilityStatus association carries OriginalStatus and
     * NewStatus, both availability statuses and different, and no other slot (PreviousVersion, for
     * example, belongs to the HasMember of a new version); an AssociationPropagation slot, wherever it
     * is, has the single value {@code yes} or {@code no} (ITI TF-2b 3.57.4.1.3.3.1).
     */
    static void operationsDecodable(EbXMLSubmitObjectsRequest<SubmitObjectsRequest> request) {
        for (EbXMLAssociation a : request.getAssociations()) {
            if (a.getAssociationType() == AssociationType.UPDATE_AVAILABILITY_STATUS) {
                EntryStatus original = UpdateStatuses.read(a, SLOT_NAME_ORIGINAL_STATUS);
                EntryStatus next = UpdateStatuses.read(a, SLOT_NAME_NEW_STATUS);
                if (original == next) {
                    throw operationError(a, "OriginalStatus and NewStatus are the same status (" + next.urn()
                            + "): the association changes nothing");
                }
                for (EbXMLSlot slot : a.getSlots()) {
                    if (!STATUS_SLOTS.contains(slot.getName())) {
                        throw operationError(a, "slot " + slot.getName() + " does not belong to an "
                                + "UpdateAvailabilityStatus association (its slots: OriginalStatus, NewStatus)");
                    }
                }
            }
            List<String> propagation = a.getSlotValues(SLOT_NAME_ASSOCIATION_PROPAGATION);
            if (!propagation.isEmpty() && (propagation.size() != 1 || !PROPAGATION_VALUES.contains(propagation.get(0)))) {
                throw operationError(a, "AssociationPropagation " + propagation + " is not one of yes, no");
            }
        }
    }

    private static DmpException operationError(EbXMLAssociation a, String what) {
        return new DmpException(DmpErrorCode.METADATA_UPDATE_OPERATION_ERROR, "Association " + a.getId() + " ("
                + (a.getAssociationType() == null ? "unknown type" : a.getAssociationType().getOpcode30()) + "): "
                + what, a.getId());
    }

    /** The request as IPF's validator should see it (the request itself when it has no CI-SIS status). */
    static EbXMLSubmitObjectsRequest<SubmitObjectsRequest> validationView(SubmitObjectsRequest request) {
        var original = new EbXMLSubmitObjectsRequest30(request);
        boolean cisisStatuses = false;
        for (EbXMLAssociation a : original.getAssociations()) {
            if (a.getAssociationType() == AssociationType.UPDATE_AVAILABILITY_STATUS) {
                for (String slot : STATUS_SLOTS) {
                    String value = a.getSingleSlotValue(slot);
                    if (value != null) {
                        UpdateStatuses.read(a, slot);
                        cisisStatuses |= AvailabilityStatus.valueOfOpcode(value) == null;
                    }
                }
            }
        }
        if (!cisisStatuses) {
            return original;
        }
        var factory = new EbXMLFactory30();
        var view = factory.createSubmitObjectsRequest();
        for (EbXMLSlot s : original.getSlots()) {
            view.addSlot(s.getName(), s.getValueList().toArray(String[]::new));
        }
        original.getExtrinsicObjects().forEach(view::addExtrinsicObject);
        original.getRegistryPackages().forEach(view::addRegistryPackage);
        original.getClassifications().forEach(view::addClassification);
        for (EbXMLAssociation a : original.getAssociations()) {
            view.addAssociation(a.getAssociationType() == AssociationType.UPDATE_AVAILABILITY_STATUS
                    ? withStandardStatuses(a, factory, view) : a);
        }
        return view;
    }

    private static EbXMLAssociation withStandardStatuses(EbXMLAssociation a, EbXMLFactory30 factory,
                                                         EbXMLSubmitObjectsRequest<SubmitObjectsRequest> view) {
        EbXMLAssociation copy = factory.createAssociation(a.getId(), view.getObjectLibrary());
        copy.setAssociationType(a.getAssociationType());
        copy.setSource(a.getSource());
        copy.setTarget(a.getTarget());
        copy.setStatus(a.getStatus());
        copy.setLid(a.getLid());
        copy.setHome(a.getHome());
        for (EbXMLSlot s : a.getSlots()) {
            String value = s.getValueList().isEmpty() ? null : s.getValueList().get(0);
            if (STATUS_SLOTS.contains(s.getName()) && value != null) {
                copy.addSlot(s.getName(), UpdateStatuses.standIn(UpdateStatuses.parse(value)).getOpcode());
            } else {
                copy.addSlot(s.getName(), s.getValueList().toArray(String[]::new));
            }
        }
        for (EbXMLClassification c : a.getClassifications()) {
            copy.addClassification(c, c.getClassificationScheme());
        }
        return copy;
    }
}
