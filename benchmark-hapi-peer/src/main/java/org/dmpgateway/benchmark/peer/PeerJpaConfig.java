package org.dmpgateway.benchmark.peer;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.jpa.api.config.JpaStorageSettings;
import ca.uhn.fhir.jpa.config.util.HapiEntityManagerFactoryUtil;
import ca.uhn.fhir.jpa.model.config.PartitionSettings;
import ca.uhn.fhir.jpa.model.config.SubscriptionSettings;
import jakarta.persistence.EntityManagerFactory;
import java.util.Map;
import java.util.Properties;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.core.env.Environment;
import org.springframework.orm.jpa.JpaTransactionManager;
import org.springframework.orm.jpa.LocalContainerEntityManagerFactoryBean;
import org.springframework.transaction.annotation.EnableTransactionManagement;

/**
 * The beans HAPI's JPA configuration expects from the application: its storage settings (HAPI's
 * defaults), no partitioning, no subscription channel, and the entity manager factory on Spring
 * Boot's datasource with the Hibernate properties of {@code spring.jpa.properties.*}
 * (application.properties: HAPI's PostgreSQL dialect, schema created by Hibernate, no
 * Hibernate Search).
 */
@Configuration
@EnableTransactionManagement
class PeerJpaConfig {
    private static final Logger LOG = LoggerFactory.getLogger(PeerJpaConfig.class);

    /**
     * HAPI's default storage settings; {@code peer.reuse-cached-search-results-millis} (e.g. the
     * environment variable {@code PEER_REUSE_CACHED_SEARCH_RESULTS_MILLIS}, which the harness's child
     * process inherits) changes how long HAPI answers a repeated identical search from the stored
     * results of the first one, 0 for never; unset, HAPI's default.
     */
    @Bean
    JpaStorageSettings jpaStorageSettings(@Value("${peer.reuse-cached-search-results-millis:#{null}}") Long reuseMillis) {
        JpaStorageSettings settings = new JpaStorageSettings();
        if (reuseMillis != null) {
            settings.setReuseCachedSearchResultsForMillis(reuseMillis > 0 ? reuseMillis : null);
        }
        LOG.info("HAPI FHIR JPA peer: a repeated identical search reuses the stored results of the first: {}",
                settings.getReuseCachedSearchResultsForMillis() == null ? "never"
                        : "for " + settings.getReuseCachedSearchResultsForMillis() + " ms");
        return settings;
    }

    @Bean
    PartitionSettings partitionSettings() {
        return new PartitionSettings();
    }

    @Bean
    SubscriptionSettings subscriptionSettings() {
        return new SubscriptionSettings();
    }

    @Primary
    @Bean
    LocalContainerEntityManagerFactoryBean entityManagerFactory(DataSource dataSource,
            ConfigurableListableBeanFactory beanFactory, FhirContext fhirContext, JpaStorageSettings settings,
            Environment environment) {
        LocalContainerEntityManagerFactoryBean factory =
                HapiEntityManagerFactoryUtil.newEntityManagerFactory(beanFactory, fhirContext, settings);
        factory.setPersistenceUnitName("HAPI_PU");
        factory.setDataSource(dataSource);
        Map<String, String> hibernate = Binder.get(environment)
                .bind("spring.jpa.properties", Bindable.mapOf(String.class, String.class))
                .orElse(Map.of());
        Properties properties = new Properties();
        properties.putAll(hibernate);
        factory.setJpaProperties(properties);
        return factory;
    }

    @Primary
    @Bean
    JpaTransactionManager transactionManager(EntityManagerFactory entityManagerFactory) {
        return new JpaTransactionManager(entityManagerFactory);
    }
}
