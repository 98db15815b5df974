package org.dmpgateway.fhir.iti68;

import org.dmpgateway.fhir.query.RegistryReader;
import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.Read;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.server.IResourceProvider;
import org.dmpgateway.config.DmpProperties;
import org.dmpgateway.model.Core;
import org.dmpgateway.fhir.identity.BearerTokenInterceptor;
import org.dmpgateway.model.access.AccessContext;
import org.dmpgateway.model.query.RetrieveCommand;
import org.dmpgateway.model.query.RetrieveResult;
import org.hl7.fhir.r4.model.Binary;
import org.hl7.fhir.r4.model.IdType;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * ITI-68 Retrieve Document: {@code GET Binary/<id>}, the id being the DocumentReference's (the
 * entryUUID, as in {@code attachment.url}), retrieved through the core (RETRIEVE_DOCUMENTS, the
 * document named by that entryUUID), which decides as for ITI-43: a document of another patient,
 * masked from the caller or deleted is unknown (404), one of a type the caller's profession may not
 * handle is HABILITATION_DENIED (403). The raw bytes with the document's MIME type when the client does not ask
 * for FHIR ({@code Accept} or {@code _format}), streamed from the database ({@link StreamedBinary}); a
 * Binary resource (base64 data, built by HAPI) otherwise. Unknown or hidden: 404.
 */
@Component
public class BinaryProvider implements IResourceProvider {
    private final Core core;
    private final String repositoryUniqueId;

    public BinaryProvider(Core core, DmpProperties.Xds xds) {
        this.core = core;
        this.repositoryUniqueId = xds.repositoryUniqueId();
    }

    @Override
    public Class<Binary> getResourceType() {
        return Binary.class;
    }

    @Read
    public Binary read(@IdParam IdType id, RequestDetails request) {
        AccessContext caller = BearerTokenInterceptor.caller(request);
        String entryUuid = id.getIdPart().startsWith("urn:uuid:") ? id.getIdPart() : "urn:uuid:" + id.getIdPart();
        RetrieveResult result = core.retrieve(new RetrieveCommand(List.of(
                RetrieveCommand.Item.byEntryUuid(repositoryUniqueId, entryUuid))), caller);
        RetrieveResult.Retrieved document = result.documents().stream().findFirst()
                .orElseThrow(() -> RegistryReader.notFound("Binary", id.getIdPart()));
        Binary binary = new Binary();
        binary.setId(id.getIdPart());
        binary.setContentType(document.mimeType());
        if (StreamedBinary.wantsRawContent(request, document.mimeType())) {
            StreamedBinary.defer(request, document); // streamed from the database when the answer is written
        } else {
            binary.setDataElement(new LazyBase64Binary(readAll(document)));
        }
        return binary;
    }

    /** The whole content, for a Binary resource (FHIR JSON/XML): bounded by dmp.limits.retrieve-bytes. */
    private static byte[] readAll(RetrieveResult.Retrieved document) {
        try {
            return document.content().readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("the content of document " + document.documentUniqueId() + " cannot be read", e);
        }
    }
}
