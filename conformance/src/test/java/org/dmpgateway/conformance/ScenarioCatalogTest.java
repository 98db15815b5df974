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
        assertTrue(protocol.getMessage().contains("protocol must be one of [XDS, FHIR, SMTP, HL7V2]"), protocol.getMessage());

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
    void smtpAndMllpStepsAreReadAndTheirChecksApplyToThemOnly(@TempDir Path samples) throws Exception {
        Path smtp = scenario(samples, "smtp-ok", """
                {"title":"x","protocol":"SMTP","steps":[
                  {"smtp":{"from":"dr@h.mssante.fr","to":["${INS}@patient.mssante.fr"],"messageFile":"m.eml"},"expect":{"smtpReply":250}}]}""");
        Files.writeString(smtp.resolve("m.eml"), "Subject: x\r\n\r\nBonjour\r\n");
        Path mllp = scenario(samples, "mllp-ok", """
                {"title":"x","protocol":"HL7V2","steps":[{"mllp":{"messageFile":"t02.er7"},"expect":{"ack":"AE","ackErrors":["902"]}}]}""");
        Files.writeString(mllp.resolve("t02.er7"), "MSH|^~\\&|RIS-Y|Organisation-Y\n");

        List<Scenario> all = ScenarioCatalog.load(samples);

        Scenario.Exchange mail = all.get(1).steps().get(0);
        assertFalse(mail.isHttp());
        assertEquals("SMTP m.eml", mail.name(), "an unnamed SMTP step is named by its message file");
        assertEquals(250, mail.expect().smtpReply());
        assertEquals("MLLP t02.er7", all.get(0).steps().get(0).name());
        assertEquals(List.of("mllp-ok"), all.stream().filter(RunnerOptions.parse("--protocol", "hl7v2")::selects)
                .map(Scenario::name).toList());

        Path other = Files.createDirectories(samples.resolveSibling(samples.getFileName() + "-2"));
        scenario(other, "smtp-with-status", """
                {"title":"x","protocol":"SMTP","steps":[
                  {"smtp":{"from":"a@b.fr","to":["c@d.fr"],"messageFile":"m.eml"},"expect":{"status":200,"smtpReply":250}}]}""");
        Files.writeString(other.resolve("smtp-with-status/m.eml"), "Subject: x\r\n\r\n");
        IllegalArgumentException http = assertThrows(IllegalArgumentException.class, () -> ScenarioCatalog.load(other));
        assertTrue(http.getMessage().contains("checks smtpReply, or ack and ackErrors, only"), http.getMessage());

        Path third = Files.createDirectories(samples.resolveSibling(samples.getFileName() + "-3"));
        scenario(third, "http-with-ack", """
                {"title":"x","protocol":"XDS","steps":[{"path":"/services/iti18","expect":{"ack":"AA"}}]}""");
        IllegalArgumentException ack = assertThrows(IllegalArgumentException.class, () -> ScenarioCatalog.load(third));
        assertTrue(ack.getMessage().contains("ack and ackErrors to MLLP steps"), ack.getMessage());

        Path fourth = Files.createDirectories(samples.resolveSibling(samples.getFileName() + "-4"));
        scenario(fourth, "mllp-without-file", """
                {"title":"x","protocol":"HL7V2","steps":[{"mllp":{"messageFile":"none.er7"},"expect":{"ack":"AA"}}]}""");
        IllegalArgumentException file = assertThrows(IllegalArgumentException.class, () -> ScenarioCatalog.load(fourth));
        assertTrue(file.getMessage().contains("messageFile none.er7 is not a file of the scenario folder"), file.getMessage());
    }

    @Test
    void theSmtpAndMllpPortsAreOptionsAndTheHostsDefaultToTheBaseUrls() {
        RunnerOptions defaults = RunnerOptions.parse("--base-url", "http://gateway.example:8080");
        assertEquals("gateway.example", defaults.smtpHost());
        assertEquals(2525, defaults.smtpPort());
        assertEquals("gateway.example", defaults.mllpHost());
        assertEquals(2575, defaults.mllpPort());
        RunnerOptions set = RunnerOptions.parse("--smtp-host", "mail", "--smtp-port", "3025", "--mllp-host", "pfi", "--mllp-port", "3575");
        assertEquals(List.of("mail", "3025", "pfi", "3575"), List.of(set.smtpHost(), String.valueOf(set.smtpPort()), set.mllpHost(),
                String.valueOf(set.mllpPort())));
        IllegalArgumentException port = assertThrows(IllegalArgumentException.class, () -> RunnerOptions.parse("--smtp-port", "70000"));
        assertTrue(port.getMessage().contains("--smtp-port is a port, 1 to 65535"), port.getMessage());
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
        assertThrows(IllegalArgumentException.class, () -> RunnerOptions.parse("--protocol", "MLLP"));
        assertThrows(IllegalArgumentException.class, () -> RunnerOptions.parse("--bogus"));
        assertEquals("http://h:1", RunnerOptions.parse("--base-url", "http://h:1/").baseUrl());
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        java.io.PrintStream print = new java.io.PrintStream(bytes, true);
        assertEquals(0, ConformanceMain.run(print, print, "--help"));
        assertTrue(bytes.toString().contains("--base-url URL"));
        assertEquals(2, ConformanceMain.run(print, print, "--bogus"));
    }
}
