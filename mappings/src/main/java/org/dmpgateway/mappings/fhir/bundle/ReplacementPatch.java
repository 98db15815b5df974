package org.dmpgateway.mappings.fhir.bundle;

import org.dmpgateway.mappings.fhir.common.Problems;
import org.hl7.fhir.r4.model.Bundle.BundleEntryComponent;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.Parameters.ParametersParameterComponent;

import java.util.List;
import java.util.Set;

/**
 * The one PATCH entry a Provide Document Bundle may carry (PDSM4DMP TD2.1 replacement): a FHIRPath
 * Parameters patch that replaces {@code DocumentReference.status} by {@code superseded} on a document that
 * a DocumentReference of the same bundle replaces (relatesTo replaces). The RPLC association already
 * deprecates that document (the core's rule, for every protocol), so the PATCH carries nothing more and
 * becomes no part of the submission; any other PATCH in a bundle is refused, naming the entry. A
 * translation, not a rule: it says which FHIR entries have an XDS meaning in an ITI-65.
 */
final class ReplacementPatch {
    private ReplacementPatch() {
    }

    /** Records, in {@code p}, why the PATCH entry {@code e} is not the accepted replacement PATCH, if it is not. */
static void check(BundleEntryComponent e, Set<String> replacedIds, Problems p) {
        String url = e.getRequest().getUrl();
        String id = url != null && url.startsWith("DocumentReference/") ? url.substring("DocumentReference/".length()) : null;
        if (!(e.getResource() instanceof Parameters params)) {
            p.add("Bundle.entry.resource", "a PATCH in a Provide Document Bundle is a FHIRPath Parameters patch, got "
                    + (e.getResource() == null ? "none" : e.getResource().fhirType()));
        } else if (id == null) {
            p.add("Bundle.entry.request.url", "a PATCH in a Provide Document Bundle targets DocumentReference/<id>, got " + url);
        } else if (!setsSuperseded(params)) {
            p.add("Parameters", "the only PATCH accepted in a Provide Document Bundle replaces DocumentReference.status "
                    + "by superseded (TD2.1 replacement); other changes go through PATCH DocumentReference");
        } else if (!replacedIds.contains(id.toLowerCase())) {
            p.add("Bundle.entry.request.url", url + " is not replaced by a DocumentReference of this bundle "
                    + "(relatesTo replaces DocumentReference/" + id + "); only a replaced document may be set to superseded here");
        }
    }

    static boolean setsSuperseded(Parameters params) {
        List<ParametersParameterComponent> operations = params.getParameter().stream()
                .filter(x -> "operation".equals(x.getName())).toList();
        if (operations.size() != 1 || operations.size() != params.getParameter().size()) {
            return false;
        }
        String type = null;
        String path = null;
        String value = null;
        for (ParametersParameterComponent part : operations.get(0).getPart()) {
            switch (part.getName()) {
                case "type" -> type = part.getValue() == null ? null : part.getValue().primitiveValue();
                case "path" -> path = part.getValue() == null ? null : part.getValue().primitiveValue();
                case "value" -> value = part.getValue() == null ? null : part.getValue().primitiveValue();
                default -> {
                    return false;
                }
            }
        }
        return "replace".equals(type) && "DocumentReference.status".equals(path) && "superseded".equals(value);
    }
}
