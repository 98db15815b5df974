package org.dmpgateway.core.account;

import org.dmpgateway.model.PatientRecord;
import org.dmpgateway.model.account.AccountErrorCode;
import org.dmpgateway.model.account.AccountException;
import org.dmpgateway.model.account.PatientAccount;
import org.dmpgateway.repository.PatientAccountRepository;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.ArrayList;
import java.util.List;

/**
 * A new contact confirmed by one-time codes sent to it (seed 002: "un code à usage unique est
 * envoyé" to a changed e-mail or mobile): the activation journey's contact step and the signed-in
 * patient's change of their notification e-mail. {@link #send} draws a 6-digit code for each
 * changed channel, keeps the pending contact and the codes' SHA-256 on the account (valid
 * {@code dmp.accounts.one-time-code.validity}) and sends them; {@link #confirm} checks the codes
 * typed, counting wrong ones: after {@code dmp.accounts.one-time-code.max-attempts} (or once expired)
 * the change is cancelled.
 */
@Component
public class ContactConfirmation {
    private final PatientAccountRepository accounts;
    private final AccountMails mails;
    private final AccountHistory history;
    private final SmsGateway sms;
    private final AccountSettings settings;
    private final AccountClock clock;
    private final TransactionTemplate transaction;

    public ContactConfirmation(PatientAccountRepository accounts, AccountMails mails, AccountHistory history,
                               SmsGateway sms, AccountSettings settings, AccountClock clock,
                               TransactionTemplate transaction) {
        this.accounts = accounts;
        this.mails = mails;
        this.history = history;
        this.sms = sms;
        this.settings = settings;
        this.clock = clock;
        this.transaction = transaction;
    }

    /** The pending account stored and the channels the codes went to ({@code email}, {@code mobile}). */
    public record Sent(PatientAccount account, List<String> channels) {
    }

    /**
     * Sends a one-time code to {@code newEmail} and/or {@code newMobile} (null: unchanged), stores the
     * pending contact at {@code step} and traces {@code detail}.
     */
    public Sent send(PatientAccount account, PatientRecord record, String newEmail, String newMobile, String step,
                     String detail) {
        if (newMobile != null && !sms.available()) {
            throw new AccountException(AccountErrorCode.DELIVERY_FAILED, "mobile", "mobile : la confirmation par SMS "
                    + "n'est pas disponible ; gardez le numéro connu ou laissez ce champ vide.");
        }
        String emailCode = newEmail != null ? SecretCodes.oneTimeCode() : null;
        String smsCode = newMobile != null ? SecretCodes.oneTimeCode() : null;
        String hashes = (emailCode == null ? "" : SecretCodes.hash(emailCode)) + ":"
                + (smsCode == null ? "" : SecretCodes.hash(smsCode));
        PatientAccount pending = account.withPendingContact(newEmail, newMobile, hashes,
                clock.now().plus(settings.oneTimeCodeValidity()), step);
        List<String> sent = new ArrayList<>();
        transaction.executeWithoutResult(tx -> {
            accounts.save(pending);
            history.byPatient(account.ins(), detail);
            if (emailCode != null) {
                mails.oneTimeCode(record, newEmail, emailCode, settings.oneTimeCodeValidity());
            }
        });
        if (emailCode != null) {
            sent.add("email");
        }
        if (smsCode != null) {
            CodeDelivery.bySms(newMobile, AccountMails.oneTimeCodeText(smsCode, settings.oneTimeCodeValidity()))
                    .send(sms);
            sent.add("mobile");
        }
        return new Sent(pending, sent);
    }

    /**
     * Checks the codes typed against the pending contact: the account with the new contact in place
     * (at {@code confirmedStep}, to store), or the refusal naming the wrong field once the failure is
     * counted (and the change cancelled back to {@code resetStep} when it was the last attempt or
     * the codes expired); {@code what} names the change in the trace.
     */
    public PatientAccount confirm(PatientAccount account, String emailCode, String smsCode, String resetStep,
                                  String confirmedStep, String what) {
        String[] hashes = account.otpHash().split(":", -1);
        boolean expired = !clock.now().isBefore(account.otpExpiresAt());
        List<String> wrong = new ArrayList<>();
        if (!hashes[0].isEmpty() && !SecretCodes.matches(trim(emailCode), hashes[0])) {
            wrong.add("emailCode");
        }
        if (!hashes[1].isEmpty() && !SecretCodes.matches(trim(smsCode), hashes[1])) {
            wrong.add("smsCode");
        }
        if (expired || !wrong.isEmpty()) {
            int failures = account.otpFailures() + 1;
            boolean reset = expired || failures >= settings.oneTimeCodeMaxAttempts();
            PatientAccount counted = reset
                    ? account.withPendingContact(null, null, null, null, resetStep)
                    : account.withOtpFailures(failures);
            transaction.executeWithoutResult(tx -> {
                accounts.save(counted);
                history.refused(account.ins(), AccountErrorCode.WRONG_ONE_TIME_CODE.name(), what + " refused"
                        + (reset ? "; the contact change is cancelled" : ""));
            });
            String field = expired ? (hashes[0].isEmpty() ? "smsCode" : "emailCode") : wrong.get(0);
            throw new AccountException(AccountErrorCode.WRONG_ONE_TIME_CODE, field, field + " : "
                    + (expired ? "le code à usage unique a expiré"
                    : "le code à usage unique est incorrect")
                    + (reset ? " ; saisissez à nouveau vos coordonnées pour recevoir un nouveau code."
                    : " ; il vous reste " + (settings.oneTimeCodeMaxAttempts() - failures) + " essai(s)."));
        }
        return account.withContactConfirmed(confirmedStep);
    }

    private static String trim(String s) {
        return s == null ? null : s.strip();
    }
}
