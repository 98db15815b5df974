package org.dmpgateway.server.availability;

import org.dmpgateway.repository.H2DurableUrl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.jdbc.DataSourceProperties;

/**
 * Applies {@link H2DurableUrl} to {@code spring.datasource.url} once it is bound, before the
 * connection pool (and Flyway through it) opens the database: whatever H2 file URL the operator
 * gives, a {@code Success} is durable.
 */
public class H2DurableUrlPostProcessor implements BeanPostProcessor {
    private static final Logger LOG = LoggerFactory.getLogger(H2DurableUrlPostProcessor.class);

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (bean instanceof DataSourceProperties properties && properties.getUrl() != null) {
            String durable = H2DurableUrl.of(properties.getUrl());
            if (!durable.equals(properties.getUrl())) {
                LOG.info("H2 file database: {} (every commit written to the file before it returns; parsed statements kept per connection)",
                        durable.substring(properties.getUrl().length() + 1));
                properties.setUrl(durable);
            }
        }
        return bean;
    }
}
