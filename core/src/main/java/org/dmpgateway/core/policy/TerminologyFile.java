package org.dmpgateway.core.policy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

/**
 * The policy's data files (the habilitation matrix, the subject roles): UTF-8 lines of
 * {@code ;}-separated fields, blank lines and {@code #} comments skipped. Each reader checks its
 * own fields and names the file and the line of a malformed one, which stops the start.
 */
final class TerminologyFile {
    private TerminologyFile() {
    }

    /** What a reader does with one data line: its number in the file and its fields, untrimmed. */
    @FunctionalInterface
    interface LineReader {
        void read(int number, String[] fields);
    }

    static void readLines(InputStream in, LineReader reader) throws IOException {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            int number = 0;
            while ((line = lines.readLine()) != null) {
                number++;
                String t = line.strip();
                if (!t.isEmpty() && !t.startsWith("#")) {
                    reader.read(number, t.split(";", -1));
                }
            }
        }
    }
}
