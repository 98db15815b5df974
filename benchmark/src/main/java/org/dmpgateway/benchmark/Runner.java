package org.dmpgateway.benchmark;

import java.time.Duration;
import java.util.Arrays;
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
                   long heapMaxBytes, long rssMaxBytes, String loadAverage) {
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
        long start = System.nanoTime();
        deadline[0] = start + budget.duration().toNanos();
        go.countDown();
        for (Thread t : threads) {
            t.join();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
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
                Machine.loadAverage());
    }
}
