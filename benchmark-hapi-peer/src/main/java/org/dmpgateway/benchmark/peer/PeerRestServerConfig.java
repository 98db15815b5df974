package org.dmpgateway.benchmark.peer;

import ca.uhn.fhir.jpa.api.dao.IFhirSystemDao;
import ca.uhn.fhir.jpa.provider.JpaSystemProvider;
import ca.uhn.fhir.jpa.search.DatabaseBackedPagingProvider;
import ca.uhn.fhir.rest.server.RestfulServer;
import ca.uhn.fhir.rest.server.provider.ResourceProviderFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * HAPI's plain REST server at {@code /fhir/*} with the JPA resource providers of every R4 type and
 * the system provider (transaction Bundles). Search results are paged from the database (HAPI's
 * {@link DatabaseBackedPagingProvider}); its largest page is raised from HAPI's 50 to
 * {@code peer.max-page-size} (1,000) so that {@code _count=100} gives 100 resources, as on the gateway.
 */
@Configuration
class PeerRestServerConfig {

    @Bean
    RestfulServer restfulServer(IFhirSystemDao<?, ?> systemDao, ResourceProviderFactory resourceProviders,
            JpaSystemProvider<?, ?> systemProvider, DatabaseBackedPagingProvider pagingProvider,
            @Value("${peer.default-page-size:20}") int defaultPageSize,
            @Value("${peer.max-page-size:1000}") int maxPageSize) {
        RestfulServer server = new RestfulServer(systemDao.getContext());
        server.registerProviders(resourceProviders.createProviders());
        server.registerProvider(systemProvider);
        pagingProvider.setDefaultPageSize(defaultPageSize);
        pagingProvider.setMaximumPageSize(maxPageSize);
        server.setPagingProvider(pagingProvider);
        return server;
    }

    @Bean
    ServletRegistrationBean<RestfulServer> fhirServlet(RestfulServer server) {
        ServletRegistrationBean<RestfulServer> registration = new ServletRegistrationBean<>(server, "/fhir/*");
        registration.setLoadOnStartup(1);
        return registration;
    }
}
