package org.dmpgateway.benchmark;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/**
 * The peer of the benchmark ({@code --peer hapi-jpa}, docs/performance.md "A peer, side by side"):
 * the HAPI FHIR JPA server of module benchmark-hapi-peer, started as the gateway is (free port,
 * health wait, SIGTERM) right after the gateway's PostgreSQL pass of the same registry size, on a
 * PostgreSQL database of its own, then measured with the same FHIR scenarios and the same requests:
 * <ul>
 *   <li>ITI-67 for the same FindDocuments target patients (same INS, same numbers of documents,
 *       contents of the bulk loader's size), loaded through HAPI's FHIR API as transaction Bundles
 *       of DocumentReference + Binary, the patients as Patient resources with their INS;</li>
 *   <li>read by id and ITI-68 of 1 MB documents created by a transaction each at set-up;</li>
 *   <li>ITI-65: the gateway's own transaction Bundle (List, DocumentReference, Binary of 20 KB).</li>
 * </ul>
 * The gateway applies its rules (bearer token, patient's consent, DMP metadata rules, traces); the
 * peer has none of them. Its figures are added to the report, which prints the ratio per scenario.
 */
final class PeerPass {
    static final String LABEL = "HAPI FHIR JPA (PostgreSQL)";
    private static final int DOCUMENTS_PER_BUNDLE = 50;

    /** Measures a scenario at each concurrency of the run ({@code Benchmark.measure}). */
    interface Measurer {
        void measure(String label, long documents, Scenario s, MemorySampler memory) throws Exception;
    }

    private final Options o;
    private final Report report;
    private final PrintStream out;

    PeerPass(Options options, Report report, PrintStream out) {
        this.o = options;
        this.report = report;
        this.out = out;
    }

    /**
     * Starts the peer, loads what the gateway's pass measured (once: a later registry size finds the
     * targets loaded), measures, stops the peer; {@code documents} is the gateway's registry size,
     * the peer's rows are reported under it so that the report pairs them.
     */
    void run(String gatewayLabel, long documents, boolean fresh, Measurer measurer) throws Exception {
        Database database = Database.postgres(o.peerUrl(), o.pgUser(), o.pgPassword());
        if (fresh) {
            database.wipe();
        }
        database.ensureExists();
        out.printf("%nstarting the peer (HAPI FHIR JPA, %s) on %s...%n", o.peerJar(), o.peerUrl());
        try (ServerProcess peer = ServerProcess.startPeer(o.peerJar(), o.serverJvmOptions(), database.url(),
                database.user(), database.password(), o.workDir().resolve("peer-hapi-jpa.log"))) {
            out.println("peer at " + peer.baseUrl() + ", pid " + peer.pid() + ", log " + peer.log());
            Http http = new Http(peer.baseUrl());
            List<Scenario> scenarios = new ArrayList<>();
            if (o.wants("iti67")) {
                long loaded = loadTargets(http);
                report.note(String.format("%s: the FindDocuments targets' %,d documents loaded as DocumentReference + Binary"
                        + " (the gateway's other documents are not: the peer's database holds only what its scenarios read)",
                        LABEL, loaded));
                for (int target : o.targets()) {
                    for (int page : o.pages()) {
                        scenarios.add(FhirScenarios.findDocumentReferences(http, o.targetPatientIns(target), target, page, false));
                    }
                }
            }
            if (o.wants("iti68") || o.wants("fhir-read")) {
                Benchmark.FhirDocuments docs = retrievalSetUp(http);
                if (o.wants("fhir-read")) {
                    scenarios.add(FhirScenarios.readDocumentReference(http, docs.ins(), docs.documentReferenceIds()));
                }
                if (o.wants("iti68")) {
                    scenarios.add(FhirScenarios.retrieveBinary(http, docs.ins(), docs.binaryIds(),
                            HttpScenarios.RETRIEVED_DOCUMENT_BYTES));
                }
            }
            if (o.wants("iti65")) {
                Synthesizer synth = new Synthesizer(42);
                List<Synthesizer.Patient> patients = new ArrayList<>();
                for (int i = 0; i < o.maxConcurrency(); i++) {
                    patients.add(synth.patient(Ins.harness(i)));
                }
                createPatients(http, patients);
                scenarios.add(FhirScenarios.provideDocumentBundle(http, patients));
            }
            Benchmark.serverWarmUp(scenarios, o, out);
            try (MemorySampler memory = new MemorySampler(http, peer.pid())) {
                for (Scenario s : scenarios) {
                    measurer.measure(LABEL, documents, s, memory);
                }
            }
        }
        report.compare(gatewayLabel, LABEL);
    }

    /** Each target patient with exactly its number of current documents; returns the documents loaded now. */
    private long loadTargets(Http http) throws Exception {
        Synthesizer synth = new Synthesizer(7);
        long loaded = 0;
        for (int target : o.targets()) {
            List<Synthesizer.Patient> patients = new ArrayList<>();
            for (String ins : o.targetPatientIns(target)) {
                patients.add(synth.patient(ins));
            }
            List<String> ids = createPatients(http, patients);
            for (int k = 0; k < patients.size(); k++) {
                String reference = "Patient/" + ids.get(k);
                long found = countDocuments(http, reference);
                if (found == target) {
                    continue;
                }
                if (found != 0) {
                    throw new IllegalStateException("the peer's target patient " + patients.get(k).ins() + " has " + found
                            + " documents, expected " + target + ": run with --fresh-db");
                }
                for (int done = 0; done < target; done += DOCUMENTS_PER_BUNDLE) {
                    List<Synthesizer.Document> docs = new ArrayList<>();
                    for (int i = done; i < Math.min(target, done + DOCUMENTS_PER_BUNDLE); i++) {
                        docs.add(synth.document(false, BulkLoader.CONTENT_BYTES));
                    }
                    FhirAnswers.requireCreated(http.post("/fhir", FhirMessages.FHIR_JSON,
                            FhirMessages.documentsBundle(patients.get(k), reference, docs)), 2 * docs.size(),
                            "loading the peer");
                    loaded += docs.size();
                }
            }
            out.printf("  peer: %d patients with %d documents each%n", patients.size(), target);
        }
        return loaded;
    }

    /** One 1 MB document per client thread for the harness's FHIR retrieval patient, each in a transaction. */
    private Benchmark.FhirDocuments retrievalSetUp(Http http) throws Exception {
        Synthesizer synth = new Synthesizer(System.nanoTime());
        Synthesizer.Patient p = synth.patient(Ins.harness(Benchmark.FHIR_RETRIEVAL_PATIENT));
        String reference = "Patient/" + createPatients(http, List.of(p)).get(0);
        List<String> documentReferences = new ArrayList<>();
        List<String> binaries = new ArrayList<>();
        for (int i = 0; i < o.maxConcurrency(); i++) {
            Synthesizer.Document d = synth.document(false, HttpScenarios.RETRIEVED_DOCUMENT_BYTES);
            Http.Response r = http.post("/fhir", FhirMessages.FHIR_JSON, FhirMessages.documentsBundle(p, reference, List.of(d)));
            FhirAnswers.requireCreated(r, 2, "the peer's retrieval set-up");
            documentReferences.addAll(FhirAnswers.createdIds(r.text(), "DocumentReference"));
            binaries.addAll(FhirAnswers.createdIds(r.text(), "Binary"));
        }
        if (documentReferences.size() != o.maxConcurrency() || binaries.size() != o.maxConcurrency()) {
            throw new IllegalStateException("the peer's retrieval set-up created " + documentReferences.size()
                    + " DocumentReferences and " + binaries.size() + " Binaries, expected " + o.maxConcurrency() + " of each");
        }
        return new Benchmark.FhirDocuments(p.ins(), documentReferences, binaries);
    }

    /** The patients' resource ids, each created unless it exists (conditional create on the INS). */
    private static List<String> createPatients(Http http, List<Synthesizer.Patient> patients) throws Exception {
        Http.Response r = http.post("/fhir", FhirMessages.FHIR_JSON, FhirMessages.patientsBundle(patients));
        List<String> ids = r.status() == 200 ? FhirAnswers.createdIds(r.text(), "Patient") : List.of();
        if (ids.size() != patients.size()) {
            throw new IllegalStateException("creating " + patients.size() + " patients on the peer: HTTP " + r.status()
                    + ", " + ids.size() + " ids, " + FhirAnswers.failure(r.body()));
        }
        return ids;
    }

    private static long countDocuments(Http http, String patientReference) throws Exception {
        Http.Response r = http.get("/fhir/DocumentReference?subject=" + patientReference + "&status=current&_summary=count");
        long total = r.status() == 200 ? FhirAnswers.total(r.text()) : -1;
        if (total < 0) {
            throw new IllegalStateException("counting the documents of " + patientReference + " on the peer: HTTP "
                    + r.status() + ", " + FhirAnswers.failure(r.body()));
        }
        return total;
    }
}
