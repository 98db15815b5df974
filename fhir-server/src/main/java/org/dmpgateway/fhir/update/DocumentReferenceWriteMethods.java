package org.dmpgateway.fhir.update;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.DataFormatException;
import ca.uhn.fhir.rest.api.MethodOutcome;
import ca.uhn.fhir.rest.api.PatchTypeEnum;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.server.exceptions.PreconditionFailedException;
import ca.uhn.fhir.rest.server.exceptions.UnclassifiedServerFailureException;
import org.dmpgateway.config.DmpProperties;
import org.dmpgateway.model.Core;
import org.dmpgateway.fhir.error.FhirRefusal;
import org.dmpgateway.fhir.identity.BearerTokenInterceptor;
import org.dmpgateway.fhir.query.RegistryReader;
import org.dmpgateway.fhir.patch.FhirPathPatchApplier;
import org.dmpgateway.fhir.patch.JsonPatchApplier;
import org.dmpgateway.fhir.patch.PatchedDocument;
import org.dmpgateway.model.trail.TraceAction;
import org.dmpgateway.model.access.AccessContext;
import org.dmpgateway.model.error.DmpErrorCode;
import org.dmpgateway.model.error.DmpException;
import org.dmpgateway.mappings.fhir.documentreference.DocumentReferenceWriter;
import org.dmpgateway.mappings.fhir.update.DocumentReferencePatch;
import org.dmpgateway.mappings.fhir.update.UpdateSubmissionSets;
import org.dmpgateway.mappings.fhir.error.FhirErrorMapper;
import org.dmpgateway.model.DocumentEntryRecord;
import org.dmpgateway.model.DocumentUpdate;
import org.dmpgateway.model.EntryStatus;
import org.hl7.fhir.r4.model.DocumentReference;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Parameters;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.util.List;

/**
 * The metadata updates of a DocumentReference, without HAPI annotations so that the one
 * DocumentReference resource provider can delegate to them:
 * <ul>
 *   <li>PATCH (PDSm "mise à jour", PDSM4DMP TD3.3a-d) ({@link #patch}): the current entry is read through
 *       the core ({@link DocumentLookup}: not visible is 404), turned into its DocumentReference, patched
 *       (JSON Patch or FHIRPath Patch; only status, securityLabel and the isArchived / isDeleted extensions:
 *       405 otherwise), the difference sent to the core as a {@link DocumentUpdate} (UPDATE_DOCUMENTS),
 *       and the result answered 200. A securityLabel change (masking) creates a new metadata version with a
 *       new entryUUID, as XDS does: the answer is that new version (new id, meta.versionId + 1), the old id
 *       is then superseded. A status change keeps the id and version (XDS changes the status of the
 *       version in place);</li>
 *   <li>DELETE ({@link #delete}): the logical deletion TD3.3c, an UPDATE_DOCUMENTS that sets the document
 *       Deleted (every version), as ITI-57 does; the core lets only the author do it (NOT_AUTHOR, 403).
 *       204; the document is then found by no one.</li>
 * </ul>
 */
@Component
public class DocumentReferenceWriteMethods {
    private final Core core;
    private final DocumentLookup lookup;
    private final String gatewayOid;

    public DocumentReferenceWriteMethods(Core core, RegistryReader reader, DmpProperties.Xds xds) {
        this.core = core;
        this.lookup = new DocumentLookup(reader);
        this.gatewayOid = xds.repositoryUniqueId();
    }

    /** PATCH DocumentReference/id or DocumentReference?identifier=... */
    public MethodOutcome patch(IdType id, String conditionalUrl, PatchTypeEnum type, String body, RequestDetails request) {
        AccessContext caller = BearerTokenInterceptor.caller(request);
        DocumentEntryRecord current = id != null && id.hasIdPart() ? lookup.byId(id.getIdPart(), caller, TraceAction.UPDATE)
                : conditionalUrl != null ? lookup.byConditionalUrl(conditionalUrl, caller, TraceAction.UPDATE)
                : null;
        if (current == null) {
            throw FhirRefusal.of(DmpErrorCode.INVALID_QUERY_PARAMETER, "PATCH names DocumentReference/<id> or "
                    + "DocumentReference?identifier=<system|value>", "PATCH");
        }
        requireMatchingVersion(request.getHeader("If-Match"), current);
        String base = request.getFhirServerBase();
        DocumentReference resource = DocumentReferenceWriter.toResource(current, base);
        PatchedDocument patched = apply(resource, type, body);
        DocumentUpdate update = DocumentReferencePatch.toUpdate(current, patched.before(), patched.after(),
                UpdateSubmissionSets.forCaller(caller, current.patientId(), gatewayOid, Clock.systemUTC()));
        DocumentEntryRecord result = current;
        if (update != null) {
            List<DocumentEntryRecord> newVersions = core.update(update, caller);
            if (!newVersions.isEmpty()) {
                result = newVersions.get(0);
            } else {
                EntryStatus status = update.statusChanges().get(0).newStatus();
                result = status == EntryStatus.DELETED ? current.withStatus(status)
                        : reread(current, caller).withStatus(status);
            }
        }
        DocumentReference answer = DocumentReferenceWriter.toResource(result, base);
        MethodOutcome outcome = new MethodOutcome(answer.getIdElement().withResourceType("DocumentReference")
                .withVersion(result.version()));
        outcome.setResource(answer);
        return outcome;
    }

    /** DELETE DocumentReference/id: the logical deletion (TD3.3c). */
    public MethodOutcome delete(IdType id, RequestDetails request) {
        AccessContext caller = BearerTokenInterceptor.caller(request);
        DocumentEntryRecord current = lookup.byId(id.getIdPart(), caller, TraceAction.DELETE);
        requireMatchingVersion(request.getHeader("If-Match"), current);
        DocumentUpdate update = new DocumentUpdate(
                UpdateSubmissionSets.forCaller(caller, current.patientId(), gatewayOid, Clock.systemUTC()), List.of(),
                List.of(new DocumentUpdate.StatusChange(current.entryUuid(), current.availabilityStatus(),
                        EntryStatus.DELETED)));
        core.update(update, caller);
        return new MethodOutcome();
    }

    private DocumentEntryRecord reread(DocumentEntryRecord current, AccessContext caller) {
        try {
            return lookup.byId(current.entryUuid(), caller, TraceAction.UPDATE);
        } catch (FhirRefusal | DmpException notVisibleAnyMore) {
            return current;
        }
    }

    private static PatchedDocument apply(DocumentReference resource, PatchTypeEnum type, String body) {
        if (type == null) {
            throw unsupported("none");
        }
        return switch (type) {
            case JSON_PATCH -> JsonPatchApplier.apply(resource, body);
            case FHIR_PATCH_JSON -> FhirPathPatchApplier.apply(resource, parameters(body, true));
            case FHIR_PATCH_XML -> FhirPathPatchApplier.apply(resource, parameters(body, false));
            default -> throw unsupported(type.getContentType());
        };
    }

    private static Parameters parameters(String body, boolean json) {
        FhirContext context = FhirContext.forR4Cached();
        try {
            return (json ? context.newJsonParser() : context.newXmlParser()).parseResource(Parameters.class, body);
        } catch (DataFormatException e) {
            throw new DmpException(DmpErrorCode.METADATA_UPDATE_ERROR, "FHIRPath Patch: the body is not a Parameters "
                    + "resource: " + e.getMessage(), "PATCH");
        }
    }

    private static UnclassifiedServerFailureException unsupported(String contentType) {
        String message = "PATCH format " + contentType + " is not supported: send a FHIRPath Patch (Parameters, "
                + "application/fhir+json or application/fhir+xml) or a JSON Patch (application/json-patch+json)";
        return new UnclassifiedServerFailureException(415, message,
                FhirErrorMapper.outcome(new DmpException(DmpErrorCode.METADATA_UPDATE_ERROR, message, "Content-Type")));
    }

    /** If-Match: W/"<version>" must be the current version (FHIR optimistic locking, PDSm): 412 otherwise. */
    private static void requireMatchingVersion(String ifMatch, DocumentEntryRecord current) {
        if (ifMatch == null || ifMatch.isBlank()) {
            return;
        }
        String version = ifMatch.trim().replaceFirst("^W/", "").replace("\"", "");
        if (!version.equals(current.version())) {
            String message = "If-Match " + ifMatch + ": the document's current version is " + current.version();
            throw new PreconditionFailedException(message, FhirErrorMapper.outcome(
                    new DmpException(DmpErrorCode.METADATA_VERSION_ERROR, message, "If-Match")));
        }
    }
}
