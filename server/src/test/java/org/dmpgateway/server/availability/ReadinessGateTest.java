package org.dmpgateway.server.availability;

import org.junit.jupiter.api.Test;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The gate in front of every endpoint, in each state of the server (the durability test drives the real one). */
class ReadinessGateTest {
    private final ServingState serving = new ServingState();
    private final ReadinessGate gate = new ReadinessGate(serving);

    @Test
    void whileStartingEveryEndpointAnswers503InItsOwnFormat() throws Exception {
        MockHttpServletResponse soap = call("POST", "/services/iti41");
        assertEquals(503, soap.getStatus());
        assertTrue(soap.getContentType().startsWith("application/soap+xml"), soap.getContentType());
        assertTrue(soap.getContentAsString().contains("<soap:Value>soap:Receiver</soap:Value>"), soap.getContentAsString());
        assertTrue(soap.getContentAsString().contains("starting"), soap.getContentAsString());
        assertEquals("5", soap.getHeader("Retry-After"));

        MockHttpServletResponse fhir = call("GET", "/fhir/DocumentReference");
        assertEquals(503, fhir.getStatus());
        assertTrue(fhir.getContentType().startsWith("application/fhir+json"), fhir.getContentType());
        assertTrue(fhir.getContentAsString().contains("\"resourceType\":\"OperationOutcome\"")
                && fhir.getContentAsString().contains("\"code\":\"transient\""), fhir.getContentAsString());

        for (String path : new String[] {"/admin/patients/1.2.250.1.213.1.4.10/123", "/actuator/info", "/dmp/x"}) {
            MockHttpServletResponse json = call("GET", path);
            assertEquals(503, json.getStatus(), path);
            assertTrue(json.getContentType().startsWith("application/json"), path + " " + json.getContentType());
            assertTrue(json.getContentAsString().contains("\"status\":503"), json.getContentAsString());
        }
    }

    @Test
    void healthAlwaysPassesItSaysTheStateItself() throws Exception {
        assertPassed(call("GET", "/actuator/health"));
        assertPassed(call("GET", "/actuator/health/db"));
    }

    @Test
    void onceReadyEverythingPassesAndFromTheShutdownNothingNewIsAdmitted() throws Exception {
        serving.onReadiness(new AvailabilityChangeEvent<>(this, ReadinessState.ACCEPTING_TRAFFIC));
        assertPassed(call("POST", "/services/iti41"));
        assertPassed(call("GET", "/fhir/metadata"));

        serving.onReadiness(new AvailabilityChangeEvent<>(this, ReadinessState.REFUSING_TRAFFIC));
        MockHttpServletResponse stopping = call("POST", "/services/iti18");
        assertEquals(503, stopping.getStatus());
        assertTrue(stopping.getContentAsString().contains("stopping"), stopping.getContentAsString());
    }

    private MockHttpServletResponse call(String method, String path) throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest(method, path);
        MockHttpServletResponse response = new MockHttpServletResponse();
        MockFilterChain chain = new MockFilterChain();
        gate.doFilter(request, response, chain);
        response.setHeader("X-Passed", String.valueOf(chain.getRequest() != null));
        return response;
    }

    private static void assertPassed(MockHttpServletResponse r) {
        assertEquals("true", r.getHeader("X-Passed"));
        assertEquals(200, r.getStatus());
        assertNull(r.getHeader("Retry-After"));
        assertNotNull(r);
    }
}
