package org.dmpgateway.conformance;

import com.fasterxml.jackson.databind.JsonNode;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * One folder of samples/: what is set up through the admin API, what is sent, and what must come
 * back (samples/FORMAT.md).
 */
record Scenario(String name, Path folder, String title, String protocol, String rule,
                List<Exchange> setup, List<Exchange> steps) {

    /**
     * One HTTP request of a scenario and, for a step, the outcome it must have, and the values it
     * captures from its answer for the next steps ({@code ${CAPTURED_<name>}}: name -> XPath 1.0
     * string expression on the SOAP envelope).
     */
    record Exchange(String name, String method, String path, Map<String, String> headers,
                    String bodyFile, JsonNode body, Expectation expect, Boolean decisive, Map<String, String> capture) {

        Exchange(String name, String method, String path, Map<String, String> headers, String bodyFile, JsonNode body,
                 Expectation expect, Boolean decisive) {
            this(name, method, path, headers, bodyFile, body, expect, decisive, Map.of());
        }

        boolean isAdminCall() {
            return path.startsWith("/admin/");
        }
    }

    /** The checks of a step; a null field is not checked. */
    record Expectation(Integer status, String xdsStatus, List<String> xdsErrors, Boolean fault,
                       List<String> documents, List<String> submissionSets, List<String> folders,
                       Integer associationCount, List<String> objectRefs, String content, String outcome,
                       String resourceType, Integer total, List<String> fhirPath, List<String> xpath,
                       Map<String, String> headers) {
    }
}
