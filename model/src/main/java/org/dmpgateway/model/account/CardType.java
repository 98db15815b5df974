package org.dmpgateway.model.account;

/**
 * The patient's Vitale card, as the activation form asks for it (seed 002, "Ma carte Vitale"): the
 * serial number of a card without a photo has 8 to 13 digits; of a card with a photo, the patient
 * types its last 11 digits.
 */
public enum CardType {
    WITHOUT_PHOTO,
    WITH_PHOTO
}
