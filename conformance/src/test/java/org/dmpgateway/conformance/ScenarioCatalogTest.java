package org.dmpgateway.conformance;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class ScenarioCatalogTest {

    static Path scenario(Path samples, String name, String json) throws Exception {
        Path folder = Files.createDirectories(samples.resolve(name));
        Files.writeString(folder.resolve("scenario.json"), json);
        return folder;
    }

    @Test
    void scenariosAreReadInFolderOrderWithDefaults(@TempDir Path samples) throws Exception {
        scenario(samples, "b-fhir", """
                {"title":"B","protocol":"FHIR","steps":[{"method":"get","path":"/fhir/metadata","expect":{"status":200}}]}""");
        scenario(samples, "a-xds", """
                {"title":"A","protocol":"XDS","setup":[{"method":"PUT","path":"/admin/patients/${INS_OID}/${INS}","body":{"state":"ACTIVATED"}}],
                 "steps":[{"path":"/services/iti18","expect":{"status":200}}]}""");
        Files.createDirectories(samples.resolve("not-a-scenario"));

        List<Scenario> all = ScenarioCatalog.load(samples);

        assertEquals(List.of("a-xds", "b-fhir"), all.stream().map(Scenario::name).toList());
        assertEquals("POST", all.get(0).steps().get(0).method(), "POST by default");
        assertEquals("GET", all.get(1).steps().get(0).method());
        assertEquals("PUT /admin/patients/${INS_OID}/${INS}", all.get(0).setup().get(0).name(), "an unnamed request is named by its request line");
        assertTrue(all.get(0).setup().get(0).isAdminCall());

        RunnerOptions xdsOnly = RunnerOptions.parse("--protocol", "xds");
        assertEquals(List.of("a-xds"), all.stream().filter(xdsOnly::selects).map(Scenario::name).toList());
        RunnerOptions glob = RunnerOptions.parse("samples/b-*");
        assertEquals(List.of("b-fhir"), all.stream().filter(glob::selects).map(Scenario::name).toList());
    }

    @Test
    void aMalformedScenarioIsRefusedNamingTheFileAndTheField(@TempDir Path samples) throws Exception {
        scenario(samples, "no-expect", """
                {"title":"x","protocol":"XDS","steps":[{"path":"/services/iti18"}]}""");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ScenarioCatalog.load(samples));
        assertTrue(e.getMessage().contains("no-expect") && e.getMessage().contains("steps[0]") && e.getMessage().contains("expect"), e.getMessage());

        Path other = Files.createDirectories(samples.resolveSibling(samples.getFileName() + "-2"));
        scenario(other, "typo", """
                {"title":"x","protocol":"XDS","steps":[{"path":"/services/iti18","expect":{"stauts":200}}]}""");
        IllegalArgumentException typo = assertThrows(IllegalArgumentException.class, () -> ScenarioCatalog.load(other));
        assertTrue(typo.getMessage().contains("stauts"), "an unknown field is refused, not ignored: " + typo.getMessage());

        Path third = Files.createDirectories(samples.resolveSibling(samples.getFileName() + "-3"));
        scenario(third, "missing-body", """
                {"title":"x","protocol":"SOAP","steps":[{"path":"/services/iti18","expect":{}}]}""");
        IllegalArgumentException protocol = assertThrows(IllegalArgumentException.class, () -> ScenarioCatalog.load(third));
        assertTrue(protocol.getMessage().contains("protocol must be XDS or FHIR"), protocol.getMessage());

        Path fourth = Files.createDirectories(samples.resolveSibling(samples.getFileName() + "-4"));
        scenario(fourth, "two-decisive", """
                {"title":"x","protocol":"XDS","steps":[{"path":"/services/iti18","decisive":true,"expect":{}},
                                                        {"path":"/services/iti18","decisive":true,"expect":{}}]}""");
        IllegalArgumentException decisive = assertThrows(IllegalArgumentException.class, () -> ScenarioCatalog.load(fourth));
        assertTrue(decisive.getMessage().contains("at most one step is decisive"), decisive.getMessage());

        Path fifth = Files.createDirectories(samples.resolveSibling(samples.getFileName() + "-5"));
        scenario(fifth, "fhir-capture", """
                {"title":"x","protocol":"FHIR","steps":[{"method":"GET","path":"/fhir/metadata","expect":{},
                                                         "capture":{"id":"string(//x)"}}]}""");
        IllegalArgumentException capture = assertThrows(IllegalArgumentException.class, () -> ScenarioCatalog.load(fifth));
        assertTrue(capture.getMessage().contains("capture applies to SOAP steps"), capture.getMessage());
    }

    @Test
    void aCapturedValueMustBeCapturedByAnEarlierStepBeforeAnythingIsSent(@TempDir Path samples) throws Exception {
        scenario(samples, "capture-later", """
                {"title":"x","protocol":"XDS","steps":[
                  {"name":"uses","path":"/services/iti57?id=${CAPTURED_entry}","expect":{}},
                  {"name":"captures","path":"/services/iti18","expect":{},"capture":{"entry":"string(//@id)"}}]}""");
        Scenario s = ScenarioCatalog.load(samples).get(0);
        assertEquals(java.util.Map.of("entry", "string(//@id)"), s.steps().get(1).capture());
        assertEquals(java.util.Map.of(), s.steps().get(0).capture(), "none by default");

        ScenarioRunner.ScenarioResult result = new ScenarioRunner(RunnerOptions.parse("--base-url", "http://127.0.0.1:9"),
                java.time.Clock.systemUTC()).run(s, line -> { });

        assertFalse(result.passed());
        assertEquals(0, result.stepsRun(), "nothing sent");
        assertTrue(result.mismatches().get(0).contains("${CAPTURED_entry} is not captured by an earlier step"),
                result.mismatches().toString());
    }

    @Test
    void optionsAreCheckedAndTheUsageIsPrinted() {
        assertThrows(IllegalArgumentException.class, () -> RunnerOptions.parse("--base-url"));
        assertThrows(IllegalArgumentException.class, () -> RunnerOptions.parse("--protocol", "HL7"));
        assertThrows(IllegalArgumentException.class, () -> RunnerOptions.parse("--bogus"));
        assertEquals("http://h:1", RunnerOptions.parse("--base-url", "http://h:1/").baseUrl());
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        java.io.PrintStream print = new java.io.PrintStream(bytes, true);
        assertEquals(0, ConformanceMain.run(print, print, "--help"));
        assertTrue(bytes.toString().contains("--base-url URL"));
        assertEquals(2, ConformanceMain.run(print, print, "--bogus"));
    }
}
