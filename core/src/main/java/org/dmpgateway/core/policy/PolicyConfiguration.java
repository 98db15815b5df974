package org.dmpgateway.core.policy;

import org.dmpgateway.config.DmpProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;

import java.io.IOException;
import java.io.InputStream;

/**
 * Loads the habilitation matrix ({@code dmp.habilitation.matrix-file}) and the roles a caller may
 * declare ({@code dmp.policy.subject-roles-file}) at start.
 */
@Configuration
public class PolicyConfiguration {
    private static final Logger LOG = LoggerFactory.getLogger(PolicyConfiguration.class);

    @Bean
    public HabilitationMatrix habilitationMatrix(ResourceLoader resources, DmpProperties.Habilitation settings)
            throws IOException {
        String location = settings.matrixFile();
        try (InputStream in = open(resources, location, "habilitation matrix", "dmp.habilitation.matrix-file")) {
            HabilitationMatrix matrix = HabilitationMatrix.read(in, location);
            LOG.info("habilitation matrix: {} rows from {}", matrix.rows().size(), location);
            return matrix;
        }
    }

    @Bean
    public SubjectRoles subjectRoles(ResourceLoader resources, DmpProperties.Policy settings) throws IOException {
        String location = settings.subjectRolesFile();
        try (InputStream in = open(resources, location, "subject roles", "dmp.policy.subject-roles-file")) {
            SubjectRoles roles = SubjectRoles.read(in, location);
            LOG.info("subject roles (JDV_J65): {} codes from {}", roles.size(), location);
            return roles;
        }
    }

    private static InputStream open(ResourceLoader resources, String location, String what, String property)
            throws IOException {
        Resource resource = resources.getResource(location);
        if (!resource.exists()) {
            throw new IllegalStateException(what + " " + location + " (" + property + ") does not exist");
        }
        return resource.getInputStream();
    }
}
