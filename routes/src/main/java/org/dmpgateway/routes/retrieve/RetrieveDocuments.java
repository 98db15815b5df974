package org.dmpgateway.routes.retrieve;

import org.dmpgateway.mappings.error.DmpError;
import org.dmpgateway.mappings.error.DmpErrorCode;
import org.dmpgateway.mappings.model.DocumentContent;
import org.dmpgateway.mappings.query.RetrieveCommand;
import org.dmpgateway.mappings.query.RetrieveResult;
import org.dmpgateway.repository.RegistryRepository;
import org.dmpgateway.routes.GatewayIdentity;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The core of ITI-43 (and later ITI-68): serves each requested document from the repository. An
 * item naming another repository or an unknown document gets its own error; the others are served
 * (partial success).
 */
@Component
public class RetrieveDocuments {
    private final RegistryRepository repository;
    private final GatewayIdentity identity;

    public RetrieveDocuments(RegistryRepository repository, GatewayIdentity identity) {
        this.repository = repository;
        this.identity = identity;
    }

    public RetrieveResult retrieve(RetrieveCommand command) {
        List<RetrieveResult.Retrieved> found = new ArrayList<>();
        List<DmpError> errors = new ArrayList<>();
        for (RetrieveCommand.Item item : command.items()) {
            if (!identity.repositoryUniqueId().equals(item.repositoryUniqueId())) {
                errors.add(new DmpError(DmpErrorCode.UNKNOWN_REPOSITORY, "repositoryUniqueId " + item.repositoryUniqueId()
                        + " is not this repository (" + identity.repositoryUniqueId() + ")", item.documentUniqueId()));
                continue;
            }
            Optional<DocumentContent> content = repository.findContent(item.documentUniqueId());
            if (content.isEmpty()) {
                errors.add(new DmpError(DmpErrorCode.UNKNOWN_DOCUMENT, "documentUniqueId " + item.documentUniqueId()
                        + " is not in this repository", item.documentUniqueId()));
                continue;
            }
            DocumentContent c = content.get();
            found.add(new RetrieveResult.Retrieved(identity.repositoryUniqueId(), c.documentUniqueId(),
                    item.homeCommunityId() != null ? item.homeCommunityId() : identity.homeCommunityId(),
                    c.mimeType(), c.bytes()));
        }
        return new RetrieveResult(found, errors);
    }
}
