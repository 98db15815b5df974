package org.dmpgateway.mappings.xds.iti57;

import org.openehealth.ipf.commons.ihe.xds.core.SampleData;
import org.openehealth.ipf.commons.ihe.xds.core.ebxml.EbXMLAssociation;
import org.openehealth.ipf.commons.ihe.xds.core.ebxml.EbXMLSubmitObjectsRequest;
import org.openehealth.ipf.commons.ihe.xds.core.ebxml.ebxml30.EbXMLFactory30;
import org.openehealth.ipf.commons.ihe.xds.core.ebxml.ebxml30.EbXMLSubmitObjectsRequest30;
import org.openehealth.ipf.commons.ihe.xds.core.metadata.AssigningAuthority;
import org.openehealth.ipf.commons.ihe.xds.core.metadata.Association;
import org.openehealth.ipf.commons.ihe.xds.core.metadata.AssociationLabel;
import org.openehealth.ipf.commons.ihe.xds.core.metadata.AssociationType;
import org.openehealth.ipf.commons.ihe.xds.core.metadata.AvailabilityStatus;
import org.openehealth.ipf.commons.ihe.xds.core.metadata.DocumentEntry;
import org.openehealth.ipf.commons.ihe.xds.core.metadata.Identifiable;
import org.openehealth.ipf.commons.ihe.xds.core.metadata.SubmissionSet;
import org.openehealth.ipf.commons.ihe.xds.core.requests.RegisterDocumentSet;
import org.openehealth.ipf.commons.ihe.xds.core.stub.ebrs30.lcm.SubmitObjectsRequest;
import org.openehealth.ipf.commons.ihe.xds.core.transform.requests.RegisterDocumentSetTransformer;

/**
 * ITI-57 requests for the tests, built with IPF's model (SampleData's submission set and document
 * entry) and turned into ebXML by IPF's transformer; CI-SIS status slots are then added to the ebXML
 * associations, as a DMP client sends them.
 */
final class UpdateRequests {
    static final Identifiable PATIENT = new Identifiable("279035121518989",
            new AssigningAuthority("1.2.250.1.213.1.4.10"));
    static final String SET = "urn:uuid:5f0c1d7e-0d5e-4a38-9a3c-1b0a1d2e3f40";
    static final String NEW_ENTRY = "urn:uuid:7d2f6a8e-3c1b-4d5e-8f90-a1b2c3d4e5f6";
    static final String LOGICAL_ID = "urn:uuid:0a1b2c3d-4e5f-4607-8819-2a3b4c5d6e7f";
    static final String TARGET = "urn:uuid:9e8d7c6b-5a49-4382-a716-0f1e2d3c4b5a";
    static final String HAS_MEMBER = "urn:uuid:11111111-2222-4333-8444-555555555555";
    static final String STATUS_CHANGE = "urn:uuid:66666666-7777-4888-9999-aaaaaaaaaaaa";
    static final String ARCHIVED = "urn:asip:ci-sis:2010:StatusType:Archived";
    static final String DELETED = "urn:asip:ci-sis:2010:StatusType:Deleted";

    private UpdateRequests() {
    }

    /** The submission set of every request. */
    static SubmissionSet submissionSet() {
        SubmissionSet set = SampleData.createSubmissionSet(PATIENT);
        set.setEntryUuid(SET);
        set.setUniqueId("1.2.250.1.999.57.1");
        return set;
    }

    /** A new metadata version of document LOGICAL_ID, member of the set with PreviousVersion. */
    static RegisterDocumentSet newVersion(String previousVersion) {
        DocumentEntry entry = SampleData.createDocumentEntry(PATIENT);
        entry.setEntryUuid(NEW_ENTRY);
        entry.setLogicalUuid(LOGICAL_ID);
        RegisterDocumentSet request = new RegisterDocumentSet();
        request.setSubmissionSet(submissionSet());
        request.getDocumentEntries().add(entry);
        Association member = new Association(AssociationType.HAS_MEMBER, HAS_MEMBER, SET, NEW_ENTRY);
        member.setLabel(AssociationLabel.ORIGINAL);
        member.setPreviousVersion(previousVersion);
        request.getAssociations().add(member);
        return request;
    }

    /** An UpdateAvailabilityStatus association set -> TARGET with IPF-known statuses (IPF writes short forms). */
    static RegisterDocumentSet statusChangeModel(AvailabilityStatus original, AvailabilityStatus newStatus) {
        RegisterDocumentSet request = new RegisterDocumentSet();
        request.setSubmissionSet(submissionSet());
        Association change = new Association(AssociationType.UPDATE_AVAILABILITY_STATUS, STATUS_CHANGE, SET, TARGET);
        change.setOriginalStatus(original);
        change.setNewStatus(newStatus);
        request.getAssociations().add(change);
        return request;
    }

    /** An UpdateAvailabilityStatus association set -> TARGET with the status slots written as given. */
    static SubmitObjectsRequest statusChange(String originalSlot, String newSlot) {
        EbXMLSubmitObjectsRequest<SubmitObjectsRequest> ebXml = ebXml(statusChangeModel(null, null));
        EbXMLAssociation change = association(ebXml, STATUS_CHANGE);
        if (originalSlot != null) {
            change.addSlot("OriginalStatus", originalSlot);
        }
        if (newSlot != null) {
            change.addSlot("NewStatus", newSlot);
        }
        return ebXml.getInternal();
    }

    static EbXMLSubmitObjectsRequest<SubmitObjectsRequest> ebXml(RegisterDocumentSet request) {
        return new RegisterDocumentSetTransformer(new EbXMLFactory30()).toEbXML(request);
    }

    static SubmitObjectsRequest toEbXml(RegisterDocumentSet request) {
        return ebXml(request).getInternal();
    }

    static EbXMLAssociation association(EbXMLSubmitObjectsRequest<SubmitObjectsRequest> ebXml, String id) {
        return ebXml.getAssociations().stream().filter(a -> id.equals(a.getId())).findFirst().orElseThrow();
    }

    static EbXMLAssociation association(SubmitObjectsRequest request, String id) {
        return association(new EbXMLSubmitObjectsRequest30(request), id);
    }
}
