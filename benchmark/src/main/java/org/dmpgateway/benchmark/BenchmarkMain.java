package org.dmpgateway.benchmark;

import java.nio.file.Path;

/**
 * {@code java -jar benchmark/target/dmp-benchmark.jar [options]}: see {@link Options#USAGE} and
 * docs/performance.md. Exit status 0 when every request of every measurement succeeded, 1 when
 * some failed, 2 for a bad command line.
 */
public final class BenchmarkMain {
    private BenchmarkMain() {
    }

    public static void main(String[] args) throws Exception {
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", System.getProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn"));
        if (args.length >= 2 && args[0].equals("--jfr-summary")) {
            String threads = "http-nio-";
            String stack = null;
            for (int i = 2; i + 1 < args.length; i += 2) {
                switch (args[i]) {
                    case "--jfr-threads" -> threads = args[i + 1];
                    case "--jfr-stack" -> stack = args[i + 1];
                    default -> throw new IllegalArgumentException("unknown option " + args[i] + " after --jfr-summary");
                }
            }
            JfrSummary.print(Path.of(args[1]), threads, stack, 25, System.out);
            return;
        }
        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException e) {
            if (!e.getMessage().isEmpty()) {
                System.err.println(e.getMessage());
                System.err.println();
            }
            System.err.print(Options.USAGE);
            System.exit(2);
            return;
        }
        Report report = new Benchmark(options, System.out).run();
        boolean failures = report.rows().stream().anyMatch(r -> r.measure().failed() > 0);
        System.exit(failures ? 1 : 0);
    }
}
