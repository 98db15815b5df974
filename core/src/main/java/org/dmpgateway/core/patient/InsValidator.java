package org.dmpgateway.core.patient;

import org.dmpgateway.model.error.DmpErrorCode;
import org.dmpgateway.model.error.DmpException;
import org.dmpgateway.model.PatientRef;

import java.math.BigInteger;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks the INS matricule: 15 characters = 13 (NIR or NIA, digits; department 2A/2B for Corsica)
 * + a 2-digit key equal to 97 - (first 13 as a number mod 97), with 2A read as 19 and 2B as 18.
 * Only the INS authorities of the DMP are accepted.
 */
public final class InsValidator {
    /** INS-NIR, INS-NIA, INS-NIR-TEST, INS-NIR-DEMO (fr-core). */
    public static final Set<String> INS_AUTHORITIES = Set.of(
            "1.2.250.1.213.1.4.8", "1.2.250.1.213.1.4.9", "1.2.250.1.213.1.4.10", "1.2.250.1.213.1.4.11");

    private static final Pattern SHAPE = Pattern.compile("\\d{5}(\\d{2}|2A|2B)\\d{8}");

    private InsValidator() {
    }

    /** Throws {@link DmpErrorCode#INVALID_INS} naming the rule that the identifier breaks. */
    public static void check(PatientRef ins) {
        if (!INS_AUTHORITIES.contains(ins.authority())) {
            throw invalid(ins, "assigning authority " + ins.authority()
                    + " is not an INS authority (expected one of " + String.join(", ", INS_AUTHORITIES.stream().sorted().toList()) + ")");
        }
        String v = ins.id();
        if (v.length() != 15) {
            throw invalid(ins, "an INS has 15 characters, this one has " + v.length());
        }
        if (!SHAPE.matcher(v).matches()) {
            throw invalid(ins, "an INS is 15 digits (positions 6-7 may be 2A or 2B)");
        }
        int expected = expectedKey(v.substring(0, 13));
        int given = Integer.parseInt(v.substring(13));
        if (expected != given) {
            throw invalid(ins, String.format("INS key is %02d, expected %02d (97 - first 13 digits mod 97)", given, expected));
        }
    }

    /** The key of a 13-character NIR/NIA body. */
    public static int expectedKey(String first13) {
        String digits = first13.replace("2A", "19").replace("2B", "18");
        return 97 - new BigInteger(digits).mod(BigInteger.valueOf(97)).intValue();
    }

    private static DmpException invalid(PatientRef ins, String rule) {
        return new DmpException(DmpErrorCode.INVALID_INS, "patientId " + ins.toCx() + ": " + rule, "patientId");
    }
}
