package org.dmpgateway.core;

import org.dmpgateway.config.DmpProperties;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/** The identifiers this gateway answers with: its repositoryUniqueId and optional homeCommunityId. */
@Component
public class GatewayIdentity {
    private final String repositoryUniqueId;
    private final String homeCommunityId;

    /** The {@code dmp.xds} node of the configuration tree. */
    @Autowired
    public GatewayIdentity(DmpProperties.Xds xds) {
        this(xds.repositoryUniqueId(), xds.homeCommunityId());
    }

    public GatewayIdentity(String repositoryUniqueId,
                           String homeCommunityId) {
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
