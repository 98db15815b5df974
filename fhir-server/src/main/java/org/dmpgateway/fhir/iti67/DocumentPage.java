package org.dmpgateway.fhir.iti67;

import org.dmpgateway.fhir.query.RegistryReader;
import ca.uhn.fhir.rest.api.server.IBundleProvider;
import org.dmpgateway.model.access.AccessContext;
import org.dmpgateway.mappings.fhir.documentreference.DocumentReferenceWriter;
import org.dmpgateway.model.query.DocumentCriteria;
import org.dmpgateway.model.query.DocumentsPage;
import org.dmpgateway.model.query.QueryResult;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.instance.model.api.IPrimitiveType;
import org.hl7.fhir.r4.model.InstantType;

import java.util.ArrayList;
import java.util.Date;
import java.util.List;

/**
 * One page of an ITI-67 search, fetched from the core only when HAPI asks: the page and the total of
 * its selection (Bundle.total) are one core command (FIND_DOCUMENTS_PAGE: one admission, one trace),
 * run with the identity of the request being served; the page is cut in SQL after the caller's
 * visibility, and the core counts the selection only when the page does not show where it ends.
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

    /** The whole page, selected once with its total (HAPI asks for the total first, then for the resources). */
    private List<IBaseResource> page() {
        if (resources == null) {
            DocumentsPage found = reader.page(criteria.toBuilder().offset(offset).limit(pageSize).build(), caller);
            QueryResult page = found.page();
            List<IBaseResource> mapped = new ArrayList<>(page.documents().size());
            page.documents().forEach(d -> mapped.add(DocumentReferenceWriter.toResource(d, fhirBase, page.associations())));
            resources = mapped;
            size = (int) Math.min(Integer.MAX_VALUE, found.total());
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

    /** The total of the search for this caller (Bundle.total), given with the page. */
    @Override
    public Integer size() {
        page();
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
