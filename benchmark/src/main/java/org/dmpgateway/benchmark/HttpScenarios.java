package org.dmpgateway.benchmark;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** The scenarios that talk to the server over HTTP. */
final class HttpScenarios {
    static final int SUBMITTED_DOCUMENT_BYTES = 20 * 1024;
    static final int RETRIEVED_DOCUMENT_BYTES = 1_000_000;

    private HttpScenarios() {
    }

    /** A trivial request to the same server: GET /actuator/info (no database, a few bytes). */
    static Scenario trivial(Http http) {
        return new Scenario() {
            public String id() {
                return "http";
            }

            public String description() {
                return "GET /actuator/info (trivial request, reference)";
            }

            public long call(int worker, long seq) throws Exception {
                Http.Response r = http.get("/actuator/info");
                if (r.status() != 200) {
                    throw new IllegalStateException("GET /actuator/info answered HTTP " + r.status());
                }
                return 0;
            }
        };
    }

    /**
     * ITI-41 of a new submission set holding {@code documents} documents of 20 KB, for one of the
     * given patients (one per worker, in turn).
     */
    static Scenario provideAndRegister(Http http, List<Synthesizer.Patient> patients, int documents) {
        String endpoint = http.url("/services/iti41");
        ThreadLocal<Synthesizer> synth = ThreadLocal.withInitial(() -> new Synthesizer(System.nanoTime()
                ^ Thread.currentThread().getId()));
        return new Scenario() {
            public String id() {
                return "iti41-" + documents;
            }

            public String description() {
                return "ITI-41, submission set of " + documents + " document" + (documents > 1 ? "s" : "") + " of 20 KB (MTOM)";
            }

            public long call(int worker, long seq) throws Exception {
                Synthesizer s = synth.get();
                Synthesizer.Patient p = patients.get(worker % patients.size());
                List<Synthesizer.Document> docs = new ArrayList<>(documents);
                for (int i = 0; i < documents; i++) {
                    docs.add(s.document(false, SUBMITTED_DOCUMENT_BYTES));
                }
                Soap.Message m = Soap.provideAndRegister(endpoint, p, s.oid(), s.submissionTime(docs.get(0).creationTime()), docs);
                Responses.requireSuccess(http.post("/services/iti41", m.contentType(), m.body()), "ITI-41");
                return (long) documents * SUBMITTED_DOCUMENT_BYTES;
            }
        };
    }

    /**
     * ITI-18 FindDocuments (Approved) for patients who have exactly {@code expected} documents,
     * one after the other.
     */
    static Scenario findDocuments(Http http, List<String> patients, int expected) {
        String endpoint = http.url("/services/iti18");
        return new Scenario() {
            public String id() {
                return "iti18-" + expected;
            }

            public String description() {
                return "ITI-18 FindDocuments, patient with " + expected + " documents (LeafClass)";
            }

            public long call(int worker, long seq) throws Exception {
                Soap.Message m = Soap.findDocuments(endpoint, patients.get((int) (seq % patients.size())));
                Http.Response r = http.post("/services/iti18", m.contentType(), m.body());
                Responses.requireSuccess(r, "ITI-18");
                int found = Responses.countDocumentEntries(r.body());
                if (found != expected) {
                    throw new IllegalStateException("ITI-18 returned " + found + " document entries, expected " + expected);
                }
                return 0;
            }
        };
    }

    /** ITI-43 of one 1 MB document at a time, in turn among the given uniqueIds. */
    static Scenario retrieve(Http http, String ins, String repositoryUniqueId, List<String> uniqueIds, int size) {
        String endpoint = http.url("/services/iti43");
        return new Scenario() {
            public String id() {
                return "iti43-1mb";
            }

            public String description() {
                return "ITI-43, one document of " + size / 1_000_000 + " MB per request (MTOM answer)";
            }

            public boolean measuresBytes() {
                return true;
            }

            public long call(int worker, long seq) throws Exception {
                String uniqueId = uniqueIds.get((int) (seq % uniqueIds.size()));
                Soap.Message m = Soap.retrieve(endpoint, ins, repositoryUniqueId, uniqueId);
                Http.Response r = http.post("/services/iti43", m.contentType(), m.body());
                List<byte[]> parts = Responses.mimeParts(r);
                if (r.status() != 200 || parts.size() != 2 || Responses.indexOf(parts.get(0),
                        "ResponseStatusType:Success\"".getBytes(StandardCharsets.US_ASCII), 0) < 0) {
                    throw new IllegalStateException("ITI-43 failed: HTTP " + r.status() + ", " + parts.size()
                            + " MIME parts, " + Responses.failure(r.body()));
                }
                if (parts.get(1).length != size) {
                    throw new IllegalStateException("ITI-43 returned " + parts.get(1).length + " bytes, expected " + size);
                }
                return size;
            }
        };
    }
}
