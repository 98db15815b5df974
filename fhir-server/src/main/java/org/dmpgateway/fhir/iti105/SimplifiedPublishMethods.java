package org.dmpgateway.fhir.iti105;

import ca.uhn.fhir.rest.api.MethodOutcome;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import org.dmpgateway.fhir.error.FhirRefusal;
import org.dmpgateway.fhir.identity.BearerTokenInterceptor;
import org.dmpgateway.mappings.fhir.bundle.SimplifiedPublishMapper;
import org.dmpgateway.mappings.fhir.documentreference.DocumentReferenceWriter;
import org.dmpgateway.model.Core;
import org.dmpgateway.model.DocumentEntryRecord;
import org.dmpgateway.model.Submission;
import org.dmpgateway.model.SubmittedDocument;
import org.dmpgateway.model.access.AccessContext;
import org.dmpgateway.model.error.DmpErrorCode;
import org.hl7.fhir.r4.model.DocumentReference;
import org.springframework.stereotype.Component;

/**
 * ITI-105 Simplified Publish ({@code POST /fhir/DocumentReference}), without HAPI annotations so that
 * the one DocumentReference resource provider can delegate to it: the DocumentReference with its inline
 * {@code attachment.data} becomes a submission ({@link SimplifiedPublishMapper#toSubmission(DocumentReference)}),
 * stored by the core (SUBMIT_DOCUMENTS, the route of ITI-41 and ITI-65); 201 with Location
 * {@code DocumentReference/<id>/_history/<version>} and the stored DocumentReference.
 */
@Component
public class SimplifiedPublishMethods {
    private final Core core;

    public SimplifiedPublishMethods(Core core) {
        this.core = core;
    }

    /** ITI-105 Simplified Publish: 201 with the stored DocumentReference. */
    public MethodOutcome create(DocumentReference resource, RequestDetails request) {
        AccessContext caller = BearerTokenInterceptor.caller(request);
        if (resource == null) {
            throw FhirRefusal.of(DmpErrorCode.METADATA_ERROR, "the request body is not a DocumentReference", "DocumentReference");
        }
        Submission submission = SimplifiedPublishMapper.toSubmission(resource);
        Submission stored = core.submit(submission, caller);
        DocumentEntryRecord entry = stored.documents().stream().map(SubmittedDocument::entry).findFirst()
                .orElseThrow(() -> new IllegalStateException("the core stored no document"));
        DocumentReference answer = DocumentReferenceWriter.toResource(entry, request.getFhirServerBase());
        MethodOutcome outcome = new MethodOutcome(answer.getIdElement().withResourceType("DocumentReference")
                .withVersion(entry.version()), true);
        outcome.setResource(answer);
        return outcome;
    }
}
