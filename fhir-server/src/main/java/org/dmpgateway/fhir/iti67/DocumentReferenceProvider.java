package org.dmpgateway.fhir.iti67;

import org.dmpgateway.fhir.query.VersionedRead;
import org.dmpgateway.fhir.query.RegistryReader;
import ca.uhn.fhir.model.api.annotation.Description;
import ca.uhn.fhir.rest.annotation.ConditionalUrlParam;
import ca.uhn.fhir.rest.annotation.Count;
import ca.uhn.fhir.rest.annotation.Create;
import ca.uhn.fhir.rest.annotation.Delete;
import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.Offset;
import ca.uhn.fhir.rest.annotation.OptionalParam;
import ca.uhn.fhir.rest.annotation.Patch;
import ca.uhn.fhir.rest.annotation.Read;
import ca.uhn.fhir.rest.annotation.ResourceParam;
import ca.uhn.fhir.rest.annotation.Search;
import ca.uhn.fhir.rest.api.MethodOutcome;
import ca.uhn.fhir.rest.api.PatchTypeEnum;
import ca.uhn.fhir.rest.api.server.IBundleProvider;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.param.DateRangeParam;
import ca.uhn.fhir.rest.param.ReferenceAndListParam;
import ca.uhn.fhir.rest.param.ReferenceOrListParam;
import ca.uhn.fhir.rest.param.ReferenceParam;
import ca.uhn.fhir.rest.param.TokenAndListParam;
import ca.uhn.fhir.rest.param.TokenOrListParam;
import ca.uhn.fhir.rest.server.IResourceProvider;
import org.dmpgateway.fhir.error.FhirRefusal;
import org.dmpgateway.fhir.identity.BearerTokenInterceptor;
import org.dmpgateway.fhir.iti105.SimplifiedPublishMethods;
import org.dmpgateway.fhir.update.DocumentReferenceWriteMethods;
import org.dmpgateway.model.access.AccessContext;
import org.dmpgateway.model.error.DmpErrorCode;
import org.dmpgateway.model.error.DmpException;
import org.dmpgateway.mappings.fhir.documentreference.DocumentReferenceWriter;
import org.dmpgateway.mappings.fhir.documentreference.DocumentSearchMapper;
import org.dmpgateway.mappings.fhir.documentreference.DocumentSearchParameters;
import org.dmpgateway.model.query.DocumentCriteria;
import org.hl7.fhir.instance.model.api.IAnyResource;
import org.dmpgateway.model.query.QueryResult;
import org.hl7.fhir.r4.model.DocumentReference;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Patient;
import org.springframework.stereotype.Component;

/**
 * DocumentReference, read side: ITI-67 Find Document References (MHD 4.2 / PDSm) and the read of
 * one DocumentReference. The parameters go to {@link DocumentSearchMapper} (which documents what
 * each selects); the core runs the query for the caller. Results are paged by offset
 * ({@link DocumentPage}): {@code _count} (default {@value #DEFAULT_PAGE_SIZE}, at most
 * {@value #MAX_PAGE_SIZE}) and {@code _offset}. A parameter not declared here is refused by HAPI
 * (400 naming the request's parameters). The write interactions are bound here too (HAPI serves one
 * provider per resource type) and delegate to their transaction's class: ITI-105 create to
 * {@link SimplifiedPublishMethods}, PATCH and DELETE to {@link DocumentReferenceWriteMethods}.
 */
@Component
public class DocumentReferenceProvider implements IResourceProvider {
    static final int DEFAULT_PAGE_SIZE = 20;
    static final int MAX_PAGE_SIZE = 100;

    private final RegistryReader reader;
    private final SimplifiedPublishMethods publish;
    private final DocumentReferenceWriteMethods writes;

    public DocumentReferenceProvider(RegistryReader reader, SimplifiedPublishMethods publish,
                                     DocumentReferenceWriteMethods writes) {
        this.reader = reader;
        this.publish = publish;
        this.writes = writes;
    }

    /** ITI-105 Simplified Publish. */
    @Create
    public MethodOutcome create(@ResourceParam DocumentReference resource, RequestDetails request) {
        return publish.create(resource, request);
    }

    /** PDSm / PDSM4DMP PATCH, by id or conditional on identifier. */
    @Patch
    public MethodOutcome patch(@IdParam IdType id, @ConditionalUrlParam String conditionalUrl, PatchTypeEnum type,
                               @ResourceParam String body, RequestDetails request) {
        return writes.patch(id, conditionalUrl, type, body, request);
    }

    /** Logical deletion by the author (TD3.3c). */
    @Delete
    public MethodOutcome delete(@IdParam IdType id, RequestDetails request) {
        return writes.delete(id, request);
    }

    @Override
    public Class<DocumentReference> getResourceType() {
        return DocumentReference.class;
    }

    /** ITI-67: needs patient (or patient.identifier) and status; answers a page of the matches. */
    @Search
    public IBundleProvider search(
            @Description(shortDefinition = "Patient/<INS>-<authority OID>; chained: patient.identifier=<INS system>|<INS>")
            @OptionalParam(name = DocumentReference.SP_PATIENT, chainWhitelist = {"", Patient.SP_IDENTIFIER}) ReferenceParam patient,
            @Description(shortDefinition = "current | superseded | entered-in-error (required)")
            @OptionalParam(name = DocumentReference.SP_STATUS) TokenOrListParam status,
            @Description(shortDefinition = "PDSm: true selects the archived current documents")
            @OptionalParam(name = "isArchived") TokenOrListParam isArchived,
            @Description(shortDefinition = "attachment.creation (XDS creationTime)")
            @OptionalParam(name = "creation") DateRangeParam creation,
            @Description(shortDefinition = "DocumentReference.date: the creation time (XDS creationTime), as creation")
            @OptionalParam(name = DocumentReference.SP_DATE) DateRangeParam date,
            @Description(shortDefinition = "service time overlapping (XDS serviceStartTime / serviceStopTime)")
            @OptionalParam(name = DocumentReference.SP_PERIOD) DateRangeParam period,
            @Description(shortDefinition = "PDSm: context.period.start (XDS serviceStartTime)")
            @OptionalParam(name = "period-start") DateRangeParam periodStart,
            @Description(shortDefinition = "PDSm: context.period.end (XDS serviceStopTime)")
            @OptionalParam(name = "period-end") DateRangeParam periodEnd,
            @OptionalParam(name = DocumentReference.SP_TYPE) TokenOrListParam type,
            @OptionalParam(name = DocumentReference.SP_CATEGORY) TokenOrListParam category,
            @OptionalParam(name = DocumentReference.SP_EVENT) TokenAndListParam event,
            @OptionalParam(name = DocumentReference.SP_FACILITY) TokenOrListParam facility,
            @OptionalParam(name = DocumentReference.SP_SETTING) TokenOrListParam setting,
            @OptionalParam(name = DocumentReference.SP_FORMAT) TokenOrListParam format,
            @OptionalParam(name = DocumentReference.SP_SECURITY_LABEL) TokenAndListParam securityLabel,
            @Description(shortDefinition = "referenceIdList value (CXi); chained: related.identifier=urn:oid:<authority>|<id>")
            @OptionalParam(name = DocumentReference.SP_RELATED, chainWhitelist = {"", "identifier"}) ReferenceOrListParam related,
            @Description(shortDefinition = "author.given / author.family: name components of the author person")
            @OptionalParam(name = DocumentReference.SP_AUTHOR, chainWhitelist = {"given", "family"}) ReferenceAndListParam author,
            @Description(shortDefinition = "urn:oid:<uniqueId> or urn:uuid:<entryUUID>")
            @OptionalParam(name = DocumentReference.SP_IDENTIFIER) TokenOrListParam identifier,
            @OptionalParam(name = IAnyResource.SP_RES_ID) TokenOrListParam id,
            @Offset Integer offset,
            @Count Integer count,
            RequestDetails request) {
        AccessContext caller = BearerTokenInterceptor.caller(request);
        DocumentCriteria criteria;
        try {
            criteria = DocumentSearchMapper.toCriteria(DocumentSearchParameters.builder()
                    .patient(patient).status(status).isArchived(isArchived).creation(creation).date(date)
                    .period(period).periodStart(periodStart).periodEnd(periodEnd).type(type).category(category)
                    .event(event).facility(facility).setting(setting).format(format).securityLabel(securityLabel)
                    .related(related).author(author).identifier(identifier).id(id).build());
        } catch (DmpException e) {
            throw FhirRefusal.of(e);
        }
        return new DocumentPage(reader, criteria, caller, offset(offset), pageSize(count), request.getFhirServerBase());
    }

    /**
     * One DocumentReference by id (its entryUUID), if the caller may see it; otherwise 404. Also the
     * versioned read ({@code DocumentReference/<id>/_history/<versionId>}): an id is one XDS metadata
     * version (ITI-57 gives a new version a new entryUUID, hence a new id), so the only version of an
     * id is its {@code meta.versionId}; any other version is unknown (404, {@link VersionedRead}).
     */
    @Read(version = true)
    public DocumentReference read(@IdParam IdType id, RequestDetails request) {
        AccessContext caller = BearerTokenInterceptor.caller(request);
        QueryResult found = reader.documentWithRelationships("DocumentReference", id.getIdPart(), caller);
        DocumentReference resource = DocumentReferenceWriter.toResource(found.documents().get(0),
                request.getFhirServerBase(), found.associations());
        return VersionedRead.requireVersion(id, resource);
    }

    static int pageSize(Integer count) {
        if (count == null) {
            return DEFAULT_PAGE_SIZE;
        }
        if (count < 0) {
            throw FhirRefusal.of(DmpErrorCode.INVALID_QUERY_PARAMETER, "search parameter '_count': must be 0 or more",
                    "_count");
        }
        return Math.min(count, MAX_PAGE_SIZE);
    }

    static int offset(Integer offset) {
        if (offset == null) {
            return 0;
        }
        if (offset < 0) {
            throw FhirRefusal.of(DmpErrorCode.INVALID_QUERY_PARAMETER, "search parameter '_offset': must be 0 or more",
                    "_offset");
        }
        return offset;
    }
}
