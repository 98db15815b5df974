package org.dmpgateway.core.metadata;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Loads the DMP value sets ({@code terminology/jdv/*.csv}) at start: a missing or malformed file stops
 * the start with its name and line.
 */
@Configuration
public class MetadataConfiguration {
    private static final Logger LOG = LoggerFactory.getLogger(MetadataConfiguration.class);

    @Bean
    public DmpValueSetRule dmpValueSetRule() {
        DmpValueSetRule rule = DmpValueSetRule.shipped();
        LOG.info("DMP value sets (codes per JDV, * counts as one): {}", rule.sizes());
        return rule;
    }
}
