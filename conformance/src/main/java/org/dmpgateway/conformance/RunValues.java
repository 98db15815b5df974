package org.dmpgateway.conformance;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The values of the placeholders of one run of one scenario (samples/FORMAT.md): fresh INS,
 * uniqueIds and UUIDs, the same everywhere in the run; a fresh MessageID per request; tokens
 * signed from the scenario's claims files.
 */
final class RunValues {
    static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Za-z][A-Za-z0-9_]*)(?::([^}]+))?}");
    private static final Pattern INS_N = Pattern.compile("INS[0-9]+");
    /** The prefix of the placeholders of the values captured from earlier answers. */
    static final String CAPTURED = "CAPTURED_";
    private static final DateTimeFormatter DTM = DateTimeFormatter.ofPattern("yyyyMMddHHmmss").withZone(ZoneOffset.UTC);

    private final Path folder;
    private final RunnerOptions options;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, String> values = new HashMap<>();
    private String messageId = UUID.randomUUID().toString();
    private String controlId = messageId.replace("-", "").substring(0, 20);

    RunValues(Path folder, RunnerOptions options, Clock clock) {
        this.folder = folder;
        this.options = options;
        this.clock = clock;
    }

    /** Starts a new request: a new {@code ${MESSAGE_ID}}, the same in every part of that request. */
    void newRequest() {
        messageId = UUID.randomUUID().toString();
        controlId = messageId.replace("-", "").substring(0, 20);
    }

    /** The text with its placeholders filled in; {@code endpoint} is the URL of the request. */
    String fill(String text, String endpoint) {
        Matcher m = PLACEHOLDER.matcher(text);
        StringBuilder out = new StringBuilder(text.length() + 256);
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(value(m.group(1), m.group(2), endpoint)));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** Keeps a value an earlier step captured from its answer, as {@code ${CAPTURED_<name>}}. */
    void capture(String name, String value) {
        values.put(CAPTURED + name, value);
    }

    /** The value of the scenario's patient INS (created by its first setup call). */
    String ins() {
        return value("INS", null, null);
    }

    private String value(String name, String argument, String endpoint) {
        switch (name) {
            case "MESSAGE_ID":
                return messageId;
            case "ENDPOINT":
                return endpoint;
            case "BASE_URL":
                return options.baseUrl();
            case "REPOSITORY_ID":
                return options.repositoryId();
            case "INS_OID":
                return TestIns.AUTHORITY;
            case "NOW":
                return DTM.format(clock.instant());
            case "TOKEN":
                return token(argument);
            case "BASE64":
                return base64(argument);
            case "CONTROL_ID":
                return controlId;
            default:
                break;
        }
        if (name.equals("INS") || INS_N.matcher(name).matches()) {
            return values.computeIfAbsent(name, k -> TestIns.next(random));
        }
        if (name.startsWith("UID_")) {
            return values.computeIfAbsent(name, k -> "2.25." + new BigInteger(1, uuidBytes()));
        }
        if (name.startsWith("UUID_")) {
            return values.computeIfAbsent(name, k -> UUID.randomUUID().toString());
        }
        if (name.startsWith(CAPTURED)) {
            String captured = values.get(name);
            if (captured == null) {
                throw new IllegalArgumentException("${" + name + "}: no earlier step captured "
                        + name.substring(CAPTURED.length()));
            }
            return captured;
        }
        throw new IllegalArgumentException("unknown placeholder ${" + name + "} (samples/FORMAT.md lists them)");
    }

    private byte[] uuidBytes() {
        UUID u = UUID.randomUUID();
        return ByteBuffer.allocate(16).putLong(u.getMostSignificantBits()).putLong(u.getLeastSignificantBits()).array();
    }

    /** {@code ${BASE64:<file>}}: the file of the scenario folder, placeholders filled in, encoded in base64 (UTF-8). */
    private String base64(String file) {
        Path path = folder.resolve(file);
        if (!Files.isRegularFile(path)) {
            throw new IllegalArgumentException("${BASE64:" + file + "}: no such file in " + folder);
        }
        try {
            return Base64.getEncoder().encodeToString(fill(Files.readString(path, StandardCharsets.UTF_8), null)
                    .getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String token(String file) {
        if (file == null) {
            throw new IllegalArgumentException("${TOKEN:<file>} names the claims file of the token");
        }
        Path claims = folder.resolve(file);
        if (!Files.isRegularFile(claims)) {
            throw new IllegalArgumentException("${TOKEN:" + file + "}: no such file in " + folder);
        }
        try {
            return SandboxToken.sign(fill(Files.readString(claims, StandardCharsets.UTF_8), null),
                    options.fhirSecret(), clock.instant());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Throws naming the first placeholder of {@code text} that no value exists for. */
    static void checkKnown(String text, String where) {
        Matcher m = PLACEHOLDER.matcher(text);
        while (m.find()) {
            String n = m.group(1);
            boolean known = switch (n) {
                case "MESSAGE_ID", "CONTROL_ID", "ENDPOINT", "BASE_URL", "REPOSITORY_ID", "INS_OID", "NOW", "INS" -> m.group(2) == null;
                case "TOKEN", "BASE64" -> m.group(2) != null;
                default -> (INS_N.matcher(n).matches() || n.startsWith("UID_") || n.startsWith("UUID_")
                        || n.startsWith(CAPTURED)) && m.group(2) == null;
            };
            if (!known) {
                throw new IllegalArgumentException(where + ": unknown placeholder " + m.group() + " (samples/FORMAT.md lists them)");
            }
        }
    }
}
