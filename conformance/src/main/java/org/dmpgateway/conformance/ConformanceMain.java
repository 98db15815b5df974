package org.dmpgateway.conformance;

import java.io.IOException;
import java.io.PrintStream;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code java -jar dmp-conformance.jar}: replays the scenarios of samples/ against a DMP Gateway and
 * exits 0 when all passed, 1 when one failed, 2 on bad usage or scenario files.
 */
public final class ConformanceMain {
    private ConformanceMain() {
    }

    public static void main(String[] args) {
        System.exit(run(System.out, System.err, args));
    }

    /** The whole run; returns the exit status. */
    static int run(PrintStream out, PrintStream err, String... args) {
        RunnerOptions options;
        List<Scenario> chosen;
        try {
            options = RunnerOptions.parse(args);
            if (options.help()) {
                out.print(RunnerOptions.USAGE);
                return 0;
            }
            chosen = ScenarioCatalog.load(options.samples()).stream().filter(options::selects).toList();
        } catch (IllegalArgumentException e) {
            err.println("error: " + e.getMessage());
            return 2;
        }
        if (options.list()) {
            chosen.forEach(s -> out.printf("%-48s %-5s %s%n", s.name(), s.protocol(), s.title()));
            return 0;
        }
        if (chosen.isEmpty()) {
            err.println("error: no scenario of " + options.samples() + " matches " + options.patterns()
                    + (options.protocol() == null ? "" : " with protocol " + options.protocol()));
            return 2;
        }
        Console console = new Console(out);
        ScenarioRunner runner = new ScenarioRunner(options, Clock.systemUTC());
        Instant started = Instant.now();
        long start = System.nanoTime();
        console.starting(chosen.size(), options.baseUrl());
        List<ScenarioRunner.ScenarioResult> results = new ArrayList<>();
        for (Scenario s : chosen) {
            if (options.verbose()) {
                out.printf("%s: %s%n", s.name(), s.title());
            }
            ScenarioRunner.ScenarioResult r = runner.run(s, line -> {
                if (options.verbose()) {
                    out.println(line);
                }
            });
            results.add(r);
            console.progress(results.size(), chosen.size(), r);
        }
        long millis = (System.nanoTime() - start) / 1_000_000;
        console.table(results, millis);
        try {
            JUnitReport.write(options.junit(), results, options.baseUrl(), millis, started);
            out.println("JUnit XML: " + options.junit() + "; requests and answers: " + options.out());
        } catch (IOException e) {
            err.println("error: " + e.getMessage());
            return 2;
        }
        return results.stream().allMatch(ScenarioRunner.ScenarioResult::passed) ? 0 : 1;
    }
}
