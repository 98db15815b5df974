package org.dmpgateway.conformance;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The command line of the runner. Scenarios are chosen by name (folder names; {@code *} matches any
 * characters) and by protocol; none chosen = all.
 */
record RunnerOptions(String baseUrl, Path samples, Path out, Path junit, String adminToken, String fhirSecret,
                     String repositoryId, String protocol, List<String> patterns, Duration timeout,
                     String smtpHost, int smtpPort, String mllpHost, int mllpPort,
                     boolean verbose, boolean list, boolean help) {

    static final String USAGE = """
            Usage: samples/run [options] [scenario ...]
              (or java -jar conformance/target/dmp-conformance.jar [options] [scenario ...])

            Replays the scenarios of samples/ against a running DMP Gateway, checks each outcome, prints
            a table (scenario, step shown, expected, got, result, time) and writes JUnit XML. A scenario is a folder
            name; '*' matches any characters (quote it: 'xds-iti18-*'). None given: all of them.

              --base-url URL        the server (default http://localhost:8080)
              --protocol P          only the scenarios of one protocol: XDS, FHIR, SMTP or HL7V2
              --samples DIR         the samples folder (default: samples, or ../samples)
              --out DIR             where every request sent and answer received is written
                                    (default target/conformance)
              --junit FILE          the JUnit XML report (default <out>/junit.xml)
              --admin-token TOKEN   the server's dmp.admin.token (default sandbox-admin-token)
              --fhir-secret SECRET  the server's HS256 sandbox secret for FHIR tokens
                                    (default the documented sandbox secret)
              --repository-id OID   the server's dmp.xds.repository-unique-id (default the server's default)
              --timeout SECONDS     per request (default 60)
              --smtp-host HOST      the server's SMTP host for SMTP steps (default the base URL's host);
                                    STARTTLS, its certificate trusted (the sandbox's is self-signed)
              --smtp-port PORT      the server's dmp.messaging.smtp.port (default 2525)
              --mllp-host HOST      the server's MLLP host for MLLP steps (default the base URL's host)
              --mllp-port PORT      the server's dmp.hl7v2.port (default 2575)
              --verbose             print every step as it runs
              --list                list the scenarios and exit
              --help                this text

            Exit status: 0 all passed, 1 a scenario failed, 2 bad usage or scenario files.
            """;

    static RunnerOptions parse(String... args) {
        String baseUrl = "http://localhost:8080";
        Path samples = null;
        Path out = Path.of("target", "conformance");
        Path junit = null;
        String adminToken = "sandbox-admin-token";
        String secret = SandboxToken.DEFAULT_SECRET;
        String repositoryId = "2.25.211537254915358815470183436004163384337";
        String protocol = null;
        List<String> patterns = new ArrayList<>();
        Duration timeout = Duration.ofSeconds(60);
        String smtpHost = null;
        int smtpPort = 2525;
        String mllpHost = null;
        int mllpPort = 2575;
        boolean verbose = false;
        boolean list = false;
        boolean help = false;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            switch (a) {
                case "--base-url" -> baseUrl = stripSlash(value(args, ++i, a));
                case "--samples" -> samples = Path.of(value(args, ++i, a));
                case "--out" -> out = Path.of(value(args, ++i, a));
                case "--junit" -> junit = Path.of(value(args, ++i, a));
                case "--admin-token" -> adminToken = value(args, ++i, a);
                case "--fhir-secret" -> secret = value(args, ++i, a);
                case "--repository-id" -> repositoryId = value(args, ++i, a);
                case "--protocol" -> {
                    protocol = value(args, ++i, a).toUpperCase(Locale.ROOT);
                    if (!Scenario.PROTOCOLS.contains(protocol)) {
                        throw new IllegalArgumentException("--protocol is one of " + Scenario.PROTOCOLS + ", not " + protocol);
                    }
                }
                case "--timeout" -> timeout = Duration.ofSeconds(Long.parseLong(value(args, ++i, a)));
                case "--smtp-host" -> smtpHost = value(args, ++i, a);
                case "--smtp-port" -> smtpPort = port(value(args, ++i, a), a);
                case "--mllp-host" -> mllpHost = value(args, ++i, a);
                case "--mllp-port" -> mllpPort = port(value(args, ++i, a), a);
                case "--verbose" -> verbose = true;
                case "--list" -> list = true;
                case "--help", "-h" -> help = true;
                default -> {
                    if (a.startsWith("--")) {
                        throw new IllegalArgumentException("unknown option " + a + " (--help lists them)");
                    }
                    patterns.add(stripSlash(a.replaceFirst("^(\\./)?samples/", "")));
                }
            }
        }
        if (samples == null) {
            samples = Files.isDirectory(Path.of("samples")) ? Path.of("samples") : Path.of("..", "samples");
        }
        String host = host(baseUrl);
        return new RunnerOptions(baseUrl, samples, out, junit == null ? out.resolve("junit.xml") : junit, adminToken,
                secret, repositoryId, protocol, List.copyOf(patterns), timeout, smtpHost == null ? host : smtpHost, smtpPort,
                mllpHost == null ? host : mllpHost, mllpPort, verbose, list, help);
    }

    /** Whether the scenario is one of those asked for. */
    boolean selects(Scenario s) {
        if (protocol != null && !protocol.equals(s.protocol())) {
            return false;
        }
        return patterns.isEmpty() || patterns.stream().anyMatch(p -> s.name().matches(glob(p)));
    }

    private static String glob(String pattern) {
        StringBuilder re = new StringBuilder();
        for (String part : pattern.split("\\*", -1)) {
            if (!re.isEmpty()) {
                re.append(".*");
            }
            re.append(Pattern.quote(part));
        }
        return re.toString();
    }

    private static String host(String baseUrl) {
        try {
            String host = URI.create(baseUrl).getHost();
            return host == null ? "localhost" : host;
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--base-url " + baseUrl + " is not a URL", e);
        }
    }

    private static int port(String value, String option) {
        try {
            int port = Integer.parseInt(value);
            if (port >= 1 && port <= 65535) {
                return port;
            }
        } catch (NumberFormatException notANumber) {
            // said below
        }
        throw new IllegalArgumentException(option + " is a port, 1 to 65535, not " + value);
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args[i];
    }

    private static String stripSlash(String s) {
        return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
    }
}
