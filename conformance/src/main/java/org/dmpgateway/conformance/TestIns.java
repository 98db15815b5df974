package org.dmpgateway.conformance;

import java.math.BigInteger;
import java.util.random.RandomGenerator;

/**
 * Fresh test INS (NIR form): sex, year, month, department, commune and order drawn at random, then
 * the key the server checks: 97 - (the 13 digits mod 97), on two digits.
 */
final class TestIns {
    static final String AUTHORITY = "1.2.250.1.213.1.4.10";
    private static final BigInteger NINETY_SEVEN = BigInteger.valueOf(97);

    private TestIns() {
    }

    static String next(RandomGenerator random) {
        String body = String.format("%d%02d%02d%02d%03d%03d", 1 + random.nextInt(2), random.nextInt(100),
                1 + random.nextInt(12), 1 + random.nextInt(95), 1 + random.nextInt(990), 1 + random.nextInt(999));
        return body + key(body);
    }

    static String key(String thirteenDigits) {
        int key = 97 - new BigInteger(thirteenDigits).mod(NINETY_SEVEN).intValue();
        return String.format("%02d", key);
    }
}
