package org.dmpgateway.conformance;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The scenarios of samples/ as files, before any server: each follows FORMAT.md, uses only known
 * placeholders, is named after its protocol, has its README and is listed in samples/README.md.
 */
class SamplesFolderTest {
    static final Path SAMPLES = Path.of(System.getProperty("dmp.samples.dir", "../samples"));

    @Test
    void everyScenarioIsWellFormedDocumentedAndListed() throws Exception {
        List<Scenario> all = ScenarioCatalog.load(SAMPLES);
        String index = Files.readString(SAMPLES.resolve("README.md"), StandardCharsets.UTF_8);
        List<String> problems = new ArrayList<>();
        for (Scenario s : all) {
            if (!s.name().startsWith(s.protocol().toLowerCase(Locale.ROOT) + "-")) {
                problems.add(s.name() + ": the name starts with its protocol");
            }
            if (!Files.isRegularFile(s.folder().resolve("README.md"))) {
                problems.add(s.name() + ": no README.md");
            }
            if (!index.contains("[`" + s.name() + "`](" + s.name() + "/)")) {
                problems.add(s.name() + ": not listed in samples/README.md");
            }
            if (s.setup().isEmpty() || !s.setup().get(0).path().equals("/admin/patients/${INS_OID}/${INS}")) {
                problems.add(s.name() + ": the first set-up call creates the scenario's own record");
            }
            try (var files = Files.list(s.folder())) {
                for (Path f : files.filter(Files::isRegularFile).toList()) {
                    try {
                        RunValues.checkKnown(Files.readString(f, StandardCharsets.UTF_8), s.name() + "/" + f.getFileName());
                    } catch (IllegalArgumentException e) {
                        problems.add(e.getMessage());
                    }
                }
            }
        }
        assertEquals(List.of(), problems);
        assertTrue(all.size() >= 40, "the kit covers every transaction and rule over both protocols: " + all.size());
    }

    /**
     * The table shows one step per passed scenario: the decisive one, else the last (issue 12). A
     * query scenario whose shown step answers an empty Success ("0 folder") reads like a failure of
     * the feature: it marks the step that shows the feature decisive.
     */
    @Test
    void theStepTheTableShowsIsNotAnEmptySuccess() throws Exception {
        List<String> problems = new ArrayList<>();
        for (Scenario s : ScenarioCatalog.load(SAMPLES)) {
            Scenario.Exchange shown = shown(s);
            Scenario.Expectation e = shown.expect();
            boolean success = e.outcome() == null && !"Failure".equals(e.xdsStatus())
                    && (e.status() == null || e.status() < 400);
            List<Integer> counts = new ArrayList<>();
            for (List<String> list : java.util.Arrays.asList(e.documents(), e.submissionSets(), e.folders(),
                    e.objectRefs())) {
                if (list != null) {
                    counts.add(list.size());
                }
            }
            if (e.total() != null) {
                counts.add(e.total());
            }
            if (e.associationCount() != null) {
                counts.add(e.associationCount());
            }
            if (success && !counts.isEmpty() && counts.stream().allMatch(c -> c == 0)) {
                problems.add(s.name() + ": the table shows '" + shown.name() + "', an empty answer: mark the step "
                        + "that shows the feature \"decisive\": true");
            }
        }
        assertEquals(List.of(), problems);
    }

    @Test
    void theTwoScenariosOfIssue12ShowTheirFeature() throws Exception {
        List<Scenario> all = ScenarioCatalog.load(SAMPLES);
        Scenario folders = all.stream().filter(s -> s.name().equals("xds-iti18-find-folders")).findFirst().orElseThrow();
        assertEquals(List.of("${UID_folder}"), shown(folders).expect().folders(), "FindFolders shows the folder found");
        Scenario status = all.stream().filter(s -> s.name().equals("fhir-patient-status")).findFirst().orElseThrow();
        assertEquals(200, shown(status).expect().status(), "TD0.2 shows the ACTIVATED record, not the final 404");
        assertEquals(1, shown(status).expect().total());
    }

    /** The step the runner's table shows for a passed scenario (ScenarioRunner): the decisive one, else the last. */
    static Scenario.Exchange shown(Scenario s) {
        return s.steps().stream().filter(e -> Boolean.TRUE.equals(e.decisive())).findFirst()
                .orElse(s.steps().get(s.steps().size() - 1));
    }
}
