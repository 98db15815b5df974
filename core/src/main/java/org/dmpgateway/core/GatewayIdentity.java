package org.dmpgateway.core;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** The identifiers this gateway answers with: its repositoryUniqueId and optional homeCommunityId. */
@Component
public class GatewayIdentity {
    private final String repositoryUniqueId;
    private final String homeCommunityId;

    public GatewayIdentity(@Value("${dmp.xds.repository-unique-id}") String repositoryUniqueId,
                           @Value("${dmp.xds.home-community-id:}") String homeCommunityId) {
        this.repositoryUniqueId = repositoryUniqueId;
        this.homeCommunityId = homeCommunityId == null || homeCommunityId.isBlank() ? null : homeCommunityId;
    }

    public String repositoryUniqueId() {
        return repositoryUniqueId;
    }

    public String homeCommunityId() {
        return homeCommunityId;
    }
}
