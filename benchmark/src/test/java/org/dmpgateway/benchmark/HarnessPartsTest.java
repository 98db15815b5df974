package org.dmpgateway.benchmark;

import org.junit.jupiter.api.Test;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The harness's own pieces, without a server. */
class HarnessPartsTest {
    @Test
    void insAreWellFormedAndDistinctPerFamily() {
        for (String ins : List.of(Ins.target(10, 0), Ins.bulk(0), Ins.bulk(9_999_999), Ins.harness(3))) {
            assertEquals(15, ins.length(), ins);
            int key = 97 - new BigInteger(ins.substring(0, 13)).mod(BigInteger.valueOf(97)).intValue();
            assertEquals(key, Integer.parseInt(ins.substring(13)), ins);
        }
        assertTrue(Ins.bulk(123).startsWith(Ins.BULK_PREFIX));
        assertTrue(!Ins.target(1000, 0).equals(Ins.harness(1000)) && !Ins.target(10, 1).equals(Ins.target(10, 2)));
        assertThrows(IllegalArgumentException.class, () -> Ins.bulk(10_000_000L));
    }

    @Test
    void multipartAnswersAreSplitIntoTheirParts() {
        byte[] body = ("--uuid:b\r\nContent-Type: application/xop+xml\r\n\r\n<env status=\"x\"/>\r\n"
                + "--uuid:b\r\nContent-Type: application/octet-stream\r\n\r\n0123456789\r\n--uuid:b--\r\n")
                .getBytes(StandardCharsets.US_ASCII);
        List<byte[]> parts = Responses.mimeParts(new Http.Response(200,
                "multipart/related; type=\"application/xop+xml\"; boundary=\"uuid:b\"; start=\"<root>\"", body));
        assertEquals(2, parts.size());
        assertArrayEquals("0123456789".getBytes(StandardCharsets.US_ASCII), parts.get(1));
    }

    @Test
    void documentEntriesAreCountedByTheirStartTags() {
        byte[] answer = ("<rim:RegistryObjectList><rim:ExtrinsicObject id=\"a\"></rim:ExtrinsicObject>"
                + "<ExtrinsicObject id=\"b\"/><rim:Slot name=\"ExtrinsicObject x\"/></rim:RegistryObjectList>")
                .getBytes(StandardCharsets.UTF_8);
        assertEquals(2, Responses.countDocumentEntries(answer));
    }

    @Test
    void percentilesAreNearestRank() {
        double[] ms = new double[100];
        for (int i = 0; i < 100; i++) {
            ms[i] = i + 1;
        }
        Runner.Measure m = new Runner.Measure(100, 0, 2.0, 0, ms, null, -1, -1, "?", -1);
        assertEquals(50, m.percentile(50));
        assertEquals(95, m.percentile(95));
        assertEquals(99, m.percentile(99));
        assertEquals(50, m.perSecond());
    }

    @Test
    void theCommandLineIsParsed() {
        Options o = Options.parse("--start-server", "postgres", "--concurrency=1,4", "--duration", "1500ms",
                "--registry-size", "100_000,1000000", "--scenarios", "iti18,http");
        assertEquals(List.of("postgres"), o.startServer());
        assertEquals(List.of(1, 4), o.concurrency());
        assertEquals(Duration.ofMillis(1500), o.duration());
        assertEquals(List.of(100_000L, 1_000_000L), o.registrySizes());
        assertTrue(o.wants("iti18") && !o.wants("iti43"));
        assertThrows(IllegalArgumentException.class, () -> Options.parse("--scenarios", "iti99"));
        Options fhir = Options.parse("--scenarios", "iti65,iti67,iti68", "--pages", "20");
        assertTrue(fhir.wants("iti65") && fhir.wants("iti67") && fhir.wants("iti68") && !fhir.wants("iti18"));
        assertEquals(List.of(20), fhir.pages());
        assertEquals(List.of(20, 100), o.pages(), "ITI-67's default pages");
        assertThrows(IllegalArgumentException.class, () -> Options.parse("--pages", "500"));
        assertThrows(IllegalArgumentException.class, () -> Options.parse("--base-url", "http://127.0.0.1:1", "--start-server", "h2"));
        assertEquals(Duration.ofSeconds(180), o.serverWarmup(), "a server is warmed up for three minutes by default");
        assertEquals(Duration.ZERO, Options.parse("--server-warmup", "0").serverWarmup());
        assertEquals(new Runner.JitQuiet(0.05, Duration.ofSeconds(60)), o.warmupUntil(),
                "a scenario's warm-up goes on, up to 60 s, while the server's compilers use 0.05 cores or more");
        assertEquals(new Runner.JitQuiet(0.1, Duration.ZERO),
                Options.parse("--warmup-jit-below", "0.1", "--warmup-max", "0").warmupUntil());
        assertThrows(IllegalArgumentException.class, () -> Options.parse("--warmup-jit-below", "0"));
    }

    @Test
    void aScenarioWarmsUpUntilTheServersCompilersAreQuiet() throws Exception {
        java.util.Map<String, java.util.concurrent.atomic.AtomicLong> calls = new java.util.concurrent.ConcurrentHashMap<>();
        Scenario s = counting("a", calls);
        Duration window = Duration.ofMillis(100);
        // a compiler busy for its first three readings (50 ticks each: far above 0.05 cores over 100 ms), then idle
        java.util.concurrent.atomic.AtomicInteger readings = new java.util.concurrent.atomic.AtomicInteger();
        java.util.function.LongSupplier settling = () -> 50L * Math.min(readings.getAndIncrement(), 3);
        Runner.WarmUp w = Runner.warmUpScenario(s, 1, window, new Runner.JitQuiet(0.05, Duration.ofSeconds(5)), window,
                settling);
        assertTrue(w.quiet(), "stopped once the compilers were quiet: " + w);
        assertEquals(0.0, w.lastWindowJitCores(), 1e-9);
        assertTrue(w.seconds() >= 0.2 && w.seconds() < 2, "the minimum and a window or two, not the maximum: " + w);
        assertTrue(calls.get("a").get() > 0, "the scenario ran");

        java.util.function.LongSupplier busy = new java.util.concurrent.atomic.AtomicLong()::incrementAndGet;
        java.util.function.LongSupplier alwaysBusy = () -> busy.getAsLong() * 100;
        Runner.WarmUp capped = Runner.warmUpScenario(s, 1, window, new Runner.JitQuiet(0.05, Duration.ofMillis(500)),
                window, alwaysBusy);
        assertFalse(capped.quiet(), "never quiet: " + capped);
        assertTrue(capped.seconds() >= 0.5 && capped.seconds() < 2, "stopped at the maximum: " + capped);

        Runner.WarmUp unknown = Runner.warmUpScenario(s, 1, window, new Runner.JitQuiet(0.05, Duration.ofSeconds(5)),
                window, () -> -1);
        assertTrue(unknown.seconds() < 1, "without a reading of the compilers, the minimum only: " + unknown);
        assertEquals(-1, unknown.lastWindowJitCores(), 1e-9);

        long before = calls.get("a").get();
        Runner.WarmUp none = Runner.warmUpScenario(s, 1, Duration.ZERO, new Runner.JitQuiet(0.05, Duration.ofSeconds(5)),
                window, alwaysBusy);
        assertTrue(none.seconds() == 0 && none.last() == null, "--warmup 0: no warm-up, the compilers busy or not: " + none);
        assertEquals(before, calls.get("a").get(), "the scenario did not run");
    }

    @Test
    void theServerWarmUpRunsEachScenarioInTurnUntilItsTimeIsUp() throws Exception {
        java.util.Map<String, java.util.concurrent.atomic.AtomicLong> calls = new java.util.concurrent.ConcurrentHashMap<>();
        List<Scenario> scenarios = List.of(counting("a", calls), counting("b", calls));
        java.io.ByteArrayOutputStream printed = new java.io.ByteArrayOutputStream();
        long start = System.nanoTime();
        Runner.warmUp(scenarios, 2, Duration.ofMillis(600), Duration.ofMillis(100), new java.io.PrintStream(printed, true));
        long elapsedMs = (System.nanoTime() - start) / 1_000_000;
        assertTrue(elapsedMs >= 600 && elapsedMs < 2_000, "about the warm-up's duration: " + elapsedMs + " ms");
        assertTrue(calls.get("a").get() > 0 && calls.get("b").get() > 0, "both scenarios ran: " + calls);
        assertTrue(printed.toString().contains("server warm-up: a, b"), printed.toString());
        java.io.ByteArrayOutputStream none = new java.io.ByteArrayOutputStream();
        Runner.warmUp(scenarios, 2, Duration.ZERO, Duration.ofMillis(100), new java.io.PrintStream(none, true));
        assertEquals("", none.toString(), "no warm-up when its duration is 0");
    }

    @Test
    void theJitCompilersCpuIsReadFromProc() {
        long pid = ProcessHandle.current().pid();
        long ticks = Machine.compilerTicks(pid);
        if (System.getProperty("os.name").toLowerCase().contains("linux")) {
            assertTrue(ticks >= 0, "this JVM's C1/C2 compiler threads are found in /proc: " + ticks);
        }
        assertEquals(-1, Machine.compilerTicks(Long.MAX_VALUE), "no such process");
    }

    private static Scenario counting(String id, java.util.Map<String, java.util.concurrent.atomic.AtomicLong> calls) {
        calls.put(id, new java.util.concurrent.atomic.AtomicLong());
        return new Scenario() {
            public String id() {
                return id;
            }

            public String description() {
                return "counts its calls";
            }

            public long call(int worker, long seq) throws Exception {
                calls.get(id).incrementAndGet();
                Thread.sleep(5);
                return 0;
            }
        };
    }

    @Test
    void theVihfNamesTheProfessionalAndThePatient() {
        String header = Vihf.securityHeader(Ins.target(10, 0));
        assertTrue(header.contains("<saml2:NameID Format=\"urn:oasis:names:tc:SAML:1.1:nameid-format:unspecified\">"
                + Catalog.ACTOR_ID + "</saml2:NameID>"), header);
        assertTrue(header.contains(Ins.target(10, 0) + "^^^&amp;1.2.250.1.213.1.4.10&amp;ISO^NH"), header);
        assertTrue(header.contains("code=\"normal\" codeSystem=\"1.2.250.1.213.1.1.4.248\""), header);
        assertTrue(header.contains("code=\"10\" codeSystem=\"1.2.250.1.71.1.2.7\""), header);
    }
}
