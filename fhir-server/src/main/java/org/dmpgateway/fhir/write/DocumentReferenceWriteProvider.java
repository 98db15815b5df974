package org.dmpgateway.fhir.write;

import ca.uhn.fhir.rest.annotation.ConditionalUrlParam;
import ca.uhn.fhir.rest.annotation.Create;
import ca.uhn.fhir.rest.annotation.Delete;
import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.Patch;
import ca.uhn.fhir.rest.annotation.ResourceParam;
import ca.uhn.fhir.rest.api.MethodOutcome;
import ca.uhn.fhir.rest.api.PatchTypeEnum;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.server.IResourceProvider;
import org.hl7.fhir.r4.model.DocumentReference;
import org.hl7.fhir.r4.model.IdType;
import org.springframework.stereotype.Component;

/**
 * The HAPI bindings of the DocumentReference write interactions (ITI-105 create, PATCH, DELETE),
 * delegating to {@link DocumentReferenceWriteMethods}. HAPI's plain server adds the methods of
 * several providers of one resource type to the same binding; the read side (ITI-67 search, read)
 * lives in the read provider.
 */
@Component
public class DocumentReferenceWriteProvider implements IResourceProvider {
    private final DocumentReferenceWriteMethods methods;

    public DocumentReferenceWriteProvider(DocumentReferenceWriteMethods methods) {
        this.methods = methods;
    }

    @Override
    public Class<DocumentReference> getResourceType() {
        return DocumentReference.class;
    }

    /** ITI-105 Simplified Publish. */
    @Create
    public MethodOutcome create(@ResourceParam DocumentReference resource, RequestDetails request) {
        return methods.create(resource, request);
    }

    /** PDSm / PDSM4DMP PATCH, by id or conditional on identifier. */
    @Patch
    public MethodOutcome patch(@IdParam IdType id, @ConditionalUrlParam String conditionalUrl, PatchTypeEnum type,
                               @ResourceParam String body, RequestDetails request) {
        return methods.patch(id, conditionalUrl, type, body, request);
    }

    /** Logical deletion by the author (TD3.3c). */
    @Delete
    public MethodOutcome delete(@IdParam IdType id, RequestDetails request) {
        return methods.delete(id, request);
    }
}
