package org.dmpgateway.fhir;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.FhirVersionEnum;
import ca.uhn.fhir.parser.LenientErrorHandler;
import ca.uhn.fhir.rest.api.IVersionSpecificBundleFactory;
import ca.uhn.fhir.rest.server.IResourceProvider;
import org.dmpgateway.config.DmpProperties;
import org.dmpgateway.fhir.error.RefusalTraceInterceptor;
import org.dmpgateway.fhir.identity.BearerTokenReader;
import org.dmpgateway.fhir.identity.TokenSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ResourceLoader;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Assembles the FHIR endpoint: the R4 FhirContext, the bearer-token reader from the
 * {@code dmp.fhir.token.*} keys, and {@link DmpFhirServer} registered as a servlet at {@code /fhir/*}.
 */
@Configuration
public class FhirServerConfiguration {
    private static final Logger LOG = LoggerFactory.getLogger(FhirServerConfiguration.class);

    /**
     * The documented sandbox secret (docs/fhir.md): fine on a laptop, never elsewhere. Only a server
     * started with {@code dmp.sandbox=true} accepts it (docs/security.md).
     */
    public static final String SANDBOX_SECRET = "sandbox-fhir-token-secret-change-me-0123456789";

    /** The software version the CapabilityStatement states when dmp.version is not set (a build without Maven). */
    static final String UNKNOWN_VERSION = "0.2.0-SNAPSHOT";

    /**
     * The server's own R4 context. Its parser does not look for reference targets to contain: the
     * mappings put every contained resource (authors, source patient) in place with its id, and the
     * search for more was a fifth of the encoding time of a searchset (docs/performance.md).
     * Its searchsets are built by {@link SearchsetBundleFactory}: HAPI's, without the reference walk
     * of every resource of a page when nothing can be included.
     * Its parser stays lenient (an unknown element is ignored) but silent: HAPI's default handler logs
     * one WARN line per unknown element or invalid value, so 20 KB of an unknown array made 1.56 MB of
     * log (issue 13).
     */
    @Bean
    public FhirContext fhirContext() {
        FhirContext context = new FhirContext(FhirVersionEnum.R4) {
            @Override
            public IVersionSpecificBundleFactory newBundleFactory() {
                return new SearchsetBundleFactory(this);
            }
        };
        context.getParserOptions().setAutoContainReferenceTargetsWithNoId(false);
        context.setParserErrorHandler(new LenientErrorHandler(false));
        return context;
    }

    @Bean
    public BearerTokenReader bearerTokenReader(ResourceLoader resources, DmpProperties.Token token) {
        String algorithm = token.algorithm();
        String secret = token.secret();
        List<String> keys = new ArrayList<>();
        for (String location : token.publicKeys()) {
            if (location.isBlank()) {
                continue;
            }
            try (InputStream in = resources.getResource(location.trim()).getInputStream()) {
                keys.add(new String(in.readAllBytes(), StandardCharsets.US_ASCII));
            } catch (IOException e) {
                throw new IllegalStateException("dmp.fhir.token.public-keys: cannot read " + location + ": " + e.getMessage(), e);
            }
        }
        if (TokenSettings.HS256.equals(algorithm) && SANDBOX_SECRET.equals(secret)) {
            LOG.warn("FHIR bearer tokens are verified with the documented sandbox secret (dmp.fhir.token.secret): "
                    + "anyone can forge one. Set your own secret, or dmp.fhir.token.algorithm=RS256 with public keys.");
        }
        return new BearerTokenReader(new TokenSettings(algorithm, secret, keys, token.issuer(), token.audience(),
                token.clockSkew(), token.cacheSize()));
    }

    @Bean
    public DmpFhirServer dmpFhirServer(FhirContext fhirContext, List<IResourceProvider> resourceProviders,
                                       List<FhirSystemProvider> systemProviders, BearerTokenReader tokens,
                                       DmpProperties dmp, RefusalTraceInterceptor refusalTraces) {
        DmpFhirServer server = new DmpFhirServer(fhirContext, resourceProviders, systemProviders, tokens,
                dmp.version().isBlank() ? UNKNOWN_VERSION : dmp.version());
        // the adapter's own refusals, once the caller is known, go to the record's history (docs/security.md)
        server.registerInterceptor(refusalTraces);
        return server;
    }

    @Bean
    public ServletRegistrationBean<DmpFhirServer> fhirServlet(DmpFhirServer server) {
        ServletRegistrationBean<DmpFhirServer> registration = new ServletRegistrationBean<>(server, "/fhir/*");
        registration.setName("DmpFhirServer");
        registration.setLoadOnStartup(1);
        return registration;
    }
}
