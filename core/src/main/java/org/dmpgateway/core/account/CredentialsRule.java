package org.dmpgateway.core.account;

import java.util.regex.Pattern;

/**
 * The identifier and password the patient chooses (seed 002, "Je choisis mon identifiant et mon
 * mot de passe"): an identifier of at least 8 characters that is not an e-mail address (nor the
 * social security number); a password of at least 8 characters with an upper case letter, a lower
 * case letter, a digit and a special character, typed twice. Upper bounds: 64 characters for the
 * identifier, 72 for the password (the most bcrypt hashes).
 */
public final class CredentialsRule {
    public static final int MIN_LENGTH = 8;
    public static final int IDENTIFIER_MAX = 64;
    public static final int PASSWORD_MAX = 72;
    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z0-9._-]+");
    private static final Pattern EMAIL = Pattern.compile(".*@.*");

    private CredentialsRule() {
    }

    public static String identifier(String typed, String nir) {
        String id = Fields.required(typed, "identifier", "L'identifiant");
        if (id.length() < MIN_LENGTH) {
            throw Fields.invalid("identifier", "l'identifiant comporte au minimum 8 caractères.");
        }
        if (id.length() > IDENTIFIER_MAX) {
            throw Fields.invalid("identifier", "l'identifiant comporte au maximum 64 caractères.");
        }
        if (EMAIL.matcher(id).matches()) {
            throw Fields.invalid("identifier", "pour plus de sécurité, l'identifiant ne peut pas être une adresse "
                    + "e-mail.");
        }
        if (!IDENTIFIER.matcher(id).matches()) {
            throw Fields.invalid("identifier", "l'identifiant ne contient que des lettres sans accent, des chiffres, "
                    + "des points, des tirets et des soulignés.");
        }
        if (id.equals(nir)) {
            throw Fields.invalid("identifier", "l'identifiant est différent du numéro de sécurité sociale.");
        }
        return id;
    }

    public static String password(String password, String confirmation) {
        if (password == null || password.isEmpty()) {
            throw Fields.invalid("password", "le mot de passe est obligatoire.");
        }
        StringBuilder missing = new StringBuilder();
        if (password.length() < MIN_LENGTH) {
            missing.append(", 8 caractères minimum");
        }
        if (password.chars().noneMatch(Character::isUpperCase)) {
            missing.append(", 1 majuscule");
        }
        if (password.chars().noneMatch(Character::isLowerCase)) {
            missing.append(", 1 minuscule");
        }
        if (password.chars().noneMatch(Character::isDigit)) {
            missing.append(", 1 chiffre");
        }
        if (password.chars().allMatch(Character::isLetterOrDigit)) {
            missing.append(", 1 caractère spécial (!#@;%...)");
        }
        if (!missing.isEmpty()) {
            throw Fields.invalid("password", "le mot de passe doit comporter " + missing.substring(2) + ".");
        }
        if (password.length() > PASSWORD_MAX) {
            throw Fields.invalid("password", "le mot de passe comporte au maximum 72 caractères.");
        }
        if (!password.equals(confirmation)) {
            throw Fields.invalid("passwordConfirmation", "la confirmation est différente du mot de passe.");
        }
        return password;
    }
}
