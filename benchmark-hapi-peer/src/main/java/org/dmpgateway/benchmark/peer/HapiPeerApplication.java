package org.dmpgateway.benchmark.peer;

import ca.uhn.fhir.batch2.jobs.config.Batch2JobsConfig;
import ca.uhn.fhir.jpa.api.config.ThreadPoolFactoryConfig;
import ca.uhn.fhir.jpa.batch2.JpaBatch2Config;
import ca.uhn.fhir.jpa.config.HapiJpaConfig;
import ca.uhn.fhir.jpa.config.r4.JpaR4Config;
import ca.uhn.fhir.jpa.subscription.channel.config.SubscriptionChannelConfig;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.autoconfigure.elasticsearch.ElasticsearchRestClientAutoConfiguration;
import org.springframework.boot.autoconfigure.flyway.FlywayAutoConfiguration;
import org.springframework.boot.autoconfigure.orm.jpa.HibernateJpaAutoConfiguration;
import org.springframework.boot.autoconfigure.quartz.QuartzAutoConfiguration;
import org.springframework.context.annotation.Import;

/**
 * The HAPI FHIR JPA server, R4, on PostgreSQL, as the benchmark's peer ({@code --peer hapi-jpa}): HAPI's
 * own JPA configuration ({@link JpaR4Config}, {@link HapiJpaConfig}) and the few beans it expects from
 * an application ({@link PeerJpaConfig}), its REST server at {@code /fhir} ({@link PeerRestServerConfig}).
 * Minimal: no subscriptions, no validation, no terminology loading, no MDM, no full-text index.
 * Spring Boot's own JPA, Flyway, Quartz and Elasticsearch set-ups are left out: HAPI builds its entity manager
 * factory, creates its schema with Hibernate and runs its own scheduler.
 */
@SpringBootApplication(exclude = {HibernateJpaAutoConfiguration.class, FlywayAutoConfiguration.class,
        QuartzAutoConfiguration.class, ElasticsearchRestClientAutoConfiguration.class})
@Import({JpaR4Config.class, HapiJpaConfig.class, ThreadPoolFactoryConfig.class, JpaBatch2Config.class,
        Batch2JobsConfig.class, SubscriptionChannelConfig.class, PeerJpaConfig.class, PeerRestServerConfig.class})
public class HapiPeerApplication {

    public static void main(String[] args) {
        SpringApplication.run(HapiPeerApplication.class, args);
    }
}
