package org.dmpgateway.fhir.iti67;

import org.dmpgateway.fhir.query.RegistryReader;
import ca.uhn.fhir.rest.api.server.IBundleProvider;
import org.dmpgateway.model.access.AccessContext;
import org.dmpgateway.mappings.fhir.documentreference.DocumentReferenceWriter;
import org.dmpgateway.model.query.DocumentCriteria;
import org.dmpgateway.model.query.QueryResult;
import org.dmpgateway.model.query.RegistryQuery;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.instance.model.api.IPrimitiveType;
import org.hl7.fhir.r4.model.InstantType;

import java.util.ArrayList;
import java.util.Date;
import java.util.List;

/**
 * One page of an ITI-67 search, fetched from the core only when HAPI asks: the page is one
 * FindDocuments with the page's offset and limit (cut in SQL after the caller's visibility), and
 * {@link #size()} (Bundle.total) is read from it when it can be: a page with fewer documents than its
 * size is the end of the selection, so the total is its offset plus what it holds. Only a full page
 * (or an empty one past the first) needs the core's COUNT_DOCUMENTS. Both run with the identity of
 * the request being served.
 * <p>
 * Paging is by offset ({@link #getCurrentPageOffset()}), never by a result list kept on the server:
 * HAPI then writes the next/previous links as the same search with {@code _offset} and
 * {@code _count}, so every page is a new search, admitted and filtered by the core for whoever
 * follows the link. (The server has no paging provider, so no {@code _getpages} link can exist.)
 */
final class DocumentPage implements IBundleProvider {
    private final RegistryReader reader;
    private final DocumentCriteria criteria;
    private final AccessContext caller;
    private final int offset;
    private final int pageSize;
    private final String fhirBase;
    private final InstantType published = InstantType.now();
    private Integer size;
    private List<IBaseResource> resources;

    DocumentPage(RegistryReader reader, DocumentCriteria criteria, AccessContext caller, int offset, int pageSize,
                 String fhirBase) {
        this.reader = reader;
        this.criteria = criteria;
        this.caller = caller;
        this.offset = offset;
        this.pageSize = pageSize;
        this.fhirBase = fhirBase;
    }

    @Override
    public IPrimitiveType<Date> getPublished() {
        return published;
    }

    /**
     * The resources of this page from {@code fromIndex} to {@code toIndex} (indexes within the page:
     * HAPI asks for the whole page, 0 to MAX, in offset paging).
     */
    @Override
    public List<IBaseResource> getResources(int fromIndex, int toIndex) {
        int from = Math.max(0, fromIndex);
        int to = Math.min(toIndex, pageSize);
        if (to <= from) {
            return List.of();
        }
        List<IBaseResource> whole = page();
        return whole.subList(Math.min(from, whole.size()), Math.min(to, whole.size()));
    }

    /** The whole page, selected once (HAPI asks for the total first, then for the resources). */
    private List<IBaseResource> page() {
        if (resources == null) {
            DocumentCriteria page = criteria.toBuilder().offset(offset).limit(pageSize).build();
            QueryResult found = reader.query(new RegistryQuery.FindDocuments(page, true), caller);
            List<IBaseResource> mapped = new ArrayList<>(found.documents().size());
            found.documents().forEach(d -> mapped.add(DocumentReferenceWriter.toResource(d, fhirBase, found.associations())));
            resources = mapped;
        }
        return resources;
    }

    @Override
    public String getUuid() {
        return null;
    }

    @Override
    public Integer preferredPageSize() {
        return pageSize;
    }

    /**
     * The total of the search for this caller (Bundle.total), asked once: from the page when the page
     * is not full (it then ends the selection), otherwise counted by the core.
     */
    @Override
    public Integer size() {
        if (size == null) {
            int held = pageSize > 0 ? page().size() : 0;
            if (pageSize > 0 && held < pageSize && (held > 0 || offset == 0)) {
                size = offset + held;
            } else {
                size = (int) Math.min(Integer.MAX_VALUE, reader.count(criteria, caller));
            }
        }
        return size;
    }

    @Override
    public Integer getCurrentPageOffset() {
        return offset;
    }

    @Override
    public Integer getCurrentPageSize() {
        return pageSize;
    }
}
