package org.dmpgateway.conformance;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The shell examples of README.md and docs/*.md paste as they are from the Markdown source (issue
 * 12): every here-document's closing word starts its line. In an indented (4-space) code block it
 * would not, and bash would read on to the end of the input; such examples are fenced instead.
 */
class DocsHereDocumentsTest {
    static final Path ROOT = Path.of(System.getProperty("dmp.repository.root", ".."));
    static final Pattern HEREDOC = Pattern.compile("<<(-?)\\s*(['\"]?)([A-Za-z_][A-Za-z0-9_]*)\\2");

    @Test
    void everyHereDocumentClosesAtTheStartOfALine() throws Exception {
        List<Path> files = new ArrayList<>();
        files.add(ROOT.resolve("README.md"));
        try (Stream<Path> docs = Files.list(ROOT.resolve("docs"))) {
            docs.filter(p -> p.toString().endsWith(".md")).sorted().forEach(files::add);
        }
        List<String> problems = new ArrayList<>();
        int found = 0;
        for (Path file : files) {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            for (int i = 0; i < lines.size(); i++) {
                Matcher m = HEREDOC.matcher(lines.get(i));
                if (!m.find()) {
                    continue;
                }
                found++;
                boolean tabs = !m.group(1).isEmpty();
                String word = m.group(3);
                int close = -1;
                for (int j = i + 1; j < lines.size() && close < 0; j++) {
                    if (lines.get(j).strip().equals(word)) {
                        close = j;
                    }
                }
                String where = ROOT.relativize(file) + ":" + (i + 1);
                if (close < 0) {
                    problems.add(where + ": the here-document " + word + " is never closed");
                } else if (!lines.get(close).equals(word) && !(tabs && lines.get(close).replace("\t", "").equals(word))) {
                    problems.add(where + ": the here-document " + word + " closes on line " + (close + 1)
                            + " with leading blanks; bash would not end it there (fence the block, unindented)");
                }
            }
        }
        assertEquals(List.of(), problems);
        assertTrue(found >= 2, "the integration guide's ITI-18 and ITI-43 here-documents are seen: " + found);
    }
}
