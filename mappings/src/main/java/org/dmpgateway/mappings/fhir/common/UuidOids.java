package org.dmpgateway.mappings.fhir.common;

import java.math.BigInteger;
import java.util.UUID;

/** OIDs made of UUIDs, for the uniqueIds and sourceIds the gateway generates. */
public final class UuidOids {
    private UuidOids() {
    }

    /** The OID 2.25.<UUID as an unsigned integer> (ITU-T X.667). */
    public static String oidOf(UUID uuid) {
        BigInteger high = BigInteger.valueOf(uuid.getMostSignificantBits()).and(BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE));
        BigInteger low = BigInteger.valueOf(uuid.getLeastSignificantBits()).and(BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE));
        return "2.25." + high.shiftLeft(64).or(low);
    }
}
