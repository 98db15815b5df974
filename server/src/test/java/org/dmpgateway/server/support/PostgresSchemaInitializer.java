package org.dmpgateway.server.support;

import org.dmpgateway.repository.PostgresTestSchema;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextClosedEvent;

/**
 * Points a test's server at a new schema of the test PostgreSQL database ({@link OnPostgres}):
 * datasource URL, user and password, and Flyway creating the schema; drops the schema when the
 * context closes.
 */
public final class PostgresSchemaInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        PostgresTestSchema schema = new PostgresTestSchema("dmp_test_");
        TestPropertyValues.of(
                "spring.datasource.url=" + schema.jdbcUrl(),
                "spring.datasource.username=" + PostgresTestSchema.USER,
                "spring.datasource.password=" + PostgresTestSchema.PASSWORD,
                "spring.flyway.schemas=" + schema.name(),
                "spring.flyway.create-schemas=true").applyTo(context);
        ApplicationListener<ContextClosedEvent> drop = event -> {
            if (event.getApplicationContext() == context) {
                schema.drop();
            }
        };
        context.addApplicationListener(drop);
    }
}
