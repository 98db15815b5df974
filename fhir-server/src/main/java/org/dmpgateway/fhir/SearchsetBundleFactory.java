package org.dmpgateway.fhir;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.api.BundleInclusionRule;
import ca.uhn.fhir.model.api.Include;
import ca.uhn.fhir.model.api.ResourceMetadataKeyEnum;
import ca.uhn.fhir.model.valueset.BundleTypeEnum;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.hapi.rest.server.R4BundleFactory;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Resource;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * HAPI's R4 bundle factory without its reference walk where nothing can be included. For every
 * resource of a page, {@link R4BundleFactory#addResourcesToBundle} first lists all its references
 * ({@code FhirTerser.getAllResourceReferences}, a visit of every element) and only then asks the
 * inclusion rule whether each referenced resource is to be added; with the server's rule
 * ({@link BundleInclusionRule#BASED_ON_INCLUDES}) and no {@code _include} the answer is always no, so
 * the walk is a quarter of HAPI's work on a searchset of DocumentReferences (docs/performance.md).
 * <p>
 * Such a searchset is built by HAPI's own factory from stand-ins (a resource of the same type and id,
 * nothing else: all HAPI reads to write an entry's {@code fullUrl}), whose entries then receive the
 * real resources in order. A resource carrying HAPI's entry metadata (search mode, score, transaction
 * method), another bundle type, another rule or an {@code _include} goes to HAPI's factory as is.
 */
final class SearchsetBundleFactory extends R4BundleFactory {
    private static final List<ResourceMetadataKeyEnum<?>> ENTRY_METADATA = List.of(
            ResourceMetadataKeyEnum.ENTRY_SEARCH_MODE, ResourceMetadataKeyEnum.ENTRY_SEARCH_SCORE,
            ResourceMetadataKeyEnum.ENTRY_TRANSACTION_METHOD);

    private final FhirContext context;

    SearchsetBundleFactory(FhirContext context) {
        super(context);
        this.context = context;
    }

    @Override
    public void addResourcesToBundle(List<IBaseResource> result, BundleTypeEnum type, String serverBase,
                                     BundleInclusionRule rule, Set<Include> includes) {
        if (type != BundleTypeEnum.SEARCHSET || rule != BundleInclusionRule.BASED_ON_INCLUDES
                || (includes != null && !includes.isEmpty()) || !result.stream().allMatch(SearchsetBundleFactory::plain)) {
            super.addResourcesToBundle(result, type, serverBase, rule, includes);
            return;
        }
        List<IBaseResource> standIns = new ArrayList<>(result.size());
        for (IBaseResource resource : result) {
            IBaseResource standIn = context.getResourceDefinition(resource).newInstance();
            standIn.setId(resource.getIdElement());
            standIns.add(standIn);
        }
        super.addResourcesToBundle(standIns, type, serverBase, rule, includes);
        List<Bundle.BundleEntryComponent> entries = ((Bundle) getResourceBundle()).getEntry();
        int first = entries.size() - result.size();
        for (int i = 0; i < result.size(); i++) {
            entries.get(first + i).setResource((Resource) result.get(i));
        }
    }

    /** A resource (not null) without any of the entry metadata R4BundleFactory writes into an entry. */
    private static boolean plain(IBaseResource resource) {
        return resource != null && ENTRY_METADATA.stream().allMatch(key -> key.get(resource) == null);
    }
}
