package org.dmpgateway.conformance;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.DataFormatException;
import ca.uhn.fhir.parser.IParser;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Base;
import org.hl7.fhir.r4.model.Binary;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DocumentReference;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.ListResource;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Resource;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A FHIR answer read with HAPI's R4 parser (JSON or XML), or, when it is not a FHIR resource (ITI-68
 * answers the raw bytes), kept as bytes.
 */
final class FhirAnswer {
    static final String ERROR_CODE_SYSTEM = "urn:dmp-gateway:error-code";
    private static final FhirContext R4 = FhirContext.forR4Cached();

    final Resource resource;
    final byte[] raw;

    private FhirAnswer(Resource resource, byte[] raw) {
        this.resource = resource;
        this.raw = raw;
    }

    static FhirAnswer read(Wire.Answer answer) {
        String type = answer.contentType().toLowerCase(Locale.ROOT);
        IParser parser = type.contains("json") ? R4.newJsonParser() : type.contains("xml") ? R4.newXmlParser() : null;
        if (parser == null || answer.body().length == 0) {
            return new FhirAnswer(null, answer.body());
        }
        try {
            IBaseResource r = parser.parseResource(answer.text());
            return new FhirAnswer((Resource) r, answer.body());
        } catch (DataFormatException e) {
            throw new IllegalArgumentException("the FHIR answer cannot be read: " + e.getMessage(), e);
        }
    }

    String resourceType() {
        return resource == null ? null : resource.fhirType();
    }

    /** The gateway's error code of an OperationOutcome, else null. */
    String outcome() {
        if (!(resource instanceof OperationOutcome oo)) {
            return null;
        }
        return oo.getIssue().stream().flatMap(i -> i.getDetails().getCoding().stream())
                .filter(c -> ERROR_CODE_SYSTEM.equals(c.getSystem())).map(Coding::getCode).findFirst().orElse(null);
    }

    /** The first issue's diagnostics of an OperationOutcome, else null. */
    String diagnostics() {
        return resource instanceof OperationOutcome oo && oo.hasIssue() ? oo.getIssueFirstRep().getDiagnostics() : null;
    }

    Integer total() {
        return resource instanceof Bundle b && b.hasTotal() ? b.getTotal() : null;
    }

    /** The uniqueIds (masterIdentifier, urn:oid: removed) of the DocumentReferences of the answer. */
    List<String> documentUniqueIds() {
        return resources().stream().filter(r -> r instanceof DocumentReference).map(r -> (DocumentReference) r)
                .map(d -> withoutUrnOid(d.getMasterIdentifier().getValue())).toList();
    }

    /** The uniqueIds (identifier of use usual) of the List resources of that code. */
    List<String> listUniqueIds(String code) {
        List<String> ids = new ArrayList<>();
        for (Resource r : resources()) {
            if (r instanceof ListResource l && l.getCode().getCoding().stream().anyMatch(c -> code.equals(c.getCode()))) {
                l.getIdentifier().stream().filter(i -> i.getUse() == Identifier.IdentifierUse.USUAL)
                        .findFirst().ifPresent(i -> ids.add(withoutUrnOid(i.getValue())));
            }
        }
        return ids;
    }

    /** The bytes of the answer: a Binary's data, or the raw body when it is not a resource. */
    byte[] content() {
        if (resource instanceof Binary b) {
            return b.getData();
        }
        return resource == null ? raw : null;
    }

    boolean fhirPath(String expression) {
        if (resource == null) {
            throw new IllegalArgumentException("fhirPath " + expression + ": the answer is not a FHIR resource");
        }
        List<Base> result = R4.newFhirPath().evaluate(resource, expression, Base.class);
        return result.size() == 1 && result.get(0) instanceof BooleanType b && b.booleanValue();
    }

    private List<Resource> resources() {
        if (resource instanceof Bundle b) {
            return b.getEntry().stream().map(Bundle.BundleEntryComponent::getResource).filter(r -> r != null).toList();
        }
        return resource == null ? List.of() : List.of(resource);
    }

    private static String withoutUrnOid(String value) {
        return value != null && value.startsWith("urn:oid:") ? value.substring(8) : value;
    }
}
