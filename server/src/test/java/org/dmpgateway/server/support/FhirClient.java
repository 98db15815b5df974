package org.dmpgateway.server.support;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.client.api.IGenericClient;
import ca.uhn.fhir.rest.client.api.ServerValidationModeEnum;
import ca.uhn.fhir.rest.client.api.IClientInterceptor;
import ca.uhn.fhir.rest.client.api.IHttpRequest;
import ca.uhn.fhir.rest.client.api.IHttpResponse;
import ca.uhn.fhir.rest.client.interceptor.BearerTokenAuthInterceptor;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * HAPI's generic client on the gateway's /fhir endpoint, as a given professional ({@link Vihf} turned
 * into a bearer token by {@link FhirToken}) or anonymous. Every FHIR answer it receives is validated
 * by {@link FhirAnswerValidator} (R4 base and the profiles the answer claims): an invalid answer
 * fails the test.
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
        return validating(CONTEXT.newRestfulGenericClient(base(port)));
    }

    public static IGenericClient as(int port, Vihf vihf) {
        return withToken(port, FhirToken.of(vihf));
    }

    public static IGenericClient withToken(int port, String token) {
        IGenericClient client = validating(CONTEXT.newRestfulGenericClient(base(port)));
        client.registerInterceptor(new BearerTokenAuthInterceptor(token));
        return client;
    }

    private static IGenericClient validating(IGenericClient client) {
        client.registerInterceptor(new ValidatingInterceptor());
        return client;
    }

    /** Validates each FHIR response body (by its Content-Type) before the client parses it. */
    static final class ValidatingInterceptor implements IClientInterceptor {
        private IHttpRequest lastRequest;

        @Override
        public void interceptRequest(IHttpRequest request) {
            lastRequest = request;
        }

        @Override
        public void interceptResponse(IHttpResponse response) throws IOException {
            String contentType = response.getMimeType();
            if (!FhirAnswerValidator.isFhirBody(contentType)) {
                return;
            }
            response.bufferEntity();
            String body;
            try (InputStream in = response.readEntity()) {
                if (in == null) {
                    return;
                }
                body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            if (!body.isBlank()) {
                IHttpRequest request = lastRequest;
                String what = request == null ? "a FHIR request" : request.getHttpVerbName() + " " + request.getUri();
                FhirAnswerValidator.get().assertValid(body, what);
            }
        }
    }
}
