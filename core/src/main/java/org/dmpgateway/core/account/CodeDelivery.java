package org.dmpgateway.core.account;

import org.dmpgateway.model.PatientRecord;
import org.dmpgateway.model.account.AccountErrorCode;
import org.dmpgateway.model.account.AccountException;
import org.dmpgateway.model.account.ContactChannel;

/**
 * A code to send once the transaction that stored its hash committed: by e-mail the outbox already
 * holds it (written in that transaction); by SMS it is handed to the provider now. A provider that
 * refuses it answers DELIVERY_FAILED (the patient asks again, or chooses e-mail).
 */
record CodeDelivery(ContactChannel channel, String mobile, String smsText) {

    static CodeDelivery byEmail() {
        return new CodeDelivery(ContactChannel.EMAIL, null, null);
    }

    static CodeDelivery bySms(String mobile, String text) {
        return new CodeDelivery(ContactChannel.SMS, mobile, text);
    }

    /** Checks, before anything is stored, that the channel can reach the patient. */
    static void checkReachable(ContactChannel channel, String email, String mobile, SmsGateway sms,
                               PatientRecord record) {
        if (channel == ContactChannel.EMAIL && (email == null || email.isBlank())) {
            throw new AccountException(AccountErrorCode.DELIVERY_FAILED, "channel",
                    "channel : aucune adresse e-mail n'est connue pour ce profil ; choisissez l'envoi par SMS.");
        }
        if (channel == ContactChannel.SMS && (mobile == null || mobile.isBlank())) {
            throw new AccountException(AccountErrorCode.DELIVERY_FAILED, "channel",
                    "channel : aucun numéro de mobile n'est connu pour ce profil ; choisissez l'envoi par e-mail.");
        }
        if (channel == ContactChannel.SMS && !sms.available()) {
            throw new AccountException(AccountErrorCode.DELIVERY_FAILED, "channel",
                    "channel : l'envoi par SMS n'est pas disponible ; choisissez l'envoi par e-mail.");
        }
    }

    void send(SmsGateway sms) {
        if (channel == ContactChannel.SMS) {
            try {
                sms.send(mobile, smsText);
            } catch (SmsGateway.SmsFailure e) {
                throw new AccountException(AccountErrorCode.DELIVERY_FAILED, "channel",
                        "channel : le SMS n'a pas pu être envoyé ; réessayez plus tard ou choisissez l'envoi par "
                                + "e-mail.");
            }
        }
    }

    static ContactChannel channel(String typed) {
        if (typed == null || typed.isBlank()) {
            return ContactChannel.EMAIL;
        }
        try {
            return ContactChannel.valueOf(typed.strip());
        } catch (IllegalArgumentException e) {
            throw Fields.invalid("channel", "le mode d'envoi est EMAIL ou SMS.");
        }
    }
}
