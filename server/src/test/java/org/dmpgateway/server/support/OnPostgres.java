package org.dmpgateway.server.support;

import org.dmpgateway.repository.PostgresTestSchema;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.test.context.ContextConfiguration;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The PostgreSQL leaf of a database-variant suite. The suite is an abstract class holding the
 * tests ({@code XxxTestBase}, a {@code @SpringBootTest} with {@code @DirtiesContext}); its H2 leaf
 * ({@code XxxH2Test}) names an in-memory H2 database with {@code @TestPropertySource}, its
 * PostgreSQL leaf ({@code XxxPostgresTest}) carries this annotation and nothing else. The server
 * then starts on a fresh schema of the test database ({@link PostgresTestSchema}, created by the
 * server's Flyway, dropped when the suite's context closes). The leaf runs when PostgreSQL answers
 * and always when {@code CI=true}: there it fails if PostgreSQL is down, it is never skipped.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@ExtendWith(PostgresTestSchema.Available.class)
@ContextConfiguration(initializers = PostgresSchemaInitializer.class)
public @interface OnPostgres {
}
