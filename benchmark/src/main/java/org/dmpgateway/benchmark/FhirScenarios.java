package org.dmpgateway.benchmark;

import java.util.ArrayList;
import java.util.List;

/**
 * The scenarios of the FHIR side ({@code /fhir}, docs/fhir.md), the counterparts of the SOAP ones in
 * {@link HttpScenarios}: every request carries a new bearer token ({@link FhirToken}) for its patient,
 * and every answer is checked.
 */
final class FhirScenarios {
    private FhirScenarios() {
    }

    /** ITI-65 of a new submission set with one document of 20 KB (as iti41-1), for one of the patients (one per worker). */
    static Scenario provideDocumentBundle(Http http, List<Synthesizer.Patient> patients) {
        ThreadLocal<Synthesizer> synth = ThreadLocal.withInitial(() -> new Synthesizer(System.nanoTime()
                ^ Thread.currentThread().getId()));
        return new Scenario() {
            public String id() {
                return "iti65";
            }

            public String description() {
                return "ITI-65, transaction Bundle: submission set, 1 document of 20 KB (Binary, base64)";
            }

            public long call(int worker, long seq) throws Exception {
                Synthesizer s = synth.get();
                Synthesizer.Patient p = patients.get(worker % patients.size());
                Synthesizer.Document d = s.document(false, HttpScenarios.SUBMITTED_DOCUMENT_BYTES);
                submit(http, p, s, d, "ITI-65");
                return HttpScenarios.SUBMITTED_DOCUMENT_BYTES;
            }
        };
    }

    /** Submits one document through ITI-65 and checks the transaction-response (List, DocumentReference, Binary: 201). */
    static void submit(Http http, Synthesizer.Patient p, Synthesizer s, Synthesizer.Document d, String what)
            throws Exception {
        byte[] bundle = FhirMessages.provideBundle(p, s.oid(), s.submissionTime(d.creationTime()), d);
        FhirAnswers.requireCreated(http.post("/fhir", FhirMessages.FHIR_JSON, bundle, FhirToken.bearer(p.ins())), 3, what);
    }

    /**
     * ITI-67, the first page of {@code page} documents, for patients who have exactly {@code expected}
     * current documents, one after the other; checks the page's size and the total.
     */
    static Scenario findDocumentReferences(Http http, List<String> patients, int expected, int page) {
        return findDocumentReferences(http, patients, expected, page, true);
    }

    /**
     * The same search; with {@code totalRequired} false (the peer, HAPI FHIR JPA, which leaves
     * {@code total} out of a page while its search is still being fetched) the total is checked only when
     * the answer has one.
     */
    static Scenario findDocumentReferences(Http http, List<String> patients, int expected, int page,
                                           boolean totalRequired) {
        int entries = Math.min(expected, page);
        return new Scenario() {
            public String id() {
                return "iti67-" + expected + "-p" + page;
            }

            public String description() {
                return "ITI-67, patient with " + expected + " documents, first page of " + page + " (_count=" + page + ")";
            }

            public long call(int worker, long seq) throws Exception {
                String ins = patients.get((int) (seq % patients.size()));
                Http.Response r = http.get(FhirMessages.findPath(ins, page), FhirToken.bearer(ins), FhirMessages.FHIR_JSON);
                if (r.status() != 200) {
                    throw new IllegalStateException("ITI-67 failed: HTTP " + r.status() + ", " + FhirAnswers.failure(r.body()));
                }
                int found = FhirAnswers.countResources(r.body(), "DocumentReference");
                long total = FhirAnswers.total(r.text());
                if (found != entries || (total != expected && (totalRequired || total >= 0))) {
                    throw new IllegalStateException("ITI-67 returned " + found + " DocumentReferences of a total of "
                            + total + ", expected " + entries + " of " + expected);
                }
                return 0;
            }
        };
    }

    /**
     * ITI-66, the current submission sets of patients who have exactly {@code expected} current
     * documents, one after the other (the answer is not paged: every List of the patient, each with its
     * entries); checks that {@code total} is the number of Lists and that the Lists' entries name
     * exactly {@code expected} DocumentReferences (the bulk loader puts every document in one set).
     */
    static Scenario findLists(Http http, List<String> patients, int expected) {
        return new Scenario() {
            public String id() {
                return "iti66-" + expected;
            }

            public String description() {
                return "ITI-66, patient with " + expected + " documents, all current submission sets (List) with their entries";
            }

            public long call(int worker, long seq) throws Exception {
                String ins = patients.get((int) (seq % patients.size()));
                Http.Response r = http.get(FhirMessages.findListsPath(ins), FhirToken.bearer(ins), FhirMessages.FHIR_JSON);
                if (r.status() != 200) {
                    throw new IllegalStateException("ITI-66 failed: HTTP " + r.status() + ", " + FhirAnswers.failure(r.body()));
                }
                int lists = FhirAnswers.countResources(r.body(), "List");
                String text = r.text();
                long total = FhirAnswers.total(text);
                int members = FhirAnswers.countDocumentReferenceReferences(text);
                if (lists == 0 || total != lists || members != expected) {
                    throw new IllegalStateException("ITI-66 returned " + lists + " Lists of a total of " + total
                            + " naming " + members + " DocumentReferences, expected " + expected);
                }
                return 0;
            }
        };
    }

    /** ITI-67 by uniqueId: the id of each of the patient's documents (set-up of ITI-68). */
    static List<String> documentReferenceIds(Http http, String ins, List<String> uniqueIds) throws Exception {
        List<String> ids = new ArrayList<>();
        for (String uniqueId : uniqueIds) {
            Http.Response r = http.get(FhirMessages.findByUniqueIdPath(ins, uniqueId), FhirToken.bearer(ins),
                    FhirMessages.FHIR_JSON);
            List<String> found = r.status() == 200 ? FhirAnswers.documentReferenceIds(r.text()) : List.of();
            if (found.size() != 1) {
                throw new IllegalStateException("ITI-67 for the document " + uniqueId + " answered HTTP " + r.status()
                        + " with " + found.size() + " DocumentReferences: " + FhirAnswers.failure(r.body()));
            }
            ids.add(found.get(0));
        }
        return ids;
    }

    /**
     * A read by id, {@code GET /fhir/DocumentReference/<id>}, in turn among the given ids of the
     * patient's documents; checks the status and the resource's type and id.
     */
    static Scenario readDocumentReference(Http http, String ins, List<String> ids) {
        return new Scenario() {
            public String id() {
                return "fhir-read";
            }

            public String description() {
                return "FHIR read, GET DocumentReference/<id> (JSON)";
            }

            public long call(int worker, long seq) throws Exception {
                String id = ids.get((int) (seq % ids.size()));
                Http.Response r = http.get("/fhir/DocumentReference/" + id, FhirToken.bearer(ins), FhirMessages.FHIR_JSON);
                if (r.status() != 200 || FhirAnswers.countResources(r.body(), "DocumentReference") != 1
                        || !r.text().contains("\"" + id + "\"")) {
                    throw new IllegalStateException("read of DocumentReference/" + id + " failed: HTTP " + r.status()
                            + ", " + FhirAnswers.failure(r.body()));
                }
                return 0;
            }
        };
    }

    /** ITI-68 of one document at a time (raw bytes, no Accept header), in turn among the given DocumentReference ids. */
    static Scenario retrieveBinary(Http http, String ins, List<String> ids, int size) {
        // on the gateway a document's Binary has its DocumentReference's id; the peer gives the Binary ids
        return new Scenario() {
            public String id() {
                return "iti68-1mb";
            }

            public String description() {
                return "ITI-68, GET Binary/<id> of one document of " + size / 1_000_000 + " MB per request (raw bytes)";
            }

            public boolean measuresBytes() {
                return true;
            }

            public long call(int worker, long seq) throws Exception {
                String id = ids.get((int) (seq % ids.size()));
                Http.Response r = http.get(FhirMessages.binaryPath(id), FhirToken.bearer(ins), null);
                if (r.status() != 200 || r.contentType().contains("fhir")) {
                    throw new IllegalStateException("ITI-68 failed: HTTP " + r.status() + " " + r.contentType() + ", "
                            + FhirAnswers.failure(r.body()));
                }
                if (r.body().length != size) {
                    throw new IllegalStateException("ITI-68 returned " + r.body().length + " bytes, expected " + size);
                }
                return size;
            }
        };
    }
}
