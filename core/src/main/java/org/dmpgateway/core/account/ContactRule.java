package org.dmpgateway.core.account;

import java.util.regex.Pattern;

/**
 * The patient's contact data (seed 002, "Je vérifie mes coordonnées de contact"): one e-mail
 * address (no list, no display name) and a French mobile number (06 or 07, ten digits, or +33),
 * kept in the international form {@code +336...}.
 */
public final class ContactRule {
    private static final Pattern EMAIL = Pattern.compile("[A-Za-z0-9._%+'-]+@[A-Za-z0-9.-]+\\.[A-Za-z]{2,}");
    private static final Pattern MOBILE = Pattern.compile("(?:\\+33|0033|0)([67]\\d{8})");

    private ContactRule() {
    }

    public static String email(String typed) {
        String email = Fields.required(typed, "email", "L'adresse e-mail");
        if (email.length() > 254 || !EMAIL.matcher(email).matches()) {
            throw Fields.invalid("email", "l'adresse e-mail n'est pas valide (ex. : prenom.nom@exemple.fr).");
        }
        return email;
    }

    /** The mobile in the form +336XXXXXXXX, or null when none was given. */
    public static String mobile(String typed) {
        if (typed == null || typed.isBlank()) {
            return null;
        }
        var m = MOBILE.matcher(typed.replaceAll("[ .-]", ""));
        if (!m.matches()) {
            throw Fields.invalid("mobile", "le numéro de mobile est un numéro français de 10 chiffres commençant "
                    + "par 06 ou 07 (ou +33 6, +33 7).");
        }
        return "+33" + m.group(1);
    }
}
