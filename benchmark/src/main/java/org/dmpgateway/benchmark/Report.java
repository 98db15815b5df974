package org.dmpgateway.benchmark;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The figures: printed as tables while the run goes, and written to PATH.csv (one line per
 * measurement, then one line per figure of issue 19, {@link IssueRatios}) and PATH.md (markdown
 * tables per database and registry size, then the issue's ratios), both rewritten after each
 * measurement so that an interrupted run keeps what it measured.
 */
final class Report {
    record Row(String database, long registryDocuments, String scenario, String description, int concurrency,
               Runner.Measure measure, boolean bytes) {
    }

    record Load(String database, BulkLoader.Result result) {
    }

    private static final String CSV_HEADER = "database,registry_documents,scenario,concurrency,requests,errors,seconds,"
            + "per_second,mb_per_second,p50_ms,p95_ms,p99_ms,mean_ms,server_heap_max_mb,server_rss_max_mb,server_jit_cores,loadavg,first_error,"
            + "issue19_figure,issue19_goal,issue19_goal_met";
    /** The 14 measurement columns (requests to first_error) a figure line leaves empty. */
    private static final String NO_MEASUREMENT = ",".repeat(14);

    private static final String RATIOS_INTRODUCTION = "figures of this run, database and registry size alike; "
            + "p50 and rates at 1 thread, the heap at " + IssueRatios.HEAP_THREADS + "; a figure whose rows were not measured is left out";

    private final Path csv;
    private final Path markdown;
    private final PrintStream console;
    private final List<String> environment = new ArrayList<>();
    private final List<Row> rows = new ArrayList<>();
    private final List<Load> loads = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();
    private final Set<List<String>> comparisons = new LinkedHashSet<>();

    Report(Path prefix, PrintStream console) throws IOException {
        Path dir = prefix.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        this.csv = dir.resolve(prefix.getFileName() + ".csv");
        this.markdown = dir.resolve(prefix.getFileName() + ".md");
        this.console = console;
    }

    Path csv() {
        return csv;
    }

    Path markdown() {
        return markdown;
    }

    List<Row> rows() {
        return List.copyOf(rows);
    }

    synchronized void environment(String line) throws IOException {
        environment.add(line);
        console.println("  " + line);
        write();
    }

    synchronized void note(String line) throws IOException {
        notes.add(line);
        console.println("  " + line);
        write();
    }

    synchronized void load(String database, BulkLoader.Result r) throws IOException {
        loads.add(new Load(database, r));
        console.printf(Locale.ROOT, "  bulk load %s: %,d -> %,d documents, %,d patients, %,d rows in %.1f s (%,.0f documents/s, %,.0f rows/s)%n",
                database, r.documentsBefore(), r.documentsAfter(), r.patientsAdded(), r.rows(), r.seconds(),
                r.documentsPerSecond(), r.rowsPerSecond());
        write();
    }

    synchronized void add(Row row) throws IOException {
        if (rows.isEmpty() || !sameTable(rows.get(rows.size() - 1), row)) {
            console.println();
            console.println(row.database() + ", " + registry(row.registryDocuments()));
            console.println(header());
        }
        rows.add(row);
        console.println(line(row));
        write();
    }

    /**
     * Pairs the rows of two servers measured in the same run (the gateway and its peer): each scenario,
     * registry size and concurrency that both have, with the ratio of their requests per second;
     * printed now and written in the markdown file.
     */
    synchronized void compare(String ours, String peer) throws IOException {
        comparisons.add(List.of(ours, peer));
        console.println();
        console.println(ours + " beside " + peer + " (ratio = " + ours + " per s / " + peer + " per s)");
        console.println(String.format("%-10s %-14s %4s %10s %10s %7s", "registry", "scenario", "conc", "ours/s", "peer/s", "ratio"));
        for (Row[] pair : pairs(ours, peer)) {
            console.println(String.format(Locale.ROOT, "%-10d %-14s %4d %10.1f %10.1f %7.2f", pair[0].registryDocuments(),
                    pair[0].scenario(), pair[0].concurrency(), pair[0].measure().perSecond(), pair[1].measure().perSecond(),
                    ratio(pair)));
        }
        write();
    }

    private List<Row[]> pairs(String ours, String peer) {
        List<Row[]> pairs = new ArrayList<>();
        for (Row p : rows) {
            if (!p.database().equals(peer)) {
                continue;
            }
            for (Row g : rows) {
                if (g.database().equals(ours) && g.registryDocuments() == p.registryDocuments()
                        && g.scenario().equals(p.scenario()) && g.concurrency() == p.concurrency()) {
                    pairs.add(new Row[] {g, p});
                }
            }
        }
        return pairs;
    }

    private static double ratio(Row[] pair) {
        double peer = pair[1].measure().perSecond();
        return peer > 0 ? pair[0].measure().perSecond() / peer : Double.NaN;
    }

    static String registry(long documents) {
        return documents < 0 ? "registry of unknown size" : String.format("registry of %,d documents", documents);
    }

    private static boolean sameTable(Row a, Row b) {
        return a.database().equals(b.database()) && a.registryDocuments() == b.registryDocuments();
    }

    private static String header() {
        return String.format("%-14s %4s %8s %6s %9s %8s %9s %9s %9s %9s %9s %6s  %s", "scenario", "conc", "requests",
                "errors", "per s", "MB/s", "p50 ms", "p95 ms", "p99 ms", "heap MB", "RSS MB", "JIT", "loadavg");
    }

    private static String line(Row r) {
        Runner.Measure m = r.measure();
        return String.format(Locale.ROOT, "%-14s %4d %8d %6d %9.1f %8s %9.2f %9.2f %9.2f %9s %9s %6s  %s%s", r.scenario(),
                r.concurrency(), m.ok(), m.failed(), m.perSecond(), r.bytes() ? String.format(Locale.ROOT, "%.1f", m.megabytesPerSecond()) : "-",
                m.percentile(50), m.percentile(95), m.percentile(99), mb(m.heapMaxBytes()), mb(m.rssMaxBytes()),
                cores(m.serverJitCpu()), m.loadAverage(), m.firstError() == null ? "" : "  first error: " + m.firstError());
    }

    /** Cores' worth of CPU, two decimals ("-" when not read). */
    private static String cores(double share) {
        return share < 0 ? "-" : String.format(Locale.ROOT, "%.2f", share);
    }

    private static String mb(long bytes) {
        return bytes < 0 ? "-" : String.valueOf(Math.round(bytes / 1024.0 / 1024.0));
    }

    private void write() throws IOException {
        List<String> lines = new ArrayList<>();
        lines.add(CSV_HEADER);
        for (Row r : rows) {
            Runner.Measure m = r.measure();
            lines.add(String.join(",", r.database(), String.valueOf(r.registryDocuments()), r.scenario(),
                    String.valueOf(r.concurrency()), String.valueOf(m.ok()), String.valueOf(m.failed()),
                    f(m.seconds()), f(m.perSecond()), r.bytes() ? f(m.megabytesPerSecond()) : "",
                    f(m.percentile(50)), f(m.percentile(95)), f(m.percentile(99)), f(m.mean()), mb(m.heapMaxBytes()),
                    mb(m.rssMaxBytes()), cores(m.serverJitCpu()), m.loadAverage(), m.firstError() == null ? "" : '"' + m.firstError().replace('"', '\'') + '"')
                    + ",,,");
        }
        for (IssueRatios.Figure f : IssueRatios.of(rows)) {
            lines.add(String.join(",", f.database(), String.valueOf(f.registryDocuments()), f.name(),
                    String.valueOf(f.concurrency())) + NO_MEASUREMENT + "," + String.join(",", f(f.value()), f.goal(),
                    f.metText()));
        }
        Files.write(csv, lines);
        Files.writeString(markdown, markdownText());
    }

    private String markdownText() {
        StringBuilder b = new StringBuilder("# DMP Gateway benchmark results\n\n");
        for (String e : environment) {
            b.append("- ").append(e).append('\n');
        }
        if (!loads.isEmpty()) {
            b.append("\n## Bulk loads\n\n| database | documents before | after | patients added | rows | seconds | documents/s | rows/s |\n")
                    .append("|---|---:|---:|---:|---:|---:|---:|---:|\n");
            for (Load l : loads) {
                BulkLoader.Result r = l.result();
                b.append(String.format(Locale.ROOT, "| %s | %,d | %,d | %,d | %,d | %.1f | %,.0f | %,.0f |%n", l.database(),
                        r.documentsBefore(), r.documentsAfter(), r.patientsAdded(), r.rows(), r.seconds(),
                        r.documentsPerSecond(), r.rowsPerSecond()));
            }
        }
        Row previous = null;
        for (Row r : rows) {
            if (previous == null || !sameTable(previous, r)) {
                b.append(String.format("%n## %s, %s%n%n", r.database(), registry(r.registryDocuments())))
                        .append("| scenario | what | threads | requests | errors | per second | MB/s | p50 ms | p95 ms | p99 ms | server heap max MB | server RSS max MB | server JIT cores | loadavg |\n")
                        .append("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|\n");
            }
            Runner.Measure m = r.measure();
            b.append(String.format(Locale.ROOT, "| %s | %s | %d | %d | %d | %.1f | %s | %.1f | %.1f | %.1f | %s | %s | %s | %s |%n",
                    r.scenario(), r.description(), r.concurrency(), m.ok(), m.failed(), m.perSecond(),
                    r.bytes() ? String.format(Locale.ROOT, "%.1f", m.megabytesPerSecond()) : "", m.percentile(50),
                    m.percentile(95), m.percentile(99), mb(m.heapMaxBytes()), mb(m.rssMaxBytes()), cores(m.serverJitCpu()),
                    m.loadAverage()));
            previous = r;
        }
        for (List<String> c : comparisons) {
            b.append(String.format("%n## %s beside %s%n%n", c.get(0), c.get(1)))
                    .append("Requests per second in the same run; ratio = ").append(c.get(0)).append(" / ").append(c.get(1))
                    .append(" (the goal of issue 19: at least 2).\n\n")
                    .append("| registry | scenario | threads | ").append(c.get(0)).append(" per s | ").append(c.get(1))
                    .append(" per s | ratio | p50 ms | peer p50 ms | errors |\n|---:|---|---:|---:|---:|---:|---:|---:|---:|\n");
            for (Row[] pair : pairs(c.get(0), c.get(1))) {
                b.append(String.format(Locale.ROOT, "| %,d | %s | %d | %.1f | %.1f | %.2f | %.1f | %.1f | %d / %d |%n",
                        pair[0].registryDocuments(), pair[0].scenario(), pair[0].concurrency(), pair[0].measure().perSecond(),
                        pair[1].measure().perSecond(), ratio(pair), pair[0].measure().percentile(50),
                        pair[1].measure().percentile(50), pair[0].measure().failed(), pair[1].measure().failed()));
            }
        }
        List<IssueRatios.Figure> figures = IssueRatios.of(rows);
        if (!figures.isEmpty()) {
            b.append("\n## Issue 19 ratios\n\n").append(RATIOS_INTRODUCTION).append("\n\n")
                    .append("| database | registry | figure | threads | value | goal | goal met |\n|---|---:|---|---:|---:|---|---|\n");
            for (IssueRatios.Figure f : figures) {
                b.append(String.format(Locale.ROOT, "| %s | %,d | %s | %d | %s | %s | %s |%n", f.database(),
                        f.registryDocuments(), f.name(), f.concurrency(), f.valueText(), f.goal(), f.metText()));
            }
        }
        if (!notes.isEmpty()) {
            b.append("\n## Notes\n\n");
            for (String n : notes) {
                b.append("- ").append(n).append('\n');
            }
        }
        return b.toString();
    }

    /** Prints the issue's ratios of every row so far (at the end of a run). */
    synchronized void printRatios() {
        List<IssueRatios.Figure> figures = IssueRatios.of(rows);
        if (figures.isEmpty()) {
            return;
        }
        console.println();
        console.println("Issue 19 ratios (" + RATIOS_INTRODUCTION + ")");
        console.println(String.format("%-12s %10s %-40s %4s %9s %9s  %s", "database", "registry", "figure", "conc", "value",
                "goal", "goal met"));
        for (IssueRatios.Figure f : figures) {
            console.println(String.format(Locale.ROOT, "%-12s %10d %-40s %4d %9s %9s  %s", f.database(),
                    f.registryDocuments(), f.name(), f.concurrency(), f.valueText(), f.goal(), f.metText()));
        }
    }

    private static String f(double v) {
        return Double.isNaN(v) ? "" : String.format(Locale.ROOT, "%.3f", v);
    }
}
