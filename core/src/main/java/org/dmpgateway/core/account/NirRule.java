package org.dmpgateway.core.account;

import org.dmpgateway.core.patient.InsValidator;

import java.util.regex.Pattern;

/**
 * The social security number (NIR) the patient types: 13 characters (digits, 2A/2B for Corsica)
 * and a 2-digit key, spaces allowed as on the card ("1 55 12 55 555 555"); the key is checked
 * (97 - NIR mod 97, the INS rule of {@link InsValidator}). dmp-rules.md section 1.
 */
public final class NirRule {
    private static final Pattern SHAPE = Pattern.compile("\\d{5}(\\d{2}|2A|2B)\\d{8}");

    private NirRule() {
    }

    /** The NIR without spaces, or the refusal naming the field {@code nir}. */
    public static String check(String typed) {
        String nir = Fields.required(typed, "nir", "Le numéro de sécurité sociale").replace(" ", "").toUpperCase();
        if (!SHAPE.matcher(nir).matches()) {
            throw Fields.invalid("nir", "le numéro de sécurité sociale comporte 13 chiffres suivis d'une clé de "
                    + "2 chiffres (15 caractères, ex. : 1 55 12 55 555 555).");
        }
        if (InsValidator.expectedKey(nir.substring(0, 13)) != Integer.parseInt(nir.substring(13))) {
            throw Fields.invalid("nir", "la clé du numéro de sécurité sociale (2 derniers chiffres) est incorrecte.");
        }
        return nir;
    }
}
