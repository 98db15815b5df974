package org.dmpgateway.mappings.xds.iti18;

import org.dmpgateway.model.EntryStatus;
import org.dmpgateway.model.query.QueryCommand;
import org.dmpgateway.model.query.RegistryQuery;
import org.openehealth.ipf.commons.ihe.xds.core.ebxml.ebxml30.EbXMLAdhocQueryRequest30;
import org.openehealth.ipf.commons.ihe.xds.core.stub.ebrs30.query.AdhocQueryRequest;
import org.openehealth.ipf.commons.ihe.xds.core.transform.requests.QueryParameter;
import org.openehealth.ipf.commons.ihe.xds.core.transform.requests.query.QuerySlotHelper;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The CI-SIS status Archived ({@code urn:asip:ci-sis:2010:StatusType:Archived}, JDV_J52: archived
 * and current) in {@code $XDSDocumentEntryStatus}: a DMP client asks for archived documents with it.
 * IPF's query model knows only Approved and Deprecated (its validator refuses any other status and
 * its model drops it), so the statuses are read here from the ebXML request with IPF's slot helper,
 * the slot is given to IPF with Approved standing for Archived, and the internal query gets the
 * statuses asked for, Archived included. Queries without a CI-SIS status are left as they are.
 */
public final class CisisQueryStatuses {
    private static final QueryParameter SLOT = QueryParameter.DOC_ENTRY_STATUS;

    private CisisQueryStatuses() {
    }

    /**
     * When the request's document-status slot names the CI-SIS Archived status: the document
     * statuses asked for (Archived included), after rewriting the slot with Approved standing for
     * Archived so that IPF's validator and model accept it. Otherwise null, the request untouched.
     */
    public static List<EntryStatus> standInForIpf(AdhocQueryRequest request) {
        if (request == null) {
            return null;
        }
        QuerySlotHelper slots = new QuerySlotHelper(new EbXMLAdhocQueryRequest30(request));
        List<String> values = slots.toStringList(SLOT);
        if (values == null || !values.contains(EntryStatus.ARCHIVED.urn())) {
            return null;
        }
        Set<EntryStatus> asked = new LinkedHashSet<>();
        List<String> forIpf = new ArrayList<>();
        for (String value : values) {
            EntryStatus status = parse(value);
            if (status != null) {
                asked.add(status);
            }
            String standIn = status == EntryStatus.ARCHIVED ? EntryStatus.APPROVED.urn() : value;
            if (!forIpf.contains(standIn)) {
                forIpf.add(standIn);
            }
        }
        request.getAdhocQuery().getSlot().removeIf(slot -> SLOT.getSlotName().equals(slot.getName()));
        slots.fromStringList(SLOT, forIpf);
        return List.copyOf(asked);
    }

    /** The command with these document statuses (FindDocuments, FindDocumentsByReferenceId, GetAll); null: unchanged. */
    public static QueryCommand withDocumentStatuses(QueryCommand command, List<EntryStatus> statuses) {
        if (statuses == null) {
            return command;
        }
        RegistryQuery q = command.query();
        if (q instanceof RegistryQuery.FindDocuments f) {
            q = new RegistryQuery.FindDocuments(f.criteria().toBuilder().statuses(statuses).build(), f.withRelationships());
        } else if (q instanceof RegistryQuery.GetAll g) {
            q = new RegistryQuery.GetAll(g.patient(), statuses, g.submissionSetStatuses(), g.folderStatuses(),
                    g.formatCodes(), g.confidentialityCodes(), g.onDemand());
        }
        return new QueryCommand(q, command.objectRefsOnly());
    }

    private static EntryStatus parse(String urn) {
        for (EntryStatus s : EntryStatus.values()) {
            if (s.urn().equals(urn)) {
                return s;
            }
        }
        return null;
    }
}
