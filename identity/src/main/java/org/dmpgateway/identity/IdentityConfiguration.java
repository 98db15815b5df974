package org.dmpgateway.identity;

import org.dmpgateway.config.DmpProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ResourceLoader;

/** The one {@link VihfReader} of the application, from {@code dmp.vihf.*} of the configuration tree. */
@Configuration(proxyBeanMethods = false)
public class IdentityConfiguration {
    @Bean
    public VihfReader vihfReader(DmpProperties.Vihf settings, ResourceLoader resources) {
        return VihfReader.configured(settings, resources);
    }
}
