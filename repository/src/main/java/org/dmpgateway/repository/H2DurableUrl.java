package org.dmpgateway.repository;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The settings an embedded H2 file database needs so that an acknowledged write survives the
 * process: {@code WRITE_DELAY=0} and {@code DB_CLOSE_ON_EXIT=FALSE}, added to the JDBC URL when
 * absent; a URL that sets either to another value is refused (docs/security.md, "Durability and
 * availability").
 *
 * <ul>
 *   <li>H2 2.x (MVStore) writes committed changes to its file from a background thread at most
 *       {@code WRITE_DELAY} ms later (500 by default): a process killed in between loses
 *       transactions that were reported committed. With 0, the end of every transaction that
 *       changed data stores the changes in the file before the commit returns (H2's
 *       TransactionStore.endTransaction calls MVStore.commit when the auto-commit delay is 0).</li>
 *   <li>H2 closes its databases from a JVM shutdown hook of its own unless
 *       {@code DB_CLOSE_ON_EXIT=FALSE}: on SIGTERM that hook runs beside Spring's graceful shutdown
 *       and requests still being served got "Database is already closed". Without it the database
 *       closes when the connection pool, closed last, releases its connections.</li>
 * </ul>
 * One more setting is added when absent, but may be set to any value: {@code QUERY_CACHE_SIZE=64},
 * the parsed statements H2 keeps per connection (8 by default). One ITI-41 submission runs about
 * fifteen distinct statements, so with 8 every one of them was parsed and planned again on every
 * submission (docs/performance.md, "ITI-41 against the raw insert").
 *
 * <p>In-memory ({@code mem:}), remote ({@code tcp:}, {@code ssl:}) and read-only ({@code zip:})
 * URLs are left as they are.
 */
public final class H2DurableUrl {
    static final Map<String, String> REQUIRED = Map.of("WRITE_DELAY", "0", "DB_CLOSE_ON_EXIT", "FALSE");
    /** Added when absent; any value the URL gives is kept. */
    static final String QUERY_CACHE_SIZE = "64";

    private H2DurableUrl() {
    }

    /** The URL with the durable settings added, or unchanged when it is not an embedded H2 file URL. */
    public static String of(String url) {
        if (url == null || !url.regionMatches(true, 0, "jdbc:h2:", 0, 8)) {
            return url;
        }
        String rest = url.substring(8).toLowerCase(Locale.ROOT);
        if (rest.startsWith("mem:") || rest.startsWith("tcp:") || rest.startsWith("ssl:") || rest.startsWith("zip:")) {
            return url;
        }
        Map<String, String> given = new LinkedHashMap<>();
        String[] parts = url.split(";");
        for (int i = 1; i < parts.length; i++) {
            int eq = parts[i].indexOf('=');
            if (eq > 0) {
                given.put(parts[i].substring(0, eq).trim().toUpperCase(Locale.ROOT), parts[i].substring(eq + 1).trim());
            }
        }
        StringBuilder out = new StringBuilder(url);
        for (String setting : new String[] {"WRITE_DELAY", "DB_CLOSE_ON_EXIT"}) {
            String required = REQUIRED.get(setting);
            String value = given.get(setting);
            if (value == null) {
                out.append(';').append(setting).append('=').append(required);
            } else if (!value.equalsIgnoreCase(required)) {
                throw new IllegalStateException("spring.datasource.url sets " + setting + "=" + value + ": an H2 file"
                        + " database needs " + setting + "=" + required + " so that every acknowledged write survives"
                        + " a crash or a stop (docs/security.md, Durability and availability); remove the setting");
            }
        }
        if (!given.containsKey("QUERY_CACHE_SIZE")) {
            out.append(";QUERY_CACHE_SIZE=").append(QUERY_CACHE_SIZE);
        }
        return out.toString();
    }
}
