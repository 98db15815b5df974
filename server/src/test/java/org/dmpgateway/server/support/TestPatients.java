package org.dmpgateway.server.support;

import java.math.BigInteger;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Fresh, well-formed test INS (INS-NIR-TEST) so that each end-to-end test works on a record of its
 * own: 13 digits (sex 1 or 2, year, month 01-12, a department, commune and rank) and the key
 * 97 - (first 13 mod 97).
 */
public final class TestPatients {
    private TestPatients() {
    }

    public static String newIns() {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        String body = String.format("%d%02d%02d%02d%03d%03d", 1 + r.nextInt(2), r.nextInt(100), 1 + r.nextInt(12),
                1 + r.nextInt(95), r.nextInt(1000), r.nextInt(1000));
        int key = 97 - new BigInteger(body).mod(BigInteger.valueOf(97)).intValue();
        return body + String.format("%02d", key);
    }
}
