package org.dmpgateway.conformance;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

/** The runner's table names the step each line shows (issue 12: "0 folder" was the last of four steps). */
class ConsoleTest {

    static Scenario.Exchange step(String name, Boolean decisive) {
        return new Scenario.Exchange(name, "POST", "/services/iti18", Map.of(), null, null, null, decisive);
    }

    static Scenario scenario(String name, Scenario.Exchange... steps) {
        return new Scenario(name, Path.of(name), "t", "XDS", null, List.of(), List.of(steps));
    }

    @Test
    void theTableShowsTheNumberOfTheStepItShows() {
        Scenario folders = scenario("xds-iti18-find-folders", step("submit", null), step("the folder", true),
                step("DIAB", null), step("HTA: none", null));
        Scenario unreachable = scenario("xds-other", step("one", null));
        List<ScenarioRunner.ScenarioResult> results = List.of(
                new ScenarioRunner.ScenarioResult(folders, true, "the folder", "HTTP 200, Success, 1 folder",
                        "HTTP 200, Success, 1 folder", List.of(), 1200, 4, 2),
                new ScenarioRunner.ScenarioResult(unreachable, false, "connect", "a server at x", "no answer",
                        List.of("cannot connect"), 3, 0, 0));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        new Console(new PrintStream(bytes, true, StandardCharsets.UTF_8)).table(results, 1203);
        List<String> lines = bytes.toString(StandardCharsets.UTF_8).lines().toList();
        String header = lines.stream().filter(l -> l.startsWith("scenario")).findFirst().orElseThrow();
        assertTrue(header.matches("scenario\\s+step\\s+expected\\s+got\\s+result\\s+time"), header);
        String row = lines.stream().filter(l -> l.startsWith("xds-iti18-find-folders")).findFirst().orElseThrow();
        assertTrue(row.matches("xds-iti18-find-folders\\s+2/4\\s+HTTP 200, Success, 1 folder\\s+HTTP 200, Success, 1 folder\\s+pass.*"), row);
        String none = lines.stream().filter(l -> l.startsWith("xds-other")).findFirst().orElseThrow();
        assertTrue(none.matches("xds-other\\s+-\\s+a server at x.*FAIL.*"), none);
    }
}
