package org.dmpgateway.server.support;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.client.api.IGenericClient;
import ca.uhn.fhir.rest.client.api.ServerValidationModeEnum;
import ca.uhn.fhir.rest.client.interceptor.BearerTokenAuthInterceptor;

/**
 * HAPI's generic client on the gateway's /fhir endpoint, as a given professional ({@link Vihf} turned
 * into a bearer token by {@link FhirToken}) or anonymous.
 */
public final class FhirClient {
    private static final FhirContext CONTEXT = FhirContext.forR4Cached();

    static {
        CONTEXT.getRestfulClientFactory().setServerValidationMode(ServerValidationModeEnum.NEVER);
        CONTEXT.getRestfulClientFactory().setSocketTimeout(60_000);
    }

    private FhirClient() {
    }

    public static FhirContext context() {
        return CONTEXT;
    }

    public static String base(int port) {
        return "http://localhost:" + port + "/fhir";
    }

    public static IGenericClient anonymous(int port) {
        return CONTEXT.newRestfulGenericClient(base(port));
    }

    public static IGenericClient as(int port, Vihf vihf) {
        return withToken(port, FhirToken.of(vihf));
    }

    public static IGenericClient withToken(int port, String token) {
        IGenericClient client = CONTEXT.newRestfulGenericClient(base(port));
        client.registerInterceptor(new BearerTokenAuthInterceptor(token));
        return client;
    }
}
