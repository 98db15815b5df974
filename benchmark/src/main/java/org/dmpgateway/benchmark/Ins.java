package org.dmpgateway.benchmark;

import java.math.BigInteger;

/**
 * Well-formed test INS (authority INS-NIR-TEST, 1.2.250.1.213.1.4.10) numbered by the harness, so
 * that loads and runs are reproducible: 13 digits (a leading digit naming the family of patients,
 * then a 12-digit number) and the key 97 - (first 13 mod 97).
 *
 * <ul>
 *   <li>{@link #target(int, int)}: the query targets, with exactly 10, 100 or 1,000 documents;</li>
 *   <li>{@link #bulk(long)}: the patients of the bulk loader, numbered from 0;</li>
 *   <li>{@link #harness(long)}: patients the harness creates through the admin API.</li>
 * </ul>
 */
public final class Ins {
    public static final String AUTHORITY = "1.2.250.1.213.1.4.10";
    private static final BigInteger NINETY_SEVEN = BigInteger.valueOf(97);
    /** Every bulk patient's INS starts with this. */
    public static final String BULK_PREFIX = "200000";
    private static final long HARNESS_BASE = 500_000_000_000L;

    private Ins() {
    }

    /** Target patient k (0, 1, ...) among those with exactly this many documents. */
    public static String target(int documents, int k) {
        if (k < 0 || k >= 1000) {
            throw new IllegalArgumentException("target patient number out of range: " + k);
        }
        return of('1', documents * 1000L + k);
    }

    /** Bulk patient n (below ten million: their INS all start with {@link #BULK_PREFIX}). */
    public static String bulk(long n) {
        if (n >= 10_000_000L) {
            throw new IllegalArgumentException("bulk patient number out of range: " + n);
        }
        return of('2', n);
    }

    public static String harness(long n) {
        return of('1', HARNESS_BASE + n);
    }

    static String of(char family, long n) {
        if (n < 0 || n >= 1_000_000_000_000L) {
            throw new IllegalArgumentException("patient number out of range: " + n);
        }
        String body = family + String.format("%012d", n);
        int key = 97 - new BigInteger(body).mod(NINETY_SEVEN).intValue();
        return body + String.format("%02d", key);
    }

    /** The patient as an HL7v2 CX, as in XDS metadata. */
    public static String cx(String ins) {
        return ins + "^^^&" + AUTHORITY + "&ISO";
    }
}
