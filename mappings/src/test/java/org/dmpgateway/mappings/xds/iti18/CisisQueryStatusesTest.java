package org.dmpgateway.mappings.xds.iti18;

import org.dmpgateway.model.EntryStatus;
import org.dmpgateway.model.query.QueryCommand;
import org.dmpgateway.model.query.RegistryQuery;
import org.junit.jupiter.api.Test;
import org.openehealth.ipf.commons.ihe.xds.XDS;
import org.openehealth.ipf.commons.ihe.xds.core.ebxml.ebxml30.EbXMLAdhocQueryRequest30;
import org.openehealth.ipf.commons.ihe.xds.core.metadata.AssigningAuthority;
import org.openehealth.ipf.commons.ihe.xds.core.metadata.AvailabilityStatus;
import org.openehealth.ipf.commons.ihe.xds.core.metadata.Identifiable;
import org.openehealth.ipf.commons.ihe.xds.core.requests.QueryRegistry;
import org.openehealth.ipf.commons.ihe.xds.core.requests.query.FindDocumentsQuery;
import org.openehealth.ipf.commons.ihe.xds.core.stub.ebrs30.query.AdhocQueryRequest;
import org.openehealth.ipf.commons.ihe.xds.core.transform.requests.QueryParameter;
import org.openehealth.ipf.commons.ihe.xds.core.transform.requests.QueryRegistryTransformer;
import org.openehealth.ipf.commons.ihe.xds.core.transform.requests.query.QuerySlotHelper;
import org.openehealth.ipf.commons.ihe.xds.core.validate.requests.AdhocQueryRequestValidator;

import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** $XDSDocumentEntryStatus with the CI-SIS Archived status: accepted by IPF's validator, kept for the core. */
class CisisQueryStatusesTest {
    static final String APPROVED = EntryStatus.APPROVED.urn();
    static final String ARCHIVED = EntryStatus.ARCHIVED.urn();

    static AdhocQueryRequest findDocuments(List<String> statuses) {
        FindDocumentsQuery q = new FindDocumentsQuery();
        q.setPatientId(new Identifiable("279035121518989", new AssigningAuthority("1.2.250.1.213.1.4.10")));
        q.setStatus(List.of(AvailabilityStatus.APPROVED));
        var ebXml = new QueryRegistryTransformer().toEbXML(new QueryRegistry(q));
        AdhocQueryRequest request = (AdhocQueryRequest) ebXml.getInternal();
        request.getAdhocQuery().getSlot().removeIf(s -> "$XDSDocumentEntryStatus".equals(s.getName()));
        new QuerySlotHelper(new EbXMLAdhocQueryRequest30(request)).fromStringList(QueryParameter.DOC_ENTRY_STATUS, statuses);
        return request;
    }

    static QueryCommand mapped(AdhocQueryRequest request, List<EntryStatus> asked) {
        QueryRegistry registry = new QueryRegistryTransformer().fromEbXML(new EbXMLAdhocQueryRequest30(request));
        return CisisQueryStatuses.withDocumentStatuses(XdsQueryMapper.toQueryCommand(registry), asked);
    }

    static List<EntryStatus> statusesOf(QueryCommand command) {
        return ((RegistryQuery.FindDocuments) command.query()).criteria().statuses();
    }

    @Test
    void archivedIsKeptForTheCoreAndStandsAsApprovedForIpf() {
        AdhocQueryRequest request = findDocuments(List.of(APPROVED, ARCHIVED));
        assertThrows(Exception.class, () -> AdhocQueryRequestValidator.getInstance().validate(
                new EbXMLAdhocQueryRequest30(findDocuments(List.of(ARCHIVED))), XDS.Interactions.ITI_18),
                "IPF's validator alone refuses the CI-SIS status");

        List<EntryStatus> asked = CisisQueryStatuses.standInForIpf(request);

        assertEquals(List.of(EntryStatus.APPROVED, EntryStatus.ARCHIVED), asked);
        assertEquals(List.of(APPROVED), new QuerySlotHelper(new EbXMLAdhocQueryRequest30(request))
                .toStringList(QueryParameter.DOC_ENTRY_STATUS));
        AdhocQueryRequestValidator.getInstance().validate(new EbXMLAdhocQueryRequest30(request), XDS.Interactions.ITI_18);
        assertEquals(List.of(EntryStatus.APPROVED, EntryStatus.ARCHIVED), statusesOf(mapped(request, asked)));
    }

    @Test
    void archivedAloneSelectsOnlyArchivedDocuments() {
        AdhocQueryRequest request = findDocuments(List.of(ARCHIVED));
        List<EntryStatus> asked = CisisQueryStatuses.standInForIpf(request);
        assertEquals(List.of(EntryStatus.ARCHIVED), asked);
        assertEquals(List.of(EntryStatus.ARCHIVED), statusesOf(mapped(request, asked)));
    }

    @Test
    void aQueryWithoutCisisStatusIsLeftAsItIs() {
        AdhocQueryRequest request = findDocuments(List.of(APPROVED));
        assertNull(CisisQueryStatuses.standInForIpf(request));
        QueryCommand command = mapped(request, null);
        assertEquals(List.of(EntryStatus.APPROVED), statusesOf(command));
        assertSame(command, CisisQueryStatuses.withDocumentStatuses(command, null));
        assertNull(CisisQueryStatuses.standInForIpf(null));
    }
}
