package org.dmpgateway.core.account;

import org.dmpgateway.model.PatientRecord;
import org.dmpgateway.model.PatientRecordState;
import org.dmpgateway.model.PatientRef;
import org.dmpgateway.model.account.AccountErrorCode;
import org.dmpgateway.model.account.AccountException;
import org.dmpgateway.model.account.ContactChannel;
import org.dmpgateway.model.account.LoginChallenge;
import org.dmpgateway.model.account.PatientAccount;
import org.dmpgateway.model.account.PatientSession;
import org.dmpgateway.repository.PatientAccountRepository;
import org.dmpgateway.repository.PatientRecordRepository;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Instant;

/**
 * The patient's login (seed 002, "Je me connecte"): identifier and password, then a one-time code
 * sent by e-mail or SMS as the patient chooses, then a session: an opaque bearer token valid
 * {@code dmp.accounts.session.validity}, kept only as its SHA-256. Only an ACTIVATED account logs
 * in. A wrong identifier or password answers one message for both; wrong passwords are counted and
 * lock the login for a while ({@link LoginLockout}).
 */
@Component
public class PatientLogin {
    static final String LOGIN_STEP = "LOGIN";

    private final PatientRecordRepository records;
    private final PatientAccountRepository accounts;
    private final PatientPasswords passwords;
    private final AccountMails mails;
    private final AccountHistory history;
    private final SmsGateway sms;
    private final AccountSettings settings;
    private final AccountClock clock;
    private final TransactionTemplate transaction;
    private final LoginLockout lockout;

    public PatientLogin(PatientRecordRepository records, PatientAccountRepository accounts, PatientPasswords passwords,
                        AccountMails mails, AccountHistory history, SmsGateway sms, AccountSettings settings,
                        AccountClock clock, TransactionTemplate transaction, LoginLockout lockout) {
        this.lockout = lockout;
        this.records = records;
        this.accounts = accounts;
        this.passwords = passwords;
        this.mails = mails;
        this.history = history;
        this.sms = sms;
        this.settings = settings;
        this.clock = clock;
        this.transaction = transaction;
    }

    public LoginChallenge start(String identifier, String password, String typedChannel) {
        Fields.required(identifier, "identifier", "L'identifiant");
        if (password == null || password.isEmpty()) {
            throw Fields.invalid("password", "le mot de passe est obligatoire.");
        }
        ContactChannel channel = CodeDelivery.channel(typedChannel);
        PatientAccount account = accounts.findByLogin(identifier.strip()).orElseThrow(lockout::wrongCredentials);
        lockout.requireUnlocked(account.ins());
        if (!passwords.matches(password, account.passwordHash())) {
            throw transaction.execute(tx -> lockout.wrongPassword(account.ins()));
        }
        transaction.executeWithoutResult(tx -> lockout.succeeded(account.ins()));
        PatientRecord record = records.findPatient(account.ins()).orElseThrow();
        if (record.state() != PatientRecordState.ACTIVATED) {
            throw new AccountException(AccountErrorCode.STATE_CONFLICT, "identifier", "identifier : Mon espace santé "
                    + "n'est pas activé (état : " + record.state() + ") ; activez-le avec un code provisoire.");
        }
        CodeDelivery.checkReachable(channel, account.email(), account.mobile(), sms, record);
        String challenge = SecretCodes.token();
        String code = SecretCodes.oneTimeCode();
        Instant expires = clock.now().plus(settings.oneTimeCodeValidity());
        PatientAccount waiting = account.withJourney(SecretCodes.hash(challenge), expires, LOGIN_STEP)
                .withPendingContact(null, null, SecretCodes.hash(code), expires, LOGIN_STEP);
        transaction.executeWithoutResult(tx -> {
            accounts.save(waiting);
            if (channel == ContactChannel.EMAIL) {
                mails.oneTimeCode(record, account.email(), code, settings.oneTimeCodeValidity());
            }
        });
        if (channel == ContactChannel.SMS) {
            CodeDelivery.bySms(account.mobile(), AccountMails.oneTimeCodeText(code, settings.oneTimeCodeValidity()))
                    .send(sms);
        }
        return new LoginChallenge(challenge, channel, ReissueCode.masked(channel == ContactChannel.SMS
                ? account.mobile() : account.email()), expires);
    }

    public PatientSession confirm(String challenge, String code) {
        Fields.required(challenge, "challenge", "Le jeton de connexion");
        Fields.required(code, "code", "Le code à usage unique");
        PatientAccount account = accounts.findByJourney(SecretCodes.hash(challenge))
                .filter(a -> LOGIN_STEP.equals(a.journeyStep()) && clock.now().isBefore(a.journeyExpiresAt()))
                .orElseThrow(() -> new AccountException(AccountErrorCode.JOURNEY_UNKNOWN, "challenge", "challenge : "
                        + "cette connexion n'existe pas ou a expiré ; reconnectez-vous."));
        if (!SecretCodes.matches(code.strip(), account.otpHash())) {
            int failures = account.otpFailures() + 1;
            boolean reset = failures >= settings.oneTimeCodeMaxAttempts();
            transaction.executeWithoutResult(tx -> {
                accounts.save(reset ? account.withJourney(null, null, null).withPendingContact(null, null, null, null,
                        null) : account.withOtpFailures(failures));
                history.refused(account.ins(), AccountErrorCode.WRONG_ONE_TIME_CODE.name(), "login refused: wrong "
                        + "one-time code" + (reset ? ", login cancelled" : ""));
            });
            throw new AccountException(AccountErrorCode.WRONG_ONE_TIME_CODE, "code", "code : le code à usage unique "
                    + "est incorrect" + (reset ? " ; reconnectez-vous pour en recevoir un nouveau."
                    : " ; il vous reste " + (settings.oneTimeCodeMaxAttempts() - failures) + " essai(s)."));
        }
        String token = SecretCodes.token();
        Instant expires = clock.now().plus(settings.sessionValidity());
        transaction.executeWithoutResult(tx -> {
            accounts.save(account.withJourney(null, null, null).withPendingContact(null, null, null, null, null));
            accounts.saveSession(SecretCodes.hash(token), account.ins(), expires);
            history.byPatient(account.ins(), "login (identifier, password and one-time code)");
        });
        return new PatientSession(token, expires);
    }

    /** The patient of a valid bearer token. */
    public PatientRef authenticate(String token) {
        if (token == null || token.isBlank()) {
            throw unauthenticated();
        }
        return accounts.findSession(SecretCodes.hash(token.strip()), clock.now()).orElseThrow(PatientLogin::unauthenticated);
    }

    public static AccountException unauthenticated() {
        return new AccountException(AccountErrorCode.UNAUTHENTICATED, "Authorization", "Authorization : connectez-vous "
                + "(session absente ou expirée).");
    }
}
