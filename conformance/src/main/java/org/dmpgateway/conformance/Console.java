package org.dmpgateway.conformance;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;

/**
 * What the runner prints: a progress line per scenario as it ends (with the reasons when it fails),
 * then the table (scenario, the step shown as its number among the scenario's steps, expected, got,
 * result, time) and the summary line. The step shown is the failed one, else the decisive one (or
 * the last): "2/4" says the line is the second of four steps, not the scenario's last answer.
 */
final class Console {
    private final PrintStream out;

    Console(PrintStream out) {
        this.out = out;
    }

    void starting(int count, String baseUrl) {
        out.printf("Replaying %d scenario%s against %s%n", count, count == 1 ? "" : "s", baseUrl);
    }

    void progress(int index, int count, ScenarioRunner.ScenarioResult r) {
        int width = String.valueOf(count).length();
        out.printf("[%" + width + "d/%d] %s %s (%s)%n", index, count, r.passed() ? "PASS" : "FAIL", r.scenario().name(), seconds(r.millis()));
        if (!r.passed()) {
            out.printf("        step: %s%n", r.step());
            r.mismatches().forEach(m -> out.printf("        - %s%n", m));
        }
    }

    void table(List<ScenarioRunner.ScenarioResult> results, long totalMillis) {
        int nameW = Math.max("scenario".length(), results.stream().mapToInt(r -> r.scenario().name().length()).max().orElse(0));
        int expW = Math.min(48, Math.max("expected".length(), results.stream().mapToInt(r -> r.expected().length()).max().orElse(0)));
        int gotW = Math.min(60, Math.max("got".length(), results.stream().mapToInt(r -> r.got().length()).max().orElse(0)));
        String row = "%-" + nameW + "s  %5s  %-" + expW + "s  %-" + gotW + "s  %-6s  %8s%n";
        out.println();
        out.printf(row, "scenario", "step", "expected", "got", "result", "time");
        out.printf(row, "-".repeat(nameW), "-----", "-".repeat(expW), "-".repeat(gotW), "------", "--------");
        for (ScenarioRunner.ScenarioResult r : results) {
            out.printf(row, r.scenario().name(), stepShown(r), cut(r.expected(), expW), cut(r.got(), gotW),
                    r.passed() ? "pass" : "FAIL", seconds(r.millis()));
        }
        long passed = results.stream().filter(ScenarioRunner.ScenarioResult::passed).count();
        out.println();
        out.printf("%d passed, %d failed (%s)%n", passed, results.size() - passed, seconds(totalMillis));
    }

    /** "2/4": the step the line shows among the scenario's steps; "-" when no step decided (set-up, connection). */
    static String stepShown(ScenarioRunner.ScenarioResult r) {
        return r.shownStep() < 1 ? "-" : r.shownStep() + "/" + r.scenario().steps().size();
    }

    private static String cut(String s, int width) {
        return s.length() <= width ? s : s.substring(0, width - 3) + "...";
    }

    static String seconds(long millis) {
        return String.format(Locale.ROOT, "%.2f s", millis / 1000.0);
    }
}
