package org.dmpgateway.benchmark;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The goals of issue 19 as ratios of figures measured in the same run, per database and registry
 * size (docs/performance.md, "Issue 19"):
 * <ul>
 *   <li>{@code iti18-N} p50 / {@code db-find-N} p50 at 1 thread, N = 10, 100, 1000: at most 1.5;</li>
 *   <li>{@code iti67-N-p100} p50 / {@code db-find-100} p50 at 1 thread: at most 2, and every scenario
 *       whose name starts with {@code iti66} likewise;</li>
 *   <li>{@code iti41-1} per second / {@code db-insert} per second at 1 thread: at least 0.5;</li>
 *   <li>the server heap max of {@code iti18-1000} at 16 threads: below 512 MB.</li>
 * </ul>
 * A figure whose rows were not measured in that run (scenario or thread count left out) is left out.
 */
final class IssueRatios {
    static final double SELECTION_FACTOR_ITI18 = 1.5;
    static final double SELECTION_FACTOR_FHIR = 2.0;
    static final double INSERT_RATE_SHARE = 0.5;
    static final long HEAP_LIMIT_MB = 512;
    static final int HEAP_THREADS = 16;

    /** One figure: {@code value} against its goal; {@code unit} is empty for a ratio, "MB" for the heap. */
    record Figure(String database, long registryDocuments, String name, int concurrency, double value, String unit,
                  String goal, boolean met) {
        String valueText() {
            return unit.isEmpty() ? String.format(Locale.ROOT, "%.2f", value) : String.format(Locale.ROOT, "%.0f %s", value, unit);
        }

        String metText() {
            return met ? "yes" : "no";
        }
    }

    private IssueRatios() {
    }

    /** The figures of the rows, grouped by database and registry size in the order they were measured. */
    static List<Figure> of(List<Report.Row> rows) {
        Map<List<Object>, Map<String, Report.Row>> tables = new LinkedHashMap<>();
        for (Report.Row r : rows) {
            tables.computeIfAbsent(List.of(r.database(), r.registryDocuments()), k -> new LinkedHashMap<>())
                    .put(r.scenario() + "@" + r.concurrency(), r);
        }
        List<Figure> figures = new ArrayList<>();
        for (Map<String, Report.Row> table : tables.values()) {
            figures.addAll(of(table));
        }
        return figures;
    }

    private static List<Figure> of(Map<String, Report.Row> table) {
        List<Figure> figures = new ArrayList<>();
        for (int n : List.of(10, 100, 1000)) {
            latencyRatio(table, "iti18-" + n, "db-find-" + n, SELECTION_FACTOR_ITI18, figures);
        }
        for (Report.Row r : table.values()) {
            if (r.concurrency() == 1 && r.scenario().startsWith("iti67-") && r.scenario().endsWith("-p100")) {
                latencyRatio(table, r.scenario(), "db-find-100", SELECTION_FACTOR_FHIR, figures);
            }
        }
        for (Report.Row r : table.values()) {
            if (r.concurrency() == 1 && r.scenario().startsWith("iti66")) {
                latencyRatio(table, r.scenario(), "db-find-100", SELECTION_FACTOR_FHIR, figures);
            }
        }
        Report.Row submissions = table.get("iti41-1@1");
        Report.Row inserts = table.get("db-insert@1");
        if (submissions != null && inserts != null && inserts.measure().perSecond() > 0) {
            double ratio = submissions.measure().perSecond() / inserts.measure().perSecond();
            figures.add(figure(submissions, "iti41-1 per s / db-insert per s", 1, ratio, "",
                    String.format(Locale.ROOT, ">= %.1f", INSERT_RATE_SHARE), ratio >= INSERT_RATE_SHARE));
        }
        Report.Row answers = table.get("iti18-1000@" + HEAP_THREADS);
        if (answers != null && answers.measure().heapMaxBytes() >= 0) {
            double mb = answers.measure().heapMaxBytes() / 1024.0 / 1024.0;
            figures.add(figure(answers, "iti18-1000 server heap max", HEAP_THREADS, mb, "MB", "< " + HEAP_LIMIT_MB + " MB",
                    mb < HEAP_LIMIT_MB));
        }
        return figures;
    }

    /** {@code scenario} p50 / {@code reference} p50, both at 1 thread, at most {@code factor}. */
    private static void latencyRatio(Map<String, Report.Row> table, String scenario, String reference, double factor,
                                     List<Figure> into) {
        Report.Row measured = table.get(scenario + "@1");
        Report.Row selection = table.get(reference + "@1");
        if (measured == null || selection == null) {
            return;
        }
        double denominator = selection.measure().percentile(50);
        double numerator = measured.measure().percentile(50);
        if (!(denominator > 0) || Double.isNaN(numerator)) {
            return;
        }
        double ratio = numerator / denominator;
        into.add(figure(measured, scenario + " p50 / " + reference + " p50", 1, ratio, "",
                String.format(Locale.ROOT, "<= %.1f", factor), ratio <= factor));
    }

    private static Figure figure(Report.Row row, String name, int concurrency, double value, String unit, String goal,
                                 boolean met) {
        return new Figure(row.database(), row.registryDocuments(), name, concurrency, value, unit, goal, met);
    }
}
