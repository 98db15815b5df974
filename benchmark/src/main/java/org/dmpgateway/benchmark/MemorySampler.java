package org.dmpgateway.benchmark;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Samples the server's memory twice a second while the harness runs: the heap in use from the
 * actuator ({@code /actuator/metrics/jvm.memory.used?tag=area:heap}) and, when the harness started
 * the server, its resident set (VmRSS of /proc/&lt;pid&gt;/status). Keeps the maximum of each over the
 * current window (one measurement) and over the whole run.
 */
final class MemorySampler implements AutoCloseable {
    private static final Pattern VALUE = Pattern.compile("\"value\"\\s*:\\s*([0-9.Ee+-]+)");
    private static final long PERIOD_MS = 500;

    private final Http http;
    private final long pid;
    private final Thread thread;
    private volatile boolean running = true;
    private volatile long windowHeap = -1;
    private volatile long windowRss = -1;
    private volatile long runHeap = -1;
    private volatile long runRss = -1;

    /** @param pid the server's process id, or -1 when the harness did not start it */
    MemorySampler(Http http, long pid) {
        this.http = http;
        this.pid = pid;
        this.thread = new Thread(this::loop, "memory-sampler");
        thread.setDaemon(true);
        thread.start();
    }

    private void loop() {
        while (running) {
            sample();
            try {
                Thread.sleep(PERIOD_MS);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private void sample() {
        long heap = heapUsed();
        long rss = pid > 0 ? Machine.residentBytes(pid) : -1;
        synchronized (this) {
            windowHeap = Math.max(windowHeap, heap);
            windowRss = Math.max(windowRss, rss);
            runHeap = Math.max(runHeap, heap);
            runRss = Math.max(runRss, rss);
        }
    }

    long heapUsed() {
        try {
            Http.Response r = http.get("/actuator/metrics/jvm.memory.used?tag=area:heap");
            Matcher m = VALUE.matcher(r.text());
            return r.status() == 200 && m.find() ? (long) Double.parseDouble(m.group(1)) : -1;
        } catch (Exception e) {
            return -1;
        }
    }

    /** The server's JIT compiler threads' CPU so far ({@link Machine#compilerTicks}), -1 without a pid. */
    long compilerTicks() {
        return pid > 0 ? Machine.compilerTicks(pid) : -1;
    }

    synchronized void resetWindow() {
        windowHeap = -1;
        windowRss = -1;
    }

    /** Largest heap in use seen since {@link #resetWindow()} (a last sample is taken now). */
    long windowHeapMax() {
        sample();
        return windowHeap;
    }

    long windowRssMax() {
        return windowRss;
    }

    long runHeapMax() {
        return runHeap;
    }

    long runRssMax() {
        return runRss;
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
    }
}
