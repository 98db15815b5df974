package org.dmpgateway.fhir.query;

import org.dmpgateway.model.Core;
import org.dmpgateway.fhir.error.FhirRefusal;
import org.dmpgateway.model.access.AccessContext;
import org.dmpgateway.model.error.DmpErrorCode;
import org.dmpgateway.model.DocumentEntryRecord;
import org.dmpgateway.model.query.DocumentCriteria;
import org.dmpgateway.model.query.DocumentsPage;
import org.dmpgateway.model.query.FoundLists;
import org.dmpgateway.model.query.ListSearch;
import org.dmpgateway.model.query.QueryCommand;
import org.dmpgateway.model.trail.TraceAction;
import org.dmpgateway.model.query.QueryResult;
import org.dmpgateway.model.query.RegistryQuery;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.regex.Pattern;

/**
 * The reads of the FHIR providers, each one a core command sent with the caller's identity (so the
 * core's admission, scope and visibility apply every time): stored queries, a page of
 * FindDocuments with its total, one document entry by its resource id.
 */
@Component
public class RegistryReader {
    private static final String URN_UUID = "urn:uuid:";
    /** The ids a resource of the registry can have (FHIR id: 1 to 64 letters, digits, '-' and '.'). */
    private static final Pattern RESOURCE_ID = Pattern.compile("[A-Za-z0-9\\-.]{1,64}");

    private final Core core;

    public RegistryReader(Core core) {
        this.core = core;
    }

    /** A stored query (QUERY_REGISTRY). */
    public QueryResult query(RegistryQuery query, AccessContext caller) {
        return core.query(new QueryCommand(query, false), caller);
    }

    /** ITI-66: the Lists and the documents each references that the caller may see, as one query (FIND_LISTS). */
    public FoundLists findLists(ListSearch search, AccessContext caller) {
        return core.findLists(search, caller);
    }

    /**
     * The documents an id-based query names, for a change the caller prepares (FIND_FOR_CHANGE):
     * admitted with the rules of {@code action} (UPDATE or DELETE), not traced as a query.
     */
    public QueryResult queryForChange(RegistryQuery query, AccessContext caller, TraceAction action) {
        return core.findForChange(new QueryCommand(query, false), action, caller);
    }

    /** {@link #document} for a change the caller prepares ({@link #queryForChange}). */
    public DocumentEntryRecord documentForChange(String resourceType, String id, AccessContext caller,
                                                 TraceAction action) {
        if (id == null || !RESOURCE_ID.matcher(id).matches()) {
            throw notFound(resourceType, id);
        }
        QueryResult found = queryForChange(new RegistryQuery.GetDocuments(List.of(URN_UUID + id), null, null, true),
                caller, action);
        if (found.documents().isEmpty()) {
            throw notFound(resourceType, id);
        }
        return found.documents().get(0);
    }

    /**
     * ITI-67: one page of a FindDocuments (the criteria's offset and limit, relationships included)
     * and the number of documents its selection holds for this caller, as one query (FIND_DOCUMENTS_PAGE).
     */
    public DocumentsPage page(DocumentCriteria criteria, AccessContext caller) {
        return core.findPage(new QueryCommand(new RegistryQuery.FindDocuments(criteria, true), false), caller);
    }

    /**
     * The document entry of {@code DocumentReference/<id>} (entryUUID {@code urn:uuid:<id>}) among
     * what the caller may see; otherwise UNKNOWN_DOCUMENT (404), whether it does not exist or is hidden.
     */
    public DocumentEntryRecord document(String resourceType, String id, AccessContext caller) {
        return documentWithRelationships(resourceType, id, caller).documents().get(0);
    }

    /**
     * {@link #document} with the entry's document relationships (MHD relatesTo): a QueryResult holding
     * the one entry and the associations whose source it is and whose target the caller may see.
     */
    public QueryResult documentWithRelationships(String resourceType, String id, AccessContext caller) {
        if (id == null || !RESOURCE_ID.matcher(id).matches()) {
            throw notFound(resourceType, id);
        }
        QueryResult found = query(new RegistryQuery.GetDocuments(List.of(URN_UUID + id), null, null, true), caller);
        if (found.documents().isEmpty()) {
            throw notFound(resourceType, id);
        }
        return found;
    }

    public static FhirRefusal notFound(String resourceType, String id) {
        return FhirRefusal.of(DmpErrorCode.UNKNOWN_DOCUMENT, resourceType + "/" + id
                + " is unknown, or not visible to this professional", resourceType + ".id");
    }
}
