package org.dmpgateway.fhir;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.api.BundleInclusionRule;
import ca.uhn.fhir.model.api.Include;
import ca.uhn.fhir.model.api.ResourceMetadataKeyEnum;
import ca.uhn.fhir.model.valueset.BundleEntrySearchModeEnum;
import ca.uhn.fhir.model.valueset.BundleTypeEnum;
import ca.uhn.fhir.parser.IParser;
import ca.uhn.fhir.rest.api.BundleLinks;
import ca.uhn.fhir.rest.api.IVersionSpecificBundleFactory;
import org.dmpgateway.mappings.fhir.common.FhirFixtures;
import org.dmpgateway.mappings.fhir.documentreference.DocumentReferenceWriter;
import org.dmpgateway.model.AssociationKind;
import org.dmpgateway.model.AssociationRecord;
import org.dmpgateway.model.DocumentEntryRecord;
import org.dmpgateway.model.EntryStatus;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.hapi.rest.server.R4BundleFactory;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.InstantType;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

/** The server's searchsets are, to the byte, the bundles HAPI's own R4 factory builds. */
class SearchsetBundleFactoryTest {
    private static final String BASE = "https://dmp.example.org/fhir";
    private static final FhirContext CONTEXT = new FhirServerConfiguration().fhirContext();

    @Test
    void aPageOfDocumentReferencesWithEveryFieldIsWrittenAsHapiWritesIt() {
        List<IBaseResource> page = page();
        Bundle ours = build(SearchsetBundleFactory::new, page, BundleTypeEnum.SEARCHSET, Set.of());

        assertEquals(json(build(R4BundleFactory::new, page(), BundleTypeEnum.SEARCHSET, Set.of())), json(ours));
        for (int i = 0; i < page.size(); i++) {
            assertSame(page.get(i), ours.getEntry().get(i).getResource());
        }
    }

    @Test
    void anIncludeAnotherBundleTypeOrEntryMetadataGoToHapisFactory() {
        Set<Include> include = Set.of(new Include("DocumentReference:subject"));
        assertEquals(json(build(R4BundleFactory::new, page(), BundleTypeEnum.SEARCHSET, include)),
                json(build(SearchsetBundleFactory::new, page(), BundleTypeEnum.SEARCHSET, include)));
        assertEquals(json(build(R4BundleFactory::new, page(), BundleTypeEnum.COLLECTION, Set.of())),
                json(build(SearchsetBundleFactory::new, page(), BundleTypeEnum.COLLECTION, Set.of())));

        List<IBaseResource> marked = page();
        ResourceMetadataKeyEnum.ENTRY_SEARCH_MODE.put(marked.get(1), BundleEntrySearchModeEnum.MATCH);
        String ours = json(build(SearchsetBundleFactory::new, marked, BundleTypeEnum.SEARCHSET, Set.of()));
        List<IBaseResource> markedAgain = page();
        ResourceMetadataKeyEnum.ENTRY_SEARCH_MODE.put(markedAgain.get(1), BundleEntrySearchModeEnum.MATCH);
        assertEquals(json(build(R4BundleFactory::new, markedAgain, BundleTypeEnum.SEARCHSET, Set.of())), ours);
    }

    private static Bundle build(Function<FhirContext, IVersionSpecificBundleFactory> factory, List<IBaseResource> page,
                                BundleTypeEnum type, Set<Include> includes) {
        IVersionSpecificBundleFactory f = factory.apply(CONTEXT);
        f.addRootPropertiesToBundle("b1", new BundleLinks(BASE, null, false, type), 45,
                new InstantType("2026-12-02T15:00:00Z"));
        f.addResourcesToBundle(new ArrayList<>(page), type, BASE, BundleInclusionRule.BASED_ON_INCLUDES, includes);
        return (Bundle) f.getResourceBundle();
    }

    private static String json(Bundle bundle) {
        IParser parser = CONTEXT.newJsonParser();
        parser.setServerBaseUrl(BASE);
        return parser.encodeResourceToString(bundle);
    }

    /** Three DocumentReferences as ITI-67 maps them (the mapping tests' complete entry): a replacement, an archived one. */
    private static List<IBaseResource> page() {
        DocumentEntryRecord full = entry("urn:uuid:6a0c1b0e-2f59-4a8a-9f5e-0d6b3b4f1a01", EntryStatus.APPROVED);
        DocumentEntryRecord replaced = entry("urn:uuid:6a0c1b0e-2f59-4a8a-9f5e-0d6b3b4f1a02", EntryStatus.DEPRECATED);
        DocumentEntryRecord archived = entry("urn:uuid:6a0c1b0e-2f59-4a8a-9f5e-0d6b3b4f1a03", EntryStatus.ARCHIVED);
        List<AssociationRecord> relations = List.of(new AssociationRecord("urn:uuid:a1", AssociationKind.REPLACE,
                full.entryUuid(), replaced.entryUuid(), null, null, null, null, null, EntryStatus.APPROVED, null));
        List<IBaseResource> page = new ArrayList<>();
        for (DocumentEntryRecord e : List.of(full, replaced, archived)) {
            page.add(DocumentReferenceWriter.toResource(e, BASE, relations));
        }
        return page;
    }

    private static DocumentEntryRecord entry(String uuid, EntryStatus status) {
        return FhirFixtures.entry(status).toBuilder().entryUuid(uuid).build();
    }
}
