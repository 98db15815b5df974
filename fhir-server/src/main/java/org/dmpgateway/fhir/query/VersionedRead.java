package org.dmpgateway.fhir.query;

import org.dmpgateway.fhir.error.FhirRefusal;
import org.dmpgateway.model.error.DmpErrorCode;
import org.hl7.fhir.instance.model.api.IAnyResource;
import org.hl7.fhir.r4.model.IdType;

/**
 * The versioned read ({@code vread}, {@code GET [type]/<id>/_history/<versionId>}, FHIR R4
 * http.html#vread) of a resource that maps one XDS object. Each XDS metadata version of a document
 * or folder is its own object with its own entryUUID (ITI-57 makes a new one), and the FHIR id is
 * that entryUUID: an id has exactly one version, its {@code meta.versionId}. The other versions of
 * the same logical document are other ids (search by {@code identifier}). A versioned read of that
 * one version answers the resource; any other version is unknown: 404 with an OperationOutcome
 * (UNKNOWN_DOCUMENT) naming the id, the version asked and the one that exists. A plain read passes.
 */
public final class VersionedRead {
    private VersionedRead() {
    }

    public static <R extends IAnyResource> R requireVersion(IdType requested, R resource) {
        if (!requested.hasVersionIdPart()) {
            return resource;
        }
        String asked = requested.getVersionIdPart();
        String current = resource.getMeta().getVersionId();
        if (asked.equals(current)) {
            return resource;
        }
        String type = resource.fhirType();
        throw FhirRefusal.of(DmpErrorCode.UNKNOWN_DOCUMENT, type + "/" + requested.getIdPart() + " has no version '"
                + asked + "': " + (current == null ? "it has no versionId (this object is never updated)"
                : "its only version is " + current + " (each metadata version has its own id)"), "_history");
    }
}
