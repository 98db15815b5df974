package org.dmpgateway.mappings.fhir.common;

import org.hl7.fhir.r4.model.DomainResource;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;

import java.util.function.Function;

/**
 * Resolves a Reference: the resource HAPI already attached, a contained {@code #id} of the
 * container, or else whatever the caller's resolver finds (bundle fullUrls, relative references;
 * it may return null).
 */
public final class FhirRefs {
    private FhirRefs() {
    }

    public static Resource resolve(Reference ref, DomainResource container, Function<String, Resource> resolver) {
        if (ref == null) {
            return null;
        }
        if (ref.getResource() instanceof Resource r) {
            return r;
        }
        String reference = ref.getReference();
        if (reference == null) {
            return null;
        }
        if (reference.startsWith("#")) {
            return container == null ? null : contained(container, reference.substring(1));
        }
        return resolver == null ? null : resolver.apply(reference);
    }

    public static Resource contained(DomainResource container, String id) {
        for (Resource r : container.getContained()) {
            String own = r.getIdElement().getIdPart();
            if (own == null && r.getId() != null) {
                own = r.getId();
            }
            if (own != null && (own.equals(id) || own.equals("#" + id))) {
                return r;
            }
        }
        return null;
    }
}
