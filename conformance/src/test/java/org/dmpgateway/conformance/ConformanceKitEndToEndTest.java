package org.dmpgateway.conformance;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The kit end to end: starts the packaged server jar, replays every scenario of samples/ with the
 * runner, and expects all of them to pass, with the table, the summary line and a JUnit XML report
 * of one testcase per scenario. Then shows that the runner does fail: a scenario that expects a
 * blocked professional to be let through fails against the same server. Runs in the
 * integration-test phase of {@code mvn verify}, after the server module was packaged.
 */
class ConformanceKitEndToEndTest {
    static ServerUnderTest server;
    static final Path SAMPLES = Path.of(System.getProperty("dmp.samples.dir", "../samples"));

    @BeforeAll
    static void startServer() throws Exception {
        server = ServerUnderTest.start(Path.of(System.getProperty("dmp.server.jar", "../server/target/dmp-gateway.jar")), "conformance");
    }

    @AfterAll
    static void stopServer() throws Exception {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void everyScenarioOfSamplesPasses() throws Exception {
        List<Scenario> all = ScenarioCatalog.load(SAMPLES);
        assertEquals(Set.copyOf(Scenario.PROTOCOLS), all.stream().map(Scenario::protocol).collect(java.util.stream.Collectors.toSet()),
                "samples/ holds XDS, FHIR, SMTP and HL7v2 (MLLP) scenarios");
        Path out = Path.of("target", "conformance-all");
        Path junit = out.resolve("junit.xml");

        Run run = run(server.runnerOptions(), "--samples", SAMPLES.toString(), "--out", out.toString());

        assertEquals(0, run.status, run.printed);
        assertTrue(run.printed.contains(all.size() + " passed, 0 failed"), run.printed);
        assertTrue(run.printed.contains("scenario") && run.printed.contains("expected") && run.printed.contains("got"), "the table is printed");
        Document report = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(junit.toFile());
        Element suite = report.getDocumentElement();
        assertEquals("testsuite", suite.getTagName());
        assertEquals(String.valueOf(all.size()), suite.getAttribute("tests"));
        assertEquals("0", suite.getAttribute("failures"));
        NodeList cases = suite.getElementsByTagName("testcase");
        Set<String> names = new HashSet<>();
        for (int i = 0; i < cases.getLength(); i++) {
            names.add(((Element) cases.item(i)).getAttribute("name"));
        }
        assertEquals(all.stream().map(Scenario::name).collect(java.util.stream.Collectors.toSet()), names);
        for (Scenario s : all) {
            assertTrue(Files.list(out.resolve(s.name())).anyMatch(f -> f.getFileName().toString().endsWith(".request.http")),
                    "the requests of " + s.name() + " are written out");
        }
    }

    @Test
    void aScenarioWhoseExpectationTheServerDoesNotMeetFails() throws Exception {
        Path out = Path.of("target", "conformance-broken");

        Run run = run("--base-url", server.baseUrl, "--samples", "src/test/resources/broken-samples", "--out", out.toString());

        assertEquals(1, run.status, run.printed);
        assertTrue(run.printed.contains("0 passed, 1 failed"), run.printed);
        assertTrue(run.printed.contains("FAIL xds-blocked-but-expected-accepted"), run.printed);
        assertTrue(run.printed.contains("xdsStatus: expected Success, got Failure"), run.printed);
        assertTrue(run.printed.contains("xdsErrors: expected 0, got 1; unexpected [PS_BLOCKED]"), run.printed);
        String junit = Files.readString(out.resolve("junit.xml"), StandardCharsets.UTF_8);
        assertTrue(junit.contains("failures=\"1\"") && junit.contains("<failure"), junit);
    }

    @Test
    void unknownPlaceholdersAndUnknownScenariosAreUsageErrors() {
        Run none = run("--base-url", server.baseUrl, "--samples", SAMPLES.toString(), "no-such-scenario");
        assertEquals(2, none.status, none.printed);
        assertTrue(none.printed.contains("no scenario of"), none.printed);
    }

    record Run(int status, String printed) {
    }

    static Run run(List<String> serverOptions, String... args) {
        List<String> all = new ArrayList<>(serverOptions);
        all.addAll(List.of(args));
        return run(all.toArray(String[]::new));
    }

    static Run run(String... args) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream print = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        int status = ConformanceMain.run(print, print, args);
        String printed = bytes.toString(StandardCharsets.UTF_8);
        System.out.println(printed);
        return new Run(status, printed);
    }
}
