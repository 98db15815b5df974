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
}
