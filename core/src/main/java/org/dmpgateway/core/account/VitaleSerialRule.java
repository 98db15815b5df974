package org.dmpgateway.core.account;

import org.dmpgateway.model.account.CardType;

import java.util.regex.Pattern;

/**
 * The Vitale card's serial number (seed 002, "Où trouver mon numéro de série"): a card without a
 * photo shows 8 to 13 digits on its back; on a card with a photo, the patient types the last 11
 * digits of the number printed at its top right. Spaces are allowed as printed ("0102457612 4").
 */
public final class VitaleSerialRule {
    private static final Pattern WITHOUT_PHOTO = Pattern.compile("\\d{8,13}");
    private static final Pattern WITH_PHOTO = Pattern.compile("\\d{11}");

    private VitaleSerialRule() {
    }

    public static CardType cardType(String typed) {
        String v = Fields.required(typed, "cardType", "Le type de carte Vitale (WITHOUT_PHOTO ou WITH_PHOTO)");
        try {
            return CardType.valueOf(v);
        } catch (IllegalArgumentException e) {
            throw Fields.invalid("cardType", "le type de carte Vitale est WITHOUT_PHOTO (carte sans photo) ou "
                    + "WITH_PHOTO (carte avec photo).");
        }
    }

    /** The typed serial number without spaces, or the refusal naming the field {@code serialNumber}. */
    public static String check(CardType card, String typed) {
        String serial = Fields.required(typed, "serialNumber", "Le numéro de série de la carte Vitale")
                .replace(" ", "");
        if (card == CardType.WITH_PHOTO && !WITH_PHOTO.matcher(serial).matches()) {
            throw Fields.invalid("serialNumber", "pour une carte Vitale avec photo, saisissez les 11 derniers chiffres "
                    + "du numéro de série (en haut à droite de la carte).");
        }
        if (card == CardType.WITHOUT_PHOTO && !WITHOUT_PHOTO.matcher(serial).matches()) {
            throw Fields.invalid("serialNumber", "le numéro de série d'une carte Vitale sans photo comporte 8 à 13 "
                    + "chiffres (au dos, en haut à gauche de la carte).");
        }
        return serial;
    }

    /** Whether the typed serial designates the card on file (its last 11 digits for a card with a photo). */
    public static boolean matches(CardType card, String typed, String onFile) {
        if (onFile == null) {
            return false;
        }
        return card == CardType.WITH_PHOTO ? onFile.length() >= 11 && onFile.endsWith(typed) : onFile.equals(typed);
    }
}
