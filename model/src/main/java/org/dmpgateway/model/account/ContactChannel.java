package org.dmpgateway.model.account;

/** How a code (provisional, one-time) reaches the patient: by e-mail or by SMS. */
public enum ContactChannel {
    EMAIL,
    SMS
}
