package org.dmpgateway.benchmark;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The issue's ratios from rows of a run, and how the report writes them; without a server. */
class IssueRatiosTest {
    private static final String H2 = "H2";
    private static final String PG = "PostgreSQL";

    @Test
    void everyFigureIsMeasuredAgainstItsGoal() {
        List<IssueRatios.Figure> figures = IssueRatios.of(run());
        assertEquals(List.of(
                "H2 1000 iti18-10 p50 / db-find-10 p50 1 1.40 <= 1.5 yes",
                "H2 1000 iti18-100 p50 / db-find-100 p50 1 2.00 <= 1.5 no",
                "H2 1000 iti67-100-p100 p50 / db-find-100 p50 1 1.50 <= 2.0 yes",
                "H2 1000 iti66-100 p50 / db-find-100 p50 1 2.50 <= 2.0 no",
                "H2 1000 iti41-1 per s / db-insert per s 1 0.40 >= 0.5 no",
                "H2 1000 iti18-1000 server heap max 16 400 MB < 512 MB yes",
                "PostgreSQL 2000 iti18-10 p50 / db-find-10 p50 1 1.50 <= 1.5 yes",
                "PostgreSQL 2000 iti41-1 per s / db-insert per s 1 0.50 >= 0.5 yes",
                "PostgreSQL 2000 iti18-1000 server heap max 16 512 MB < 512 MB no"),
                figures.stream().map(f -> String.join(" ", f.database(), String.valueOf(f.registryDocuments()), f.name(),
                        String.valueOf(f.concurrency()), f.valueText(), f.goal(), f.metText())).toList(),
                "p50 and rates at 1 thread of the same database and registry; other threads, the ITI-67 page of 20, "
                        + "an ITI-18 without its selection and another registry's rows are left out");
    }

    @Test
    void theReportWritesTheRatiosAfterTheMeasurements(@TempDir Path dir) throws Exception {
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        Report report = new Report(dir.resolve("results"), new PrintStream(console, true, StandardCharsets.UTF_8));
        List<Report.Row> rows = run();
        for (Report.Row r : rows) {
            report.add(r);
        }
        report.printRatios();

        List<String> csv = Files.readAllLines(report.csv());
        int columns = csv.get(0).split(",", -1).length;
        assertEquals(1 + rows.size() + 9, csv.size(), "the header, a line per measurement, a line per figure");
        assertTrue(csv.stream().allMatch(l -> l.split(",", -1).length == columns), "every line has the header's columns: " + csv);
        assertEquals("H2,1000,iti18-100 p50 / db-find-100 p50,1" + ",".repeat(15) + "2.000,<= 1.5,no", csv.get(1 + rows.size() + 1));
        assertTrue(csv.get(1).endsWith(",,,"), "a measurement has no figure: " + csv.get(1));

        String markdown = Files.readString(report.markdown());
        String ratios = markdown.substring(markdown.indexOf("## Issue 19 ratios"));
        assertTrue(ratios.contains("| H2 | 1,000 | iti41-1 per s / db-insert per s | 1 | 0.40 | >= 0.5 | no |"), ratios);
        assertTrue(ratios.contains("| PostgreSQL | 2,000 | iti18-1000 server heap max | 16 | 512 MB | < 512 MB | no |"), ratios);

        String printed = console.toString(StandardCharsets.UTF_8);
        String table = printed.substring(printed.indexOf("Issue 19 ratios"));
        assertEquals(1 + 1 + 9, table.lines().count(), "title, header, a line per figure: " + table);
        assertTrue(table.lines().skip(2).allMatch(l -> l.endsWith(" yes") || l.endsWith(" no")), table);
    }

    /** Two databases, two registry sizes, the scenarios at 1 and 4 (or 16) threads. */
    private static List<Report.Row> run() {
        return List.of(
                row(H2, 1000, "db-insert", 1, 1.0, 1000),
                row(H2, 1000, "db-find-10", 1, 1.0, 0),
                row(H2, 1000, "db-find-10", 4, 9.0, 0),
                row(H2, 1000, "db-find-100", 1, 2.0, 0),
                row(H2, 1000, "iti18-10", 1, 1.4, 0),
                row(H2, 1000, "iti18-10", 4, 20.0, 0),
                row(H2, 1000, "iti18-100", 1, 4.0, 0),
                row(H2, 1000, "iti18-1000", 1, 100.0, 0),
                heap(H2, 1000, "iti18-1000", 16, 400),
                row(H2, 1000, "iti67-100-p20", 1, 9.0, 0),
                row(H2, 1000, "iti67-100-p100", 1, 3.0, 0),
                row(H2, 1000, "iti66-100", 1, 5.0, 0),
                row(H2, 1000, "iti41-1", 1, 1.0, 400),
                row(H2, 1000, "iti41-1", 4, 1.0, 2000),
                row(PG, 2000, "db-insert", 1, 1.0, 800),
                row(PG, 2000, "db-find-10", 1, 2.0, 0),
                row(PG, 2000, "iti18-10", 1, 3.0, 0),
                row(PG, 2000, "iti41-1", 1, 1.0, 400),
                heap(PG, 2000, "iti18-1000", 16, 512));
    }

    /** A measurement of 100 requests whose latencies are all {@code p50} ms, at {@code perSecond} if given. */
    private static Report.Row row(String database, long documents, String scenario, int threads, double p50, double perSecond) {
        double[] ms = new double[100];
        Arrays.fill(ms, p50);
        double seconds = perSecond > 0 ? 100 / perSecond : 1.0;
        return new Report.Row(database, documents, scenario, scenario, threads,
                new Runner.Measure(100, 0, seconds, 0, ms, null, -1, -1, "1.00 1.00 1.00", -1), false);
    }

    private static Report.Row heap(String database, long documents, String scenario, int threads, long heapMb) {
        double[] ms = new double[100];
        Arrays.fill(ms, 300.0);
        return new Report.Row(database, documents, scenario, scenario, threads,
                new Runner.Measure(100, 0, 10.0, 0, ms, null, heapMb * 1024 * 1024, 2 * heapMb * 1024 * 1024, "1.00 1.00 1.00", -1),
                false);
    }
}
