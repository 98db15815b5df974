package org.dmpgateway.fhir.read;

import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.Read;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.server.IResourceProvider;
import org.dmpgateway.fhir.core.CoreClient;
import org.dmpgateway.fhir.identity.BearerTokenInterceptor;
import org.dmpgateway.mappings.CoreEndpoints;
import org.dmpgateway.mappings.access.AccessContext;
import org.dmpgateway.mappings.model.DocumentEntryRecord;
import org.dmpgateway.mappings.query.RetrieveCommand;
import org.dmpgateway.mappings.query.RetrieveResult;
import org.hl7.fhir.r4.model.Binary;
import org.hl7.fhir.r4.model.IdType;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * ITI-68 Retrieve Document: {@code GET Binary/<id>}, the id being the DocumentReference's (the
 * entryUUID, as in {@code attachment.url}). The entry is looked up through the core (only what the
 * caller may see), then its content is retrieved through the core (RETRIEVE_DOCUMENTS, traced as a
 * retrieve). HAPI answers the raw bytes with the document's MIME type when the client does not ask
 * for FHIR ({@code Accept} or {@code _format}), a Binary resource (base64 data) otherwise. Unknown or
 * hidden: 404.
 */
@Component
public class BinaryProvider implements IResourceProvider {
    private final RegistryReader reader;
    private final CoreClient core;

    public BinaryProvider(RegistryReader reader, CoreClient core) {
        this.reader = reader;
        this.core = core;
    }

    @Override
    public Class<Binary> getResourceType() {
        return Binary.class;
    }

    @Read
    public Binary read(@IdParam IdType id, RequestDetails request) {
        AccessContext caller = BearerTokenInterceptor.caller(request);
        DocumentEntryRecord entry = reader.document("Binary", id.getIdPart(), caller);
        RetrieveResult result = core.request(CoreEndpoints.RETRIEVE_DOCUMENTS, new RetrieveCommand(List.of(
                new RetrieveCommand.Item(entry.repositoryUniqueId(), entry.uniqueId(), entry.homeCommunityId()))),
                caller, RetrieveResult.class);
        RetrieveResult.Retrieved document = result.documents().stream().findFirst()
                .orElseThrow(() -> RegistryReader.notFound("Binary", id.getIdPart()));
        Binary binary = new Binary();
        binary.setId(id.getIdPart());
        binary.setContentType(document.mimeType() != null ? document.mimeType() : entry.mimeType());
        binary.setContent(document.content());
        return binary;
    }
}
