package org.dmpgateway.benchmark;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The harness end to end, small: starts the packaged server jar on an H2 file, bulk-loads a
 * registry of 200 documents (targets of 2, 5 and 10 documents), and runs every scenario, SOAP and
 * FHIR, for four requests at one and two client threads. Asserts only that every request succeeded and that the
 * figures were produced: no timing is asserted. Runs in the integration-test phase of
 * {@code mvn verify}, after the server module was packaged.
 */
class BenchmarkSmokeTest {
    private static final int REQUESTS = 4;

    @Test
    void everyScenarioRunsAndEveryRequestSucceeds() throws Exception {
        Path jar = Path.of(System.getProperty("dmp.server.jar", "../server/target/dmp-gateway.jar"));
        assertTrue(Files.isRegularFile(jar), "the server jar " + jar.toAbsolutePath()
                + " must be built first (mvn verify from the root builds it before this module)");
        Path work = Path.of("target", "smoke");
        Options options = Options.parse("--start-server", "h2", "--server-jar", jar.toString(), "--fresh-db", "--validate-responses",
                "--registry-size", "200", "--targets", "2,5,10", "--concurrency", "1,2",
                "--requests", String.valueOf(REQUESTS), "--warmup", "0", "--server-warmup", "0", "--work-dir", work.toString());
        ByteArrayOutputStream console = new ByteArrayOutputStream();

        Report report = new Benchmark(options, new PrintStream(console, true, StandardCharsets.UTF_8)).run();

        String printed = console.toString(StandardCharsets.UTF_8);
        System.out.println(printed);
        Set<String> expected = new TreeSet<>(List.of("db-insert", "db-find-2", "db-find-5", "db-find-10", "http",
                "iti18-2", "iti18-5", "iti18-10", "iti43-1mb", "iti41-1", "iti41-5",
                "iti65", "iti66-2", "iti66-5", "iti66-10", "iti67-2-p20", "iti67-2-p100", "iti67-5-p20", "iti67-5-p100", "iti67-10-p20", "iti67-10-p100",
                "iti68-1mb", "fhir-read"));
        assertEquals(expected, report.rows().stream().map(Report.Row::scenario).collect(Collectors.toCollection(TreeSet::new)));
        for (Report.Row row : report.rows()) {
            String what = row.scenario() + " at " + row.concurrency() + " threads";
            assertEquals(0, row.measure().failed(), what + " failed: " + row.measure().firstError());
            assertEquals(REQUESTS, row.measure().ok(), what);
            assertTrue(row.measure().latencyMs().length == REQUESTS && row.measure().perSecond() > 0, what);
            assertTrue(row.registryDocuments() >= 200, what + " ran on a registry of " + row.registryDocuments());
        }
        assertEquals(expected.size() * 2, report.rows().size());
        assertTrue(report.rows().stream().filter(r -> r.scenario().startsWith("iti"))
                .allMatch(r -> r.measure().heapMaxBytes() > 0 && r.measure().rssMaxBytes() > 0),
                "the server's heap and resident set are sampled during the HTTP scenarios");
        assertTrue(report.rows().stream().filter(r -> r.scenario().equals("iti43-1mb") || r.scenario().equals("iti68-1mb"))
                .allMatch(r -> r.bytes() && r.measure().megabytesPerSecond() > 0), "ITI-43 and ITI-68 are reported in MB/s");
        List<IssueRatios.Figure> figures = IssueRatios.of(report.rows());
        assertEquals(List.of("iti18-10 p50 / db-find-10 p50", "iti41-1 per s / db-insert per s"),
                figures.stream().map(IssueRatios.Figure::name).toList(), "the issue's figures that this run's rows allow");
        List<String> csv = Files.readAllLines(report.csv());
        assertEquals(report.rows().size() + figures.size() + 1, csv.size(),
                "one CSV line per measurement and per figure of the issue, plus the header");
        String markdown = Files.readString(report.markdown());
        assertTrue(markdown.contains("## H2, registry of") && markdown.contains("## Bulk loads")
                && markdown.contains("## Issue 19 ratios"), markdown);
        assertTrue(printed.contains("Issue 19 ratios"), "the ratios are printed at the end of the run");
    }
}
