package org.dmpgateway.benchmark;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Runs one scenario with a number of threads, each calling it in a closed loop (a new request as
 * soon as the previous answer is checked), for a duration or a number of requests, and measures
 * every call. A cell stops early after {@value #MAX_FAILURES} failures.
 */
final class Runner {
    static final int MAX_FAILURES = 20;

    /** How long or how much: a duration, or (when requests > 0) a number of requests. */
    record Budget(Duration duration, long requests) {
        static Budget of(Duration duration) {
            return new Budget(duration, 0);
        }

        static Budget ofRequests(long requests) {
            return new Budget(Duration.ZERO, requests);
        }
    }

    /** The figures of one scenario at one concurrency. */
    record Measure(long ok, long failed, double seconds, long bytes, double[] latencyMs, String firstError,
                   long heapMaxBytes, long rssMaxBytes, String loadAverage, double serverJitCpu) {
        double perSecond() {
            return seconds <= 0 ? 0 : ok / seconds;
        }

        double megabytesPerSecond() {
            return seconds <= 0 ? 0 : bytes / 1e6 / seconds;
        }

        /** Nearest-rank percentile of the successful calls' latencies, in ms (NaN without calls). */
        double percentile(double p) {
            if (latencyMs.length == 0) {
                return Double.NaN;
            }
            int rank = (int) Math.ceil(p / 100.0 * latencyMs.length);
            return latencyMs[Math.max(0, Math.min(latencyMs.length - 1, rank - 1))];
        }

        double mean() {
            return latencyMs.length == 0 ? Double.NaN : Arrays.stream(latencyMs).average().orElse(Double.NaN);
        }
    }

    private Runner() {
    }

    /**
     * Runs the scenarios in turn, {@code slice} each at {@code threads} threads, unmeasured, until
     * {@code total} has passed ({@code --server-warmup}): the server's JIT compilers work for a minute
     * or more after its start on 2 cores, and a measurement taken meanwhile is the compilers' as much
     * as the server's. Prints what failed, if anything (a failure does not stop the warm-up).
     */
    static void warmUp(List<Scenario> scenarios, int threads, Duration total, Duration slice, PrintStream out)
            throws InterruptedException {
        if (total.isZero() || scenarios.isEmpty()) {
            return;
        }
        out.printf("  server warm-up: %s in turn for %d s...%n",
                String.join(", ", scenarios.stream().map(Scenario::id).toList()), total.toSeconds());
        long end = System.nanoTime() + total.toNanos();
        while (System.nanoTime() < end) {
            for (Scenario s : scenarios) {
                long left = end - System.nanoTime();
                if (left <= 0) {
                    break;
                }
                Measure w = run(s, threads, Budget.of(Duration.ofNanos(Math.min(slice.toNanos(), left))), null);
                if (w.failed() > 0) {
                    out.println("  server warm-up of " + s.id() + ": " + w.failed() + " failures, first: " + w.firstError());
                }
            }
        }
    }

    /**
     * When a scenario's own warm-up ends: its server's JIT compilers quiet ({@code --warmup-jit-below}),
     * or {@code maximum} spent ({@code --warmup-max}; zero: the minimum only).
     */
    record JitQuiet(double coresBelow, Duration maximum) {
    }

    /** How a scenario's warm-up ended: its length, the compilers' cores in its last window (-1: unknown), quiet or not. */
    record WarmUp(double seconds, double lastWindowJitCores, boolean quiet, Measure last) {
    }

    /**
     * A scenario's own warm-up ({@code --warmup}): {@code minimum}, then, while the server's compilers
     * used at least {@link JitQuiet#coresBelow()} cores over the last window of {@code window} (read
     * from {@code compilerTicks}, clock ticks of the server's C1/C2 threads so far, -1 when unknown),
     * further windows until {@link JitQuiet#maximum()} has passed in all. A measurement taken while the
     * server still compiles the scenario's path measures the compilers as much as the scenario: the
     * server warm-up gives each scenario a few turns of 3 s, and a scenario measured late in a run
     * (ITI-41, ITI-65) was still being compiled (docs/performance.md, stop 34). Without a reading of the
     * compilers (no server pid) the warm-up is the minimum; with a minimum of zero there is none.
     */
    static WarmUp warmUpScenario(Scenario scenario, int threads, Duration minimum, JitQuiet until, Duration window,
                                 java.util.function.LongSupplier compilerTicks) throws InterruptedException {
        if (minimum.isZero()) {
            return new WarmUp(0, -1, false, null);
        }
        long start = System.nanoTime();
        long ticksBefore = compilerTicks.getAsLong();
        long windowStart = start;
        Measure last = run(scenario, threads, Budget.of(minimum), null);
        double jit = cores(ticksBefore, compilerTicks.getAsLong(), System.nanoTime() - windowStart);
        long end = start + Math.max(minimum.toNanos(), until.maximum().toNanos());
        while (jit >= until.coresBelow() && jit >= 0 && System.nanoTime() < end) {
            ticksBefore = compilerTicks.getAsLong();
            windowStart = System.nanoTime();
            last = run(scenario, threads, Budget.of(Duration.ofNanos(Math.min(window.toNanos(), end - windowStart))), null);
            jit = cores(ticksBefore, compilerTicks.getAsLong(), System.nanoTime() - windowStart);
        }
        return new WarmUp((System.nanoTime() - start) / 1e9, jit, jit >= 0 && jit < until.coresBelow(), last);
    }

    /** Cores used between two readings of clock ticks {@code nanos} apart; -1 when either reading is unknown. */
    private static double cores(long ticksBefore, long ticksAfter, long nanos) {
        if (ticksBefore < 0 || ticksAfter < 0 || nanos <= 0) {
            return -1;
        }
        return (ticksAfter - ticksBefore) / (double) Machine.CLOCK_TICKS_PER_SECOND / (nanos / 1e9);
    }

    static Measure run(Scenario scenario, int concurrency, Budget budget, MemorySampler memory) throws InterruptedException {
        AtomicLong remaining = new AtomicLong(budget.requests());
        AtomicLong sequence = new AtomicLong();
        AtomicLong failures = new AtomicLong();
        AtomicLong bytes = new AtomicLong();
        AtomicReference<String> firstError = new AtomicReference<>();
        long[][] latencies = new long[concurrency][];
        int[] counts = new int[concurrency];
        CountDownLatch ready = new CountDownLatch(concurrency);
        CountDownLatch go = new CountDownLatch(1);
        Thread[] threads = new Thread[concurrency];
        long[] deadline = new long[1];
        for (int w = 0; w < concurrency; w++) {
            int worker = w;
            threads[w] = new Thread(() -> {
                long[] mine = new long[1024];
                int n = 0;
                ready.countDown();
                try {
                    go.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
                while (failures.get() < MAX_FAILURES) {
                    if (budget.requests() > 0) {
                        if (remaining.getAndDecrement() <= 0) {
                            break;
                        }
                    } else if (System.nanoTime() >= deadline[0]) {
                        break;
                    }
                    long t0 = System.nanoTime();
                    try {
                        long moved = scenario.call(worker, sequence.getAndIncrement());
                        long t = System.nanoTime() - t0;
                        if (n == mine.length) {
                            mine = Arrays.copyOf(mine, n * 2);
                        }
                        mine[n++] = t;
                        bytes.addAndGet(moved);
                    } catch (Exception e) {
                        failures.incrementAndGet();
                        firstError.compareAndSet(null, e.getClass().getSimpleName() + ": " + e.getMessage());
                    }
                }
                latencies[worker] = mine;
                counts[worker] = n;
            }, "bench-" + scenario.id() + "-" + w);
            threads[w].setDaemon(true);
            threads[w].start();
        }
        ready.await();
        if (memory != null) {
            memory.resetWindow();
        }
        long jitBefore = memory == null ? -1 : memory.compilerTicks();
        long start = System.nanoTime();
        deadline[0] = start + budget.duration().toNanos();
        go.countDown();
        for (Thread t : threads) {
            t.join();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        long jitAfter = memory == null ? -1 : memory.compilerTicks();
        double jit = cores(jitBefore, jitAfter, (long) (seconds * 1e9));
        int total = Arrays.stream(counts).sum();
        double[] ms = new double[total];
        int k = 0;
        for (int w = 0; w < concurrency; w++) {
            for (int i = 0; i < counts[w]; i++) {
                ms[k++] = latencies[w][i] / 1e6;
            }
        }
        Arrays.sort(ms);
        long heap = memory == null ? -1 : memory.windowHeapMax();
        long rss = memory == null ? -1 : memory.windowRssMax();
        return new Measure(total, failures.get(), seconds, bytes.get(), ms, firstError.get(), heap, rss,
                Machine.loadAverage(), jit);
    }
}
