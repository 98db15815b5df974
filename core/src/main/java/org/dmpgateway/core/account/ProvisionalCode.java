package org.dmpgateway.core.account;

import org.dmpgateway.model.account.AccountErrorCode;
import org.dmpgateway.model.account.AccountException;
import org.dmpgateway.model.account.CardType;
import org.dmpgateway.model.account.PatientAccount;
import org.springframework.stereotype.Component;

import java.time.Instant;

/**
 * The provisional code (dmp-rules.md section 1): 12 characters, single use, valid for
 * {@code dmp.accounts.code.validity}, kept only as its SHA-256; after
 * {@code dmp.accounts.code.max-attempts} wrong attempts (wrong code or wrong card serial number for
 * the NIR) it is locked until a new one is issued from the NIR and the card serial number.
 */
@Component
public class ProvisionalCode {
    private final AccountSettings settings;
    private final AccountClock clock;

    public ProvisionalCode(AccountSettings settings, AccountClock clock) {
        this.settings = settings;
        this.clock = clock;
    }

    /** A new code for the account (attempts reset, lock lifted): the account to store and the code in clear. */
    public Issued issue(PatientAccount account) {
        String code = SecretCodes.provisionalCode();
        Instant expires = clock.now().plus(settings.codeValidity());
        return new Issued(account.withCode(SecretCodes.hash(code), expires), code, expires);
    }

    public record Issued(PatientAccount account, String code, Instant expires) {
    }

    /** The shape of a typed code, before anything is looked up. */
    public static String shape(String typed) {
        String code = Fields.required(typed, "code", "Le code provisoire").replace(" ", "");
        if (code.length() != SecretCodes.PROVISIONAL_CODE_LENGTH || !code.chars().allMatch(Character::isLetterOrDigit)) {
            throw Fields.invalid("code", "le code provisoire comporte 12 caractères, lettres et chiffres "
                    + "(ex. : HuqZF3KXCz8k).");
        }
        return code;
    }

    /**
     * Checks a typed code and card serial number against the account. The outcome says whether it
     * matched and, when not, the account to store (one more wrong attempt, maybe locked) and the
     * refusal to answer once it is stored.
     */
    public Check check(PatientAccount account, String code, CardType card, String serial) {
        AccountException unusable = unusable(account);
        if (unusable != null) {
            return Check.refused(account, unusable, false);
        }
        if (SecretCodes.matches(code, account.codeHash()) && VitaleSerialRule.matches(card, serial, account.cardSerial())) {
            return new Check(true, account, null, false);
        }
        int failures = account.codeFailures() + 1;
        boolean lock = failures >= settings.codeMaxAttempts();
        PatientAccount counted = account.withCodeFailures(failures, lock);
        if (lock) {
            return Check.refused(counted, locked(), true);
        }
        int left = settings.codeMaxAttempts() - failures;
        return Check.refused(counted, new AccountException(AccountErrorCode.WRONG_CREDENTIALS, "code",
                WRONG + " Il vous reste " + left + (left == 1 ? " essai." : " essais.")), true);
    }

    /**
     * Why the account's code cannot be used whatever is typed (none issued, locked, already used,
     * expired), or null when it can.
     */
    public AccountException unusable(PatientAccount account) {
        if (account.codeHash() == null) {
            return new AccountException(AccountErrorCode.WRONG_CREDENTIALS, "code",
                    WRONG + " Demandez un nouveau code provisoire.");
        }
        if (account.codeLocked()) {
            return locked();
        }
        if (account.codeUsedAt() != null) {
            return new AccountException(AccountErrorCode.CODE_USED, "code",
                    "code : ce code provisoire a déjà été utilisé. Demandez un nouveau code provisoire avec votre "
                            + "numéro de sécurité sociale et le numéro de série de votre carte Vitale.");
        }
        if (!clock.now().isBefore(account.codeExpiresAt())) {
            return new AccountException(AccountErrorCode.CODE_EXPIRED, "code",
                    "code : ce code provisoire a expiré. Demandez un nouveau code provisoire avec votre numéro de "
                            + "sécurité sociale et le numéro de série de votre carte Vitale.");
        }
        return null;
    }

    static final String WRONG = "code : le code provisoire, le numéro de sécurité sociale ou le numéro de série de la "
            + "carte Vitale est incorrect.";

    private AccountException locked() {
        return new AccountException(AccountErrorCode.CODE_LOCKED, "code", "code : votre code provisoire est bloqué "
                + "après " + settings.codeMaxAttempts() + " essais erronés. Demandez un nouveau code provisoire "
                + "avec votre numéro de sécurité sociale et le numéro de série de votre carte Vitale.");
    }

    /**
     * @param matched   the code and serial number are right
     * @param account   the account to store (counters updated when wrong)
     * @param refusal   what to answer when not matched
     * @param counted   a wrong attempt was counted (to store and trace)
     */
    public record Check(boolean matched, PatientAccount account, AccountException refusal, boolean counted) {
        static Check refused(PatientAccount account, AccountException refusal, boolean counted) {
            return new Check(false, account, refusal, counted);
        }
    }
}
